/**
 * Number: "1,234.5", "-12", "1e3", "(1,234)" (an accounting negative, as Excel reads it).
 * A percentage among plain numbers is read as its fraction ("95%" → 0.95): a share column
 * written both ways is one column of fractions.
 */
import { CELL_NUMBER } from "./bits";
import { fractionFormat } from "./descriptor";
import { numericType } from "./numeric";

export const numberType = numericType({
  label: "Number",
  holds: "numbers",
  cell: CELL_NUMBER,
  fits: (numbers) => numbers.currency === "",
  /** "General" (Excel shows the value as typed) unless the file wrote thousand separators: then "#,##0[.00]". */
  numberFormat: (shape) => (shape.grouped ? `#,##0${fractionFormat(shape.decimals)}` : "General"),
});
