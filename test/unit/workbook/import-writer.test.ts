import { PreviewWorkbook } from "../../../taskpane/hosts/preview";
import { isWorkbookError } from "../../../src/workbook/errors";
import { ImportError, type ImportProgress, writeImport } from "../../../src/workbook/import-writer";
import { planImport } from "../../../src/workbook/write-plan";
import { DDE_PAYLOAD, realisticImport } from "./support/import-data";
import { spyWorkbook } from "./support/spy-workbook";

/** Small budget so a few thousand rows take several syncs. */
const BUDGET = 60_000;

async function workbookWithData(): Promise<PreviewWorkbook> {
  const wb = new PreviewWorkbook({ sheets: ["Sheet1"] });
  await wb.writeValues("Sheet1", { row: 0, col: 0 }, [
    ["Element", "Share"],
    ["Neodymium", 0.9],
  ]);
  await wb.addSheet("Data");
  await wb.writeValues("Data", { row: 0, col: 0 }, [
    ["Year", "Output"],
    [2024, 270000],
  ]);
  await wb.addTable("Data", { row: 0, col: 0, rows: 2, cols: 2 }, { hasHeaders: true, name: "Output" });
  await wb.setAddinData("rare.version", "1");
  return wb;
}

/** Everything but the active sheet (deleting the new sheet may move the selection, as in Excel). */
function contentOf(wb: PreviewWorkbook): unknown {
  const { active: _active, ...rest } = JSON.parse(wb.serialise());
  return rest;
}

