import { chooseStageFigures } from "../../../scripts/data/stages";
import type { StageShareRecord } from "../../../src/data/types";

const row = (over: Partial<StageShareRecord>): StageShareRecord => ({
  stage: "mining",
  indicator: "China share of mined supply",
  scope: "rare earths",
  year: "2023",
  valueText: "60",
  value: 0.6,
  qualifier: "",
  publisher: "P",
  document: "D",
  sourceType: "primary",
  src: ["S1"],
  chosen: false,
  ...over,
});

const chosenOf = (rows: StageShareRecord[]) => chooseStageFigures(rows).get("mining")?.valueText;

describe("the stage-figure rule", () => {
  it("excludes projections, ranges, other stages and indicators that are not China's own share", () => {
    expect(
      chosenOf([
        row({ indicator: "China share of mined supply (projection)", year: "2030", valueText: "1" }),
        row({ valueText: "85-95", value: null, qualifier: "range" }),
        row({ indicator: "Top-3 share of mined supply", valueText: "2" }),
        row({ stage: "", valueText: "3" }),
        row({ stage: "refining", valueText: "4" }),
        row({ year: "2010", valueText: "5" }),
      ]),
    ).toBe("5");
  });

  it("prefers an exact figure over a qualified one even when the qualified one is newer", () => {
    expect(
      chosenOf([row({ qualifier: "over", year: "2024", valueText: "1" }), row({ year: "2020", valueText: "2" })]),
    ).toBe("2");
  });

  it("then a stated data year over an unstated one", () => {
    expect(
      chosenOf([
        row({ year: "not stated (2024 data implied)", valueText: "1" }),
        row({ year: "2021", valueText: "2" }),
      ]),
    ).toBe("2");
  });

  it("then the latest year (a period counts by its end), then file order", () => {
    expect(chosenOf([row({ year: "2023", valueText: "1" }), row({ year: "2020-2024", valueText: "2" })])).toBe("2");
    expect(chosenOf([row({ year: "2023", valueText: "1" }), row({ year: "2023", valueText: "2" })])).toBe("1");
  });

  it("marks exactly the chosen row and leaves a stage without candidates unset", () => {
    const rows = [row({ valueText: "1" }), row({ year: "2020", valueText: "2" })];
    const chosen = chooseStageFigures(rows);
    expect(rows.map((r) => r.chosen)).toEqual([true, false]);
    expect(chosen.has("magnets")).toBe(false);
  });
});
