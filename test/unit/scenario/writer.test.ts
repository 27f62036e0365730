/**
 * writeScenarioSheet through the preview workbook, computing with the real RARE functions
 * over the bundled data: what lands in the workbook (formulas, formats, inputs, table,
 * names, chart), that it computes what the model computes, that it recalculates when an
 * assumption is edited, and that an update keeps the user's exposures and touches nothing
 * else.
 */
import { bundled } from "../../../src/data/bundled";
import { combineMitigation, gap, priceImpact } from "../../../src/model/scenario";
import {
  COL,
  FORMATS,
  GRID_CUTS,
  buildScenarioSheet,
  type ScenarioSheetInput,
} from "../../../src/scenario/scenario-layout";
import { manifestKey } from "../../../src/scenario/manifest";
import type { SheetPlan } from "../../../src/scenario/plan";
import { planWrites } from "../../../src/scenario/plan-writes";
import { ScenarioWriteError, existingScenarioSheet, writeScenarioSheet } from "../../../src/scenario/writer";
import type { Workbook, WorkbookBatch } from "../../../src/workbook/workbook";
import type { PreviewWorkbook } from "../../../taskpane/hosts/preview";
import { rarePreview } from "./support/rare-preview";
import { exportQuotasInput } from "./support/scenario-input";

const input: ScenarioSheetInput = exportQuotasInput;
const SHEET = input.sheetName;
const plan = buildScenarioSheet(input);
const { cut, mitigation, firstElementRow, grid, currentCut, totalCost } = plan.anchors;
const m = combineMitigation([0.1, 0.2]);

/** The displayed value of a 1-based plan cell. */
const at = (wb: PreviewWorkbook, row: number, col: number, sheet = SHEET) => wb.sheet(sheet).value(row - 1, col - 1);
const rowOf = (p: SheetPlan, element: string) =>
  p.anchors.firstElementRow +
  p.cells
    .filter(
      (c) =>
        c.col === 1 && c.row >= p.anchors.firstElementRow && c.row < p.anchors.firstElementRow + p.exposureRange.rows,
    )
    .findIndex((c) => c.value === element);

/** A workbook with something of the user's in it, to prove it is left alone. */
async function usersWorkbook(): Promise<PreviewWorkbook> {
  const wb = rarePreview(["Sheet1", "Data"]);
  await wb.writeValues("Sheet1", { row: 0, col: 0 }, [["My notes", 42]]);
  await wb.writeFormulas("Data", { row: 0, col: 0 }, [['=RARE.SHARE("Dysprosium")', "=B2*2"]]);
  await wb.writeValues("Data", { row: 1, col: 1 }, [[7]]);
  await wb.addTable("Data", { row: 3, col: 0, rows: 2, cols: 2 }, { hasHeaders: true, name: "MyTable" });
  await wb.addNamedRange("MyName", "Data", { row: 1, col: 1, rows: 1, cols: 1 });
  await wb.setAddinData("someone.else", "keep");
  return wb;
}

/** Everything in the workbook except the scenario sheet and its own table, names, chart and manifest. */
function outsideScenario(wb: PreviewWorkbook) {
  const data = JSON.parse(wb.serialise());
  const other = (sheet: string) => sheet.toLowerCase() !== SHEET.toLowerCase();
  return {
    sheets: data.sheets.filter((s: { name: string }) => other(s.name)),
    tables: data.tables.filter((t: { sheet: string }) => other(t.sheet)),
    names: data.names.filter((n: { sheet: string }) => other(n.sheet)),
    charts: data.charts.filter((c: { sheet: string }) => other(c.sheet)),
    addinData: data.addinData.filter(([k]: [string]) => k !== manifestKey(SHEET)),
  };
}

async function created(wb?: PreviewWorkbook): Promise<PreviewWorkbook> {
  const workbook = wb ?? (await usersWorkbook());
  await writeScenarioSheet(workbook, plan, { mode: "create" });
  return workbook;
}

