/**
 * The text lookups: RARE.RISK(factor, [field]), RARE.STRATEGY(name, [field]) and RARE.USE(element).
 * Expected texts come from seeds/article-tables/{risks,strategies,elements}.csv (article A002's
 * tables) and seeds/curated/elements.csv (main uses where A002 gives none; MISSING → #N/A).
 */
import * as rare from "../../../functions/functions";
import { articleElement, articleElements, curatedElements, risks, strategies } from "../../support/seed-facts";
import { didYouMean, expectCells, expectErrorResult, only } from "./cells";
import { itPassesErrorCellsOn, itRejectsWrongTypes, itSuggestsForUnknownNames } from "./support/argument-checks";
import { excelCalls } from "./support/excel-calls";

const { risk, strategy, use } = excelCalls(rare);

const riskRow = (factor: string) => risks.find((r) => r.factor === factor)!;
const strategyRow = (name: string) => strategies.find((s) => s.strategy === name)!;

/**
 * The three lookups answer and fail alike: RISK and STRATEGY are one lookup over two article
 * tables (a row by its name, then a column by its field), USE the same over the elements. Each
 * case below is tested for every lookup it names.
 */
describe("RISK, STRATEGY and USE", () => {
  describe("normal case (RISK and STRATEGY)", () => {
    it.each([
      ["RISK", "Export Quotas", risk, riskRow("Export Quotas").impact, "Supply shortages, delayed production"],
      [
        "STRATEGY",
        "Recycling Programs",
        strategy,
        strategyRow("Recycling Programs").benefit,
        "Resource sustainability",
      ],
    ])("%s(%j) is the row's first text column (article 002 table)", (_function, name, lookup, text, printed) => {
      expect(lookup([[name]], null)).toEqual([[text]]);
      expect(text).toBe(printed);
    });
    it.each([
      ...risks.map((r) => ["RISK", r.factor, risk, r, ["impact", "mitigation", "factor"]] as const),
      ...strategies.map((s) => ["STRATEGY", s.strategy, strategy, s, ["benefit", "challenge", "strategy"]] as const),
    ])("%s(%j): every column by its field", (_function, name, lookup, row, fields) => {
      for (const field of fields) expect(only(lookup([[name]], [[field]]))).toBe(row[field]);
    });
  });

  /** Each argument of the three lookups, as a call handed one value in it. */
  const argumentOf = {
    "RISK factor": (value: unknown) => risk([[value]], null),
    "RISK field": (value: unknown) => risk([["Export Quotas"]], [[value]]),
    "STRATEGY name": (value: unknown) => strategy([[value]], null),
    "STRATEGY field": (value: unknown) => strategy([["Recycling Programs"]], [[value]]),
    "USE element": (value: unknown) => use([[value]]),
  };

  describe("error inputs and wrong types", () => {
    itPassesErrorCellsOn(argumentOf);
    itRejectsWrongTypes(argumentOf, [
      ["RISK factor", 3, /factor must be text, not the number 3/],
      ["RISK factor", true, /factor must be text, not the logical value TRUE/],
      ["RISK field", 1, /field must be text, not the number 1/],
      ["RISK field", false, /field must be text, not the logical value FALSE/],
      ["STRATEGY name", 42, /name must be text, not the number 42/],
      ["STRATEGY name", false, /name must be text, not the logical value FALSE/],
      ["STRATEGY field", 2, /field must be text, not the number 2/],
      ["STRATEGY field", true, /field must be text, not the logical value TRUE/],
      ["USE element", 66, /element must be text, not the number 66/],
      ["USE element", true, /element must be text, not the logical value TRUE/],
    ]);
  });

  describe("documented errors", () => {
    itSuggestsForUnknownNames(argumentOf, [
      ["RISK factor", "risk factor", "Geopolitical Tension", "Geopolitical Tensions"],
      ["STRATEGY name", "strategy", "Domestic Mining Expanson", "Domestic Mining Expansion"],
      ["USE element", "element", "Dysprosum", "Dysprosium"],
    ]);
    it.each([
      ["RISK field", /Valid fields: .*impact.*mitigation/],
      ["STRATEGY field", /Valid fields: .*benefit.*challenge/],
    ] as const)("%s: an unknown field is #VALUE! listing the valid ones", (argument, validFields) => {
      expectErrorResult(argumentOf[argument]("cost"), "#VALUE!", 'Unknown field "cost"', validFields);
    });
  });
});

