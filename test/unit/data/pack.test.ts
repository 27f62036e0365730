import { packDataset, unpackDataset } from "../../../src/data/pack";
import { compiled } from "./seeds";

describe("packed dataset", () => {
  it("unpack(pack(d)) is d, field for field (absent optional fields stay absent, null stays null)", () => {
    const d = compiled();
    const round = unpackDataset(JSON.parse(JSON.stringify(packDataset(d))));
    expect(round).toStrictEqual(d);
    expect(round.reserves.some((r) => r.tonnes === null)).toBe(true);
    expect(round.production.some((p) => !("note" in p))).toBe(true);
  });

  it("is smaller than the plain JSON", () => {
    const d = compiled();
    expect(JSON.stringify(packDataset(d)).length).toBeLessThan(JSON.stringify(d).length * 0.75);
  });

  it("refuses an unknown format", () => {
    expect(() => unpackDataset({ format: "other" } as never)).toThrow(/npm run data/);
  });
});
