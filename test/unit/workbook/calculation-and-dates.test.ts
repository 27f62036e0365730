/**
 * Calculation mode, safely (best-effort suspension, restored in every path, recovered after
 * a runtime died mid-import), and imports into a 1904 date-system workbook, on both hosts.
 */
import { excelSerial } from "../../../src/csv/dates";
import { CALCULATION_RECORD_KEY, CalculationGuard } from "../../../src/workbook/calculation-guard";
import { writeImport } from "../../../src/workbook/import-writer";
import type { Workbook } from "../../../src/workbook/workbook";
import { createExcelWorkbook } from "../../../taskpane/hosts/excel";
import { PreviewWorkbook } from "../../../taskpane/hosts/preview";
import { fakeExcel } from "../../support/fake-excel";

const all = () => true;
const dates = {
  headers: ["Day", "Tonnes"],
  rows: [
    [excelSerial(2024, 1, 1), 1],
    [excelSerial(1901, 6, 30), 2],
  ],
  columnFormats: ["yyyy-mm-dd", "General"],
};

describe("calculation mode", () => {
  it("a failure to suspend calculation never fails the import", async () => {
    const preview = new PreviewWorkbook();
    const failing: Workbook = Object.assign(Object.create(preview) as PreviewWorkbook, {
      writeCalculationMode: async () => {
        throw new Error("Excel refused");
      },
    });
    const outcome = await writeImport(failing, dates, { sheetName: "Import" });
    expect(outcome.rowsWritten).toBe(2);
    expect(outcome.warning).toMatch(/Calculation stayed on during the import.*Excel refused/);
    expect(await preview.readCalculationMode()).toBe("Automatic");
  });

  it("a runtime that died mid-import leaves a record; the next start restores the mode", async () => {
    const preview = new PreviewWorkbook();
    const dying = new CalculationGuard(preview);
    await dying.suspend(); // the import starts, then the runtime is gone: no resume
    expect(await preview.readCalculationMode()).toBe("Manual");
    expect(await preview.getAddinData(CALCULATION_RECORD_KEY)).toBe("Automatic");

    const notice = await new CalculationGuard(preview).recover();
    expect(notice).toMatch(/set calculation back to Automatic/);
    expect(await preview.readCalculationMode()).toBe("Automatic");
    expect(await preview.getAddinData(CALCULATION_RECORD_KEY)).toBeNull();
    expect(await new CalculationGuard(preview).recover()).toBeNull();
  });

  it("in Excel too: the record is in workbook.settings and the mode comes back", async () => {
    const { excel, mock, state } = fakeExcel();
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    await new CalculationGuard(wb).suspend();
    expect(mock.context.workbook.application.calculationMode).toBe("Manual");
    expect(state.settings.get(CALCULATION_RECORD_KEY)).toBe("Automatic");
    await new CalculationGuard(wb).recover();
    expect(mock.context.workbook.application.calculationMode).toBe("Automatic");
    expect(state.settings.has(CALCULATION_RECORD_KEY)).toBe(false);
  });

  it("a record that is not a calculation mode is removed with a notice naming it", async () => {
    const preview = new PreviewWorkbook();
    await preview.setAddinData(CALCULATION_RECORD_KEY, '{"x":1}');
    expect(await new CalculationGuard(preview).recover()).toMatch(/rare\.calculationModeToRestore/);
    expect(await preview.getAddinData(CALCULATION_RECORD_KEY)).toBeNull();
  });

  it("a user's own Manual mode stays Manual", async () => {
    const preview = new PreviewWorkbook();
    await preview.writeCalculationMode("Manual");
    await writeImport(preview, dates, { sheetName: "Import" });
    expect(await preview.readCalculationMode()).toBe("Manual");
  });
});

describe("1904 date system", () => {
  // "Date systems in Excel": the 1904 system counts from 1904-01-01 = 0, 1,462 days after the 1900 system's day 0.
  const in1904 = excelSerial(2024, 1, 1) - excelSerial(1904, 1, 1);

  it("the preview writes 1904 serials and says which dates became text", async () => {
    const preview = new PreviewWorkbook({ dateSystem: 1904 });
    const outcome = await writeImport(preview, dates, { sheetName: "Import" });
    const read = await preview.readRange("Import", "A2:A3");
    expect(read.values[0][0]).toBe(in1904);
    expect(read.values[1][0]).toBe("1901-06-30");
    expect(outcome.warning).toMatch(/1 date is before 1904-01-01/);
  });

  it("Excel: DATE(1904,1,1) tells the system; serials follow it", async () => {
    const { excel, state } = fakeExcel();
    state.use1904 = true;
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    await writeImport(wb, dates, { sheetName: "Import" });
    expect(state.cell("Import", 1, 0).value).toBe(in1904);
  });

  it("where the system cannot be found out, the summary says so", async () => {
    const preview = new PreviewWorkbook();
    const unknown: Workbook = Object.assign(Object.create(preview) as PreviewWorkbook, {
      dateSystem: async () => null,
    });
    const outcome = await writeImport(unknown, dates, { sheetName: "Import" });
    expect(outcome.warning).toMatch(/1900 date-system serials/);
  });
});
