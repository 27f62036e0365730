/**
 * Cell-level reading for type detection: missing markers, and the classifier that gives each
 * cell its type bits (types/bits.ts) under both decimal conventions, with what the cell
 * says about which convention the column uses.
 */
import { DateReader } from "./dates";
import { NumberReader } from "./numbers";
import { CELL_BOOLEAN, CELL_CURRENCY, CELL_NUMBER, CELL_PERCENT, COMMA_SHIFT } from "./types/bits";
import { readBoolean } from "./types/boolean";

export {
  CELL_ANY,
  CELL_BOOLEAN,
  CELL_CURRENCY,
  CELL_DATE_DMY,
  CELL_DATE_ISO,
  CELL_DATE_MDY,
  CELL_NUMBER,
  CELL_PERCENT,
} from "./types/bits";
export { readBoolean };

/**
 * Empty, spaces only, or a "no data" marker (NA, N/A, n/a, #N/A). Type detection passes over
 * them, so a column of numbers with NA in it is still a Number column. Converting keeps the
 * markers as written, as text counted with the column's other non-numbers (Excel keeps "NA" as
 * text when it opens a CSV, and a source's NA is not a blank): see `isBlank`.
 */
export function isMissing(t: string, s: number, e: number): boolean {
  while (s < e && t.charCodeAt(s) === 32) s++;
  while (e > s && t.charCodeAt(e - 1) === 32) e--;
  const n = e - s;
  if (n === 0) return true;
  if (n > 4) return false;
  let c = t.charCodeAt(s);
  if (c === 35) c = t.charCodeAt(++s); // "#N/A", as Excel exports it
  if (c !== 78 && c !== 110) return false; // N or n: skips the slice for "12", "E", ...

  const v = t.slice(s, e);
  return v === "NA" || v === "N/A" || v === "n/a";
}

/** Empty or spaces only: the one kind of cell a typed column writes as a blank cell. */
export function isBlank(t: string, s: number, e: number): boolean {
  while (s < e && t.charCodeAt(s) === 32) s++;
  while (e > s && t.charCodeAt(e - 1) === 32) e--;
  return e === s;
}

/** What the last classified cell says about the column's decimal convention. */
export const Evidence = {
  /** Not a number, or the same value under both conventions ("12", "2024-01-01"). */
  None: 0,
  /** Only a decimal point reads it ("0.125", "1,234.5"). */
  Dot: 1,
  /** Only a decimal comma reads it ("3,5", "1.234,5", "12,50 €"). */
  Comma: 2,
  /** Only the decimal-comma convention's space groups read it ("100 200"): a hint, not proof. */
  Spaced: 3,
  /** Both read it, as different values ("1.500": 1.5 or 1500). */
  Ambiguous: 4,
} as const;
export type Evidence = (typeof Evidence)[keyof typeof Evidence];

function numberBits(r: NumberReader): number {
  if (r.currency !== "") return CELL_CURRENCY;
  return r.percent ? CELL_PERCENT | CELL_NUMBER : CELL_NUMBER | CELL_CURRENCY;
}

function mayBeNumber(c: number): boolean {
  // digits - . , ( and the currency symbols a number may start with
  return (
    (c >= 48 && c <= 57) ||
    c === 45 ||
    c === 46 ||
    c === 44 ||
    c === 40 ||
    c === 36 ||
    c === 0x20ac ||
    c === 0xa3 ||
    c === 0xa5 ||
    c === 0x20b9 ||
    c === 0x20a9
  );
}

/** Classifies cells (readers keep scratch state: one instance per walk). */
export class CellClassifier {
  readonly dot = new NumberReader(false);
  readonly comma = new NumberReader(true);
  readonly dates = new DateReader();
  /** The last classified cell's evidence about the decimal convention. */
  evidence: Evidence = Evidence.None;
  /** Whether the comma reading of the last cell was not run because it equals the point one. */
  commaSame = false;
  /** Whether the last cell was a number outside the range Excel holds ("1e-400"). */
  outOfRange = false;

  /** Bits for text[s, e) (not missing). A first-char test skips readers that cannot match. */
  classify(t: string, s: number, e: number): number {
    this.evidence = Evidence.None;
    this.outOfRange = false;
    while (s < e && t.charCodeAt(s) === 32) s++;
    const c = t.charCodeAt(s);
    if (mayBeNumber(c)) {
      const dot = this.dot;
      const v = dot.read(t, s, e);
      const dotBits = v === v ? numberBits(dot) : 0;
      // Without a "." or "," both conventions read the same (or "1 234": only the comma one).
      this.commaSame = v === v && !dot.separators;
      if (this.commaSame) return dotBits | (dotBits << COMMA_SHIFT);
      const comma = this.comma;
      const w = comma.read(t, s, e);
      const commaBits = w === w ? numberBits(comma) : 0;
      if (v === v) this.evidence = w === w ? (v === w ? Evidence.None : Evidence.Ambiguous) : Evidence.Dot;
      else if (w === w)
        this.evidence = comma.spaced && comma.decimals === 0 && !comma.currencyAfter ? Evidence.Spaced : Evidence.Comma;
      else {
        this.outOfRange = dot.outOfRange || comma.outOfRange;
        return c >= 48 && c <= 57 ? this.dates.classify(t, s, e) : 0;
      }
      return dotBits | (commaBits << COMMA_SHIFT);
    }
    if ((c | 0x20) === 116 || (c | 0x20) === 102) return readBoolean(t, s, e) === null ? 0 : CELL_BOOLEAN;
    return 0;
  }
}
