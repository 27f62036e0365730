/**
 * Number: "1,234.5", "-12", "1e3", "(1,234)" (an accounting negative, as Excel reads it).
 * A percentage among plain numbers is read as its fraction ("95%" → 0.95): a share column
 * written both ways is one column of fractions.
 */
import { CELL_NUMBER } from "./bits";
import type { NumberReader } from "../numbers";
import { fractionFormat, readNumberIf, type TypeDescriptor } from "./descriptor";

const fits = (numbers: NumberReader): boolean => numbers.currency === "";

export const numberType: TypeDescriptor = {
  label: "Number",
  holds: "numbers",
  storage: "number",
  numeric: true,
  detect: (mask) => (mask & CELL_NUMBER ? {} : null),
  fits,
  read: readNumberIf(fits),
  /** "General" (Excel shows the value as typed) unless the file wrote thousand separators: then "#,##0[.00]". */
  numberFormat: (shape) => (shape.grouped ? `#,##0${fractionFormat(shape.decimals)}` : "General"),
};
