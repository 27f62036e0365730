/**
 * The scenario functions: RARE.GAP(element, cut, [mitigation]) and
 * RARE.PRICEIMPACT(element, cut, [elasticity], [mitigation], [model]), as docs/SCENARIOS.md specifies:
 *   gap = China share × cut × (1 − mitigation);
 *   price change = (1 − gap)^(−1/elasticity) − 1 ("constant", the default) or gap ÷ elasticity ("linear").
 * China's share comes from seeds/article-tables/elements.csv (article A002's element table);
 * the omitted elasticity 0.5 and mitigation 0 are the documented assumptions (SCENARIOS.md table).
 */
import * as rare from "../../../functions/functions";
import { articleElement, articleElements, curatedElements } from "../../support/seed-facts";
import { type Code, didYouMean, expectCells, expectErrorResult, expectNumber, only } from "./cells";
import { excelCalls, incoming } from "./support/excel-calls";

const { gap, priceimpact } = excelCalls(rare);

const shareOf = (element: string) => articleElement(element).share;
/** docs/SCENARIOS.md, "Assumptions": elasticity when omitted. */
const DEFAULT_ELASTICITY = 0.5;
/** docs/SCENARIOS.md, "Price models": constant-elasticity demand solved for the price. */
const constant = (gap: number, elasticity: number) => (1 - gap) ** (-1 / elasticity) - 1;
const withoutShare = curatedElements
  .map((e) => e.element)
  .filter((name) => !articleElements.some((a) => a.element === name));

/** #NUM! cases shared by both functions: cut and mitigation outside 0..1. */
const badFractions: Array<[string, number, RegExp]> = [
  ["80 typed for 80%", 80, /80 \(8000%\) is outside 0\.\.1 \(0% to 100%\)\. If you meant 80%, enter 80% or 0\.8\./],
  ["150% typed", 1.5, /1\.5 \(150%\) is outside 0\.\.1/],
  ["slightly above 1", 1.0001, /1\.0001 \([^)]*\) is outside 0\.\.1/],
  ["negative", -0.1, /-0\.1 \([^)]*\) is outside 0\.\.1/],
  ["far above 100", 250, /250 \([^)]*\) is outside 0\.\.1/],
];

