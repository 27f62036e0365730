/**
 * Cell readers shared by the seed parsers. Sources print numbers with thousands separators
 * ("7,900"), NA for "not available", and text codes that are values in their own right
 * (">95", "E" for net exporter, "XX"): those are kept as text, never coerced.
 */
export type Cell =
  { kind: "blank" } | { kind: "na" } | { kind: "number"; value: number } | { kind: "text"; text: string };

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const GROUPED_NUMBER = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

export function readCell(text: string): Cell {
  if (text === "") return { kind: "blank" };
  if (text === "NA") return { kind: "na" };
  if (PLAIN_NUMBER.test(text)) return { kind: "number", value: Number(text) };
  if (GROUPED_NUMBER.test(text)) return { kind: "number", value: Number(text.replace(/,/g, "")) };
  return { kind: "text", text };
}

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text);
}

/** Source ids cited in free text as `[S14]`, in order of first appearance. */
export function citedIds(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(/\[(S\d+)\]/g)) if (!ids.includes(match[1])) ids.push(match[1]);
  return ids;
}

export const YEAR_MIN = 1990;
export const YEAR_MAX = 2100;

export function isDataYear(value: number): boolean {
  return Number.isInteger(value) && value >= YEAR_MIN && value <= YEAR_MAX;
}