describe("RISK", () => {
  describe("normal case", () => {
    it.each([
      ["potential impact", "impact"],
      ["Mitigation Strategy", "mitigation"],
      [" MITIGATION ", "mitigation"],
    ] as const)("field alias %j is the %s column", (typed, column) => {
      expect(only(risk([["Geopolitical Tensions"]], [[typed]]))).toBe(riskRow("Geopolitical Tensions")[column]);
    });
    it.each(["export quotas", "  Export   Quotas ", "EXPORT\u00a0QUOTAS", "export-quotas"])(
      "forgives case, spacing and punctuation: %j",
      (typed) => {
        expect(only(risk([[typed]], null))).toBe(riskRow("Export Quotas").impact);
      },
    );
    it("is deterministic", () => {
      const call = () => risk([["Market Volatility"], ["nope"]], [["mitigation"]]);
      expect(call()).toEqual(call());
    });
  });

  describe("omitted and blank arguments", () => {
    it("an omitted field (null) gives the impact", () => {
      expect(only(risk([["Market Volatility"]], null))).toBe(riskRow("Market Volatility").impact);
    });
    it("a blank field cell gives the impact", () => {
      expect(only(risk([["Market Volatility"]], [[""]]))).toBe(riskRow("Market Volatility").impact);
      expect(only(risk([["Market Volatility"]], [["  "]]))).toBe(riskRow("Market Volatility").impact);
    });
    it.each([[""], [null], [" "]])("a blank factor %j is #VALUE! naming the argument", (blank) => {
      expectErrorResult(risk([[blank]], null), "#VALUE!", /factor is blank/);
    });
  });

  describe("ranges", () => {
    it("a column of factors spills a column, each cell its own value or error", () => {
      expectCells(risk([...risks.map((r) => [r.factor]), ["Export Quota"]], null), [
        ...risks.map((r) => [r.impact]),
        [{ error: "#N/A", message: didYouMean("Export Quotas") }],
      ]);
    });
    it("a row of fields against one factor spills a row", () => {
      const row = riskRow("Export Quotas");
      expectCells(risk([["Export Quotas"]], [["impact", "mitigation", "colour"]]), [
        [row.impact, row.mitigation, { error: "#VALUE!", message: /Unknown field "colour"/ }],
      ]);
    });
  });
});

describe("STRATEGY", () => {
  describe("normal case", () => {
    it.each([
      ["primary benefit", "benefit"],
      ["Implementation Challenge", "challenge"],
    ] as const)("field alias %j is the %s column", (typed, column) => {
      expect(only(strategy([["International Partnerships"]], [[typed]]))).toBe(
        strategyRow("International Partnerships")[column],
      );
    });
    it.each(["recycling programs", " Recycling\u00a0 Programs ", "RECYCLING PROGRAMS"])(
      "forgives case and spacing: %j",
      (typed) => {
        expect(only(strategy([[typed]], null))).toBe(strategyRow("Recycling Programs").benefit);
      },
    );
    it("is deterministic", () => {
      const call = () => strategy([["Domestic Mining Expansion", "nope"]], [["challenge"]]);
      expect(call()).toEqual(call());
    });
  });

  describe("omitted and blank arguments", () => {
    it("an omitted field (null) or a blank field gives the benefit", () => {
      const benefit = strategyRow("Material Substitution Research").benefit;
      expect(only(strategy([["Material Substitution Research"]], null))).toBe(benefit);
      expect(only(strategy([["Material Substitution Research"]], [[""]]))).toBe(benefit);
    });
    it.each([[""], [null]])("a blank name %j is #VALUE! naming the argument", (blank) => {
      expectErrorResult(strategy([[blank]], null), "#VALUE!", /name is blank/);
    });
  });

  describe("ranges", () => {
    it("a column of strategies against a row of fields spills a grid", () => {
      expectCells(
        strategy(
          strategies.map((s) => [s.strategy]),
          [["benefit", "challenge"]],
        ),
        strategies.map((s) => [s.benefit, s.challenge]),
      );
    });
    it("each cell is its own value or error", () => {
      expectCells(strategy([["Recycling Programs"], ["Recycling Program"], [7]], null), [
        [strategyRow("Recycling Programs").benefit],
        [{ error: "#N/A", message: didYouMean("Recycling Programs") }],
        [{ error: "#VALUE!", message: /name must be text/ }],
      ]);
    });
  });
});

