/**
 * Currency: amounts with a symbol before or after ("$1,000", "€1.234,50", "1 000 €", "-$5",
 * "($1,234)" negative); plain numbers may sit among them. Written with a currency format
 * that carries the column's symbol, so Excel shows "$1,000.00" whatever the user's locale.
 */
import { CELL_CURRENCY } from "./bits";
import { fractionFormat } from "./descriptor";
import { numericType } from "./numeric";

export const currencyType = numericType({
  label: "Currency",
  holds: "amounts of money",
  cell: CELL_CURRENCY,
  fits: (numbers) => !numbers.percent,
  numberFormat(shape) {
    const amount = `#,##0${fractionFormat(shape.decimals)}`;
    if (shape.currency === "") return amount;
    const symbol = `"${shape.currency}"`;
    return shape.currencyAfter ? `${amount} ${symbol}` : `${symbol}${amount}`;
  },
});
