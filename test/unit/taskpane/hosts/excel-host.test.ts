import { createExcelWorkbook, readDefinedNames, readSheetInfo, readSheetNames } from "../../../../taskpane/hosts/excel";
import { ImportError, writeImport } from "../../../../src/workbook/import-writer";
import { planImport } from "../../../../src/workbook/write-plan";
import { fakeExcel } from "../../../support/fake-excel";
import { DDE_PAYLOAD, realisticImport } from "../../workbook/support/import-data";

const all = () => true;

describe("hosts/excel.ts over office-addin-mock", () => {
  const data = realisticImport(2_000);
  const BUDGET = 60_000;

  it("imports: values, then formats, then the table, with calculation manual and screen updating off", async () => {
    const { excel, state, mock } = fakeExcel(["Sheet1", "Data"]);
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    const outcome = await writeImport(wb, data, { sheetName: "Import", budgetBytes: BUDGET });

    const plan = planImport(data, { budgetBytes: BUDGET });
    expect(outcome).toEqual({ sheetName: "Import", tableName: "Table1", rowsWritten: 2_000, syncs: plan.syncs.length });
    const log = state.log;
    const kinds = log.map((l) => l.split(" ")[0]);
    expect(kinds.indexOf("addSheet")).toBeLessThan(kinds.indexOf("values"));
    const lastValues = kinds.lastIndexOf("values");
    const firstDisplay = log.findIndex((l) =>
      /^numberFormat Import \d+,\d+ \d+x\d+ (0|#,##0\.0|0\.0%|#,##0\.00|yyyy-mm-dd)$/.test(l),
    );
    expect(firstDisplay).toBeGreaterThan(lastValues);
    expect(kinds.indexOf("table")).toBeGreaterThan(firstDisplay);
    expect(log.filter((l) => l.startsWith("table"))).toEqual(["table Import 0,0 2001x10"]);
    // every request of the import renewed the suspension of screen updating
    const importSyncs = log.filter((l) => l.startsWith("sync")).length;
    expect(log.filter((l) => l === "suspendScreenUpdating").length).toBeGreaterThanOrEqual(plan.syncs.length);
    expect(importSyncs).toBeGreaterThan(plan.syncs.length);
    // calculation: manual while writing, restored afterwards
    expect(state.modes).toContain("Manual");
    expect(mock.context.workbook.application.calculationMode).toBe("Automatic");
    expect(state.active).toBe("Import");
    expect(state.cells("Import").get("1,4")?.format).toBe("0.0%");
    expect(state.cell("Import", 0, 0).value).toBe("Country");
  });

  it("`=cmd|' /C calc'!A0` arrives as text: its cell gets '@' before the value is written", async () => {
    const { excel, state } = fakeExcel();
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    await writeImport(
      wb,
      {
        headers: ["Note", "Value"],
        rows: [
          ["ok", 1],
          [DDE_PAYLOAD, 2],
        ],
        columnFormats: ["General", "0.00"],
      },
      { sheetName: "Import" },
    );

    const cell = state.cell("Import", 2, 0);
    expect(cell.value).toBe(DDE_PAYLOAD);
    expect(cell.formula).toBeUndefined();
    expect(cell.format).toBe("@");
    const textFormat = state.log.indexOf("numberFormat Import 2,0 1x1 [1x1]");
    const values = state.log.indexOf("values Import 0,0 3x2");
    expect(textFormat).toBeGreaterThanOrEqual(0);
    expect(textFormat).toBeLessThan(values);
    // and the same payload written without the planner would have become a formula
    await wb.writeValues("Sheet1", { row: 0, col: 0 }, [[DDE_PAYLOAD]]);
    expect(state.cell("Sheet1", 0, 0).formula).toBe(DDE_PAYLOAD);
  });

  it("a failure mid-way deletes the new sheet, restores calculation, and leaves the other sheets untouched", async () => {
    const { excel, state, mock } = fakeExcel(["Sheet1", "Data"]);
    state.cell("Data", 0, 0).value = "keep me";
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    // 1: hasSheet, 2: date system, 3-5: calculation to Manual, 6: add the sheet, 7: first planned sync, 8: second
    state.failAtSync = 8;
    const error = await writeImport(wb, data, { sheetName: "Import", budgetBytes: BUDGET }).catch((e) => e);

    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: "importFailed", restored: true });
    expect(error.message).toMatch(
      /failed after 1 of \d+ steps: Injected failure in sync 8\. The partly written sheet was removed/,
    );
    expect([...state.sheets.keys()]).toEqual(["Sheet1", "Data"]);
    expect(state.cell("Data", 0, 0).value).toBe("keep me");
    expect(state.log).toContain("deleteSheet Import");
    expect(mock.context.workbook.application.calculationMode).toBe("Automatic");
  });

  it("leaves a workbook that was already in manual calculation in manual", async () => {
    const { excel, mock } = fakeExcel();
    mock.context.workbook.application.calculationMode = "Manual";
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    await wb.suspendUpdates();
    await wb.resumeUpdates();
    expect(mock.context.workbook.application.calculationMode).toBe("Manual");
  });

  it("without ExcelApi 1.8 it does not touch the calculation mode", async () => {
    const { excel, state } = fakeExcel();
    const wb = createExcelWorkbook({ excel, isSetSupported: (_set, version) => version !== "1.8" });
    const outcome = await writeImport(wb, data, { sheetName: "Import", budgetBytes: BUDGET });
    expect(state.modes.every((m) => m !== "Manual")).toBe(true);
    expect(state.log).toContain("suspendScreenUpdating");
    expect(outcome.warning).toMatch(/Calculation stayed on during the import.*needs ExcelApi 1\.8/);
  });

  it("stores add-in data in workbook.settings", async () => {
    const { excel, state } = fakeExcel();
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    expect(await wb.getAddinData("rare.scenario")).toBeNull();
    await wb.setAddinData("rare.scenario", '{"cut":0.5}');
    expect(state.settings.get("rare.scenario")).toBe('{"cut":0.5}');
    expect(await wb.getAddinData("rare.scenario")).toBe('{"cut":0.5}');
  });

  it("writes formulas, tables, names, charts, inputs; reads ranges; recalculates", async () => {
    const { excel, state } = fakeExcel();
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    await wb.writeFormulas("Sheet1", { row: 1, col: 1 }, [["=A1*2"]]);
    expect(state.cell("Sheet1", 1, 1).formula).toBe("=A1*2");
    expect(
      await wb.addTable("Sheet1", { row: 0, col: 0, rows: 3, cols: 2 }, { hasHeaders: true, name: "Inputs" }),
    ).toBe("Inputs");
    await wb.addNamedRange("RARE_Cut", "Sheet1", { row: 1, col: 1, rows: 1, cols: 1 });
    expect(state.names).toEqual([{ name: "RARE_Cut", sheet: "Sheet1", rect: { row: 1, col: 1, rows: 1, cols: 1 } }]);
    await wb.addChart("Sheet1", {
      type: "bar",
      title: "Gap",
      dataRect: { row: 0, col: 0, rows: 3, cols: 2 },
      position: { row: 5, col: 3 },
    });
    expect(state.charts[0]).toEqual({
      sheet: "Sheet1",
      type: "BarClustered",
      rect: { row: 0, col: 0, rows: 3, cols: 2 },
      seriesBy: "Columns",
      title: "Gap",
      legend: { visible: false }, // one series: the title names it
      position: [
        { row: 5, col: 3, rows: 1, cols: 1 },
        { row: 19, col: 10, rows: 1, cols: 1 },
      ],
    });
    await wb.markInput("Sheet1", { row: 1, col: 1 }, "Export cut");
    expect(state.log).toEqual(expect.arrayContaining(["fill Sheet1 1,1 1x1 #FFCC99", "locked Sheet1 1,1 1x1 false"]));
    await wb.setNumberFormat("Sheet1", { row: 1, col: 1, rows: 2, cols: 1 }, "0.0%");
    const read = await wb.readRange("Sheet1", "A2:B3");
    expect(read.formulas[0][1]).toBe("=A1*2");
    expect(read.numberFormats).toEqual([
      ["General", "0.0%"],
      ["General", "0.0%"],
    ]);
    await wb.recalculate(true);
    await wb.recalculate(false);
    expect(state.log).toEqual(expect.arrayContaining(["calculate Full", "calculate Recalculate"]));
    await wb.activateSheet("Sheet1");
    expect(await wb.hasSheet("sheet1")).toBe(true);
  });

  it("reports Excel's own error when a sheet name is taken", async () => {
    const { excel } = fakeExcel(["Data"]);
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    await expect(wb.addSheet("Data")).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("lists sheet names through the collection's items (seam tested with a hand-made context)", async () => {
    const context = {
      workbook: { worksheets: { load: jest.fn(), items: [{ name: "Sheet1" }, { name: "Import" }] } },
      sync: jest.fn(async () => undefined),
    };
    expect(await readSheetNames(context as unknown as Excel.RequestContext)).toEqual(["Sheet1", "Import"]);
    expect(context.workbook.worksheets.load).toHaveBeenCalledWith("items/name");
  });

  it("lists sheets with visibility and protection through the collection's items (seam, hand-made context)", async () => {
    const items = [
      { name: "Model", visibility: "Visible", protection: { protected: false } },
      { name: "Locked", visibility: "Hidden", protection: { protected: true } },
      { name: "RARE_share_undo", visibility: "VeryHidden", protection: { protected: false } },
    ];
    const context = { workbook: { worksheets: { load: jest.fn(), items } }, sync: jest.fn(async () => undefined) };
    expect(await readSheetInfo(context as unknown as Excel.RequestContext)).toEqual([
      { name: "Model", visibility: "visible", protected: false },
      { name: "Locked", visibility: "hidden", protected: true },
      { name: "RARE_share_undo", visibility: "veryHidden", protected: false },
    ]);
    expect(context.workbook.worksheets.load).toHaveBeenCalledWith(
      "items/name,items/visibility,items/protection/protected",
    );
  });

  it("reads formulas and values, the used block and spill blocks; renames and hides sheets", async () => {
    const { excel, state } = fakeExcel(["Sheet1", "Other"]);
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    expect(await wb.usedRect("Sheet1")).toBeNull();
    await wb.writeFormulas("Sheet1", { row: 2, col: 1 }, [['=RARE.LIST("kinds")', "x"]]);
    state.spills.set("Sheet1!2,1", { row: 2, col: 1, rows: 13, cols: 1 });
    expect(await wb.usedRect("Sheet1")).toEqual({ row: 2, col: 1, rows: 1, cols: 2 });
    expect(await wb.readFormulas("Sheet1", { row: 2, col: 1, rows: 1, cols: 2 })).toEqual({
      values: [["(computed)", "(computed)"]],
      formulas: [['=RARE.LIST("kinds")', "x"]],
    });
    expect(
      await wb.spillRects("Sheet1", [
        { row: 2, col: 1 },
        { row: 2, col: 2 },
      ]),
    ).toEqual([{ row: 2, col: 1, rows: 13, cols: 1 }, null]);
    expect(state.log.filter((l) => l.startsWith("spill")).length).toBe(2);
    await wb.run(async (b) => {
      b.renameSheet("Other", "Renamed");
      b.setSheetVisibility("Renamed", "veryHidden");
    });
    expect([...state.sheets.keys()]).toEqual(["Sheet1", "Renamed"]);
    expect(state.visibility.get("Renamed")).toBe("VeryHidden");
  });

  it("without ExcelApi 1.12 reports no spills and sends nothing", async () => {
    const { excel, state } = fakeExcel();
    const wb = createExcelWorkbook({ excel, isSetSupported: (_set, version) => version !== "1.12" });
    expect(await wb.spillRects("Sheet1", [{ row: 0, col: 0 }])).toEqual([null]);
    expect(state.syncs).toBe(0);
  });

  it("lists defined names through the collection's items, a #REF! one as broken (seam, hand-made context)", async () => {
    const context = {
      workbook: {
        names: {
          load: jest.fn(),
          items: [
            { name: "RARE_Cut", type: "Range", value: "Scenario!$B$8" },
            { name: "Gone", type: "Error", value: "#REF!" },
            { name: "Old", type: "Range", value: "#REF!$B$8" },
          ],
        },
      },
      sync: jest.fn(async () => undefined),
    };
    expect(await readDefinedNames(context as unknown as Excel.RequestContext)).toEqual([
      { name: "RARE_Cut", broken: false },
      { name: "Gone", broken: true },
      { name: "Old", broken: true },
    ]);
    expect(context.workbook.names.load).toHaveBeenCalledWith("items/name,items/type,items/value");
  });
});

describe("hosts/excel.ts: clearing and deleting (office-addin-mock)", () => {
  const block = { row: 0, col: 0, rows: 2, cols: 2 };

  it("clearRange clears everything in the block with Range.clear('All'), nothing around it", async () => {
    const { excel, state } = fakeExcel();
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    await wb.writeValues("Sheet1", { row: 0, col: 0 }, [
      ["a", 1, "keep"],
      ["=A1", 2, "keep"],
    ]);
    await wb.setNumberFormat("Sheet1", block, "0.0%");
    await wb.clearRange("Sheet1", block);
    expect(state.log).toContain("clear Sheet1 0,0 2x2 All");
    expect([...state.cells("Sheet1").keys()].sort()).toEqual(["0,2", "1,2"]);
    expect(state.cell("Sheet1", 1, 0)).toEqual({ value: "", format: "General" });
  });

  it("deleteNamedRange looks the name up, deletes it only if found, and never fails on a missing one", async () => {
    const { excel, state } = fakeExcel(["Sheet1", "Gone"]);
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    await wb.addNamedRange("Live", "Sheet1", block);
    await wb.addNamedRange("Stale", "Gone", block);
    state.deleteSheetByHand("Gone");
    expect(await wb.listNames()).toEqual([
      { name: "Live", broken: false },
      { name: "Stale", broken: true },
    ]);
    const logFrom = state.log.length;
    await wb.run(async (b) => {
      b.deleteNamedRange("stale"); // names are case-blind
      b.deleteNamedRange("Nowhere");
    });
    expect(state.names.map((n) => n.name)).toEqual(["Live"]);
    // Both lookups in one request; only the found name is deleted, in the next one.
    expect(state.log.slice(logFrom).filter((l) => !l.startsWith("suspend"))).toEqual([
      "lookupName stale",
      "lookupName Nowhere",
      `sync ${state.syncs - 1}`,
      "deleteName stale",
      `sync ${state.syncs}`,
    ]);
  });

  it("keeps the queued order around a delete: a name deleted and added again in one batch", async () => {
    const { excel, state } = fakeExcel();
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    await wb.addNamedRange("RARE_Cut", "Sheet1", { row: 0, col: 0, rows: 1, cols: 1 });
    const logFrom = state.log.length;
    await wb.run(async (b) => {
      b.writeValues("Sheet1", { row: 4, col: 0 }, [[1]]);
      b.deleteNamedRange("RARE_Cut");
      b.deleteNamedRange("RARE_Cut"); // the same name twice in a row: looked up and deleted once
      b.addNamedRange("RARE_Cut", "Sheet1", { row: 4, col: 0, rows: 1, cols: 1 });
      b.deleteNamedRange("Other");
      b.writeValues("Sheet1", { row: 5, col: 0 }, [[2]]);
    });
    expect(state.names).toEqual([{ name: "RARE_Cut", sheet: "Sheet1", rect: { row: 4, col: 0, rows: 1, cols: 1 } }]);
    // Three requests: up to the first lookup; its delete, the add, the next lookup; what waited on that.
    const ops = state.log
      .slice(logFrom)
      .filter((l) => !l.startsWith("suspend"))
      .map((l) => l.replace(/^sync \d+$/, "sync"));
    expect(ops).toEqual([
      "values Sheet1 4,0 1x1",
      "lookupName RARE_Cut",
      "sync",
      "deleteName RARE_Cut",
      "name RARE_Cut",
      "lookupName Other",
      "sync",
      "values Sheet1 5,0 1x1",
      "sync",
    ]);
  });

  it("deleteTable converts the table to a range: the table goes, its values stay", async () => {
    const { excel, state } = fakeExcel();
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    await wb.writeValues("Sheet1", { row: 0, col: 0 }, [
      ["Element", "Share"],
      ["Nd", 0.8],
    ]);
    await wb.addTable("Sheet1", block, { hasHeaders: true, name: "RARE_Table" });
    await wb.deleteTable("rare_table");
    await wb.deleteTable("RARE_Table"); // gone already: no error
    expect(state.tables).toEqual([]);
    expect(state.log).toContain("convertTable rare_table");
    expect(state.log.filter((l) => l.startsWith("convertTable"))).toHaveLength(1);
    expect(state.cell("Sheet1", 1, 0).value).toBe("Nd");
  });

  it("names a chart, and deletes it by that name from its sheet only", async () => {
    const { excel, state } = fakeExcel(["Sheet1", "Other"]);
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    const spec = {
      type: "column" as const,
      title: "Gap",
      dataRect: block,
      position: { row: 5, col: 0 },
      name: "RARE_Chart",
    };
    await wb.addChart("Sheet1", spec);
    await wb.addChart("Other", spec);
    await wb.addChart("Sheet1", { ...spec, name: undefined });
    expect(state.charts.map((c) => [c.sheet, c.name])).toEqual([
      ["Sheet1", "RARE_Chart"],
      ["Other", "RARE_Chart"],
      ["Sheet1", undefined],
    ]);
    await wb.deleteChart("Sheet1", "RARE_Chart");
    await wb.deleteChart("Sheet1", "RARE_Chart");
    expect(state.charts.map((c) => [c.sheet, c.name])).toEqual([
      ["Other", "RARE_Chart"],
      ["Sheet1", undefined],
    ]);
    expect(state.log.filter((l) => l.startsWith("deleteChart"))).toEqual(["deleteChart Sheet1 RARE_Chart"]);
  });

  it("a failed lookup sync drops what waited on it", async () => {
    const { excel, state } = fakeExcel();
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    state.failAtSync = 1;
    const error = await wb
      .run(async (b) => {
        b.deleteNamedRange("X");
        b.writeValues("Sheet1", { row: 0, col: 0 }, [["never"]]);
      })
      .catch((e) => e);
    expect(error).toMatchObject({ code: "GeneralException" });
    expect(state.log.some((l) => l.startsWith("values"))).toBe(false);
  });
});
