/**
 * Number: "1,234.5", "-12", "1e3", "(1,234)" (an accounting negative, as Excel reads it).
 * A percentage among plain numbers is read as its fraction ("95%" → 0.95): a share column
 * written both ways is one column of fractions.
 */
import { CELL_NUMBER } from "./bits";
import { fractionFormat, type TypeDescriptor } from "./descriptor";

export const numberType: TypeDescriptor = {
  label: "Number",
  holds: "numbers",
  storage: "number",
  numeric: true,
  detect: (mask) => (mask & CELL_NUMBER ? {} : null),
  read(r, t, s, e) {
    const v = r.numbers.read(t, s, e);
    return r.numbers.currency === "" ? v : NaN;
  },
  /** "General" (Excel shows the value as typed) unless the file wrote thousand separators: then "#,##0[.00]". */
  numberFormat: (shape) => (shape.grouped ? `#,##0${fractionFormat(shape.decimals)}` : "General"),
};
