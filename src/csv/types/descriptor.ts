/**
 * A column type, whole: how a column is detected, how each cell is read, how the values are
 * stored and formatted, and how the pane names it. The registry (registry.ts) holds one per
 * type; nothing else in the import knows the list of types.
 */
import type { DateOrder, DateReader } from "../dates";
import type { NumberReader } from "../numbers";

/** The readers a column's cells go through (one set per column: they keep scratch state). */
export interface CellReaders {
  /** Reads numbers with the column's decimal convention. */
  readonly numbers: NumberReader;
  readonly dates: DateReader;
}

/** What a column's values showed, for its number format. */
export interface ValueShape {
  /** Most fraction digits any value had ("1.50" → 2). */
  decimals: number;
  /** Whether any value was written with thousand separators. */
  grouped: boolean;
  /** The currency symbol the values carried ("" when none). */
  currency: string;
  /** Whether it came after the number ("1 000 €"). */
  currencyAfter: boolean;
}

/** What detection settles for a column of this type beyond the type itself. */
export interface Detection {
  dateOrder?: DateOrder;
  dateOrderAmbiguous?: boolean;
}

export interface TypeDescriptor {
  /** In the preview's type menu: "Number". */
  readonly label: string;
  /** In messages, what a column of this type holds: "numbers". */
  readonly holds: string;
  /**
   * How the values are stored: in a Float64Array ("number"), as TRUE/FALSE codes ("boolean"),
   * or as strings ("text": no reader, every value kept as written).
   */
  readonly storage: "number" | "boolean" | "text";
  /** Whether `read` goes through the number reader, so decimals, grouping and currency describe the values. */
  readonly numeric: boolean;
  /**
   * Detection from the AND of a column's cell bits (under its decimal convention): what the
   * type settles (empty when nothing), or null when the column is not of this type.
   * `order` is the date order option.
   */
  detect(mask: number, order: "auto" | DateOrder): Detection | null;
  /**
   * One cell, text[s, e) (not blank, not a missing marker), under this type: the value, or NaN
   * when it does not fit (it is then kept as text). Booleans: 1 true, 0 false.
   */
  read(readers: CellReaders, t: string, s: number, e: number, order: DateOrder): number;
  /**
   * Numeric types: whether the number the column's reader has just read is of this type
   * (`read` is the reader followed by this test). The import reads the number itself and asks
   * this only for what the reader's fast path does not settle (see NumericColumn).
   */
  fits?(numbers: NumberReader): boolean;
  /** The Excel number format (en-US code) the column is written with. */
  numberFormat(shape: ValueShape): string;
}

const MAX_FORMAT_DECIMALS = 10;

/** ".00" for 2 decimals ("" for none), capped so a long fraction does not make a long format. */
export function fractionFormat(decimals: number): string {
  const d = Math.min(decimals, MAX_FORMAT_DECIMALS);
  return d > 0 ? "." + "0".repeat(d) : "";
}

/**
 * `detect` for a type that settles nothing beyond itself: the column is of the type when every
 * cell has `bit` (one of the cell bits in bits.ts).
 */
export function everyCellHas(bit: number): TypeDescriptor["detect"] {
  return (mask) => (mask & bit ? {} : null);
}
