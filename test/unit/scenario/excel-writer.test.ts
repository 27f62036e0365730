/**
 * writeScenarioSheet against hosts/excel.ts over office-addin-mock (the fake Excel of the
 * workbook tests): what Office.js is asked to do. Formulas go through Range.formulas, not
 * as values; names, number formats, the table and the chart are set; an update in place
 * keeps the exposure column and writes nowhere else; a layout change removes the old chart,
 * table and names before writing; a sheet deleted by hand can be created again. The fake
 * does not compute formulas, so the values are the preview tests' business (writer.test.ts).
 */
import { COL, FORMATS, buildScenarioSheet, type ScenarioSheetInput } from "../../../src/scenario/scenario-layout";
import { manifestKey } from "../../../src/scenario/manifest";
import { writeScenarioSheet } from "../../../src/scenario/writer";
import { createExcelWorkbook } from "../../../taskpane/hosts/excel";
import { fakeExcel, type FakeExcelState } from "../../support/fake-excel";

const input: ScenarioSheetInput = {
  sheetName: "Scenario Geopolitical Tensions",
  riskFactor: "Geopolitical Tensions",
  strategies: [{ name: "International Partnerships", offset: 0.15 }],
  elements: ["Neodymium", "Dysprosium", "Lanthanum"],
  cut: 0.5,
  elasticity: 0.5,
};
const SHEET = input.sheetName;
const plan = buildScenarioSheet(input);
const all = () => true;

/** A 1-based plan cell in the fake's 0-based store. */
const cell = (state: FakeExcelState, row: number, col: number) => state.cell(SHEET, row - 1, col - 1);

/** The blocks written through Range.formulas, from the fake's log ("formulas S 14,1 1x4"). */
function formulaBlocks(state: FakeExcelState) {
  return state.log
    .filter((l) => l.startsWith(`formulas ${SHEET} `))
    .map((l) => {
      const [, , at, size] = /^formulas (.+) (\d+,\d+) (\d+x\d+)$/.exec(l)!;
      const [row, col] = at.split(",").map(Number);
      const [rows, cols] = size.split("x").map(Number);
      return { row, col, rows, cols };
    });
}

/** Every sheet but the scenario sheet, cell by cell, as text to compare before and after a write. */
const otherSheets = (state: FakeExcelState) =>
  JSON.stringify(
    [...state.sheets.entries()].filter(([name]) => name !== SHEET).map(([name, cells]) => [name, [...cells.entries()]]),
  );

async function created() {
  const fake = fakeExcel(["Sheet1", "Data"]);
  fake.state.cell("Data", 0, 0).value = "keep me";
  fake.state.cell("Data", 1, 1).formula = "=A1";
  const wb = createExcelWorkbook({ excel: fake.excel, isSetSupported: all });
  const outcome = await writeScenarioSheet(wb, plan, { mode: "create" });
  return { ...fake, wb, outcome };
}

