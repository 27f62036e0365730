/**
 * Scenario presets: the three risk factors and four strategies of the seed article
 * (seeds/002, "Risk Factor" and "Strategy" tables), each with a numeric default.
 *
 * The numbers here are judgement, not data: no source gives "the export cut of an export
 * quota" or "the offset of a recycling programme". Each carries `assumption: true` and a
 * one-line rationale, and every one of them is an editable input on a scenario sheet.
 * Facts (China's shares, prices, the impact/mitigation/benefit texts) are deliberately not
 * here: they come from the dataset through RARE functions, with their sources.
 */

export interface Assumption {
  readonly value: number;
  readonly assumption: true;
  readonly rationale: string;
}

export interface RiskFactorPreset {
  /** The risk factor's name as in the seed article's table (and so in the dataset). */
  readonly name: string;
  /** Export cut: the fraction of China's supply withheld, 0..1. */
  readonly cut: Assumption;
}

export interface StrategyPreset {
  /** The strategy's name as in the seed article's table (and so in the dataset). */
  readonly name: string;
  /** Mitigation offset: the fraction of the supply gap the strategy closes, 0..1. */
  readonly offset: Assumption;
}

const assume = (value: number, rationale: string): Assumption => ({ value, assumption: true, rationale });

export const RISK_FACTOR_PRESETS: readonly RiskFactorPreset[] = [
  {
    name: "Export Quotas",
    cut: assume(
      0.3,
      "A quota caps volumes rather than stopping them: a 30% tighter quota is a moderate case, not a forecast.",
    ),
  },
  {
    name: "Geopolitical Tensions",
    cut: assume(
      0.5,
      "Tensions escalating into broad export restrictions: half of China's supply withheld, as a severe stress case.",
    ),
  },
  {
    name: "Market Volatility",
    cut: assume(0.1, "No deliberate restriction: a 10% disruption stands for ordinary market swings."),
  },
];

export const STRATEGY_PRESETS: readonly StrategyPreset[] = [
  {
    name: "Domestic Mining Expansion",
    offset: assume(
      0.2,
      "New mines and plants take years, so within a disruption they replace only part of the missing supply.",
    ),
  },
  {
    name: "International Partnerships",
    offset: assume(
      0.15,
      "Supply outside China exists but its refining capacity is limited, so partners cover a modest part of a cut.",
    ),
  },
  {
    name: "Material Substitution Research",
    offset: assume(0.05, "Research pays off over years, so it offsets little within the scenario's horizon."),
  },
  {
    name: "Recycling Programs",
    offset: assume(0.1, "Recycled feed is small next to primary supply and costly to collect, so a small offset."),
  },
];

/** Used by RARE.PRICEIMPACT when elasticity is omitted, and as the sheet's starting value. */
export const DEFAULT_ELASTICITY: Assumption = assume(
  0.5,
  "Short-run demand for rare earths is taken as inelastic (few quick substitutes); 0.5 is a round middle value, not an estimate from data.",
);

/** Used by RARE.GAP and RARE.PRICEIMPACT when mitigation is omitted. */
export const DEFAULT_MITIGATION: Assumption = assume(
  0,
  "Omitted mitigation means none: the unmitigated case is the baseline that strategies are compared against.",
);

/** Case- and spacing-insensitive, like the dataset's name resolution for these short lists. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
  return norm(a) === norm(b);
}

export function findRiskFactorPreset(name: string): RiskFactorPreset | undefined {
  return RISK_FACTOR_PRESETS.find((p) => sameName(p.name, name));
}

export function findStrategyPreset(name: string): StrategyPreset | undefined {
  return STRATEGY_PRESETS.find((p) => sameName(p.name, name));
}
