/**
 * Names people type, through the built dist/functions.js: oxide names and formulas resolve
 * to the element, NdPr to NdPr where the function has NdPr figures (PRICE), both
 * "Myanmar (Burma)" and "Burma (Myanmar)" to USGS's Burma; a known name of another kind
 * says what it is instead of "unknown"; suggestions cover aliases. Expected figures are
 * read from the seed files (test/support/seed-facts.ts).
 */
import { loadFunctionsBundle, isRecordedError } from "../support/functions-bundle";
import { articleElement, latestYearOf, price, priceYears, tonnes } from "../support/seed-facts";

const bundle = loadFunctionsBundle();
const one = (id: string, ...args: unknown[]): unknown => (bundle.byId[id](...args.map((a) => [[a]])) as unknown[][])[0][0];
const message = (v: unknown): string => (isRecordedError(v) ? `${v.code} ${v.message ?? ""}` : `value ${String(v)}`);

describe("names people type", () => {
  it.each(["Nd2O3", "neodymium oxide", "Neodymium Oxide", "Nd oxide"])("SHARE(%j) is Neodymium's share", (name) => {
    expect(one("SHARE", name)).toBe(articleElement("Neodymium").share);
  });

  it.each(["NdPr", "NdPr oxide", "PrNd", "Nd-Pr oxide"])("PRICE(%j) is NdPr oxide's latest price", (name) => {
    const years = priceYears("NdPr oxide");
    expect(one("PRICE", name)).toBe(price("NdPr oxide", years[years.length - 1]).usdPerKg);
  });

  it.each(["Myanmar (Burma)", "Burma (Myanmar)", "Myanmar", "burma"])("PRODUCTION(%j) is Burma's latest figure", (name) => {
    expect(one("PRODUCTION", name)).toBe(tonnes("Burma", latestYearOf("Burma")));
  });

  it.each(["NdPr", "NdPr oxide"])("SHARE(%j) says NdPr is a priced product of Nd and Pr, not unknown", (name) => {
    const result = message(one("SHARE", name));
    expect(result).toMatch(/^#N\/A NdPr oxide is a priced product of several rare earths \(Neodymium and Praseodymium\), not one element/);
    expect(result).not.toContain("Unknown");
  });

  it("a country where an element is asked for, and an element where a country is asked for, say so", () => {
    expect(message(one("SHARE", "China"))).toMatch(/^#N\/A China is a country, not an element/);
    expect(message(one("PRODUCTION", "Nd"))).toMatch(/^#N\/A Neodymium is an element, not a country/);
    expect(message(one("PRICE", "Burma (Myanmar)"))).toMatch(/^#N\/A Burma is a country, not an oxide/);
  });

  it("Did you mean covers aliases, shown with the name they stand for", () => {
    expect(message(one("PRODUCTION", "Myanmr"))).toBe('#N/A Unknown country "Myanmr". Did you mean Myanmar (Burma)?');
    expect(message(one("SHARE", "Neodymum"))).toBe('#N/A Unknown element "Neodymum". Did you mean Neodymium?');
  });
});
