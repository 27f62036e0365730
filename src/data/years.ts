import { NUMERIC_TEXT } from "../excel/numeric-text";
import { describeValue } from "./describe-value";
import { invalidValue } from "./errors";

/**
 * Year arguments, in one place for every function (and SOURCE's year field), so the same
 * bad year gets the same message everywhere: a whole number in 1900..2100, or numeric
 * text; omitted or blank means "latest with data" (null).
 */
export function coerceYear(v: unknown, name = "year"): number | null {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return null;
  const n = typeof v === "number" ? v : typeof v === "string" && NUMERIC_TEXT.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw invalidValue(`${name} must be a whole year such as 2024, not ${describeValue(v)}.`);
  if (n < 1900 || n > 2100) throw invalidValue(`${name} ${n} is out of range: use a year between 1900 and 2100.`);
  return n;
}

export const checkYear = (year: number | null): number | null => coerceYear(year);

/** "2020–2024" for a run, "2017, 2019–2021" otherwise. Expects ascending years. */
export function yearsText(years: readonly number[]): string {
  const parts: string[] = [];
  let start = years[0];
  for (let i = 1; i <= years.length; i++) {
    if (i < years.length && years[i] === years[i - 1] + 1) continue;
    const end = years[i - 1];
    parts.push(start === end ? String(start) : `${start}–${end}`);
    start = years[i];
  }
  return parts.join(", ");
}
