/** Percent: every value written with "%" ("12.5%" → 0.125, shown as 12.5%). */
import { CELL_PERCENT } from "./bits";
import { fractionFormat } from "./descriptor";
import { numericType } from "./numeric";

export const percentType = numericType({
  label: "Percent",
  holds: "percentages",
  cell: CELL_PERCENT,
  fits: (numbers) => numbers.percent,
  numberFormat: (shape) => `0${fractionFormat(shape.decimals)}%`,
});
