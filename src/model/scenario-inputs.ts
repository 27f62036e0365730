/**
 * Checks for the scenario model's numeric inputs. One place, so every caller (RARE.GAP,
 * RARE.PRICEIMPACT, the sheet builder, the pane) rejects the same values with the same words.
 *
 * Type errors are #VALUE! (invalidValue); numbers outside their range are #NUM!
 * (invalidNumber), as src/data/errors.ts lays down.
 */
import { invalidNumber, invalidValue } from "../data/errors";

/** Short, readable rendering of a number for messages (0.30000000000000004 → 0.3). */
export function formatNumber(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(12))) : String(n);
}

function requireNumber(value: unknown, what: string): number {
  if (typeof value !== "number") {
    throw invalidValue(`${what} must be a number, got ${typeof value === "string" ? `"${value}"` : String(value)}.`);
  }
  if (!Number.isFinite(value)) throw invalidNumber(`${what} must be a finite number, got ${String(value)}.`);
  return value;
}

/**
 * A fraction 0..1. Excel passes a percent-formatted 80% as 0.8, so anything above 1 is an
 * input mistake. The value alone cannot tell 150% from a 1.5 meant as 1.5%, so the message
 * shows it both ways and says how to enter the percentage if that is what was meant.
 */
export function requireFraction(value: unknown, what: string): number {
  const n = requireNumber(value, what);
  if (n >= 0 && n <= 1) return n;
  const shown = formatNumber(n);
  const range = `${what} ${shown} (${formatNumber(n * 100)}%) is outside 0..1 (0% to 100%).`;
  if (n > 1 && n <= 100) {
    throw invalidNumber(`${range} If you meant ${shown}%, enter ${shown}% or ${formatNumber(n / 100)}.`);
  }
  throw invalidNumber(range);
}

/**
 * Price elasticity of demand, given as its magnitude (> 0). Textbooks write it negative;
 * we take the magnitude so a sign slip cannot flip a shortage into a price fall.
 */
export function requireElasticity(value: unknown): number {
  const n = requireNumber(value, "Elasticity");
  if (n > 0) return n;
  if (n < 0) {
    throw invalidNumber(
      `Elasticity ${formatNumber(n)}: enter its magnitude, greater than 0 (e.g. ${formatNumber(-n)} for an elasticity of ${formatNumber(n)}).`,
    );
  }
  throw invalidNumber(
    "Elasticity 0 would turn any shortage into an unbounded price change: enter a magnitude greater than 0, e.g. 0.5.",
  );
}

/** Any finite number (exposure may be negative: a net seller gains from a price rise). */
export function requireFinite(value: unknown, what: string): number {
  return requireNumber(value, what);
}

/** A finite number >= 0 (a price). */
export function requireNonNegative(value: unknown, what: string): number {
  const n = requireNumber(value, what);
  if (n < 0) throw invalidNumber(`${what} ${formatNumber(n)} must not be negative.`);
  return n;
}