describe("GAP", () => {
  describe("normal case", () => {
    it('GAP("Neodymium", 50%, 25%) = 0.8 × 0.5 × 0.75 = 0.30 (docs/SCENARIOS.md worked example)', () => {
      expect(shareOf("Neodymium")).toBe(0.8);
      expectNumber(gap([["Neodymium"]], [[0.5]], [[0.25]]), 0.3);
    });
    it.each(articleElements.map((e) => [e.element, e.share]))(
      "%s: share %d × cut × (1 − mitigation)",
      (element, share) => {
        for (const cut of [0, 0.1, 0.3, 1]) {
          for (const mitigation of [0, 0.2, 1])
            expectNumber(gap([[element]], [[cut]], [[mitigation]]), share * cut * (1 - mitigation));
        }
      },
    );
    it("percent text is read as Excel reads it ('50%' = 0.5)", () => {
      expectNumber(gap([["Nd"]], [["50%"]], [["25%"]]), shareOf("Neodymium") * 0.5 * 0.75);
      expectNumber(gap([["Nd"]], [["0.5"]], null), shareOf("Neodymium") * 0.5);
    });
    it.each(["Nd", "nd", " NEODYMIUM ", "Neodymium\u00a0"])("element %j resolves like SHARE", (typed) => {
      expectNumber(gap([[typed]], [[0.5]], null), shareOf("Neodymium") * 0.5);
    });
    it("the bounds 0 and 1 are valid cuts and mitigations", () => {
      expectNumber(gap([["Dy"]], [[0]], [[0]]), 0);
      expectNumber(gap([["Dy"]], [[1]], [[0]]), shareOf("Dysprosium"));
      expectNumber(gap([["Dy"]], [[1]], [[1]]), 0);
    });
    it("is deterministic", () => {
      const call = () => gap([["Nd"], ["Tb"]], [[0.3, 80]], null);
      expect(call()).toEqual(call());
    });
  });

  describe("omitted and blank arguments", () => {
    it("an omitted mitigation (null) is 0", () => {
      expectNumber(gap([["Lanthanum"]], [[0.4]], null), shareOf("Lanthanum") * 0.4);
    });
    it("a blank mitigation cell is the same as an omitted one", () => {
      expect(gap([["Lanthanum"]], [[0.4]], [[""]])).toEqual(gap([["Lanthanum"]], [[0.4]], null));
    });
    it("a blank or omitted cut is #VALUE! naming the argument (cut is required)", () => {
      expectErrorResult(gap([["Nd"]], [[""]], null), "#VALUE!", /cut is blank/);
      expectErrorResult(gap([["Nd"]], null, null), "#VALUE!", /cut is blank/);
    });
    it("a blank element is #VALUE! naming the argument", () => {
      expectErrorResult(gap([[""]], [[0.5]], null), "#VALUE!", /element is blank/);
    });
  });

  describe("ranges", () => {
    it("elements down against cuts across spill a grid, each cell share × cut", () => {
      const elements = articleElements.map((e) => e.element);
      const cuts = [0.1, 0.5, 1];
      expectCells(
        gap(
          elements.map((e) => [e]),
          [cuts],
          null,
        ),
        elements.map((e) => cuts.map((c) => shareOf(e) * c)),
      );
    });
    it("each cell is its own value or error", () => {
      expectCells(gap([["Nd"], ["Terbium"], ["Neodimium"], ["Dy"]], [[0.5], [0.5], [0.5], [80]], [[0.25]]), [
        [shareOf("Neodymium") * 0.5 * 0.75],
        [{ error: "#N/A", message: /No sourced figure for China's share of Terbium/ }],
        [{ error: "#N/A", message: didYouMean("Neodymium") }],
        [{ error: "#NUM!", message: /Cut 80 \([^)]*\) is outside 0\.\.1/ }],
      ]);
    });
    it("a mitigation range spills along its own shape", () => {
      expectCells(gap([["Nd"]], [[0.5]], [[0], [0.5], [1]]), [
        [shareOf("Neodymium") * 0.5],
        [shareOf("Neodymium") * 0.25],
        [0],
      ]);
    });
  });

  describe("error inputs and wrong types", () => {
    it("an error in any argument cell propagates unchanged", () => {
      const bad = incoming();
      expect(only(gap([[bad]], [[0.5]], null))).toBe(bad);
      expect(only(gap([["Nd"]], [[bad]], null))).toBe(bad);
      expect(only(gap([["Nd"]], [[0.5]], [[bad]]))).toBe(bad);
    });
    it.each([
      [[[60]], [[0.5]], null, /element must be text, not the number 60/],
      [[[true]], [[0.5]], null, /element must be text, not the logical value TRUE/],
      [[["Nd"]], [["half"]], null, /cut must be a number, not the text "half"/],
      [[["Nd"]], [[true]], null, /cut must be a number, not the logical value TRUE/],
      [[["Nd"]], [[0.5]], [["some"]], /mitigation must be a number, not the text "some"/],
      [[["Nd"]], [[0.5]], [[false]], /mitigation must be a number, not the logical value FALSE/],
    ])("%j, %j, %j is #VALUE! naming the argument", (element, cut, mitigation, message) => {
      expectErrorResult(gap(element, cut, mitigation), "#VALUE!", message);
    });
  });

  describe("documented errors", () => {
    it.each(badFractions)("cut outside 0..1 (%s) is #NUM!", (_label, cut, message) => {
      expectErrorResult(gap([["Nd"]], [[cut]], null), "#NUM!", /^Cut /, message);
    });
    it.each(badFractions)("mitigation outside 0..1 (%s) is #NUM!", (_label, mitigation, message) => {
      expectErrorResult(gap([["Nd"]], [[0.5]], [[mitigation]]), "#NUM!", /^Mitigation /, message);
    });
    it('an unknown element is #N/A with "Did you mean …?"', () => {
      expectErrorResult(
        gap([["Neodimium"]], [[0.5]], null),
        "#N/A",
        'Unknown element "Neodimium".',
        didYouMean("Neodymium"),
      );
    });
    it("an element without a sourced share is #N/A saying so (SHARE's message)", () => {
      for (const element of withoutShare)
        expectErrorResult(gap([[element]], [[0.5]], null), "#N/A", `No sourced figure for China's share of ${element}`);
    });
    // docs/SCENARIOS.md: "Arguments are checked in the order they are written, so the first bad one is reported."
    it.each<[string, unknown[][], unknown[][], unknown[][] | null, Code, RegExp | string]>([
      ["cut 80 before mitigation 2", [["Nd"]], [[80]], [[2]], "#NUM!", /^Cut 80/],
      ["unknown element before cut 80", [["Neodimium"]], [[80]], null, "#N/A", didYouMean("Neodymium")],
      ["cut 80 (#NUM!) before mitigation text (#VALUE!)", [["Nd"]], [[80]], [["abc"]], "#NUM!", /^Cut 80/],
      [
        "unknown element (#N/A) before cut text (#VALUE!)",
        [["Neodimium"]],
        [["half"]],
        null,
        "#N/A",
        didYouMean("Neodymium"),
      ],
    ])("the first bad argument in formula order is reported: %s", (_label, element, cut, mitigation, code, message) => {
      expectErrorResult(gap(element, cut, mitigation), code, message);
    });
  });
});

describe("PRICEIMPACT", () => {
  describe("normal case", () => {
    it('PRICEIMPACT("Neodymium", 50%, 0.5, 25%) = 0.7^−2 − 1 = 1.0408…; with "linear" 0.30 ÷ 0.5 = 0.60', () => {
      expectNumber(priceimpact([["Neodymium"]], [[0.5]], [[0.5]], [[0.25]]), 1 / 0.49 - 1);
      expectNumber(priceimpact([["Neodymium"]], [[0.5]], [[0.5]], [[0.25]], [["constant"]]), 1 / 0.49 - 1);
      expectNumber(priceimpact([["Neodymium"]], [[0.5]], [[0.5]], [[0.25]], [["linear"]]), 0.6);
      expectNumber(priceimpact([["Neodymium"]], [[0.5]], [[0.5]], [[0.25]], [[" Linear "]]), 0.6);
    });
    it.each(articleElements.map((e) => [e.element, e.share]))(
      "%s: (1 − share × cut × (1 − mitigation))^(−1/elasticity) − 1, or ÷ elasticity with linear",
      (element, share) => {
        for (const [cut, elasticity, mitigation] of [
          [0.3, 0.5, 0],
          [0.5, 1.2, 0.2],
          [1, 2, 0.5],
          [0.1, 0.25, 0],
        ]) {
          const g = share * cut * (1 - mitigation);
          expectNumber(priceimpact([[element]], [[cut]], [[elasticity]], [[mitigation]]), constant(g, elasticity));
          expectNumber(priceimpact([[element]], [[cut]], [[elasticity]], [[mitigation]], [["linear"]]), g / elasticity);
        }
      },
    );
    it("has no cap: the linear model gives 0.8 ÷ 0.01 = 80", () => {
      expectNumber(priceimpact([["Nd"]], [[1]], [[0.01]], null, [["linear"]]), shareOf("Neodymium") / 0.01);
    });
    it("a result beyond a double is #NUM!, never Infinity", () => {
      expectErrorResult(priceimpact([["Dy"]], [[1]], [[1e-300]], null), "#NUM!", /too large to compute/);
    });
    it("an unknown model is #VALUE! naming the choices", () => {
      expectErrorResult(
        priceimpact([["Nd"]], [[0.5]], null, null, [["cubic"]]),
        "#VALUE!",
        /"constant" \(the default\) or "linear"/,
      );
    });
    it("is deterministic", () => {
      const call = () => priceimpact([["Nd"], ["La"]], [[0.5]], [[0.5, 0]], null);
      expect(call()).toEqual(call());
    });
  });

  describe("omitted and blank arguments", () => {
    it("an omitted elasticity is the documented assumption 0.5, an omitted mitigation 0, an omitted model constant", () => {
      expectNumber(
        priceimpact([["Nd"]], [[0.5]], null, null),
        constant(shareOf("Neodymium") * 0.5, DEFAULT_ELASTICITY),
      );
      expectNumber(
        priceimpact([["Dy"]], [[0.3]], null, [[0.5]]),
        constant(shareOf("Dysprosium") * 0.3 * 0.5, DEFAULT_ELASTICITY),
      );
      expectNumber(priceimpact([["La"]], [[0.3]], [[2]], null), constant(shareOf("Lanthanum") * 0.3, 2));
    });
    it("blank elasticity, mitigation and model cells are the same as omitted ones", () => {
      expect(priceimpact([["Nd"]], [[0.5]], [[""]], [[""]], [[""]])).toEqual(
        priceimpact([["Nd"]], [[0.5]], null, null),
      );
    });
    it("a blank element or cut is #VALUE! naming the argument", () => {
      expectErrorResult(priceimpact([[""]], [[0.5]], null, null), "#VALUE!", /element is blank/);
      expectErrorResult(priceimpact([["Nd"]], [[null]], null, null), "#VALUE!", /cut is blank/);
    });
  });

  describe("ranges", () => {
    it("elasticities across against elements down spill a grid", () => {
      const elasticities = [0.25, 0.5, 1];
      const elements = articleElements.map((e) => e.element);
      expectCells(
        priceimpact(
          elements.map((e) => [e]),
          [[0.5]],
          [elasticities],
          null,
        ),
        elements.map((e) => elasticities.map((el) => constant(shareOf(e) * 0.5, el))),
      );
    });
    it("each cell is its own value or error", () => {
      expectCells(priceimpact([["Nd", "Nd", "Nd", "Terbium"]], [[0.5]], [[0.5, 0, -0.5, 0.5]], null), [
        [
          constant(shareOf("Neodymium") * 0.5, 0.5),
          { error: "#NUM!", message: /Elasticity 0/ },
          { error: "#NUM!", message: /Elasticity -0\.5/ },
          { error: "#N/A", message: /No sourced figure for China's share of Terbium/ },
        ],
      ]);
    });
  });

  describe("error inputs and wrong types", () => {
    it("an error in any argument cell propagates unchanged", () => {
      const bad = incoming();
      expect(only(priceimpact([[bad]], [[0.5]], null, null))).toBe(bad);
      expect(only(priceimpact([["Nd"]], [[bad]], null, null))).toBe(bad);
      expect(only(priceimpact([["Nd"]], [[0.5]], [[bad]], null))).toBe(bad);
      expect(only(priceimpact([["Nd"]], [[0.5]], [[0.5]], [[bad]]))).toBe(bad);
    });
    it.each([
      [[[60]], [[0.5]], null, null, /element must be text, not the number 60/],
      [[["Nd"]], [["most"]], null, null, /cut must be a number, not the text "most"/],
      [[["Nd"]], [[0.5]], [["low"]], null, /elasticity must be a number, not the text "low"/],
      [[["Nd"]], [[0.5]], [[true]], null, /elasticity must be a number, not the logical value TRUE/],
      [[["Nd"]], [[0.5]], null, [["none"]], /mitigation must be a number, not the text "none"/],
    ])("%j, %j, %j, %j is #VALUE! naming the argument", (element, cut, elasticity, mitigation, message) => {
      expectErrorResult(priceimpact(element, cut, elasticity, mitigation), "#VALUE!", message);
    });
  });

  describe("documented errors", () => {
    it.each(badFractions)("cut outside 0..1 (%s) is #NUM!", (_label, cut, message) => {
      expectErrorResult(priceimpact([["Nd"]], [[cut]], null, null), "#NUM!", /^Cut /, message);
    });
    it.each(badFractions)("mitigation outside 0..1 (%s) is #NUM!", (_label, mitigation, message) => {
      expectErrorResult(priceimpact([["Nd"]], [[0.5]], null, [[mitigation]]), "#NUM!", /^Mitigation /, message);
    });
    it("elasticity 0 is #NUM!", () => {
      expectErrorResult(priceimpact([["Nd"]], [[0.5]], [[0]], null), "#NUM!", /Elasticity 0/, /greater than 0/);
    });
    it("a negative elasticity is #NUM! asking for its magnitude", () => {
      expectErrorResult(
        priceimpact([["Nd"]], [[0.5]], [[-0.5]], null),
        "#NUM!",
        /Elasticity -0\.5/,
        /magnitude, greater than 0 \(e\.g\. 0\.5/,
      );
    });
    it('an unknown element is #N/A with "Did you mean …?"', () => {
      expectErrorResult(
        priceimpact([["Dysprosum"]], [[0.5]], null, null),
        "#N/A",
        'Unknown element "Dysprosum".',
        didYouMean("Dysprosium"),
      );
    });
    it("an element without a sourced share is #N/A saying so", () => {
      for (const element of withoutShare)
        expectErrorResult(
          priceimpact([[element]], [[0.5]], null, null),
          "#N/A",
          `No sourced figure for China's share of ${element}`,
        );
    });
    it.each<[string, unknown[][], unknown[][], unknown[][] | null, unknown[][] | null, Code, RegExp | string]>([
      ["cut 80 before elasticity 0", [["Nd"]], [[80]], [[0]], null, "#NUM!", /^Cut 80/],
      ["elasticity 0 before mitigation 2", [["Nd"]], [[0.5]], [[0]], [[2]], "#NUM!", /^Elasticity 0/],
      ["cut 80 (#NUM!) before elasticity text (#VALUE!)", [["Nd"]], [[80]], [["abc"]], null, "#NUM!", /^Cut 80/],
      [
        "unknown element (#N/A) before mitigation text (#VALUE!)",
        [["Neodimium"]],
        [[0.5]],
        null,
        [["abc"]],
        "#N/A",
        didYouMean("Neodymium"),
      ],
    ])(
      "the first bad argument in formula order is reported: %s",
      (_label, element, cut, elasticity, mitigation, code, message) => {
        expectErrorResult(priceimpact(element, cut, elasticity, mitigation), code, message);
      },
    );
  });
});
