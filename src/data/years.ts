import { invalidValue } from "./errors";

/** Year arguments: whole numbers in 1900..2100; null (omitted) means "latest with data". */
export function checkYear(year: number | null): number | null {
  if (year === null || year === undefined) return null;
  if (typeof year !== "number" || !Number.isInteger(year) || year < 1900 || year > 2100) {
    throw invalidValue(`Year ${String(year)} must be a whole number between 1900 and 2100`);
  }
  return year;
}

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
