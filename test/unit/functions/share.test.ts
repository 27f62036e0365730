/**
 * RARE.SHARE(element, [stage]). Expected figures come from seeds/article-tables/elements.csv
 * (article A002's element table) and seeds/curated/china_shares.csv under the stage rule of
 * seeds/README.md, read by test/support/seed-facts.ts.
 */
import * as rare from "../../../functions/functions";
import {
  articleElement,
  articleElements,
  curatedElements,
  elementFacts,
  mcs2026ImportShare,
  stageShare,
  STAGES,
} from "../../support/seed-facts";
import { didYouMean, expectCells, expectError, expectErrorResult, expectNumber, only } from "./cells";
import { excelCalls, incoming } from "./support/excel-calls";

const { share } = excelCalls(rare);

describe("SHARE: normal case", () => {
  it("Neodymium is 0.8 (article 002 table: Neodymium 80%)", () => {
    expect(share([["Neodymium"]], null)).toEqual([[0.8]]);
  });

  it.each(articleElements.map((e) => [e.element, e.share, e.printed] as const))(
    "%s is its article figure %d (printed %s)",
    (element, figure, printed) => {
      expectNumber(share([[element]], null), figure);
      expectNumber(share([[element]], null), Number(printed.replace("%", "")) / 100);
    },
  );

  it.each(STAGES)("a stage gives the sector-wide figure chosen by the README rule: %s", (stage) => {
    // Terbium has its own MCS2026 US import-source figure, which SHARE(…, "us imports") returns instead.
    for (const element of ["Neodymium", "Dysprosium", "Terbium"])
      expectNumber(
        share([[element]], [[stage]]),
        stage === "us imports" ? (mcs2026ImportShare(element) ?? stageShare(stage)) : stageShare(stage),
      );
  });

  it("the stage figures are the ones seeds/README.md names (mining 62%, refining 92%, magnets 94%, US imports 71%)", () => {
    expect(STAGES.map(stageShare)).toEqual([0.62, 0.92, 0.94, 0.71]);
    expect(STAGES.map((stage) => only(share([["Nd"]], [[stage]])))).toEqual([0.62, 0.92, 0.94, 0.71]);
  });

  it.each([
    ["Nd", "Neodymium"],
    ["dy", "Dysprosium"],
    ["LA", "Lanthanum"],
    ["NEODYMIUM", "Neodymium"],
    ["  neodymium  ", "Neodymium"],
    ["\u00a0Dysprosium\u00a0", "Dysprosium"],
    ["Lanthanum\u3000", "Lanthanum"],
  ])("resolves %j as %s (symbols, case, NBSP and extra spaces)", (typed, element) => {
    expectNumber(share([[typed]], null), articleElement(element).share);
  });

  it.each([
    ["processing", "refining"],
    ["separation", "refining"],
    ["Magnet manufacturing", "magnets"],
    ["US imports", "us imports"],
    ["  MINING ", "mining"],
  ] as const)("stage alias %j is %s", (typed, stage) => {
    expectNumber(share([["Nd"]], [[typed]]), stageShare(stage));
  });

  it("is deterministic: the same call twice gives the same result", () => {
    const call = () => share([["Nd"], ["Terbium"], ["xx"]], [["mining", ""]]);
    expect(call()).toEqual(call());
  });
});

describe("SHARE: omitted and blank arguments", () => {
  it("an omitted stage (null) gives the element's own figure", () => {
    expectNumber(share([["Dysprosium"]], null), articleElement("Dysprosium").share);
  });
  it("a blank stage cell is the same as an omitted stage", () => {
    expect(share([["Dysprosium"]], [[""]])).toEqual(share([["Dysprosium"]], null));
    expect(share([["Dysprosium"]], [["   "]])).toEqual(share([["Dysprosium"]], null));
    expect(share([["Dysprosium"]], [[null]])).toEqual(share([["Dysprosium"]], null));
  });
  it.each([[""], ["   "], [null], ["\u00a0"]])("a blank element %j is #VALUE! naming the argument", (blank) => {
    expectErrorResult(share([[blank]], null), "#VALUE!", /element is blank/);
  });
});

