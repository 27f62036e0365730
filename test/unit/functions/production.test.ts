/**
 * The USGS country functions: RARE.PRODUCTION(country, [year]), RARE.RESERVES(country),
 * RARE.COUNTRYSHARE(country, [year]) and RARE.HHI([year]). Expected figures are read from
 * seeds/usgs/*_world.csv and seeds/curated/production.csv by test/support/seed-facts.ts under the
 * rules of seeds/README.md: newest edition wins, one edition per year; a country the newest
 * edition leaves out has no figure; shares and HHI over the sum of the country rows.
 */
import * as rare from "../../../functions/functions";
import {
  countries,
  countryRows,
  countryShare as expectedShare,
  countryTotal,
  hhi as expectedHhi,
  latestYear,
  latestYearOf,
  olderFigure,
  OTHER,
  production as figures,
  productionYears,
  reserves as reservesFigures,
  tonnes,
  WORLD,
  yearsOf,
} from "../../support/seed-facts";
import { didYouMean, expectCells, expectError, expectErrorResult, expectNumber, only } from "./cells";
import { excelCalls, incoming } from "./support/excel-calls";

const { countryshare, hhi, production, reserves } = excelCalls(rare);

const allFigures = [...figures.values()].flatMap((byCountry) => [...byCountry.values()]);

/** Wrong-type and range cases shared by every function with a [year] argument. */
const badYears: Array<[unknown, "#VALUE!", RegExp]> = [
  [2023.5, "#VALUE!", /year must be a whole year such as 2024, not the number 2023.5/],
  [1899, "#VALUE!", /year 1899 is out of range/],
  [2101, "#VALUE!", /year 2101 is out of range/],
  [-2024, "#VALUE!", /year -2024 is out of range/],
  ["last year", "#VALUE!", /year must be a whole year such as 2024, not the text "last year"/],
  [true, "#VALUE!", /year must be a whole year such as 2024, not the logical value TRUE/],
];

