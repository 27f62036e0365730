/**
 * Tornado sensitivity: each assumption of a scenario moved alone to a low and a high bound,
 * the others held, and the outcome at each. The outcome is the total cost impact over the
 * elements with an exposure, or the mean price change where no exposure is given. The
 * comparison sheet computes the same with live formulas; this is what orders its rows.
 */
import { combineMitigation, priceChange, supplyGap } from "./scenario";
import type { PriceModel } from "./price-model";

export type AssumptionKind = "cut" | "elasticity" | "offset";

export interface Bounds {
  readonly low: number;
  readonly high: number;
}

/** ±50 % of the value, clipped to what the assumption can be (fractions ≤ 1; elasticity > 0). */
export function defaultBounds(kind: AssumptionKind, value: number): Bounds {
  const low = value * 0.5;
  const high = value * 1.5;
  return kind === "elasticity" ? { low, high } : { low: Math.max(0, low), high: Math.min(1, high) };
}

export interface TornadoElement {
  readonly share: number;
  /** USD/kg; null where the sources give none. */
  readonly price: number | null;
  /** Tonnes; null where none is typed. */
  readonly exposure: number | null;
}

export interface TornadoScenario {
  readonly cut: number;
  readonly elasticity: number;
  readonly offsets: readonly number[];
  readonly model: PriceModel;
}

/** Total cost impact (USD) if any element has an exposure, else the mean price change. */
export function tornadoOutcome(elements: readonly TornadoElement[], s: TornadoScenario): number {
  const mitigation = combineMitigation(s.offsets);
  const changes = elements.map((e) => priceChange(supplyGap(e.share, s.cut, mitigation), s.elasticity, s.model));
  const exposed = elements.some((e) => e.exposure !== null);
  if (!exposed) return changes.reduce((a, b) => a + b, 0) / Math.max(1, changes.length);
  return elements.reduce(
    (sum, e, i) => (e.exposure === null ? sum : sum + e.exposure * 1000 * (e.price ?? NaN) * changes[i]),
    0,
  );
}

export interface TornadoRow {
  /** "cut", "elasticity" or the offset's index as "offset:<i>". */
  readonly key: string;
  readonly atLow: number;
  readonly atHigh: number;
  readonly swing: number;
}

/** One row per assumption, widest swing first (ties keep the assumptions' order). */
export function tornadoRows(
  elements: readonly TornadoElement[],
  s: TornadoScenario,
  bounds: ReadonlyMap<string, Bounds>,
): TornadoRow[] {
  const at = (key: string, v: number): number => {
    try {
      return outcomeWith(key, v);
    } catch {
      return NaN; // a bound the model refuses (a 100 % gap): its row sorts last, the sheet shows the error
    }
  };
  const outcomeWith = (key: string, v: number): number => {
    if (key === "cut") return tornadoOutcome(elements, { ...s, cut: v });
    if (key === "elasticity") return tornadoOutcome(elements, { ...s, elasticity: v });
    const i = Number(key.slice("offset:".length));
    return tornadoOutcome(elements, { ...s, offsets: s.offsets.map((o, j) => (j === i ? v : o)) });
  };
  const rows = [...bounds.entries()].map(([key, b]) => {
    const atLow = at(key, b.low);
    const atHigh = at(key, b.high);
    return { key, atLow, atHigh, swing: Math.abs(atHigh - atLow) };
  });
  // NaN (no price for an exposed element) sorts last rather than scrambling the order.
  const size = (r: TornadoRow) => (Number.isNaN(r.swing) ? -1 : r.swing);
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => size(b.r) - size(a.r) || a.i - b.i)
    .map(({ r }) => r);
}
