import {
  DEFAULT_ELASTICITY,
  DEFAULT_MITIGATION,
  RISK_FACTOR_PRESETS,
  STRATEGY_PRESETS,
  findRiskFactorPreset,
  findStrategyPreset,
} from "../../../src/model/presets";
import { requireElasticity, requireFraction } from "../../../src/model/scenario-inputs";

describe("presets", () => {
  it("cover the seed article's three risk factors and four strategies, by their table names", () => {
    expect(RISK_FACTOR_PRESETS.map((p) => p.name)).toEqual([
      "Export Quotas",
      "Geopolitical Tensions",
      "Market Volatility",
    ]);
    expect(STRATEGY_PRESETS.map((p) => p.name)).toEqual([
      "Domestic Mining Expansion",
      "International Partnerships",
      "Material Substitution Research",
      "Recycling Programs",
    ]);
  });

  const assumptions = [
    ...RISK_FACTOR_PRESETS.map((p) => [`cut of ${p.name}`, p.cut] as const),
    ...STRATEGY_PRESETS.map((p) => [`offset of ${p.name}`, p.offset] as const),
    ["default elasticity", DEFAULT_ELASTICITY] as const,
    ["default mitigation", DEFAULT_MITIGATION] as const,
  ];

  it.each(assumptions)("%s is labelled as an assumption with a one-line rationale", (_label, a) => {
    expect(a.assumption).toBe(true);
    expect(a.rationale.length).toBeGreaterThan(20);
    expect(a.rationale).not.toMatch(/\n/);
  });

  it("every default is a valid input of the model", () => {
    for (const p of RISK_FACTOR_PRESETS) expect(requireFraction(p.cut.value, "Cut")).toBe(p.cut.value);
    for (const p of STRATEGY_PRESETS) expect(requireFraction(p.offset.value, "Offset")).toBe(p.offset.value);
    expect(requireElasticity(DEFAULT_ELASTICITY.value)).toBe(0.5);
    expect(DEFAULT_MITIGATION.value).toBe(0);
  });

  it("holds no facts: only name and one assumption per preset", () => {
    for (const p of RISK_FACTOR_PRESETS) expect(Object.keys(p).sort()).toEqual(["cut", "name"]);
    for (const p of STRATEGY_PRESETS) expect(Object.keys(p).sort()).toEqual(["name", "offset"]);
  });

  it("finds presets regardless of case and spacing", () => {
    expect(findRiskFactorPreset("  export   QUOTAS ")?.name).toBe("Export Quotas");
    expect(findStrategyPreset("recycling programs")?.offset.value).toBe(0.1);
    expect(findRiskFactorPreset("Tariffs")).toBeUndefined();
    expect(findStrategyPreset("Stockpiling")).toBeUndefined();
  });
});
