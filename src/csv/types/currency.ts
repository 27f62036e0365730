/**
 * Currency: amounts with a symbol before or after ("$1,000", "€1.234,50", "1 000 €", "-$5",
 * "($1,234)" negative); plain numbers may sit among them. Written with a currency format
 * that carries the column's symbol, so Excel shows "$1,000.00" whatever the user's locale.
 */
import { CELL_CURRENCY } from "./bits";
import { fractionFormat, type TypeDescriptor } from "./descriptor";

export const currencyType: TypeDescriptor = {
  label: "Currency",
  holds: "amounts of money",
  storage: "number",
  numeric: true,
  detect: (mask) => (mask & CELL_CURRENCY ? {} : null),
  read(r, t, s, e) {
    const v = r.numbers.read(t, s, e);
    return r.numbers.percent ? NaN : v;
  },
  numberFormat(shape) {
    const amount = `#,##0${fractionFormat(shape.decimals)}`;
    if (shape.currency === "") return amount;
    const symbol = `"${shape.currency}"`;
    return shape.currencyAfter ? `${amount} ${symbol}` : `${symbol}${amount}`;
  },
};