describe("writeImport on the preview workbook", () => {
  const data = realisticImport(3_000);

  it("creates the sheet, writes values, then formats, then the table, and resumes updates", async () => {
    const preview = await workbookWithData();
    const wb = spyWorkbook(preview);
    const progress: ImportProgress[] = [];
    const outcome = await writeImport(wb, data, {
      sheetName: "Import",
      budgetBytes: BUDGET,
      onProgress: (p) => progress.push(p),
    });

    expect(outcome).toEqual({ sheetName: "Import", tableName: "Table1", rowsWritten: 3_000, syncs: wb.syncs });
    expect(wb.syncs).toBe(planImport(data, { budgetBytes: BUDGET }).syncs.length);
    expect(wb.syncs).toBeGreaterThan(3);
    const ops = wb.log.map((l) => l.op);
    expect(ops[0]).toBe("addSheet");
    const lastValues = ops.lastIndexOf("writeValues");
    const firstDisplay = wb.log.findIndex((l) => l.op === "setNumberFormat" && l.args[2] !== "@");
    expect(firstDisplay).toBeGreaterThan(lastValues);
    expect(ops.indexOf("addTable")).toBeGreaterThan(firstDisplay);
    expect(ops.filter((o) => o === "addTable")).toHaveLength(1);
    // Calculation is set to Manual for the import and back to the mode found (calculation-guard.ts).
    expect(wb.calls).toEqual([
      "suspendUpdates",
      "calculationMode Manual",
      "calculationMode Automatic",
      "resumeUpdates",
    ]);
    expect(preview.updatesSuspended).toBe(false);
    expect(preview.activeSheet).toBe("Import");

    expect(progress.map((p) => p.rowsWritten).at(-1)).toBe(3_000);
    expect(progress.every((p, i) => i === 0 || p.rowsWritten >= progress[i - 1].rowsWritten)).toBe(true);
    expect(progress.at(-1)).toMatchObject({
      syncsDone: progress.length,
      syncsTotal: progress.length,
      totalRows: 3_000,
    });

    const sheet = preview.sheet("Import");
    expect(sheet.value(0, 0)).toBe("Country");
    expect(sheet.value(3_000, 2)).toBe(data.rows[2_999][2]);
    expect(sheet.format(10, 4)).toBe("0.0%");
    expect(preview.tablesOn("Import")).toEqual([
      { name: "Table1", sheet: "Import", rect: { row: 0, col: 0, rows: 3_001, cols: 10 }, hasHeaders: true },
    ]);
  });

  it("stores the DDE payload and every formula-like note as text, never as a formula", async () => {
    const preview = await workbookWithData();
    const rows = [["China", DDE_PAYLOAD, "-", "+1", "@x", "\t=1+1", "=1+1"]];
    await writeImport(
      preview,
      { headers: ["00123", "B", "C", "D", "E", "F", "=G"], rows, columnFormats: Array(7).fill("General") },
      { sheetName: "Hostile" },
    );
    const sheet = preview.sheet("Hostile");
    rows[0].forEach((v, c) => {
      expect(sheet.value(1, c)).toBe(v);
      expect(sheet.formula(1, c)).toBeUndefined();
    });
    expect(sheet.value(0, 0)).toBe("00123"); // typed, it would have become 123
    expect(sheet.value(0, 6)).toBe("=G");
    expect(sheet.formula(0, 6)).toBeUndefined();
    expect(sheet.format(1, 1)).toBe("@");
  });

  it("sets '@' in the same sync as, and before, the values it protects", async () => {
    const wb = spyWorkbook(await workbookWithData());
    const rows = [
      ["a", 1],
      [DDE_PAYLOAD, 2],
    ];
    await writeImport(wb, { headers: ["A", "B"], rows, columnFormats: ["General", "0.0"] }, { sheetName: "S" });
    const text = wb.log.findIndex((l) => l.op === "setNumberFormats");
    const values = wb.log.findIndex((l) => l.op === "writeValues");
    expect(text).toBeGreaterThanOrEqual(0);
    expect(text).toBeLessThan(values);
    expect(wb.log[text].sync).toBe(wb.log[values].sync);
    expect(wb.log[text].args[1]).toEqual({ row: 2, col: 0 });
    expect(wb.log[text].args[2]).toEqual([["@"]]);
  });

  it.each(["before", "after"] as const)(
    "a failure mid-way (%s the sync applied) deletes the new sheet and leaves the rest untouched",
    async (failMode) => {
      const preview = await workbookWithData();
      const before = contentOf(preview);
      const wb = spyWorkbook(preview, { failAtSync: 3, failMode });
      const error = await writeImport(wb, data, { sheetName: "Import", budgetBytes: BUDGET }).catch((e) => e);

      expect(error).toBeInstanceOf(ImportError);
      expect(error.code).toBe("importFailed");
      expect(error.restored).toBe(true);
      expect(error.message).toMatch(/Import into "Import" failed after 2 of \d+ steps: Injected failure/);
      expect(error.message).toMatch(/partly written sheet was removed; the rest of the workbook is unchanged/);
      expect(error.cause).toBeInstanceOf(Error);
      expect(await preview.listSheets()).toEqual(["Sheet1", "Data"]);
      expect(contentOf(preview)).toEqual(before);
      expect(wb.calls).toEqual([
        "suspendUpdates",
        "calculationMode Manual",
        "deleteSheet Import",
        "calculationMode Automatic",
        "resumeUpdates",
      ]);
      expect(preview.updatesSuspended).toBe(false);
    },
  );

  it("cancel mid-way does the same, and reports a cancel", async () => {
    const preview = await workbookWithData();
    const before = contentOf(preview);
    const controller = new AbortController();
    const wb = spyWorkbook(preview, { afterSync: (n) => n === 2 && controller.abort() });
    const error = await writeImport(wb, data, {
      sheetName: "Import",
      budgetBytes: BUDGET,
      signal: controller.signal,
    }).catch((e) => e);

    expect(error).toBeInstanceOf(ImportError);
    expect(error.code).toBe("importCancelled");
    expect(error.message).toMatch(/^Import cancelled after 2 of \d+ steps\. The partly written sheet was removed/);
    expect(await preview.listSheets()).toEqual(["Sheet1", "Data"]);
    expect(contentOf(preview)).toEqual(before);
    expect(preview.updatesSuspended).toBe(false);
  });

  it("cancel after the last sync still rolls back: a cancelled import never stays", async () => {
    const preview = await workbookWithData();
    const controller = new AbortController();
    const plan = planImport(data, { budgetBytes: BUDGET });
    const wb = spyWorkbook(preview, { afterSync: (n) => n === plan.syncs.length && controller.abort() });
    await expect(writeImport(wb, plan, { sheetName: "Import", signal: controller.signal })).rejects.toMatchObject({
      code: "importCancelled",
    });
    expect(await preview.hasSheet("Import")).toBe(false);
  });

  it("cancelled before it starts: nothing is touched", async () => {
    const wb = spyWorkbook(await workbookWithData());
    const controller = new AbortController();
    controller.abort();
    await expect(writeImport(wb, data, { sheetName: "Import", signal: controller.signal })).rejects.toMatchObject({
      code: "importCancelled",
      restored: true,
    });
    expect(wb.log).toEqual([]);
    expect(wb.calls).toEqual([]);
  });

  it("refuses an existing sheet name (case-insensitive) without touching anything", async () => {
    const wb = spyWorkbook(await workbookWithData());
    const error = await writeImport(wb, data, { sheetName: "data" }).catch((e) => e);
    expect(isWorkbookError(error, "sheetExists")).toBe(true);
    expect(error.message).toBe('A sheet named "data" already exists; the import writes only to a new sheet.');
    expect(wb.log).toEqual([]);
  });

  it("refuses an invalid sheet or table name before writing", async () => {
    const wb = spyWorkbook(await workbookWithData());
    await expect(writeImport(wb, data, { sheetName: "a/b" })).rejects.toThrow(/cannot contain/);
    await expect(writeImport(wb, data, { sheetName: "ok", tableName: "A1" })).rejects.toThrow(
      /looks like a cell reference/,
    );
    expect(wb.log).toEqual([]);
  });

  it("a table-name clash fails the last step and is rolled back like any failure", async () => {
    const preview = await workbookWithData();
    const error = await writeImport(preview, data, {
      sheetName: "Import",
      tableName: "output",
      budgetBytes: BUDGET,
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "importFailed", restored: true });
    expect(error.message).toMatch(/already used by a table/);
    expect(await preview.listSheets()).toEqual(["Sheet1", "Data"]);
  });

  it("names the table when asked and can leave the active sheet alone", async () => {
    const preview = await workbookWithData();
    const outcome = await writeImport(preview, data, { sheetName: "Import", tableName: "Imported", activate: false });
    expect(outcome.tableName).toBe("Imported");
    expect(preview.activeSheet).toBe("Sheet1");
  });

  it("when resuming fails after a good import, the data stays and a warning says what to do", async () => {
    const preview = await workbookWithData();
    const wb = spyWorkbook(preview);
    wb.resumeUpdates = async () => {
      throw new Error("calculation API unavailable");
    };
    const outcome = await writeImport(wb, data, { sheetName: "Import" });
    expect(outcome.warning).toMatch(/Calculation could not be switched back on \(calculation API unavailable\)/);
    expect(await preview.hasSheet("Import")).toBe(true);
  });

  it("when the cleanup itself fails, the message says the sheet must be deleted by hand", async () => {
    const preview = await workbookWithData();
    const wb = spyWorkbook(preview, { failAtSync: 2 });
    wb.deleteSheet = async () => {
      throw new Error("sheet is protected");
    };
    const error = await writeImport(wb, data, { sheetName: "Import", budgetBytes: BUDGET }).catch((e) => e);
    expect(error).toMatchObject({ code: "importFailed", restored: false });
    expect(error.message).toMatch(/could not be removed \(sheet is protected\); delete it by hand/);
  });
});
