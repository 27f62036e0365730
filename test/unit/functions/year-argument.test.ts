/**
 * The optional [year] argument of PRODUCTION, COUNTRYSHARE, HHI and PRICE: a blank year cell
 * (empty text, or an empty cell, which Excel passes as null) is the same as an omitted year,
 * which each function's own tests check is the latest year with data. Each case is tested for
 * every function.
 */
import * as rare from "../../../functions/functions";
import { excelCalls } from "./support/excel-calls";

const { countryshare, hhi, price, production } = excelCalls(rare);

/** Each function, called with this year argument and otherwise fixed arguments. */
const withYear = {
  PRODUCTION: (year: unknown[][] | null) => production([["India"]], year),
  COUNTRYSHARE: (year: unknown[][] | null) => countryshare([["Australia"]], year),
  HHI: (year: unknown[][] | null) => hhi(year),
  PRICE: (year: unknown[][] | null) => price([["Eu"]], year),
};
const names = Object.keys(withYear) as Array<keyof typeof withYear>;

describe("[year]: omitted and blank", () => {
  it.each(names.flatMap((name) => [[name, ""] as const, [name, null] as const]))(
    "%s: a blank year cell %j is the same as an omitted year",
    (name, blank) => {
      expect(withYear[name]([[blank]])).toEqual(withYear[name](null));
    },
  );
});
