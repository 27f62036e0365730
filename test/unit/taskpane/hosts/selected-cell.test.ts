/**
 * `Workbook.selectedCell` on both hosts: Excel's active cell (Workbook.getActiveCell,
 * ExcelApi 1.7; InvalidSelection where the selection holds no cell) and the cell selected
 * in the preview's grid (none before the user selects one).
 */
import { createExcelWorkbook } from "../../../../taskpane/hosts/excel";
import { PreviewWorkbook } from "../../../../taskpane/hosts/preview";
import { fakeExcel } from "../../../support/fake-excel";

describe("selectedCell in Excel", () => {
  it("is the active cell and the sheet it is on, read in one request", async () => {
    const { excel, state } = fakeExcel(["Sheet1", "Data"]);
    state.active = "Data";
    state.activeCell = { row: 2, col: 1 };
    const wb = createExcelWorkbook({ excel, isSetSupported: () => true });
    expect(await wb.selectedCell()).toEqual({ sheet: "Data", cell: { row: 2, col: 1 } });
    expect(state.syncs).toBe(1);
  });

  it("is null where the selection holds no cell (InvalidSelection); other failures are not hidden", async () => {
    const { excel, state } = fakeExcel();
    state.activeCell = null;
    const wb = createExcelWorkbook({ excel, isSetSupported: () => true });
    expect(await wb.selectedCell()).toBeNull();
    state.activeCell = { row: 0, col: 0 };
    state.failAtSync = state.syncs + 1;
    await expect(wb.selectedCell()).rejects.toMatchObject({ code: "GeneralException" });
  });

  it("a formula written there goes to that cell", async () => {
    const { excel, state } = fakeExcel();
    state.activeCell = { row: 4, col: 3 };
    const wb = createExcelWorkbook({ excel, isSetSupported: () => true });
    const selected = await wb.selectedCell();
    await wb.writeFormulas(selected!.sheet, selected!.cell, [['=RARE.SHARE("Nd")']]);
    expect(state.cell("Sheet1", 4, 3).formula).toBe('=RARE.SHARE("Nd")');
  });
});

describe("selectedCell in the preview", () => {
  it("is null before any selection, then the cell selected, which makes its sheet active", async () => {
    const wb = new PreviewWorkbook({ sheets: ["Sheet1", "Other"] });
    expect(await wb.selectedCell()).toBeNull();
    wb.select("other", { row: 2, col: 1 });
    expect(await wb.selectedCell()).toEqual({ sheet: "Other", cell: { row: 2, col: 1 } });
    expect(wb.activeSheet).toBe("Other");
  });

  it("follows a rename and is gone with its sheet", async () => {
    const wb = new PreviewWorkbook({ sheets: ["Sheet1", "Other"] });
    wb.select("Other", { row: 0, col: 0 });
    await wb.run(async (b) => b.renameSheet("Other", "Renamed"));
    expect(await wb.selectedCell()).toEqual({ sheet: "Renamed", cell: { row: 0, col: 0 } });
    await wb.deleteSheet("Renamed");
    expect(await wb.selectedCell()).toBeNull();
  });

  it("refuses a cell off the sheet or a sheet that is not there", () => {
    const wb = new PreviewWorkbook();
    expect(() => wb.select("Sheet1", { row: -1, col: 0 })).toThrow();
    expect(() => wb.select("Nope", { row: 0, col: 0 })).toThrow(/no sheet/i);
  });
});