describe("USE", () => {
  describe("normal case", () => {
    it("Dysprosium is the article's primary use (article 002 table: High-temperature magnets)", () => {
      expect(use([["Dysprosium"]])).toEqual([[articleElement("Dysprosium").use]]);
      expect(articleElement("Dysprosium").use).toBe("High-temperature magnets");
    });
    it.each(articleElements.map((e) => [e.element, e.use]))("%s uses the article table: %s", (element, text) => {
      expect(only(use([[element]]))).toBe(text);
    });
    it("elements the article does not cover use the curated main uses", () => {
      const inArticle = new Set(articleElements.map((e) => e.element));
      const others = curatedElements.filter((e) => !inArticle.has(e.element) && e.uses !== "");
      expect(others.length).toBeGreaterThan(0);
      for (const e of others) expect(only(use([[e.element]]))).toBe(e.uses);
    });
    it.each([
      ["Nd", "Neodymium"],
      ["dy", "Dysprosium"],
      [" tb ", "Terbium"],
      ["\u00a0Praseodymium", "Praseodymium"],
    ])("resolves %j as %s", (typed, element) => {
      const expected =
        articleElements.find((e) => e.element === element)?.use ??
        curatedElements.find((e) => e.element === element)!.uses;
      expect(only(use([[typed]]))).toBe(expected);
    });
    it("is deterministic", () => {
      const call = () => use([["Nd"], ["Lutetium"], ["Nx"]]);
      expect(call()).toEqual(call());
    });
  });

  describe("blank argument (USE has no optional argument)", () => {
    it.each([[""], [null], ["  "]])("a blank element %j is #VALUE! naming the argument", (blank) => {
      expectErrorResult(use([[blank]]), "#VALUE!", /element is blank/);
    });
  });

  describe("ranges", () => {
    it("a row of elements spills a row, each cell its own value or error", () => {
      expectCells(use([["Nd", "Lutetium", "Dysprosum"]]), [
        [
          articleElement("Neodymium").use,
          { error: "#N/A", message: /No sourced use for Lutetium/ },
          { error: "#N/A", message: didYouMean("Dysprosium") },
        ],
      ]);
    });
    it("a 2×2 range spills 2×2", () => {
      expectCells(
        use([
          ["Nd", "Dy"],
          ["La", "Tb"],
        ]),
        [
          [articleElement("Neodymium").use, articleElement("Dysprosium").use],
          [articleElement("Lanthanum").use, curatedElements.find((e) => e.element === "Terbium")!.uses],
        ],
      );
    });
  });

  describe("documented errors", () => {
    it("an element whose curated uses are MISSING is #N/A saying there is no sourced use", () => {
      const missing = curatedElements.filter(
        (e) => e.uses === "" && !articleElements.some((a) => a.element === e.element),
      );
      expect(missing.length).toBeGreaterThan(0);
      for (const e of missing)
        expectErrorResult(use([[e.element]]), "#N/A", `No sourced use for ${e.element}`, "MISSING");
    });
  });
});
