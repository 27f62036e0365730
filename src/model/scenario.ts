/**
 * The scenario model: what an export cut by China does to supply, price and cost.
 * Pure arithmetic over fractions; the only data it needs is China's share, asked of the
 * dataset through `share()`, whose RareErrors (unknown element, no sourced share) pass
 * through untouched so Excel shows the dataset's own message.
 *
 *   supply gap   = China share × export cut × (1 − mitigation offset)        (fraction of supply)
 *   price change = (1 − supply gap)^(−1/ε) − 1, or supply gap ÷ ε ("linear")  (fraction, +0.8 = +80 %)
 *   cost impact  = exposure (t) × 1,000 kg/t × base price (USD/kg) × price change   (USD)
 *
 * docs/SCENARIOS.md explains the formulas, the bound and every default.
 */
import type { RareQueries } from "../data/api";
import { invalidNumber } from "../data/errors";
import { DEFAULT_ELASTICITY, DEFAULT_MITIGATION } from "./presets";
import { DEFAULT_PRICE_MODEL, type PriceModel } from "./price-model";
import { formatNumber, requireElasticity, requireFinite, requireFraction, requireNonNegative } from "./scenario-inputs";

/** The one dataset query the model needs; tests pass a two-line fake. */
export type ShareQuery = Pick<RareQueries, "share">;

/** supply gap = share × cut × (1 − mitigation); each input checked to be a fraction 0..1. */
export function supplyGap(share: number, cut: number, mitigation: number): number {
  const s = requireFraction(share, "China share");
  const c = requireFraction(cut, "Cut");
  const m = requireFraction(mitigation, "Mitigation");
  return s * c * (1 - m);
}

/**
 * price change for a supply gap, elasticity a magnitude > 0:
 *   "constant" (default): (1 − gap)^(−1/ε) − 1, the constant-elasticity demand curve;
 *   "linear": gap ÷ ε, its first-order approximation at gap → 0.
 * No cap (docs/SCENARIOS.md, "Bounds"): a result too large for a double is #NUM!, and so is a
 * total loss of supply under the constant model, where no finite price clears the market.
 */
export function priceChange(gap: number, elasticity: number, model: PriceModel = DEFAULT_PRICE_MODEL): number {
  const g = requireFraction(gap, "Supply gap");
  const e = requireElasticity(elasticity);
  // No gap, no change, whatever the elasticity (1^−∞ is NaN in floating point).
  if (g === 0) return 0;
  if (model === "linear") return finiteChange(g / e, g, e);
  if (g === 1) {
    throw invalidNumber(
      'A supply gap of 100% has no price under constant-elasticity demand: no finite price clears a market with no supply. Lower the cut or raise the mitigation, or use the "linear" model.',
    );
  }
  return finiteChange(Math.pow(1 - g, -1 / e) - 1, g, e);
}

function finiteChange(change: number, gap: number, elasticity: number): number {
  if (Number.isFinite(change)) return change;
  throw invalidNumber(
    `The price change for a supply gap of ${formatNumber(gap)} at elasticity ${formatNumber(elasticity)} is too large to compute: raise the elasticity.`,
  );
}

/**
 * cost impact (USD) = exposure (t) × 1,000 × base price (USD/kg) × price change.
 * The multiplication order matches the scenario sheet's formula, so both give the same
 * floating-point result. Exposure may be negative (a net seller gains).
 */
export function costImpact(exposureTonnes: number, basePriceUsdPerKg: number, change: number): number {
  const exposure = requireFinite(exposureTonnes, "Exposure");
  const price = requireNonNegative(basePriceUsdPerKg, "Base price");
  const c = requireFinite(change, "Price change");
  return exposure * 1000 * price * c;
}

/**
 * Combined offset of several strategies: 1 − Π(1 − offset_i). Each strategy closes its
 * fraction of what the others leave open, so offsets compound and never exceed 100 %
 * (adding them would: 60 % + 60 % = 120 %). No strategies → 0.
 */
export function combineMitigation(offsets: readonly number[]): number {
  let open = 1;
  offsets.forEach((offset, i) => {
    open *= 1 - requireFraction(offset, `Mitigation offset ${i + 1}`);
  });
  return 1 - open;
}

export interface ScenarioOutcome {
  readonly share: number;
  readonly cut: number;
  readonly mitigation: number;
  readonly elasticity: number;
  readonly gap: number;
  readonly model: PriceModel;
  readonly priceChange: number;
}

/**
 * The whole chain for one element, with defaults applied: mitigation null → 0,
 * elasticity null → DEFAULT_ELASTICITY (an assumption). Arguments are checked in the
 * order a formula lists them, so the first bad argument is the one reported.
 */
export function evaluateScenario(
  queries: ShareQuery,
  element: string,
  cut: number,
  elasticity: number | null,
  mitigation: number | null,
  model: PriceModel | null = null,
): ScenarioOutcome {
  const share = queries.share(element, null);
  const c = requireFraction(cut, "Cut");
  const e = elasticity === null ? DEFAULT_ELASTICITY.value : requireElasticity(elasticity);
  const m = mitigation === null ? DEFAULT_MITIGATION.value : requireFraction(mitigation, "Mitigation");
  // The share comes from the dataset, possibly a workbook override typed as 80 for 80 %.
  const s = requireFraction(share, `China share of ${element}`);
  const gap = supplyGap(s, c, m);
  return {
    share: s,
    cut: c,
    mitigation: m,
    elasticity: e,
    gap,
    model: model ?? DEFAULT_PRICE_MODEL,
    priceChange: priceChange(gap, e, model ?? DEFAULT_PRICE_MODEL),
  };
}

/** RARE.GAP(element, cut, [mitigation]): the supply gap as a fraction of the element's supply. */
export function gap(queries: ShareQuery, element: string, cut: number, mitigation: number | null): number {
  return evaluateScenario(queries, element, cut, null, mitigation).gap;
}

/**
 * RARE.PRICEIMPACT(element, cut, [elasticity], [mitigation], [model]): the price change as a
 * fraction. It takes exactly evaluateScenario's arguments, so the two cannot drift apart.
 */
export function priceImpact(...args: Parameters<typeof evaluateScenario>): number {
  return evaluateScenario(...args).priceChange;
}