describe("PRODUCTION", () => {
  describe("normal case", () => {
    it('PRODUCTION("China", 2024) = 270,000 t (README; USGS MCS2025)', () => {
      expect(production([["China"]], [[2024]])).toEqual([[270000]]);
      expect(tonnes("China", 2024)).toBe(270000);
    });
    it("newest edition wins: China 2023 is MCS2025's 255,000, not MCS2024's 240,000", () => {
      expect(only(production([["China"]], [[2023]]))).toBe(tonnes("China", 2023));
      expect(tonnes("China", 2023)).toBe(255000);
      expect(olderFigure("China", 2023)).toEqual(expect.objectContaining({ edition: "MCS2024", tonnes: 240000 }));
    });
    it("every country and year matches the newest edition covering that year", () => {
      expect(allFigures.length).toBeGreaterThan(60);
      for (const f of allFigures) {
        expect([f.country, f.year, only(production([[f.country]], [[f.year]]))]).toEqual([f.country, f.year, f.tonnes]);
      }
    });
    it("the world total is its own row: World 2024 = 380,000 (rounded, MCS2026; MCS2025 printed 390,000)", () => {
      expect(only(production([["World"]], [[2024]]))).toBe(tonnes(WORLD, 2024));
      expect(tonnes(WORLD, 2024)).toBe(380000);
      expect(only(production([["World"]], [[2024]], [["MCS2025"]]))).toBe(390000);
    });
    it('"Other" is the Other countries group', () => {
      for (const y of yearsOf(OTHER)) expect(only(production([["Other"]], [[y]]))).toBe(tonnes(OTHER, y));
    });
    it.each([
      ["Myanmar", "Burma"],
      ["burma", "Burma"],
      ["USA", "United States"],
      ["US", "United States"],
      ["U.S.", "United States"],
      ["united states of america", "United States"],
      ["United\u00a0States", "United States"],
      ["  china  ", "China"],
      ["CHINA", "China"],
      ["Viet Nam", "Vietnam"],
    ])("alias %j is %s", (typed, country) => {
      expect(only(production([[typed]], [[2024]]))).toBe(tonnes(country, 2024));
    });
    it("a year given as numeric text is accepted", () => {
      expect(only(production([["China"]], [["2023"]]))).toBe(tonnes("China", 2023));
    });
    it("is deterministic", () => {
      const call = () => production([["China"], ["Burundi"], ["Chian"]], [[2021, 2022]]);
      expect(call()).toEqual(call());
    });
  });

  describe("omitted and blank arguments", () => {
    it("an omitted year (null) is the latest year with data for that country", () => {
      expect(only(production([["China"]], null))).toBe(tonnes("China", latestYearOf("China")));
      expect(latestYearOf("China")).toBe(latestYear);
    });
    it("Burundi's latest year is 2021 (MCS2023), not a later edition's", () => {
      expect(latestYearOf("Burundi")).toBe(2021);
      expect(only(production([["Burundi"]], null))).toBe(tonnes("Burundi", 2021));
    });
    it.each([[""], [null], ["\u00a0 "]])("a blank country %j is #VALUE! naming the argument", (blank) => {
      expectErrorResult(production([[blank]], null), "#VALUE!", /country is blank/);
    });
  });

  describe("ranges", () => {
    it("a column of countries spills a column, each cell its own value or error", () => {
      expectCells(production([["China"], ["Myanmar"], ["Chian"], ["Burundi"]], [[2024]]), [
        [tonnes("China", 2024)],
        [tonnes("Burma", 2024)],
        [{ error: "#N/A", message: didYouMean("China") }],
        [{ error: "#N/A", message: /No sourced figure for Burundi in 2024/ }],
      ]);
    });
    it("countries down against years across spill a grid", () => {
      expectCells(
        production([["China"], ["Australia"], ["Burundi"]], [productionYears]),
        ["China", "Australia", "Burundi"].map((c) =>
          productionYears.map((y) => (figures.get(y)!.has(c) ? tonnes(c, y) : { error: "#N/A" as const })),
        ),
      );
    });
    it("a year range with a bad cell keeps the other cells", () => {
      expectCells(production([["China"]], [[2023], [2023.5], [2024]]), [
        [tonnes("China", 2023)],
        [{ error: "#VALUE!", message: /whole year/ }],
        [tonnes("China", 2024)],
      ]);
    });
    it("ranges of different sizes give #N/A where one has no value", () => {
      expectCells(production([["China"], ["India"], ["Brazil"]], [[2023], [2024]]), [
        [tonnes("China", 2023)],
        [tonnes("India", 2024)],
        [{ error: "#N/A", message: /differ in size/ }],
      ]);
    });
  });

  describe("error inputs and wrong types", () => {
    it("an error in the country or the year cell propagates unchanged", () => {
      const bad = incoming();
      expect(only(production([[bad]], [[2024]]))).toBe(bad);
      expect(only(production([["China"]], [[bad]]))).toBe(bad);
    });
    it.each([
      [2024, /country must be text, not the number 2024/],
      [true, /country must be text, not the logical value TRUE/],
    ])("country %j is #VALUE! naming the argument", (value, message) => {
      expectErrorResult(production([[value]], null), "#VALUE!", message);
    });
    it.each(badYears)("year %j is %s naming the argument", (year, code, message) => {
      expectErrorResult(production([["China"]], [[year]]), code, message);
    });
  });

  describe("documented errors", () => {
    it('an unknown country is #N/A with "Did you mean …?"', () => {
      expectErrorResult(
        production([["Austrailia"]], null),
        "#N/A",
        'Unknown country "Austrailia".',
        didYouMean("Australia"),
      );
    });
    it('PRODUCTION("Burundi", 2022): the newest edition covering 2022 (MCS2024) does not list Burundi, so #N/A', () => {
      expect(figures.get(2022)!.has("Burundi")).toBe(false);
      expect(figures.get(2022)!.get("China")!.edition).toBe("MCS2024");
      expectErrorResult(
        production([["Burundi"]], [[2022]]),
        "#N/A",
        "No sourced figure for Burundi in 2022",
        "MCS2024",
        /2020–2021/,
      );
    });
    it("every known country is #N/A in each year its newest edition leaves it out", () => {
      const gaps = countries.flatMap((country) =>
        productionYears.filter((year) => !figures.get(year)!.has(country)).map((year) => [country, year] as const),
      );
      expect(gaps).toEqual(
        expect.arrayContaining([
          ["Burundi", 2022],
          ["Nigeria", 2022],
          [OTHER, 2022],
        ]),
      );
      for (const [country, y] of gaps)
        expectErrorResult(production([[country]], [[y]]), "#N/A", `No sourced figure for ${country} in ${y}`);
    });
    it("a year in range without data is #N/A listing the years with data", () => {
      expectErrorResult(
        production([["China"]], [[2019]]),
        "#N/A",
        "No sourced figure for China in 2019",
        `${productionYears[0]}–${latestYear}`,
      );
    });
  });
});

