import { invalidNumber } from "./errors";

/**
 * Market concentration. Pure maths over the figures a caller passes in; which rows count as
 * producers (and what the total is) is the caller's decision, stated where it is made.
 */

function checkValues(values: readonly number[]): number {
  let total = 0;
  for (const v of values) {
    if (!Number.isFinite(v) || v < 0)
      throw invalidNumber(`Production figures must be finite and non-negative; got ${v}`);
    total += v;
  }
  if (total === 0) throw invalidNumber("Cannot compute shares: the figures sum to zero");
  return total;
}

/** Each value's share (0..1) of the sum of the values. */
export function shares(values: readonly number[]): number[] {
  const total = checkValues(values);
  return values.map((v) => v / total);
}

/**
 * Herfindahl–Hirschman index on the 0..10,000 scale: the sum of squared percentage shares of
 * the total. 10,000 is a single producer; n equal producers give 10,000 / n.
 */
export function hhi(values: readonly number[]): number {
  const total = checkValues(values);
  let sum = 0;
  for (const v of values) {
    const pct = (v / total) * 100;
    sum += pct * pct;
  }
  // Float rounding can push a single-producer sum a hair past the bound.
  return Math.min(10000, sum);
}
