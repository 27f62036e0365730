import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { packDataset } from "../../../src/data/pack";
import { compiled, repoRoot } from "./seeds";

const generated = join(repoRoot, "src", "data", "generated", "dataset.json");

describe("the generated bundle", () => {
  it("exists (run `npm run data`) and is exactly what the current seeds compile to", () => {
    expect(existsSync(generated)).toBe(true);
    expect(readFileSync(generated, "utf8").trim()).toBe(JSON.stringify(packDataset(compiled())));
  });

  it("stays small enough for functions.js (≤ 72 KB of the 128 KB budget)", () => {
    expect(readFileSync(generated).length).toBeLessThanOrEqual(72 * 1024);
  });

  it("`bundled` answers from it", async () => {
    const { bundled, bundledDataset } = await import("../../../src/data/bundled");
    expect(bundled.version()).toBe(compiled().version);
    expect(bundledDataset).toStrictEqual(compiled());
    expect(bundled.share("Nd", null)).toBe(0.8);
  });
});