describe("writeScenarioSheet: create", () => {
  it("writes formulas, not values, and they compute", async () => {
    const wb = await created();
    const nd = rowOf(plan, "Neodymium");
    const read = await wb.readRange(SHEET, { row: nd - 1, col: 0, rows: 1, cols: COL.priceSource });
    expect(read.formulas[0]).toEqual([
      "Neodymium",
      `=RARE.SHARE(A${nd})`,
      `=RARE.GAP(A${nd},$B$8,$B$13)`,
      `=RARE.PRICE(A${nd})`,
      `=RARE.PRICEIMPACT(A${nd},$B$8,$B$9,$B$13,$B$10)`,
      "",
      `=IF(ISNUMBER(F${nd}),F${nd}*1000*D${nd}*E${nd},"")`,
      `=RARE.SOURCE("share",A${nd})`,
      `=RARE.SOURCE("price",A${nd})`,
    ]);
    expect(read.values[0].slice(0, 5)).toEqual([
      "Neodymium",
      0.8,
      gap(bundled, "Neodymium", 0.3, m),
      bundled.price("Neodymium", null),
      priceImpact(bundled, "Neodymium", 0.3, 0.5, m),
    ]);
    // Every formula of the plan is a formula in the workbook.
    const sheet = wb.sheet(SHEET);
    for (const cell of plan.cells.filter((c) => c.formula))
      expect(sheet.formula(cell.row - 1, cell.col - 1)).toBe(cell.formula);
  });

  it("computes what the model computes for the same inputs", async () => {
    const wb = await created();
    expect(at(wb, mitigation.row, mitigation.col)).toBe(m);
    for (const element of input.elements) {
      const r = rowOf(plan, element);
      expect(at(wb, r, COL.share)).toBe(bundled.share(element, null));
      expect(at(wb, r, COL.gap)).toBe(gap(bundled, element, 0.3, m));
      expect(at(wb, r, COL.change)).toBe(priceImpact(bundled, element, 0.3, 0.5, m));
      expect(at(wb, r, COL.price)).toBe(bundled.price(element, null));
      GRID_CUTS.forEach((gridCut, i) =>
        expect(at(wb, grid.row + 2 + i, 2 + input.elements.indexOf(element))).toBe(gap(bundled, element, gridCut, m)),
      );
    }
    // Neodymium by hand: 0.8 × 0.3 × (1 − 0.28) = 0.1728
    expect(at(wb, rowOf(plan, "Neodymium"), COL.gap)).toBeCloseTo(0.1728, 12);
    expect(at(wb, 3, 2)).toBe(bundled.risk("Export Quotas", null));
    expect(at(wb, 5, 2)).toBe(bundled.source("risk", "Export Quotas", null));
  });

  it("sets number formats, marks the inputs with their labels, adds the table, the names and the chart", async () => {
    const wb = await created();
    const sheet = wb.sheet(SHEET);
    const nd = rowOf(plan, "Neodymium") - 1;
    expect(
      [COL.share, COL.gap, COL.price, COL.change, COL.exposure, COL.cost].map((c) => sheet.format(nd, c - 1)),
    ).toEqual([FORMATS.percent, FORMATS.percent, FORMATS.usdPerKg, FORMATS.percent, FORMATS.tonnes, FORMATS.usd]);
    expect(sheet.format(cut.row - 1, cut.col - 1)).toBe("0.0%");
    expect(sheet.format(totalCost.row - 1, totalCost.col - 1)).toBe(FORMATS.usd);
    for (const input of plan.inputCells) expect(sheet.inputLabel(input.row - 1, input.col - 1)).toBe(input.label);
    expect(sheet.inputLabel(nd, COL.exposure - 1)).toBe("Exposure (t): Neodymium");
    expect(sheet.isInput(nd, COL.gap - 1)).toBe(false);

    expect(wb.tablesOn(SHEET)).toEqual([
      { name: plan.table.name, sheet: SHEET, rect: { row: 14, col: 0, rows: 4, cols: 9 }, hasHeaders: true },
    ]);
    expect(
      wb
        .namedRanges()
        .filter((n) => n.sheet === SHEET)
        .map((n) => [n.name, n.rect]),
    ).toEqual([
      ["RARE_Scenario_Export_Quotas_Cut", { row: 7, col: 1, rows: 1, cols: 1 }],
      ["RARE_Scenario_Export_Quotas_Elasticity", { row: 8, col: 1, rows: 1, cols: 1 }],
      ["RARE_Scenario_Export_Quotas_Model", { row: 9, col: 1, rows: 1, cols: 1 }],
      ["RARE_Scenario_Export_Quotas_Mit_Recycling_Programs", { row: 10, col: 1, rows: 1, cols: 1 }],
      ["RARE_Scenario_Export_Quotas_Mit_Domestic_Mining_Expansion", { row: 11, col: 1, rows: 1, cols: 1 }],
      ["RARE_Scenario_Export_Quotas_Mitigation", { row: 12, col: 1, rows: 1, cols: 1 }],
      ["RARE_Scenario_Export_Quotas_Exposure", { row: 15, col: 5, rows: 3, cols: 1 }],
    ]);
    expect(wb.chartsOn(SHEET).map((c) => [c.name, c.spec])).toEqual([
      [
        "RARE_Scenario_Export_Quotas_Chart",
        {
          name: "RARE_Scenario_Export_Quotas_Chart",
          type: "column",
          title: plan.chart.title,
          valueFormat: "0%",
          dataRect: { row: 14, col: 0, rows: 4, cols: 3 },
          position: { row: plan.chart.anchorRow - 1, col: 0 },
        },
      ],
    ]);
    expect(wb.activeSheet).toBe(SHEET);
    expect(await existingScenarioSheet(wb, SHEET)).toBe("scenario");
    expect(await existingScenarioSheet(wb, "scenario export QUOTAS")).toBe("scenario");
  });

  it("touches nothing outside its new sheet", async () => {
    const wb = await usersWorkbook();
    const before = outsideScenario(wb);
    await created(wb);
    expect(outsideScenario(wb)).toEqual(before);
  });

  it("recalculates the gap, the price change and the grid's current-cut row when the Cut input is edited", async () => {
    const wb = await created();
    const nd = rowOf(plan, "Neodymium");
    const fixed = at(wb, grid.row + 2, 2);
    const before = at(wb, currentCut.row, 2);
    wb.editCell(SHEET, cut.row - 1, cut.col - 1, "60%");
    expect(at(wb, cut.row, cut.col)).toBe(0.6);
    expect(at(wb, nd, COL.gap)).toBe(gap(bundled, "Neodymium", 0.6, m));
    expect(at(wb, nd, COL.change)).toBe(priceImpact(bundled, "Neodymium", 0.6, 0.5, m));
    expect(at(wb, currentCut.row, 1)).toBe(0.6);
    expect(at(wb, currentCut.row, 2)).toBe(gap(bundled, "Neodymium", 0.6, m));
    expect(at(wb, currentCut.row, 2)).not.toBe(before);
    expect(at(wb, grid.row + 2, 2)).toBe(fixed); // the fixed 10 % row does not move
  });

  it("shows the model's error for a bad assumption typed into the sheet", async () => {
    const wb = await created();
    // 80 alone is 80 % in a percent cell (automatic percent entry); 150 % is out of range.
    wb.editCell(SHEET, cut.row - 1, cut.col - 1, "150%");
    expect(at(wb, rowOf(plan, "Neodymium"), COL.gap)).toMatchObject({ error: "#NUM!" });
  });

  it("refuses to create over an existing sheet, and leaves it alone", async () => {
    const wb = await usersWorkbook();
    await wb.addSheet("scenario export quotas");
    const before = wb.serialise();
    const error = await writeScenarioSheet(wb, plan, { mode: "create" }).catch((e) => e);
    expect(error).toBeInstanceOf(ScenarioWriteError);
    expect(error).toMatchObject({ code: "sheetExists", restored: true });
    expect(wb.serialise()).toBe(before);
    expect(await existingScenarioSheet(wb, SHEET)).toBe("other");
  });

  it("removes the partly written sheet when a step fails", async () => {
    const wb = await usersWorkbook();
    // A name left over from somewhere else makes the last step (the names) fail.
    await wb.addNamedRange("RARE_Scenario_Export_Quotas_Mitigation", "Sheet1", { row: 5, col: 5, rows: 1, cols: 1 });
    const before = wb.serialise();
    const error = await writeScenarioSheet(wb, plan, { mode: "create" }).catch((e) => e);
    expect(error).toMatchObject({ code: "writeFailed", restored: true });
    expect(error.message).toMatch(
      /^Creating the scenario sheet "Scenario Export Quotas" failed: .*already used.*The partly written sheet was removed/,
    );
    expect(JSON.parse(wb.serialise())).toEqual({ ...JSON.parse(before), active: "Sheet1" });
  });
});

