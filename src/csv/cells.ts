/**
 * What a single cell can be. Type detection ANDs these bits over a column; the import then
 * converts every cell with the one reader its column's type needs.
 */
import { DATE_DMY, DATE_ISO, DATE_MDY, DateReader } from "./dates";
import { NumberReader } from "./numbers";

export const CELL_NUMBER = 1;
export const CELL_PERCENT = 2;
export { DATE_ISO as CELL_DATE_ISO, DATE_DMY as CELL_DATE_DMY, DATE_MDY as CELL_DATE_MDY };
export const CELL_BOOLEAN = 32;
export const CELL_ANY = CELL_NUMBER | CELL_PERCENT | DATE_ISO | DATE_DMY | DATE_MDY | CELL_BOOLEAN;

/** TRUE/FALSE in any case → true/false; anything else → null. "yes"/"no" stay text: Excel shows booleans as TRUE/FALSE, which would change the user's words. */
export function readBoolean(t: string, s: number, e: number): boolean | null {
  while (s < e && t.charCodeAt(s) === 32) s++;
  while (e > s && t.charCodeAt(e - 1) === 32) e--;
  const n = e - s;
  if (n === 4) {
    if (
      (t.charCodeAt(s) | 0x20) === 116 &&
      (t.charCodeAt(s + 1) | 0x20) === 114 &&
      (t.charCodeAt(s + 2) | 0x20) === 117 &&
      (t.charCodeAt(s + 3) | 0x20) === 101
    )
      return true;
  } else if (n === 5) {
    if (
      (t.charCodeAt(s) | 0x20) === 102 &&
      (t.charCodeAt(s + 1) | 0x20) === 97 &&
      (t.charCodeAt(s + 2) | 0x20) === 108 &&
      (t.charCodeAt(s + 3) | 0x20) === 115 &&
      (t.charCodeAt(s + 4) | 0x20) === 101
    )
      return false;
  }
  return null;
}

/**
 * Empty, spaces only, or a "no data" marker (NA, N/A, n/a, #N/A). In number, percent, date and
 * boolean columns these become blank cells. Text columns keep the markers as written: "NA" is
 * also Namibia's ISO code.
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

/** Classifies cells; one instance per decimal convention (readers keep scratch state). */
export class CellClassifier {
  readonly numbers: NumberReader;
  readonly dates = new DateReader();

  constructor(decimalComma: boolean) {
    this.numbers = new NumberReader(decimalComma);
  }

  /** Bits for text[s, e) (not missing). A first-char test skips readers that cannot match. */
  classify(t: string, s: number, e: number): number {
    while (s < e && t.charCodeAt(s) === 32) s++;
    const c = t.charCodeAt(s);
    if ((c >= 48 && c <= 57) || c === 45 || c === 46 || c === 44) {
      const v = this.numbers.read(t, s, e);
      if (v === v) return this.numbers.percent ? CELL_PERCENT : CELL_NUMBER;
      return c >= 48 && c <= 57 ? this.dates.classify(t, s, e) : 0;
    }
    if ((c | 0x20) === 116 || (c | 0x20) === 102) return readBoolean(t, s, e) === null ? 0 : CELL_BOOLEAN;
    return 0;
  }
}
