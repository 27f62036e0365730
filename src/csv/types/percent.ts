/** Percent: every value written with "%" ("12.5%" → 0.125, shown as 12.5%). */
import { CELL_PERCENT } from "./bits";
import { fractionFormat, type TypeDescriptor } from "./descriptor";

export const percentType: TypeDescriptor = {
  label: "Percent",
  holds: "percentages",
  storage: "number",
  numeric: true,
  detect: (mask) => (mask & CELL_PERCENT ? {} : null),
  read(r, t, s, e) {
    const v = r.numbers.read(t, s, e);
    return r.numbers.percent ? v : NaN;
  },
  numberFormat: (shape) => `0${fractionFormat(shape.decimals)}%`,
};