describe("writeScenarioSheet: update", () => {
  /** The sheet as a user left it: exposures typed (one as a formula), the cut edited in place. */
  async function usedScenario(): Promise<PreviewWorkbook> {
    const wb = await created();
    wb.editCell(SHEET, rowOf(plan, "Neodymium") - 1, COL.exposure - 1, "100");
    await wb.writeFormulas(SHEET, { row: rowOf(plan, "Lanthanum") - 1, col: COL.exposure - 1 }, [["=Data!B2*10"]]);
    wb.editCell(SHEET, cut.row - 1, cut.col - 1, "90%");
    return wb;
  }

  it("rewrites the sheet from the new choices and keeps the exposures the user typed, by element", async () => {
    const wb = await usedScenario();
    const next = buildScenarioSheet({
      ...input,
      cut: 0.5,
      elasticity: 0.25,
      elements: ["Lanthanum", "Neodymium", "Dysprosium"],
    });
    const outcome = await writeScenarioSheet(wb, next, { mode: "update" });
    expect(outcome).toMatchObject({
      mode: "update",
      tableName: plan.table.name,
      kept: [
        { element: "Lanthanum", value: "=Data!B2*10" },
        { element: "Neodymium", value: 100 },
      ],
      dropped: [],
    });
    const nd = rowOf(next, "Neodymium");
    const la = rowOf(next, "Lanthanum");
    const dy = rowOf(next, "Dysprosium");
    expect([nd, la, dy]).toEqual([firstElementRow + 1, firstElementRow, firstElementRow + 2]);
    expect(at(wb, nd, COL.exposure)).toBe(100);
    expect(wb.sheet(SHEET).formula(la - 1, COL.exposure - 1)).toBe("=Data!B2*10");
    expect(at(wb, la, COL.exposure)).toBe(70);
    expect(at(wb, dy, COL.exposure)).toBeNull();
    // The pane's choices win over the value edited in place.
    expect(at(wb, cut.row, cut.col)).toBe(0.5);
    const change = priceImpact(bundled, "Neodymium", 0.5, 0.25, m);
    expect(at(wb, nd, COL.gap)).toBe(gap(bundled, "Neodymium", 0.5, m));
    expect(at(wb, nd, COL.change)).toBe(change);
    expect(at(wb, nd, COL.cost)).toBe(100 * 1000 * Number(bundled.price("Neodymium", null)) * change);
    expect(at(wb, dy, COL.cost)).toBe("");
    // Inputs stay inputs, and the cost formulas read the exposures in their new rows.
    expect(wb.sheet(SHEET).inputLabel(nd - 1, COL.exposure - 1)).toBe("Exposure (t): Neodymium");
    expect(wb.sheet(SHEET).formula(nd - 1, COL.cost - 1)).toBe(`=IF(ISNUMBER(F${nd}),F${nd}*1000*D${nd}*E${nd},"")`);
  });

  it("changes nothing outside the scenario sheet, and keeps its table, names and chart", async () => {
    const wb = await usedScenario();
    const before = outsideScenario(wb);
    const structure = { tables: wb.tablesOn(SHEET), names: wb.namedRanges(), charts: wb.chartsOn(SHEET) };
    await writeScenarioSheet(wb, buildScenarioSheet({ ...input, cut: 0.5 }), { mode: "update" });
    expect(outsideScenario(wb)).toEqual(before);
    expect({ tables: wb.tablesOn(SHEET), names: wb.namedRanges(), charts: wb.chartsOn(SHEET) }).toEqual(structure);
    expect(wb.sheetNames()).toEqual(["Sheet1", "Data", SHEET]);
  });

  it("reports exposures of elements no longer on the sheet", async () => {
    const wb = await usedScenario();
    const outcome = await writeScenarioSheet(
      wb,
      buildScenarioSheet({ ...input, elements: ["Dysprosium", "Terbium", "Lanthanum"] }),
      { mode: "update" },
    );
    expect(outcome.dropped).toEqual([{ element: "Neodymium", value: 100 }]);
    expect(at(wb, firstElementRow + 1, 1)).toBe("Terbium");
    expect(at(wb, firstElementRow + 1, COL.gap)).toMatchObject({ error: "#N/A" });
  });

  it("rebuilds for more elements and other strategies: exposures kept by element, table, chart and names follow", async () => {
    const wb = await usedScenario();
    const before = outsideScenario(wb);
    const next = buildScenarioSheet({
      ...input,
      strategies: [
        { name: "International Partnerships", offset: 0.15 },
        { name: "Recycling Programs", offset: 0.1 },
        { name: "Material Substitution Research", offset: 0.05 },
      ],
      elements: ["Terbium", "Lanthanum", "Dysprosium", "Neodymium", "Praseodymium"],
    });
    const outcome = await writeScenarioSheet(wb, next, { mode: "update" });
    expect(outcome).toMatchObject({ mode: "update", rebuilt: true, dropped: [] });
    expect(outcome.kept).toEqual([
      { element: "Lanthanum", value: "=Data!B2*10" },
      { element: "Neodymium", value: 100 },
    ]);
    expectSheetIs(wb, next);
    const m3 = combineMitigation([0.15, 0.1, 0.05]);
    const nd = rowOf(next, "Neodymium");
    expect(at(wb, nd, COL.exposure)).toBe(100);
    expect(wb.sheet(SHEET).formula(rowOf(next, "Lanthanum") - 1, COL.exposure - 1)).toBe("=Data!B2*10");
    expect(at(wb, rowOf(next, "Lanthanum"), COL.exposure)).toBe(70);
    expect(at(wb, nd, COL.gap)).toBe(gap(bundled, "Neodymium", 0.3, m3));
    expect(at(wb, nd, COL.cost)).toBe(
      100 * 1000 * Number(bundled.price("Neodymium", null)) * priceImpact(bundled, "Neodymium", 0.3, 0.5, m3),
    );
    expect(at(wb, next.anchors.totalCost.row, next.anchors.totalCost.col)).toBeGreaterThan(0);
    expect(outsideScenario(wb)).toEqual(before);
    expect(wb.sheetNames()).toEqual(["Sheet1", "Data", SHEET]);
  });

  it("rebuilds for fewer elements and strategies: reports the dropped exposure, leaves nothing of the old layout", async () => {
    const wb = await usedScenario();
    const before = outsideScenario(wb);
    const next = buildScenarioSheet({
      ...input,
      strategies: [{ name: "Domestic Mining Expansion", offset: 0.2 }],
      elements: ["Neodymium"],
    });
    const outcome = await writeScenarioSheet(wb, next, { mode: "update" });
    expect(outcome).toMatchObject({
      rebuilt: true,
      kept: [{ element: "Neodymium", value: 100 }],
      dropped: [{ element: "Lanthanum", value: "=Data!B2*10" }],
    });
    expectSheetIs(wb, next);
    const sheet = wb.sheet(SHEET);
    // The old table, grid and input cells below and right of the new extent are gone, fills and all.
    expect([sheet.rowCount, sheet.colCount]).toEqual([next.extent.rows, next.extent.cols]);
    expect([...sheet.inputs.keys()]).toHaveLength(next.inputCells.length + 1);
    expect(at(wb, rowOf(next, "Neodymium"), COL.gap)).toBe(gap(bundled, "Neodymium", 0.3, 0.2));
    expect(outsideScenario(wb)).toEqual(before);
  });

  it("keeps the names that do not move, and updates again after a rebuild", async () => {
    const wb = await usedScenario();
    const cutName = wb.namedRanges().find((n) => n.name.endsWith("_Cut"));
    await writeScenarioSheet(wb, buildScenarioSheet({ ...input, elements: ["Neodymium", "Terbium"] }), {
      mode: "update",
    });
    expect(wb.namedRanges().find((n) => n.name.endsWith("_Cut"))).toBe(cutName); // not deleted and added again
    const again = buildScenarioSheet({
      ...input,
      strategies: [],
      elements: ["Terbium", "Neodymium", "Lanthanum", "Cerium"],
    });
    const outcome = await writeScenarioSheet(wb, again, { mode: "update" });
    expect(outcome.kept).toEqual([{ element: "Neodymium", value: 100 }]);
    expectSheetIs(wb, again);
    // Back to the first layout: the same as creating it, apart from the exposure.
    await writeScenarioSheet(wb, plan, { mode: "update" });
    expectSheetIs(wb, plan);
  });

  it("renames the strategies without moving the table: only their names change", async () => {
    const wb = await usedScenario();
    const table = wb.tablesOn(SHEET)[0];
    const chart = wb.chartsOn(SHEET)[0];
    const next = buildScenarioSheet({
      ...input,
      strategies: [{ name: "International Partnerships", offset: 0.1 }, input.strategies[1]],
    });
    const outcome = await writeScenarioSheet(wb, next, { mode: "update" });
    expect(outcome.rebuilt).toBe(false);
    expect([wb.tablesOn(SHEET)[0], wb.chartsOn(SHEET)[0]]).toEqual([table, chart]);
    expectSheetIs(wb, next);
    expect(
      JSON.parse((await wb.getAddinData(manifestKey(SHEET)))!).structure.namedRanges.map(
        (n: { name: string }) => n.name,
      ),
    ).toEqual(next.namedRanges.map((n) => n.name));
  });

  it("puts the old sheet, table, chart and names back when a rebuild fails", async () => {
    const wb = await usedScenario();
    const before = JSON.parse(wb.serialise());
    const next = buildScenarioSheet({ ...input, elements: ["Neodymium", "Terbium"], strategies: [] });
    const error = await writeScenarioSheet(failingOnActivate(wb), next, { mode: "update" }).catch((e) => e);
    expect(error).toMatchObject({ code: "writeFailed", restored: true });
    const after = JSON.parse(wb.serialise());
    const sheetOf = (data: { sheets: Array<{ name: string }> }) =>
      data.sheets.find((x) => x.name === SHEET) as Record<string, unknown>;
    const byCell = (entries: unknown) => [...(entries as Array<[number, unknown]>)].sort((a, b) => a[0] - b[0]);
    expect(byCell(sheetOf(after).formulas)).toEqual(byCell(sheetOf(before).formulas));
    expect(sheetOf(after).values).toEqual(sheetOf(before).values);
    expect(sheetOf(after).formats).toEqual(sheetOf(before).formats);
    // Input marks are back on the same cells (the undo does not know their labels: the preview derives them).
    expect(byCell(sheetOf(after).inputs).map((i) => i[0])).toEqual(byCell(sheetOf(before).inputs).map((i) => i[0]));
    const structure = (data: typeof before) => ({
      tables: data.tables,
      names: [...data.names].sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)),
      charts: data.charts.map((c: { name: string; sheet: string; spec: unknown }) => [c.name, c.sheet, c.spec]),
      addinData: data.addinData,
    });
    expect(structure(after)).toEqual(structure(before));
  });

  it("leaves someone else's name alone when it blocks a new strategy's name, and puts the sheet back", async () => {
    const wb = await usedScenario();
    const taken = "RARE_Scenario_Export_Quotas_Mit_International_Partnerships";
    await wb.addNamedRange(taken, "Data", { row: 0, col: 0, rows: 1, cols: 1 });
    const before = JSON.parse(wb.serialise());
    const next = buildScenarioSheet({
      ...input,
      strategies: [...input.strategies, { name: "International Partnerships", offset: 0.15 }],
    });
    const error = await writeScenarioSheet(wb, next, { mode: "update" }).catch((e) => e);
    expect(error).toMatchObject({ code: "writeFailed", restored: true });
    expect(error.message).toMatch(/already used.*Its previous contents were put back/);
    const after = JSON.parse(wb.serialise());
    expect(after.names.find((n: { name: string }) => n.name === taken)).toEqual({
      name: taken,
      sheet: "Data",
      rect: { row: 0, col: 0, rows: 1, cols: 1 },
    });
    expect(new Set(after.names.map((n: { name: string }) => n.name))).toEqual(
      new Set(before.names.map((n: { name: string }) => n.name)),
    );
    expect(after.tables).toEqual(before.tables);
    expect(after.addinData).toEqual(before.addinData);
  });

  it("refuses a layout change when the sheet's chart was recorded without a name (older manifests), and writes nothing", async () => {
    const wb = await usedScenario();
    const manifest = JSON.parse((await wb.getAddinData(manifestKey(SHEET)))!);
    delete manifest.structure.chart.name;
    await wb.setAddinData(manifestKey(SHEET), JSON.stringify(manifest));
    const before = wb.serialise();
    const error = await writeScenarioSheet(wb, buildScenarioSheet({ ...input, elements: ["Neodymium"] }), {
      mode: "update",
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "layoutChanged", restored: true });
    expect(error.message).toMatch(/earlier version of RARE with 3 elements and 2 strategies.*Nothing was changed/);
    expect(wb.serialise()).toBe(before);
    // The same layout still updates, and the chart stays recorded as it was.
    await writeScenarioSheet(
      wb,
      buildScenarioSheet({
        ...input,
        strategies: [input.strategies[1], { name: "Material Substitution Research", offset: 0.1 }],
      }),
      { mode: "update" },
    );
    expect(JSON.parse((await wb.getAddinData(manifestKey(SHEET)))!).structure.chart.name).toBeUndefined();
  });

  it("refuses a sheet RARE did not make, and a sheet that is not there", async () => {
    const wb = await usersWorkbook();
    await wb.addSheet(SHEET);
    const before = wb.serialise();
    await expect(writeScenarioSheet(wb, plan, { mode: "update" })).rejects.toMatchObject({ code: "notScenarioSheet" });
    expect(wb.serialise()).toBe(before);
    await expect(writeScenarioSheet(await usersWorkbook(), plan, { mode: "update" })).rejects.toMatchObject({
      code: "sheetMissing",
    });
  });

  it("puts the old contents back when the write fails", async () => {
    const wb = await usedScenario();
    const sheetBefore = JSON.parse(wb.serialise()).sheets[2];
    const error = await writeScenarioSheet(failingOnActivate(wb), buildScenarioSheet({ ...input, cut: 0.5 }), {
      mode: "update",
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "writeFailed", restored: true });
    expect(error.message).toMatch(/Its previous contents were put back/);
    const sheetAfter = JSON.parse(wb.serialise()).sheets[2];
    expect(sheetAfter.formulas).toEqual(sheetBefore.formulas);
    expect(sheetAfter.values).toEqual(sheetBefore.values);
    expect(at(wb, cut.row, cut.col)).toBe(0.9);
  });
});