describe("RESERVES", () => {
  const numeric = [...reservesFigures.values()].filter((r) => r.tonnes !== null && r.qualifier === "");
  const na = [...reservesFigures.values()].filter((r) => r.tonnes === null);

  describe("normal case", () => {
    it("China is 44,000,000 t (MCS2026, the newest edition listing China)", () => {
      expect(reserves([["China"]])).toEqual([[reservesFigures.get("China")!.tonnes]]);
      expect(reservesFigures.get("China")).toEqual(expect.objectContaining({ tonnes: 44000000, edition: "MCS2026" }));
    });
    it.each(numeric.map((r) => [r.country, r.tonnes, r.edition]))("%s = %d t (%s)", (country, t) => {
      expect(only(reserves([[country]]))).toBe(t);
    });
    it("newest edition wins: Russia and Vietnam are MCS2025's figures, not MCS2024's", () => {
      expect(only(reserves([["Russia"]]))).toBe(3800000); // MCS2025 (curated 2024 row); MCS2024 printed 10,000,000
      expect(only(reserves([["Vietnam"]]))).toBe(3500000); // MCS2025; MCS2024 printed 22,000,000
    });
    it("the world total's >75,000,000 (report v1.3) is returned as printed, as text; MCS2025's >90,000,000 likewise", () => {
      expect(reservesFigures.get(WORLD)).toEqual(expect.objectContaining({ tonnes: 75000000, qualifier: ">" }));
      expect(only(reserves([["World"]]))).toBe(">75,000,000");
      expect(only(reserves([["World"]], [["MCS2025"]]))).toBe(">90,000,000");
    });
    it.each([
      ["USA", "United States"],
      ["u.s.", "United States"],
      ["  brazil ", "Brazil"],
      ["South\u00a0Africa", "South Africa"],
    ])("alias %j is %s", (typed, country) => {
      expect(only(reserves([[typed]]))).toBe(reservesFigures.get(country)!.tonnes);
    });
    it("is deterministic", () => {
      const call = () => reserves([["China"], ["Burma"], ["Brasil"]]);
      expect(call()).toEqual(call());
    });
  });

  describe("blank argument (RESERVES has no optional argument)", () => {
    it.each([[""], [null]])("a blank country %j is #VALUE! naming the argument", (blank) => {
      expectErrorResult(reserves([[blank]]), "#VALUE!", /country is blank/);
    });
  });

  describe("ranges", () => {
    it("a column of countries spills a column, each cell its own value or error", () => {
      expectCells(reserves([["China"], ["Myanmar"], ["Brasil"], ["Australia"]]), [
        [reservesFigures.get("China")!.tonnes!],
        [{ error: "#N/A", message: /No sourced reserves figure for Burma/ }],
        [{ error: "#N/A", message: didYouMean("Brazil") }],
        [reservesFigures.get("Australia")!.tonnes!],
      ]);
    });
    it("a row spills a row", () => {
      expectCells(reserves([["Vietnam", "Canada"]]), [
        [reservesFigures.get("Vietnam")!.tonnes!, reservesFigures.get("Canada")!.tonnes!],
      ]);
    });
  });

  describe("error inputs and wrong types", () => {
    it("an error in the country cell propagates unchanged", () => {
      const bad = incoming();
      expect(only(reserves([[bad]]))).toBe(bad);
    });
    it.each([
      [44000000, /country must be text, not the number 44000000/],
      [false, /country must be text, not the logical value FALSE/],
    ])("country %j is #VALUE! naming the argument", (value, message) => {
      expectErrorResult(reserves([[value]]), "#VALUE!", message);
    });
  });

  describe("documented errors", () => {
    it('an unknown country is #N/A with "Did you mean …?"', () => {
      expectErrorResult(reserves([["Brasil"]]), "#N/A", 'Unknown country "Brasil".', didYouMean("Brazil"));
    });
    it("Burma, India, Madagascar, Nigeria, Thailand and Other print NA in the newest edition: #N/A", () => {
      expect(na.map((r) => r.country).sort()).toEqual(
        expect.arrayContaining(["Burma", "India", "Madagascar", "Nigeria", "Thailand", OTHER]),
      );
      for (const r of na)
        expectErrorResult(
          reserves([[r.country]]),
          "#N/A",
          `No sourced reserves figure for ${r.country}`,
          r.edition,
          /NA/,
        );
    });
    it("Myanmar (= Burma) has no figure although MCS2022–2024 list Burma: an older edition is not used", () => {
      expectErrorResult(reserves([["Myanmar"]]), "#N/A", "No sourced reserves figure for Burma", "MCS2026");
    });
    it("Burundi's newest listing edition (MCS2023) prints NA: #N/A", () => {
      expect(reservesFigures.get("Burundi")).toEqual(expect.objectContaining({ tonnes: null, edition: "MCS2023" }));
      expectErrorResult(reserves([["Burundi"]]), "#N/A", "No sourced reserves figure for Burundi", "MCS2023");
    });
  });
});

