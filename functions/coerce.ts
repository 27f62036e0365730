/**
 * Per-cell argument coercion, in one place for every function (as HyperFormula's
 * runFunction does): Excel hands custom functions raw cell values (string, number,
 * boolean, null or "" for blanks), and each parameter kind turns one into the typed
 * value the domain expects or throws a RareError naming the argument.
 */
import { describeValue as describe } from "../src/data/describe-value";
import { invalidValue } from "../src/data/errors";
import { coerceYear } from "../src/data/years";
import { NUMERIC_TEXT, PERCENT_TEXT } from "../src/excel/numeric-text";

export type Coerce<T> = (value: unknown, name: string) => T;

const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A required name: text, not blank. */
export const text: Coerce<string> = (v, name) => {
  if (typeof v === "string") {
    if (v.trim() !== "") return v;
    throw invalidValue(`${name} is blank: give a name, e.g. "Neodymium".`);
  }
  if (isBlank(v)) throw invalidValue(`${name} is blank: give a name, e.g. "Neodymium".`);
  throw invalidValue(`${name} must be text, not ${describe(v)}.`);
};

/** An optional name or field: omitted or blank means null. */
export const optionalText: Coerce<string | null> = (v, name) => (isBlank(v) ? null : text(v, name));

/** Text or a number, e.g. a SOURCE field that may be a column name or a year. */
export const optionalTextOrNumber: Coerce<string | number | null> = (v, name) => {
  if (isBlank(v)) return null;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return text(v, name);
};

/** A required number; numeric text and "80%" are accepted as Excel would coerce them. */
export const number: Coerce<number> = (v, name) => {
  if (typeof v === "number") {
    if (Number.isFinite(v)) return v === 0 ? 0 : v;
    throw invalidValue(`${name} must be a finite number.`);
  }
  if (typeof v === "string") {
    const pct = PERCENT_TEXT.exec(v);
    if (pct) return Number(pct[1]) / 100;
    if (NUMERIC_TEXT.test(v)) return Number(v);
  }
  if (isBlank(v)) throw invalidValue(`${name} is blank: give a number.`);
  throw invalidValue(`${name} must be a number, not ${describe(v)}.`);
};

/** An optional year: a whole number; the domain checks that data exists for it. */
export const optionalYear: Coerce<number | null> = (v, name) => coerceYear(v, name);