describe("writeScenarioSheet: a scenario sheet deleted by hand", () => {
  it("creates it again: the names Excel left behind (#REF!) are replaced, other names are left alone", async () => {
    const wb = await usersWorkbook();
    await wb.addSheet("Scratch");
    await wb.addNamedRange("MyOldName", "Scratch", { row: 0, col: 0, rows: 1, cols: 1 });
    await wb.deleteSheet("Scratch"); // someone else's broken name
    // The first run had a strategy the second does not choose.
    const first = buildScenarioSheet({
      ...input,
      strategies: [...input.strategies, { name: "International Partnerships", offset: 0.15 }],
    });
    await writeScenarioSheet(wb, first, { mode: "create" });
    await wb.deleteSheet(SHEET);
    expect((await wb.listNames()).filter((n) => n.broken)).toHaveLength(first.namedRanges.length + 1);
    const before = outsideScenario(wb);

    const outcome = await writeScenarioSheet(wb, plan, { mode: "create" });
    expect(outcome.mode).toBe("create");
    expect(await wb.listNames()).toEqual([
      { name: "MyName", broken: false },
      { name: "MyOldName", broken: true },
      ...plan.namedRanges.map((n) => ({ name: n.name, broken: false })),
    ]);
    expect(
      wb
        .namedRanges()
        .filter((n) => n.sheet === SHEET)
        .map((n) => n.rect),
    ).toEqual(plan.namedRanges.map((n) => ({ row: n.row - 1, col: n.col - 1, rows: n.rows ?? 1, cols: n.cols ?? 1 })));
    expectSheetIs(wb, plan);
    expect(outsideScenario(wb)).toEqual({
      ...before,
      names: before.names.filter((n: { sheet: string }) => n.sheet !== SHEET),
    });
  });

  it("removes the names it added when the new sheet fails, and the broken ones it replaced stay gone", async () => {
    const wb = await usersWorkbook();
    await writeScenarioSheet(wb, plan, { mode: "create" });
    await wb.deleteSheet(SHEET);
    const error = await writeScenarioSheet(failingOnActivate(wb), plan, { mode: "create" }).catch((e) => e);
    expect(error).toMatchObject({ code: "writeFailed", restored: true });
    expect(await wb.listSheets()).toEqual(["Sheet1", "Data"]);
    expect(await wb.listNames()).toEqual([{ name: "MyName", broken: false }]);
    await writeScenarioSheet(wb, plan, { mode: "create" });
    expectSheetIs(wb, plan);
  });
});

