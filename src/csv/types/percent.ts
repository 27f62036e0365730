/** Percent: every value written with "%" ("12.5%" → 0.125, shown as 12.5%). */
import { CELL_PERCENT } from "./bits";
import type { NumberReader } from "../numbers";
import { fractionFormat, readNumberIf, type TypeDescriptor } from "./descriptor";

const fits = (numbers: NumberReader): boolean => numbers.percent;

export const percentType: TypeDescriptor = {
  label: "Percent",
  holds: "percentages",
  storage: "number",
  numeric: true,
  detect: (mask) => (mask & CELL_PERCENT ? {} : null),
  fits,
  read: readNumberIf(fits),
  numberFormat: (shape) => `0${fractionFormat(shape.decimals)}%`,
};
