/**
 * RARE.PRICE(oxide_or_element, [year]). Expected prices are read from the USGS salient files
 * (seeds/usgs/*_salient.csv, columns Price_<formula>_dkg) and the MCS2025 price rows of
 * seeds/curated/us_salient_mcs2025.csv, newest edition per oxide and year (seeds/README.md).
 */
import * as rare from "../../../functions/functions";
import {
  curatedElements,
  price as figure,
  priceEditions,
  pricedOxides,
  prices,
  priceYears,
} from "../../support/seed-facts";
import { didYouMean, expectCells, expectErrorResult, only } from "./cells";
import { itPassesErrorCellsOn, itRejectsWrongTypes, itSuggestsForUnknownNames } from "./support/argument-checks";
import { excelCalls } from "./support/excel-calls";

const { price } = excelCalls(rare);

const latest = (oxide: string) => figure(oxide, priceYears(oxide).at(-1)!).usdPerKg;
const unpriced = curatedElements.filter((e) => !prices.has(`${e.element} oxide`));

describe("PRICE: normal case", () => {
  it("Neodymium oxide 2024 = 56 USD/kg (USGS MCS2026, as MCS2025 p.144 printed it)", () => {
    expect(price([["Neodymium oxide"]], [[2024]])).toEqual([[56]]);
    expect(figure("Neodymium oxide", 2024)).toEqual(expect.objectContaining({ usdPerKg: 56, edition: "MCS2026" }));
    expect(price([["Neodymium oxide"]], [[2024]], [["MCS2025"]])).toEqual([[56]]);
  });
  it("every oxide and year matches the newest edition reporting it", () => {
    for (const [oxide, byYear] of prices) {
      for (const [year, f] of byYear) {
        expect([oxide, year, only(price([[oxide]], [[year]]))]).toEqual([oxide, year, f.usdPerKg]);
        expect([f.formula, year, only(price([[f.formula]], [[year]]))]).toEqual([f.formula, year, f.usdPerKg]);
      }
    }
  });
  it("newest edition wins: Dysprosium oxide 2023 is MCS2025's 330, not MCS2024's 323", () => {
    expect(priceEditions("Dysprosium oxide", 2023)).toEqual([{ edition: "MCS2024", usdPerKg: 323 }]);
    expect(only(price([["Dy"]], [[2023]]))).toBe(figure("Dysprosium oxide", 2023).usdPerKg);
    expect(figure("Dysprosium oxide", 2023).usdPerKg).toBe(330);
  });
  it("years only an old edition covers come from it (Nd2O3 2017: MCS2022)", () => {
    expect(figure("Neodymium oxide", 2017).edition).toBe("MCS2022");
    expect(only(price([["Nd2O3"]], [[2017]]))).toBe(figure("Neodymium oxide", 2017).usdPerKg);
  });
  it.each([
    ["Neodymium oxide", "Neodymium oxide"],
    ["Nd2O3", "Neodymium oxide"],
    ["Nd", "Neodymium oxide"],
    ["nd", "Neodymium oxide"],
    ["Neodymium", "Neodymium oxide"],
    ["Nd oxide", "Neodymium oxide"],
    ["  NEODYMIUM\u00a0OXIDE ", "Neodymium oxide"],
    ["TbO2", "Terbium oxide"],
    ["Tb4O7", "Terbium oxide"],
    ["dy", "Dysprosium oxide"],
    ["Mischmetal", "Mischmetal"],
    ["misch metal", "Mischmetal"],
  ])("%j resolves to %s", (typed, oxide) => {
    expect(only(price([[typed]], [[2023]]))).toBe(figure(oxide, 2023).usdPerKg);
  });
  it("a year given as numeric text is accepted", () => {
    expect(only(price([["Nd"]], [["2022"]]))).toBe(figure("Neodymium oxide", 2022).usdPerKg);
  });
  it("is deterministic", () => {
    const call = () => price([["Nd", "Pr", "Neodymum"]], [[2021], [2024]]);
    expect(call()).toEqual(call());
  });
});