/** The sheet holds what `expected` plans (exposures aside), with its table, chart, names, inputs and manifest. */
function expectSheetIs(wb: PreviewWorkbook, expected: SheetPlan): void {
  const sheet = wb.sheet(SHEET);
  for (const cell of expected.cells) {
    if (
      cell.col === COL.exposure &&
      cell.row >= expected.exposureRange.row &&
      cell.row < expected.exposureRange.row + expected.exposureRange.rows
    )
      continue;
    if (cell.formula !== undefined)
      expect([cell.row, cell.col, sheet.formula(cell.row - 1, cell.col - 1)]).toEqual([
        cell.row,
        cell.col,
        cell.formula,
      ]);
    else if (cell.value !== undefined)
      expect([cell.row, cell.col, sheet.value(cell.row - 1, cell.col - 1)]).toEqual([cell.row, cell.col, cell.value]);
    expect(sheet.format(cell.row - 1, cell.col - 1)).toBe(cell.numberFormat ?? "General");
  }
  const toPort = (r: { row: number; col: number; rows?: number; cols?: number }) => ({
    row: r.row - 1,
    col: r.col - 1,
    rows: r.rows ?? 1,
    cols: r.cols ?? 1,
  });
  expect(wb.tablesOn(SHEET)).toEqual([
    { name: expected.table.name, sheet: SHEET, rect: toPort(expected.table.rect), hasHeaders: true },
  ]);
  expect(wb.chartsOn(SHEET).map((c) => [c.name, c.spec.dataRect, c.spec.position])).toEqual([
    [
      expected.chart.name,
      toPort(expected.chart.dataRect),
      { row: expected.chart.anchorRow - 1, col: expected.chart.anchorCol - 1 },
    ],
  ]);
  const names = wb.namedRanges().filter((n) => n.sheet === SHEET);
  expect(names.map((n) => [n.name, n.rect, n.broken ?? false]).sort()).toEqual(
    expected.namedRanges.map((n) => [n.name, toPort(n), false]).sort(),
  );
  for (const input of expected.inputCells) expect(sheet.inputLabel(input.row - 1, input.col - 1)).toBe(input.label);
  const { row, rows, col } = expected.exposureRange;
  for (let r = row; r < row + rows; r++) expect(sheet.isInput(r - 1, col - 1)).toBe(true);
  expect([...sheet.inputs.keys()]).toHaveLength(expected.inputCells.length + rows);
  expect(
    JSON.parse((wb as unknown as { addinData: Map<string, string> }).addinData.get(manifestKey(SHEET))!).structure
      .namedRanges,
  ).toHaveLength(expected.namedRanges.length);
}

