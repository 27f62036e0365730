/**
 * Names of one kind where another is asked for (src/data/name-kinds.ts), and suggestions
 * that cover aliases (src/data/names.ts), over the bundled data.
 */
import { bundled as data } from "../../../src/data/bundled";
import { NameIndex } from "../../../src/data/names";
import { caughtRareError as errorOf } from "../../support/rare-error";

describe("a name of another kind says what it is", () => {
  it.each([
    ["NdPr", "NdPr oxide", "Neodymium and Praseodymium"],
    ["Nd/Pr oxide", "NdPr oxide", "Neodymium and Praseodymium"],
    ["mischmetal", "Mischmetal", "Cerium and Lanthanum"],
  ])("%s to an element function names the product and its elements", (raw, product, parts) => {
    for (const ask of [() => data.share(raw, null), () => data.use(raw), () => data.share(raw, "mining")]) {
      const e = errorOf(ask);
      expect(e.code).toBe("notAvailable");
      expect(e.message).toBe(
        `${product} is a priced product of several rare earths (${parts}), not one element: PRICE("${product}") has its figures; ` +
          `give one of its elements, e.g. ${parts.split(" and ")[0]}`,
      );
    }
  });

  it("a priced product still has its PRICE figures", () => {
    expect(data.price("NdPr", null)).toBe(data.price("NdPr oxide", null));
  });

  it("a country where an element is asked for", () => {
    expect(errorOf(() => data.share("Myanmar (Burma)", null)).message).toBe(
      "Burma is a country, not an element: PRODUCTION, RESERVES, COUNTRYSHARE and COUNTRY take countries",
    );
  });

  it("an element, an oxide or a product where a country is asked for", () => {
    expect(errorOf(() => data.production("Dy", null)).message).toMatch(
      /^Dysprosium is an element, not a country: USGS reports/,
    );
    expect(errorOf(() => data.reserves("Nd2O3")).message).toMatch(/^Neodymium is an element, not a country/);
    expect(errorOf(() => data.countryShare("NdPr", null)).message).toMatch(
      /^NdPr oxide is a priced product .*, not a country/,
    );
  });

  it("a country where an oxide is asked for", () => {
    expect(errorOf(() => data.price("China", 2024)).message).toMatch(/^China is a country, not an oxide/);
  });

  it("a name of no kind stays unknown, with its suggestion; a blank stays #VALUE!", () => {
    expect(errorOf(() => data.share("Neodymum", null)).message).toBe(
      'Unknown element "Neodymum". Did you mean Neodymium?',
    );
    expect(errorOf(() => data.production("Atlantis", null)).message).toMatch(/^Unknown country "Atlantis"/);
    expect(errorOf(() => data.production("   ", null)).code).toBe("invalidValue");
  });
});

describe("suggestions cover aliases", () => {
  const countries = new NameIndex(
    [
      { name: "Burma", aliases: ["Myanmar", "Myanmar (Burma)"] },
      { name: "China", aliases: ["PRC"] },
    ],
    { what: "country", plural: "countries" },
  );

  it.each([
    [
      "a typo of an alias suggests the alias with the name it stands for",
      "Myanmr",
      'Unknown country "Myanmr". Did you mean Myanmar (Burma)?',
    ],
    ["a typo of the name itself suggests the name", "Burmah", 'Unknown country "Burmah". Did you mean Burma?'],
  ])("%s", (_case, typed, message) => {
    expect(errorOf(() => countries.resolve(typed)).message).toBe(message);
  });

  it("each name is suggested once, by its closest spelling, an alias that names it shown as is", () => {
    expect(countries.suggest("myanmar (burm)")).toEqual(["Myanmar (Burma)"]);
    expect(countries.suggest("myanmr")).toEqual(["Myanmar (Burma)"]);
    expect(countries.suggest("prk")).toEqual(["PRC (China)"]);
  });
});
