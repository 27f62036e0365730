import {
  COL,
  FORMATS,
  GRID_CUTS,
  TABLE_HEADERS,
  buildScenarioSheet,
  type ScenarioSheetInput,
} from "../../../src/scenario/scenario-layout";
import { defaultScenarioSheetName, nameKey } from "../../../src/scenario/scenario-names";
import { a1, columnLetters, rectA1 } from "../../../src/excel/a1";
import { cellAt } from "./support/plan-grid";
import { exportQuotasInput } from "./support/scenario-input";
import { caughtRareError as rareError } from "../../support/rare-error";

const input: ScenarioSheetInput = exportQuotasInput;

// The layout this input gives, row by row (two strategies, three elements):
//  1 title · 2 intro · 3 impact · 4 mitigation text · 5 source · 7 assumptions header
//  8 cut · 9 elasticity · 10 price model · 11–12 offsets · 13 combined mitigation
//  15 table header · 16–18 elements · 20 total · 21 note · 23 grid title · 24 grid header
//  25 current cut · 26–35 grid
const plan = buildScenarioSheet(input);
const formulaAt = (row: number, col: number) => cellAt(plan, row, col)?.formula;
const key = plan.sheetKey;

describe("A1 helpers", () => {
  it("letters and references", () => {
    expect([1, 26, 27, 52, 702, 703, 16384].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"]);
    expect(a1(8, 2, true)).toBe("$B$8");
    expect(a1(23, 2, { row: true, col: false })).toBe("B$23");
    expect(a1(24, 1, { row: false, col: true })).toBe("$A24");
    expect(rectA1({ row: 14, col: 1, rows: 4, cols: 3 })).toBe("A14:C17");
    expect(rectA1({ row: 8, col: 2, rows: 1, cols: 1 }, true)).toBe("$B$8");
  });
});

describe("buildScenarioSheet: header block", () => {
  it("states the risk factor with RARE formulas and its source", () => {
    expect(cellAt(plan, 1, 1)).toMatchObject({ value: "Scenario: Export Quotas", style: "title" });
    expect(formulaAt(3, 2)).toBe('=RARE.RISK("Export Quotas")');
    expect(formulaAt(4, 2)).toBe('=RARE.RISK("Export Quotas","mitigation")');
    expect(formulaAt(5, 2)).toBe('=RARE.SOURCE("risk","Export Quotas")');
  });

  it("doubles quotes inside formula strings", () => {
    const quoted = buildScenarioSheet({ ...input, riskFactor: 'Say "no"', strategies: [{ name: 'A "B"', offset: 0 }] });
    expect(cellAt(quoted, 3, 2)?.formula).toBe('=RARE.RISK("Say ""no""")');
    expect(cellAt(quoted, 11, 4)?.formula).toBe('=RARE.STRATEGY("A ""B""")');
  });
});

describe("buildScenarioSheet: assumptions", () => {
  it("writes each assumption as a formatted, labelled input", () => {
    expect(cellAt(plan, 8, 2)).toMatchObject({ value: 0.3, style: "input", numberFormat: FORMATS.percent });
    expect(cellAt(plan, 9, 2)).toMatchObject({ value: 0.5, style: "input", numberFormat: FORMATS.elasticity });
    expect(cellAt(plan, 11, 2)).toMatchObject({ value: 0.1, style: "input", numberFormat: FORMATS.percent });
    expect(cellAt(plan, 12, 2)).toMatchObject({ value: 0.2, style: "input", numberFormat: FORMATS.percent });
    // The price model is a named input too, so a user can switch the whole sheet to "linear".
    expect(cellAt(plan, 10, 2)).toMatchObject({ value: "constant", style: "input" });
    for (const row of [8, 9, 10, 11, 12]) expect(cellAt(plan, row, 3)?.value).toBe("Assumption (editable)");
    expect(cellAt(plan, 11, 1)?.value).toBe("Mitigation offset: Recycling Programs");
  });

  it("explains the preset default next to the cut, and the strategy's benefit from the data", () => {
    expect(cellAt(plan, 8, 4)?.value).toMatch(/^Judgement, not data\. Preset 30%: /);
    expect(formulaAt(11, 4)).toBe('=RARE.STRATEGY("Recycling Programs")');
    expect(formulaAt(11, 5)).toBe('=RARE.SOURCE("strategy","Recycling Programs")');
  });

  it("combines the offsets as 1 − Π(1 − offset) over the offset cells", () => {
    expect(cellAt(plan, 13, 2)).toMatchObject({ formula: "=1-(1-$B$11)*(1-$B$12)", numberFormat: FORMATS.percent });
    expect(cellAt(plan, 13, 2)?.style).not.toBe("input");
    expect(plan.anchors.mitigation).toEqual({ row: 13, col: 2 });
  });

  it("without strategies, the combined mitigation is 0 and the table moves up", () => {
    const bare = buildScenarioSheet({ ...input, strategies: [] });
    expect(cellAt(bare, 11, 2)?.formula).toBe("=0");
    expect(bare.table.rect.row).toBe(13);
    expect(cellAt(bare, 14, COL.gap)?.formula).toBe("=RARE.GAP(A14,$B$8,$B$11)");
  });

  it("names every assumption with a workbook-unique name pointing at its cell", () => {
    expect(key).toBe("Scenario_Export_Quotas");
    expect(plan.namedRanges).toEqual([
      { name: "RARE_Scenario_Export_Quotas_Cut", row: 8, col: 2 },
      { name: "RARE_Scenario_Export_Quotas_Elasticity", row: 9, col: 2 },
      { name: "RARE_Scenario_Export_Quotas_Model", row: 10, col: 2 },
      { name: "RARE_Scenario_Export_Quotas_Mit_Recycling_Programs", row: 11, col: 2 },
      { name: "RARE_Scenario_Export_Quotas_Mit_Domestic_Mining_Expansion", row: 12, col: 2 },
      { name: "RARE_Scenario_Export_Quotas_Mitigation", row: 13, col: 2 },
      { name: "RARE_Scenario_Export_Quotas_Exposure", row: 16, col: COL.exposure, rows: 3, cols: 1 },
    ]);
    for (const n of plan.namedRanges) expect(n.name).toMatch(/^RARE_[A-Za-z0-9_]+$/);
    const all = [...plan.namedRanges.map((n) => n.name.toLowerCase()), plan.table.name.toLowerCase()];
    expect(new Set(all).size).toBe(all.length);
  });

  it("lists the input cells for the preview, each under its name", () => {
    expect(plan.inputCells.map((c) => [c.kind, c.row, c.col, c.strategy])).toEqual([
      ["cut", 8, 2, undefined],
      ["elasticity", 9, 2, undefined],
      ["model", 10, 2, undefined],
      ["offset", 11, 2, "Recycling Programs"],
      ["offset", 12, 2, "Domestic Mining Expansion"],
    ]);
    for (const input of plan.inputCells) {
      const named = plan.namedRanges.find((n) => n.name === input.name);
      expect(named).toMatchObject({ row: input.row, col: input.col });
      expect(cellAt(plan, input.row, input.col)?.style).toBe("input");
      expect(cellAt(plan, input.row, 1)?.value).toBe(input.label);
    }
  });
});

describe("buildScenarioSheet: scenario table", () => {
  it("is a headed table, one row per element", () => {
    expect(plan.table).toEqual({
      name: `RARE_${key}_Table`,
      rect: { row: 15, col: 1, rows: 4, cols: 9 },
      hasHeaders: true,
    });
    TABLE_HEADERS.forEach((h, i) => expect(cellAt(plan, 15, i + 1)).toMatchObject({ value: h, style: "header" }));
    expect([16, 17, 18].map((r) => cellAt(plan, r, 1)?.value)).toEqual(input.elements);
  });

  it.each([
    [16, "Neodymium"],
    [17, "Dysprosium"],
    [18, "Lanthanum"],
  ])("row %i (%s) refers to its own row and the assumption cells", (r) => {
    expect(formulaAt(r, COL.share)).toBe(`=RARE.SHARE(A${r})`);
    expect(formulaAt(r, COL.gap)).toBe(`=RARE.GAP(A${r},$B$8,$B$13)`);
    expect(formulaAt(r, COL.price)).toBe(`=RARE.PRICE(A${r})`);
    expect(formulaAt(r, COL.change)).toBe(`=RARE.PRICEIMPACT(A${r},$B$8,$B$9,$B$13,$B$10)`);
    expect(cellAt(plan, r, COL.exposure)).toEqual({
      row: r,
      col: COL.exposure,
      numberFormat: FORMATS.tonnes,
      style: "input",
    });
    expect(formulaAt(r, COL.cost)).toBe(`=IF(ISNUMBER(F${r}),F${r}*1000*D${r}*E${r},"")`);
    expect(formulaAt(r, COL.shareSource)).toBe(`=RARE.SOURCE("share",A${r})`);
    expect(formulaAt(r, COL.priceSource)).toBe(`=RARE.SOURCE("price",A${r})`);
  });

  it("formats fractions as percentages and money as USD", () => {
    for (const col of [COL.share, COL.gap, COL.change])
      expect(cellAt(plan, 16, col)?.numberFormat).toBe(FORMATS.percent);
    expect(cellAt(plan, 16, COL.price)?.numberFormat).toBe(FORMATS.usdPerKg);
    expect(cellAt(plan, 16, COL.cost)?.numberFormat).toBe(FORMATS.usd);
  });

  it("asks for the chosen price year when one is given", () => {
    const dated = buildScenarioSheet({ ...input, priceYear: 2024 });
    expect(cellAt(dated, 16, COL.price)?.formula).toBe("=RARE.PRICE(A16,2024)");
    expect(cellAt(dated, 16, COL.priceSource)?.formula).toBe('=RARE.SOURCE("price",A16,2024)');
  });

  it("totals the cost column and points the exposure range at the user's column", () => {
    expect(plan.anchors.totalCost).toEqual({ row: 20, col: COL.cost });
    expect(formulaAt(20, COL.cost)).toBe("=SUM(G16:G18)");
    expect(plan.exposureRange).toEqual({ row: 16, col: COL.exposure, rows: 3, cols: 1 });
  });

  it("charts element names with China share and supply gap, below everything else", () => {
    expect(plan.chart.type).toBe("column");
    // Named after the sheet's key, so an update can find and replace it.
    expect(plan.chart.name).toBe(`RARE_${plan.sheetKey}_Chart`);
    expect(rectA1(plan.chart.dataRect)).toBe("A15:C18");
    expect(cellAt(plan, 15, 3)?.value).toBe("Supply gap");
    const lastRow = Math.max(...plan.cells.map((c) => c.row));
    expect(plan.chart.anchorRow).toBeGreaterThan(lastRow);
  });
});

describe("buildScenarioSheet: sensitivity grid", () => {
  const gridHeader = 24;

  it("is the current cut, then 10 fixed cuts down × the elements across", () => {
    expect(plan.anchors.grid).toEqual({ row: gridHeader, col: 1, rows: 12, cols: 4 });
    const gridFormulas = plan.cells.filter(
      (c) => c.row > gridHeader && c.col > 1 && c.formula?.startsWith("=RARE.GAP("),
    );
    expect(gridFormulas).toHaveLength(11 * 3);
    expect(GRID_CUTS).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    GRID_CUTS.forEach((c, i) =>
      expect(cellAt(plan, gridHeader + 2 + i, 1)).toMatchObject({ value: c, numberFormat: FORMATS.percent }),
    );
  });

  it("its first row follows the Cut assumption, labelled right of the grid", () => {
    expect(plan.anchors.currentCut).toEqual({ row: gridHeader + 1, col: 1 });
    expect(cellAt(plan, gridHeader + 1, 1)).toMatchObject({ formula: "=$B$8", numberFormat: FORMATS.percent });
    expect(cellAt(plan, gridHeader + 1, 5)).toMatchObject({
      value: "Current cut (the Export cut assumption, B8)",
      style: "note",
    });
    expect(plan.extent.cols).toBe(9); // the label fits inside the table's width here
    const bare = buildScenarioSheet({ ...input, strategies: [] });
    expect(cellAt(bare, bare.anchors.currentCut.row, 1)?.formula).toBe("=$B$8");
  });

  it("heads each column with the table's element cell", () => {
    expect([2, 3, 4].map((c) => formulaAt(gridHeader, c))).toEqual(["=$A$16", "=$A$17", "=$A$18"]);
  });

  it("each cell is the gap for its column's element, its row's cut, and the combined mitigation", () => {
    for (let r = 0; r < 11; r++) {
      for (let e = 0; e < 3; e++) {
        const col = columnLetters(2 + e);
        const row = gridHeader + 1 + r;
        expect(formulaAt(row, 2 + e)).toBe(`=RARE.GAP(${col}$${gridHeader},$A${row},$B$13)`);
        expect(cellAt(plan, row, 2 + e)?.numberFormat).toBe(FORMATS.percent);
      }
    }
  });
});

describe("buildScenarioSheet: the whole plan", () => {
  it("writes each cell once, inside the extent, and never a string that Excel would read as a formula", () => {
    const seen = new Set(plan.cells.map((c) => `${c.row},${c.col}`));
    expect(seen.size).toBe(plan.cells.length);
    for (const c of plan.cells) {
      expect(c.row).toBeGreaterThanOrEqual(1);
      expect(c.row).toBeLessThanOrEqual(plan.extent.rows);
      expect(c.col).toBeLessThanOrEqual(plan.extent.cols);
      expect(c.value === undefined || c.formula === undefined).toBe(true);
      if (typeof c.value === "string") expect(c.value).not.toMatch(/^=/);
      if (c.formula !== undefined) expect(c.formula).toMatch(/^=/);
    }
  });

  it("widens the extent for many elements (grid wider than the table)", () => {
    const wide = buildScenarioSheet({ ...input, elements: Array.from({ length: 12 }, (_, i) => `E${i}`) });
    expect(wide.anchors.grid.cols).toBe(13);
    expect(wide.extent.cols).toBe(14); // and the current cut's label beside it
  });
});

describe("buildScenarioSheet: bad input", () => {
  it.each<[string, Partial<ScenarioSheetInput>, string, RegExp]>([
    ["no elements", { elements: [] }, "invalidValue", /at least one element/],
    ["a blank element", { elements: ["Neodymium", " "] }, "invalidValue", /blank/],
    ["a duplicate element", { elements: ["Neodymium", "neodymium "] }, "invalidValue", /listed twice/],
    ["an element Excel would read as a formula", { elements: ["=1+1"] }, "invalidValue", /must not start with/],
    ["an element led by a tab (hides a formula lead)", { elements: ["\tNeodymium"] }, "invalidValue", /a tab/],
    ["an element led by a carriage return", { elements: ["\r+1"] }, "invalidValue", /carriage return/],
    ["an element led by @", { elements: ["@SUM(A1)"] }, "invalidValue", /must not start with/],
    ["a cut typed as 30", { cut: 30 }, "invalidNumber", /30% or 0\.3/],
    ["elasticity 0", { elasticity: 0 }, "invalidNumber", /^Elasticity 0/],
    ["a negative elasticity", { elasticity: -0.5 }, "invalidNumber", /magnitude/],
    [
      "an unknown price model",
      { model: "quadratic" as "linear" },
      "invalidValue",
      /"constant" \(the default\) or "linear"/,
    ],
    [
      "an offset above 100 %",
      { strategies: [{ name: "Recycling Programs", offset: 1.5 }] },
      "invalidNumber",
      /Recycling Programs/,
    ],
    [
      "a duplicate strategy",
      {
        strategies: [
          { name: "X", offset: 0 },
          { name: "x", offset: 0 },
        ],
      },
      "invalidValue",
      /listed twice/,
    ],
    ["a blank strategy", { strategies: [{ name: "", offset: 0 }] }, "invalidValue", /blank/],
    ["a blank risk factor", { riskFactor: " " }, "invalidValue", /risk factor/],
    ["a sheet name with /", { sheetName: "A/B" }, "invalidValue", /contains/],
    ["a sheet name over 31 characters", { sheetName: "x".repeat(32) }, "invalidValue", /longer than 31/],
    ["a blank sheet name", { sheetName: "" }, "invalidValue", /blank/],
    ["the reserved sheet name", { sheetName: "History" }, "invalidValue", /reserved/],
    ["a sheet name in apostrophes", { sheetName: "'x'" }, "invalidValue", /apostrophe/],
    ["a fractional price year", { priceYear: 2024.5 }, "invalidValue", /whole year/],
  ])("rejects %s", (_what, change, code, message) => {
    const e = rareError(() => buildScenarioSheet({ ...input, ...change }));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

describe("names", () => {
  it("maps letters, digits and spaces readably, and tags anything else with a hash", () => {
    expect(nameKey("Scenario 1")).toBe("Scenario_1");
    expect(nameKey("Scenario  1")).toBe("Scenario__1");
    expect(nameKey("Scenario_1")).toMatch(/^Scenario_1_[0-9a-f]{8}$/);
    expect(nameKey("Scenario-1")).toMatch(/^Scenario_1_[0-9a-f]{8}$/);
    expect(nameKey("Ωμέγα")).toMatch(/^[0-9a-f]{8}$/);
  });

  it("gives different sheets different keys, and a sheet the same key whatever its case", () => {
    const sheets = ["Scenario 1", "Scenario_1", "Scenario-1", "Scenario_ 1", "Scenario 1 ", "Scénario 1", "Scenario 2"];
    const keys = sheets.map((s) => nameKey(s).toLowerCase());
    expect(new Set(keys).size).toBe(sheets.length);
    expect(nameKey("Scenario_1").slice(-8)).toBe(nameKey("SCENARIO_1").slice(-8));
  });

  it("gives the same sheet the same key on every run", () => {
    expect(buildScenarioSheet(input).sheetKey).toBe(plan.sheetKey);
  });

  it("suggests a valid sheet name per risk factor", () => {
    expect(defaultScenarioSheetName("Export Quotas")).toBe("Scenario Export Quotas");
    expect(defaultScenarioSheetName("Geopolitical Tensions")).toBe("Scenario Geopolitical Tensions");
    expect(defaultScenarioSheetName("Market Volatility")).toBe("Scenario Market Volatility");
    expect(defaultScenarioSheetName("A/B: [x]?").length).toBeLessThanOrEqual(31);
    expect(() =>
      buildScenarioSheet({ ...input, sheetName: defaultScenarioSheetName("A/B: [x]? and a very long tail") }),
    ).not.toThrow();
  });
});