describe("SHARE: ranges", () => {
  it("a column of elements spills a column, each cell its own value or error", () => {
    expectCells(share([["Neodymium"], ["Dysprosium"], ["Lanthanum"], ["Terbium"], ["Neodymum"]], null), [
      [articleElement("Neodymium").share],
      [articleElement("Dysprosium").share],
      [articleElement("Lanthanum").share],
      [{ error: "#N/A", message: /No sourced figure for China's share of Terbium/ }],
      [{ error: "#N/A", message: didYouMean("Neodymium") }],
    ]);
  });
  it("a row of elements spills a row", () => {
    expectCells(share([["Nd", "Dy", "La"]], null), [articleElements.map((e) => e.share)]);
  });
  it("a column of elements against a row of stages spills a grid", () => {
    expectCells(share([["Nd"], ["La"]], [["mining", "magnets", ""]]), [
      [stageShare("mining"), stageShare("magnets"), articleElement("Neodymium").share],
      [
        stageShare("mining"),
        { error: "#N/A", message: /not a permanent-magnet rare earth/ },
        articleElement("Lanthanum").share,
      ],
    ]);
  });
  it("a range with an error cell keeps the other cells", () => {
    const bad = incoming();
    const out = share([["Nd"], [bad], ["Dy"]], null);
    expect(out[1][0]).toBe(bad);
    expect(out[0][0]).toBe(articleElement("Neodymium").share);
    expect(out[2][0]).toBe(articleElement("Dysprosium").share);
  });
});

describe("SHARE: error inputs and wrong types", () => {
  it("an error in the element cell propagates unchanged", () => {
    const bad = incoming();
    expect(only(share([[bad]], null))).toBe(bad);
  });
  it("an error in the stage cell propagates unchanged", () => {
    const bad = incoming();
    expect(only(share([["Nd"]], [[bad]]))).toBe(bad);
  });
  it.each([
    [60, /element must be text, not the number 60/],
    [true, /element must be text, not the logical value TRUE/],
    [false, /element must be text, not the logical value FALSE/],
  ])("element %j is #VALUE! naming the argument", (value, message) => {
    expectErrorResult(share([[value]], null), "#VALUE!", message);
  });
  it.each([
    [2024, /stage must be text, not the number 2024/],
    [true, /stage must be text, not the logical value TRUE/],
  ])("stage %j is #VALUE! naming the argument", (value, message) => {
    expectErrorResult(share([["Nd"]], [[value]]), "#VALUE!", message);
  });
});

describe("SHARE: documented errors", () => {
  it('an unknown element is #N/A with "Did you mean …?"', () => {
    const e = expectErrorResult(
      share([["Neodimium"]], null),
      "#N/A",
      'Unknown element "Neodimium".',
      didYouMean("Neodymium"),
    );
    expect(e.message).toBe(`Unknown element "Neodimium". ${didYouMean("Neodymium")}`);
    expectErrorResult(share([["Dysprosum"]], [["mining"]]), "#N/A", didYouMean("Dysprosium"));
  });
  it("an unknown name with nothing close lists valid elements instead", () => {
    expectErrorResult(
      share([["Kryptonite"]], null),
      "#N/A",
      'Unknown element "Kryptonite"',
      /Valid elements include: Neodymium/,
    );
  });

  it("Terbium: a known element without a sourced element figure is #N/A saying so", () => {
    expectErrorResult(
      share([["Terbium"]], null),
      "#N/A",
      "No sourced figure for China's share of Terbium",
      /Neodymium, Dysprosium or Lanthanum/,
    );
  });
  it("every curated element outside the article table is #N/A without a stage", () => {
    const withFigure = new Set(articleElements.map((e) => e.element));
    for (const { element } of curatedElements.filter((e) => !withFigure.has(e.element))) {
      expectErrorResult(share([[element]], null), "#N/A", `No sourced figure for China's share of ${element}`);
    }
  });

  it('SHARE("Lanthanum","magnets"): not a permanent-magnet rare earth (CRMA flag "no") is #N/A', () => {
    expect(elementFacts("Lanthanum").magnet).toBe(false);
    expectErrorResult(
      share([["Lanthanum"]], [["magnets"]]),
      "#N/A",
      "No sourced figure for China's share of magnets for Lanthanum",
      /not a permanent-magnet/,
    );
  });
  it("magnets follows the curated CRMA flag for every element", () => {
    for (const { element, magnet } of curatedElements) {
      const cell = only(share([[element]], [["magnets"]]));
      if (magnet) expect(cell).toBe(stageShare("magnets"));
      else expectError(cell, "#N/A", `magnets for ${element}`);
    }
  });

  it("an unknown stage is #VALUE! listing the valid stages", () => {
    const e = expectErrorResult(share([["Nd"]], [["smelting"]]), "#VALUE!", 'Unknown stage "smelting"');
    for (const stage of STAGES) expect(e.message).toContain(stage);
  });
  it("an unknown element is reported before the stage is looked at", () => {
    expectErrorResult(share([["Neodimium"]], [["mining"]]), "#N/A", didYouMean("Neodymium"));
  });
});