describe("scenario sheet through hosts/excel.ts (office-addin-mock)", () => {
  it("writes every formula through Range.formulas, and constants as values", async () => {
    const { state, outcome } = await created();
    expect(outcome).toMatchObject({ sheetName: SHEET, mode: "create", tableName: plan.table.name });
    const blocks = formulaBlocks(state);
    const inBlock = (r: number, c: number) =>
      blocks.some((b) => r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols);
    for (const planned of plan.cells) {
      const written = cell(state, planned.row, planned.col);
      if (planned.formula) {
        expect([planned.formula, inBlock(planned.row - 1, planned.col - 1)]).toEqual([planned.formula, true]);
        expect(written.formula).toBe(planned.formula);
      } else {
        expect(inBlock(planned.row - 1, planned.col - 1)).toBe(false);
        expect(written.formula).toBeUndefined();
        if (planned.value !== undefined) expect(written.value).toBe(planned.value);
      }
    }
    const nd = plan.anchors.firstElementRow;
    expect(cell(state, nd, COL.gap).formula).toBe(`=RARE.GAP(A${nd},$B$8,$B$12)`);
    expect(cell(state, 3, 2).formula).toBe('=RARE.RISK("Geopolitical Tensions")');
    expect(cell(state, 5, 2).formula).toBe('=RARE.SOURCE("risk","Geopolitical Tensions")');
    expect(cell(state, plan.anchors.currentCut.row, 1).formula).toBe("=$B$8");
  });

  it("sets number formats, input styling, the table, the chart and the named ranges", async () => {
    const { state } = await created();
    const nd = plan.anchors.firstElementRow;
    expect(cell(state, plan.anchors.cut.row, 2).format).toBe(FORMATS.percent);
    expect(cell(state, plan.anchors.elasticity.row, 2).format).toBe(FORMATS.elasticity);
    expect(cell(state, nd, COL.share).format).toBe(FORMATS.percent);
    expect(cell(state, nd, COL.gap).format).toBe(FORMATS.percent);
    expect(cell(state, nd, COL.price).format).toBe(FORMATS.usdPerKg);
    expect(cell(state, nd, COL.cost).format).toBe(FORMATS.usd);
    expect(cell(state, plan.anchors.grid.row + 2, 2).format).toBe(FORMATS.percent);
    // Inputs in the look of Excel's Input style, unlocked: cut, elasticity, the offset, each exposure.
    for (const at of [...plan.inputCells, ...[0, 1, 2].map((i) => ({ row: nd + i, col: COL.exposure }))]) {
      expect(state.log).toContain(`fill ${SHEET} ${at.row - 1},${at.col - 1} 1x1 #FFCC99`);
      expect(state.log).toContain(`locked ${SHEET} ${at.row - 1},${at.col - 1} 1x1 false`);
    }

    expect(state.tables).toEqual([
      { name: plan.table.name, sheet: SHEET, rect: { row: 13, col: 0, rows: 4, cols: 9 }, hasHeaders: true },
    ]);
    expect(state.charts).toEqual([
      {
        sheet: SHEET,
        type: "ColumnClustered",
        rect: { row: 13, col: 0, rows: 4, cols: 3 },
        seriesBy: "Columns",
        name: "RARE_Scenario_Geopolitical_Tensions_Chart",
        title: plan.chart.title,
        valueFormat: "0%",
        legend: { visible: true, position: "Bottom" },
        position: [
          { row: plan.chart.anchorRow - 1, col: 0, rows: 1, cols: 1 },
          { row: plan.chart.anchorRow + 13, col: 7, rows: 1, cols: 1 },
        ],
      },
    ]);
    const key = "RARE_Scenario_Geopolitical_Tensions";
    expect(state.names).toEqual([
      { name: `${key}_Cut`, sheet: SHEET, rect: { row: 7, col: 1, rows: 1, cols: 1 } },
      { name: `${key}_Elasticity`, sheet: SHEET, rect: { row: 8, col: 1, rows: 1, cols: 1 } },
      { name: `${key}_Model`, sheet: SHEET, rect: { row: 9, col: 1, rows: 1, cols: 1 } },
      { name: `${key}_Mit_International_Partnerships`, sheet: SHEET, rect: { row: 10, col: 1, rows: 1, cols: 1 } },
      { name: `${key}_Mitigation`, sheet: SHEET, rect: { row: 11, col: 1, rows: 1, cols: 1 } },
      { name: `${key}_Exposure`, sheet: SHEET, rect: { row: 14, col: 5, rows: 3, cols: 1 } },
    ]);
    expect(JSON.parse(state.settings.get(manifestKey(SHEET)) as string)).toMatchObject({
      format: "rare-scenario-sheet",
      sheetName: SHEET,
    });
    expect(state.active).toBe(SHEET);
  });

  it("writes values before formats before the table, and the names last", async () => {
    const { state } = await created();
    const first = (prefix: string) => state.log.findIndex((l) => l.startsWith(prefix));
    const last = (prefix: string) => state.log.map((l) => l.startsWith(prefix)).lastIndexOf(true);
    expect(first(`addSheet ${SHEET}`)).toBeLessThan(first(`values ${SHEET}`));
    expect(last(`formulas ${SHEET}`)).toBeLessThan(first(`numberFormat ${SHEET}`));
    expect(first(`numberFormat ${SHEET}`)).toBeLessThan(first(`table ${SHEET}`));
    expect(first(`table ${SHEET}`)).toBeLessThan(first("name "));
    expect(last(`chart ${SHEET}`)).toBeLessThan(first("name "));
  });

  it("updates in place: keeps the exposure column, rewrites the rest, touches no other sheet", async () => {
    const { state, wb } = await created();
    const nd = plan.anchors.firstElementRow;
    // The user types exposures (one as a formula) and edits the cut on the sheet.
    cell(state, nd, COL.exposure).value = 120;
    Object.assign(cell(state, nd + 2, COL.exposure), { formula: "=Data!B2*3", value: 9 });
    cell(state, plan.anchors.cut.row, 2).value = 0.9;
    const others = otherSheets(state);
    const structure = JSON.stringify({ tables: state.tables, names: state.names, charts: state.charts });
    const logFrom = state.log.length;

    const next = buildScenarioSheet({ ...input, cut: 0.4, elements: ["Dysprosium", "Neodymium", "Lanthanum"] });
    const outcome = await writeScenarioSheet(wb, next, { mode: "update" });

    expect(outcome.kept).toEqual([
      { element: "Neodymium", value: 120 },
      { element: "Lanthanum", value: "=Data!B2*3" },
    ]);
    expect(cell(state, nd, COL.element).value).toBe("Dysprosium");
    expect(cell(state, nd, COL.exposure)).toMatchObject({ value: "" });
    expect(cell(state, nd + 1, COL.element).value).toBe("Neodymium");
    expect(cell(state, nd + 1, COL.exposure).value).toBe(120);
    expect(cell(state, nd + 2, COL.exposure).formula).toBe("=Data!B2*3");
    expect(cell(state, plan.anchors.cut.row, 2).value).toBe(0.4);
    expect(cell(state, nd + 1, COL.gap).formula).toBe(`=RARE.GAP(A${nd + 1},$B$8,$B$12)`);

    // Only the scenario sheet was written; no table, name or chart added or changed.
    const written = state.log
      .slice(logFrom)
      .filter((l) => /^(values|formulas|numberFormat|fill|font|locked|table|chart|name|addSheet|deleteSheet) /.test(l));
    expect(written.length).toBeGreaterThan(0);
    expect(
      written.filter((l) => !/^(values|formulas|numberFormat|fill|font|locked) /.test(l) || !l.includes(` ${SHEET} `)),
    ).toEqual([]);
    expect(otherSheets(state)).toBe(others);
    expect(JSON.stringify({ tables: state.tables, names: state.names, charts: state.charts })).toBe(structure);
  });

  it("refuses to create over an existing sheet without writing anything", async () => {
    const { state, wb } = await created();
    const logFrom = state.log.length;
    await expect(writeScenarioSheet(wb, plan, { mode: "create" })).rejects.toMatchObject({ code: "sheetExists" });
    expect(state.log.slice(logFrom).filter((l) => !/^(lookup|sync) /.test(l))).toEqual([]);
  });

  it("deletes the partly written sheet when a sync fails, and leaves the others alone", async () => {
    const { state, excel } = fakeExcel(["Sheet1"]);
    state.cell("Sheet1", 0, 0).value = "keep me";
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    state.failAtSync = 6; // 1: hasSheet, 2: manifest, 3: names, 4: add the sheet, 5: the contents, 6: table, chart and names
    const error = await writeScenarioSheet(wb, plan, { mode: "create" }).catch((e) => e);
    expect(error).toMatchObject({ code: "writeFailed", restored: true });
    expect(error.message).toMatch(/Injected failure in sync 6.*The partly written sheet was removed/);
    expect([...state.sheets.keys()]).toEqual(["Sheet1"]);
    expect(state.cell("Sheet1", 0, 0).value).toBe("keep me");
    expect(state.settings.has(manifestKey(SHEET))).toBe(false);
    // Excel keeps a name whose sheet is deleted (as =#REF!): the undo deletes the ones added.
    expect(state.log).toContain("deleteName RARE_Scenario_Geopolitical_Tensions_Cut");
    expect(state.names).toEqual([]);
  });

  it("creates the sheet again after it was deleted by hand: the #REF! names are deleted before they are added", async () => {
    const { state, wb } = await created();
    state.deleteSheetByHand(SHEET);
    expect(state.names.every((n) => state.isBroken(n))).toBe(true);
    const logFrom = state.log.length;
    await writeScenarioSheet(wb, plan, { mode: "create" });

    const log = state.log.slice(logFrom);
    const key = "RARE_Scenario_Geopolitical_Tensions";
    expect(log.filter((l) => l.startsWith("deleteName"))).toEqual(plan.namedRanges.map((n) => `deleteName ${n.name}`));
    expect(log.findIndex((l) => l === `deleteName ${key}_Exposure`)).toBeLessThan(
      log.findIndex((l) => l === `name ${key}_Cut`),
    );
    expect(state.names.map((n) => [n.name, n.sheet, state.isBroken(n)])).toEqual(
      plan.namedRanges.map((n) => [n.name, SHEET, false]),
    );
    expect(state.tables.map((t) => t.name)).toEqual([plan.table.name]);
    expect(state.charts.map((c) => c.name)).toEqual([plan.chart.name]);
  });

  it("updates in place across a layout change: chart, table and names removed and the block cleared before the writes", async () => {
    const { state, wb } = await created();
    const nd = plan.anchors.firstElementRow;
    cell(state, nd, COL.exposure).value = 120; // Neodymium
    Object.assign(cell(state, nd + 2, COL.exposure), { formula: "=Data!B2*3", value: 9 }); // Lanthanum
    const others = otherSheets(state);
    const logFrom = state.log.length;

    const next = buildScenarioSheet({
      ...input,
      strategies: [
        { name: "Recycling Programs", offset: 0.1 },
        { name: "Domestic Mining Expansion", offset: 0.2 },
      ],
      elements: ["Lanthanum", "Terbium", "Neodymium", "Cerium"],
    });
    const outcome = await writeScenarioSheet(wb, next, { mode: "update" });
    expect(outcome).toMatchObject({
      rebuilt: true,
      kept: [
        { element: "Lanthanum", value: "=Data!B2*3" },
        { element: "Neodymium", value: 120 },
      ],
      dropped: [],
    });

    const log = state.log.slice(logFrom).filter((l) => !/^(sync|suspend|lookup)/.test(l));
    const first = (prefix: string) => log.findIndex((l) => l.startsWith(prefix));
    const last = (prefix: string) => log.map((l) => l.startsWith(prefix)).lastIndexOf(true);
    const key = "RARE_Scenario_Geopolitical_Tensions";
    // Removed: the old chart, the table (turned into cells), the names that go or move.
    expect(log.filter((l) => /^(deleteChart|convertTable|deleteName|clear) /.test(l))).toEqual([
      `deleteChart ${SHEET} ${key}_Chart`,
      `convertTable ${key}_Table`,
      `deleteName ${key}_Mit_International_Partnerships`,
      `deleteName ${key}_Mitigation`,
      `deleteName ${key}_Exposure`,
      `clear ${SHEET} 0,0 ${Math.max(plan.extent.rows, next.extent.rows)}x${Math.max(plan.extent.cols, next.extent.cols)} All`,
    ]);
    expect(last("clear")).toBeLessThan(first(`values ${SHEET}`));
    expect(last(`numberFormat ${SHEET}`)).toBeLessThan(first(`table ${SHEET}`));
    expect(first(`table ${SHEET}`)).toBeLessThan(first(`chart ${SHEET}`));
    expect(log.filter((l) => l.startsWith("name "))).toEqual(
      [
        `${key}_Mit_Recycling_Programs`,
        `${key}_Mit_Domestic_Mining_Expansion`,
        `${key}_Mitigation`,
        `${key}_Exposure`,
      ].map((n) => `name ${n}`),
    );
    // Every write went to the scenario sheet or its own names; no other sheet changed.
    expect(
      log.filter((l) => !l.includes(SHEET) && !/^(convertTable|deleteName|name|setting|getSetting) /.test(l)),
    ).toEqual([]);
    expect(otherSheets(state)).toBe(others);

    // The result: the new layout, exposures by element, and its structure.
    const la = next.anchors.firstElementRow;
    expect(cell(state, la, COL.element).value).toBe("Lanthanum");
    expect(cell(state, la, COL.exposure).formula).toBe("=Data!B2*3");
    expect(cell(state, la + 2, COL.exposure).value).toBe(120);
    expect(cell(state, la + 1, COL.exposure).value).toBe("");
    expect(state.tables).toEqual([
      { name: next.table.name, sheet: SHEET, rect: { row: la - 2, col: 0, rows: 5, cols: 9 }, hasHeaders: true },
    ]);
    expect(state.charts.map((c) => [c.name, c.rect])).toEqual([
      [next.chart.name, { row: la - 2, col: 0, rows: 5, cols: 3 }],
    ]);
    expect(state.names.map((n) => n.name).sort()).toEqual(next.namedRanges.map((n) => n.name).sort());
    expect(JSON.parse(state.settings.get(manifestKey(SHEET)) as string).structure.table.rect.rows).toBe(5);
    // Cells of the old layout below the new extent were cleared, not left behind.
    expect([...state.cells(SHEET).keys()].every((k) => Number(k.split(",")[0]) < next.extent.rows)).toBe(true);
  });

  it("puts the old sheet back when a layout change fails half-way", async () => {
    const { state, wb } = await created();
    const before = JSON.stringify({
      cells: [...state.cells(SHEET).entries()].sort(),
      tables: state.tables,
      names: state.names,
      charts: state.charts.map((c) => [c.name, c.rect]),
    });
    const manifest = state.settings.get(manifestKey(SHEET));
    // Syncs: hasSheet, manifest, read, names, the deletes' lookups, then the deletes and the
    // contents: that one fails half-way, after the chart, table and name went and the clear.
    state.failAtSync = state.syncs + 6;
    const error = await writeScenarioSheet(wb, buildScenarioSheet({ ...input, elements: ["Neodymium"] }), {
      mode: "update",
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "writeFailed", restored: true });
    expect(error.message).toMatch(/Injected failure.*Its previous contents were put back/);
    expect(state.log).toContain(`clear ${SHEET} 0,0 ${plan.extent.rows}x${plan.extent.cols} All`);
    // The old input cells are marked again after the undo's own clear: the assumptions and three exposures.
    const undoFrom = state.log.lastIndexOf(`clear ${SHEET} 0,0 ${plan.extent.rows}x${plan.extent.cols} All`);
    expect(state.log.slice(undoFrom).filter((l) => l.startsWith(`fill ${SHEET}`))).toHaveLength(
      plan.inputCells.length + 3,
    );
    const after = JSON.stringify({
      cells: [...state.cells(SHEET).entries()].sort(),
      tables: state.tables,
      names: state.names,
      charts: state.charts.map((c) => [c.name, c.rect]),
    });
    expect(JSON.parse(after)).toEqual(JSON.parse(before));
    expect(state.settings.get(manifestKey(SHEET))).toBe(manifest);
  });
});