describe("planWrites", () => {
  it("writes constants over the whole block, formulas in runs that skip constants, a format for every cell", () => {
    const writes = planWrites(plan, { rows: plan.extent.rows + 3, cols: 4 });
    expect(writes.block).toEqual({ row: 0, col: 0, rows: plan.extent.rows + 3, cols: plan.extent.cols });
    expect(writes.values.every((row) => row.length === plan.extent.cols)).toBe(true);
    expect(writes.values[plan.extent.rows + 2]).toEqual(Array(plan.extent.cols).fill(""));
    const header = plan.table.rect.row - 1;
    expect(writes.values[header].slice(0, 3)).toEqual(["Element", "China share", "Supply gap"]);
    expect(writes.formulas.some((run) => run.topLeft.row === header)).toBe(false);
    const nd = firstElementRow - 1;
    expect(writes.formulas.filter((run) => run.topLeft.row === nd)).toEqual([
      {
        topLeft: { row: nd, col: 1 },
        formulas: plan.cells.filter((c) => c.row === nd + 1 && c.col >= 2 && c.col <= 5).map((c) => c.formula),
      },
      {
        topLeft: { row: nd, col: 6 },
        formulas: plan.cells.filter((c) => c.row === nd + 1 && c.col >= 7).map((c) => c.formula),
      },
    ]);
    expect(writes.values[nd]).toEqual(["Neodymium", null, null, null, null, "", null, null, null]);
    expect(writes.numberFormats[0][0]).toBe("General");
    expect(writes.inputs).toHaveLength(plan.inputCells.length + input.elements.length);
  });
});

/** The workbook, with its next batch's activateSheet aimed at a sheet that is not there. */
function failingOnActivate(wb: Workbook): Workbook {
  let first = true;
  return new Proxy(wb, {
    get(target, prop, receiver) {
      if (prop !== "run") return Reflect.get(target, prop, receiver);
      return <T>(work: (batch: WorkbookBatch) => Promise<T>) =>
        target.run((batch) => {
          if (!first) return work(batch);
          first = false;
          return work(
            new Proxy(batch, {
              get: (b, p) =>
                p === "activateSheet" ? () => b.activateSheet("No such sheet") : Reflect.get(b, p).bind(b),
            }),
          );
        });
    },
  });
}
