/**
 * What the numeric types (number, percent, currency) share: stored as numbers, read by the
 * column's number reader followed by the type's own test, detected when every cell has the
 * type's bit. Their descriptors state only what differs.
 */
import type { NumberReader } from "../numbers";
import { everyCellHas, type TypeDescriptor } from "./descriptor";

export interface NumericTypeParts extends Pick<TypeDescriptor, "label" | "holds" | "numberFormat"> {
  /** The cell bit (bits.ts) every value of a column of this type has. */
  readonly cell: number;
  /** Whether the number the reader has just read is of this type (TypeDescriptor.fits). */
  fits(numbers: NumberReader): boolean;
}

export function numericType({ label, holds, cell, fits, numberFormat }: NumericTypeParts): TypeDescriptor {
  return {
    label,
    holds,
    storage: "number",
    numeric: true,
    detect: everyCellHas(cell),
    fits,
    read: readNumberIf(fits),
    numberFormat,
  };
}

/** `read` for a numeric type: the column's number reader, then the type's own test. */
function readNumberIf(fits: (numbers: NumberReader) => boolean): TypeDescriptor["read"] {
  return (r, t, s, e) => {
    const v = r.numbers.read(t, s, e);
    return v === v && fits(r.numbers) ? v : NaN;
  };
}
