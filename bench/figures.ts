/**
 * One measured number with its unit and, when it has one, the target it is held to. Every
 * bench returns a list of these, so the runner can print one table and one RESULTS.md.
 */
export interface Figure {
  readonly section: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** Decimals to print. */
  readonly digits: number;
  /** Upper bound the figure must stay within; absent for figures given for information. */
  readonly max?: number;
  /** Short method note shown beside the figure (runs, sizes, what is compared). */
  readonly note?: string;
}

export type Verdict = "PASS" | "MISS" | "info";

export function verdict(f: Figure): Verdict {
  if (f.max === undefined) return "info";
  return f.value <= f.max ? "PASS" : "MISS";
}

export function formatValue(value: number, digits: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatTarget(f: Figure): string {
  return f.max === undefined ? "" : `≤ ${formatValue(f.max, f.digits)} ${f.unit}`;
}