describe("COUNTRYSHARE", () => {
  describe("normal case", () => {
    it("China's latest share is its tonnes over the sum of the country rows (384,000 t in 2024, not the rounded 380,000)", () => {
      expect(countryTotal(2024)).toBe(384000);
      expectNumber(countryshare([["China"]], null), tonnes("China", latestYear) / countryTotal(latestYear));
    });
    it("every country and year matches tonnes ÷ sum of that year's country rows", () => {
      for (const f of allFigures.filter((x) => x.country !== WORLD)) {
        expectNumber(countryshare([[f.country]], [[f.year]]), expectedShare(f.country, f.year));
      }
    });
    it("the shares of a year's country rows sum to 1", () => {
      for (const y of productionYears) {
        const cells = countryshare(
          countryRows(y).map((f) => [f.country]),
          [[y]],
        ).map((r) => r[0] as number);
        expect(cells.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }
    });
    it.each([
      ["Myanmar", "Burma"],
      ["USA", "United States"],
      ["US", "United States"],
      [" china\u00a0", "China"],
    ])("alias %j is %s", (typed, country) => {
      expectNumber(countryshare([[typed]], [[2023]]), expectedShare(country, 2023));
    });
    it("is deterministic", () => {
      const call = () => countryshare([["China"], ["Burundi"]], [[2021, 2022]]);
      expect(call()).toEqual(call());
    });
  });

  describe("omitted and blank arguments", () => {
    it("an omitted year is the latest year with data for that country (Burundi: 2021)", () => {
      expectNumber(countryshare([["Burundi"]], null), expectedShare("Burundi", latestYearOf("Burundi")));
    });
    it.each([[""], [null]])("a blank country %j is #VALUE! naming the argument", (blank) => {
      expectErrorResult(countryshare([[blank]], null), "#VALUE!", /country is blank/);
    });
  });

  describe("ranges", () => {
    it("countries down against years across spill a grid, each cell its own value or error", () => {
      expectCells(
        countryshare([["China"], ["Burundi"]], [[2021, 2022, 2024]]),
        ["China", "Burundi"].map((c) =>
          [2021, 2022, 2024].map((y) => (figures.get(y)!.has(c) ? expectedShare(c, y) : { error: "#N/A" as const })),
        ),
      );
    });
  });

  describe("error inputs and wrong types", () => {
    it("an error in the country or the year cell propagates unchanged", () => {
      const bad = incoming();
      expect(only(countryshare([[bad]], null))).toBe(bad);
      expect(only(countryshare([["China"]], [[bad]]))).toBe(bad);
    });
    it("a number where a country is expected is #VALUE! naming the argument", () => {
      expectErrorResult(countryshare([[0.68]], null), "#VALUE!", /country must be text, not the number 0.68/);
    });
    it.each(badYears)("year %j is %s naming the argument", (year, code, message) => {
      expectErrorResult(countryshare([["China"]], [[year]]), code, message);
    });
  });

  describe("documented errors", () => {
    it('an unknown country is #N/A with "Did you mean …?"', () => {
      expectErrorResult(countryshare([["Chna"]], null), "#N/A", 'Unknown country "Chna".', didYouMean("China"));
    });
    it("Burundi in 2022 (left out by MCS2024) is #N/A", () => {
      expectErrorResult(countryshare([["Burundi"]], [[2022]]), "#N/A", "No sourced figure for Burundi in 2022");
    });
    it("the world total is not a country", () => {
      expectErrorResult(countryshare([["World"]], [[2024]]), "#VALUE!", /not a country/);
    });
  });
});

describe("HHI", () => {
  describe("normal case", () => {
    it.each(productionYears)("HHI(%d) = Σ(100 × share)² over that year's country rows", (year) => {
      expectNumber(hhi([[year]]), expectedHhi(year), 6);
    });
    it("counts the Other group as one producer and excludes the world total", () => {
      const y = 2021; // MCS2023 prints an "Other countries" row for 2021
      expect(figures.get(y)!.has(OTHER)).toBe(true);
      const withoutOther = countryRows(y).filter((f) => f.country !== OTHER);
      const total = countryTotal(y);
      const other = ((100 * tonnes(OTHER, y)) / total) ** 2;
      const rest = withoutOther.reduce((s, f) => s + ((100 * f.tonnes) / total) ** 2, 0);
      expectNumber(hhi([[y]]), rest + other, 6);
    });
    it("is above 2,500 (highly concentrated) in every year with data", () => {
      for (const y of productionYears) expect(only(hhi([[y]])) as number).toBeGreaterThan(2500);
    });
    it("a year given as numeric text is accepted", () => {
      expectNumber(hhi([["2022"]]), expectedHhi(2022), 6);
    });
    it("is deterministic", () => {
      expect(hhi([[2020], [2024]])).toEqual(hhi([[2020], [2024]]));
    });
  });

  describe("omitted and blank arguments", () => {
    it("an omitted year (null) is the latest year with data", () => {
      expectNumber(hhi(null), expectedHhi(latestYear), 6);
    });
  });

  describe("ranges", () => {
    it("a column of years spills a column, each cell its own value or error", () => {
      expectCells(hhi([[2020], [2019], [2024.5], [2024]]), [
        [expectedHhi(2020)],
        [{ error: "#N/A", message: /No sourced production figures for 2019/ }],
        [{ error: "#VALUE!", message: /whole year/ }],
        [expectedHhi(2024)],
      ]);
    });
    it("a row of every year spills a row", () => {
      const out = hhi([productionYears]);
      expect(out).toHaveLength(1);
      out[0].forEach((cell, i) => expect(cell as number).toBeCloseTo(expectedHhi(productionYears[i]), 6));
    });
  });

  describe("error inputs and wrong types", () => {
    it("an error in the year cell propagates unchanged", () => {
      const bad = incoming();
      expect(only(hhi([[bad]]))).toBe(bad);
    });
    it.each(badYears)("year %j is %s naming the argument", (year, code, message) => {
      expectErrorResult(hhi([[year]]), code, message);
    });
  });

  describe("documented errors", () => {
    it("a year in range without data is #N/A listing the years with data", () => {
      const e = expectErrorResult(hhi([[2019]]), "#N/A", "No sourced production figures for 2019");
      expectError(e, "#N/A", `${productionYears[0]}–${latestYear}`);
    });
  });
});
