import { readFileSync } from "fs";
import { join } from "path";
import { previousRelease } from "../../../scripts/compile-data";
import { dataChanges } from "../../../scripts/data/changes";
import { figuresOf } from "../../../scripts/data/figures";
import { compiled, repoRoot } from "./seeds";

describe("docs/DATA-CHANGES.md", () => {
  const dataset = compiled();
  const previous = previousRelease(dataset.version)!;

  it("is exactly what the data build writes (generated, never edited by hand)", () => {
    const written = readFileSync(join(repoRoot, "docs", "DATA-CHANGES.md"), "utf8");
    expect(written).toBe(dataChanges(previous, dataset.version, figuresOf(dataset)));
  });

  it("lists MCS2026's revisions of 2024 with old and new values and the reason", () => {
    const text = dataChanges(previous, dataset.version, figuresOf(dataset));
    expect(text).toContain("- production Australia 2024: 13,000 → 29,000 (MCS2026 revised 2024 (was MCS2025))");
    expect(text).toContain("- production Nigeria 2024: 13,000 → 1,500");
    expect(text).toMatch(/- reserves Brazil: 21000000 → 11000000 \(.*v1\.3/);
    expect(text).toContain("- production China 2025: none → 270,000 (new in MCS2026)");
  });
});