describe("PRICE: omitted and blank arguments", () => {
  it.each(pricedOxides.map((p) => [p.oxide]))("an omitted year (null) is the latest year with data: %s", (oxide) => {
    expect(only(price([[oxide]], null))).toBe(latest(oxide));
  });
  it.each([[""], [null], ["   "]])("a blank name %j is #VALUE! naming the argument", (blank) => {
    expectErrorResult(price([[blank]], null), "#VALUE!", /oxide_or_element is blank/);
  });
});

describe("PRICE: ranges", () => {
  it("a row of oxides spills a row, each cell its own value or error", () => {
    expectCells(price([["Nd2O3", "Dy", "eu", "Mischmetal", "Tm2O3", "Neodymum oxide"]], [[2024]]), [
      [
        figure("Neodymium oxide", 2024).usdPerKg,
        figure("Dysprosium oxide", 2024).usdPerKg,
        figure("Europium oxide", 2024).usdPerKg,
        figure("Mischmetal", 2024).usdPerKg,
        { error: "#N/A", message: /No sourced price for Thulium oxide/ },
        { error: "#N/A", message: didYouMean("Neodymium oxide") },
      ],
    ]);
  });
  it("oxides across against years down spill a grid", () => {
    const oxides = pricedOxides.map((p) => p.oxide);
    const years = priceYears("Neodymium oxide");
    expectCells(
      price(
        [oxides],
        years.map((y) => [y]),
      ),
      years.map((y) => oxides.map((o) => figure(o, y).usdPerKg)),
    );
  });
});

/** PRICE's arguments, each as a call handed one value in it. */
const argumentOf = {
  oxide_or_element: (value: unknown) => price([[value]], null),
  year: (value: unknown) => price([["Nd"]], [[value]]),
};

describe("PRICE: error inputs and wrong types", () => {
  itPassesErrorCellsOn(argumentOf);
  itRejectsWrongTypes(argumentOf, [
    ["oxide_or_element", 56, /oxide_or_element must be text, not the number 56/],
    ["oxide_or_element", true, /oxide_or_element must be text, not the logical value TRUE/],
    ["year", 2023.5, /year must be a whole year such as 2024, not the number 2023.5/],
    ["year", 1899, /year 1899 is out of range/],
    ["year", 2101, /year 2101 is out of range/],
    ["year", "2024a", /year must be a whole year such as 2024, not the text "2024a"/],
    ["year", false, /year must be a whole year such as 2024, not the logical value FALSE/],
  ]);
});

describe("PRICE: documented errors", () => {
  itSuggestsForUnknownNames(argumentOf, [["oxide_or_element", "oxide", "Neodymum oxide", "Neodymium oxide"]]);
  it('PRICE("Thulium"): an element USGS does not price resolves but has no sourced price', () => {
    expectErrorResult(price([["Thulium"]], null), "#N/A", "No sourced price for Thulium oxide");
    expectErrorResult(price([["Tm2O3"]], [[2024]]), "#N/A", "No sourced price for Thulium oxide");
  });
  it("every curated element without a USGS price is #N/A 'No sourced price', never unknown", () => {
    expect(unpriced.map((e) => e.element)).toEqual(expect.arrayContaining(["Thulium"]));
    for (const e of unpriced) {
      expectErrorResult(price([[e.element]], null), "#N/A", `No sourced price for ${e.element} oxide`);
      expectErrorResult(price([[e.symbol]], null), "#N/A", `No sourced price for ${e.element} oxide`);
    }
  });
  it("a year in range without data is #N/A listing the years with data", () => {
    const years = priceYears("Neodymium oxide");
    expectErrorResult(
      price([["Nd"]], [[years[0] - 1]]),
      "#N/A",
      `No sourced price for Neodymium oxide in ${years[0] - 1}`,
      `${years[0]}–${years.at(-1)}`,
    );
  });
});
