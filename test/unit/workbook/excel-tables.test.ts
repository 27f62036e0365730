/**
 * hosts/excel.ts for Re-import and overrides from tables: Table.resize only behind
 * ExcelApi 1.13 (a clear message without it), and the table list read from Office.js's
 * shapes (Table, getRange, worksheet, showHeaders, getHeaderRowRange).
 */
import { createExcelWorkbook, readTables } from "../../../taskpane/hosts/excel";
import { writeImport } from "../../../src/workbook/import-writer";
import { fakeExcel } from "../../support/fake-excel";
import { SHARES_IMPORT } from "./support/import-data";

describe("hosts/excel.ts tables", () => {
  it("resizes a table with Table.resize where ExcelApi 1.13 is supported", async () => {
    const { excel, state } = fakeExcel(["Sheet1"]);
    const wb = createExcelWorkbook({ excel, isSetSupported: () => true });
    await writeImport(wb, SHARES_IMPORT, { sheetName: "Data" });
    expect(wb.tableResizeSupported()).toBe(true);
    await wb.run(async (batch) => batch.resizeTable("Data", "Table1", { row: 0, col: 0, rows: 5, cols: 2 }));
    expect(state.log).toContain("resizeTable Table1 0,0 5x2");
    expect(state.tables[0].rect).toEqual({ row: 0, col: 0, rows: 5, cols: 2 });
  });

  it("without ExcelApi 1.13 it refuses when queued, naming what Excel would need, and sends nothing", async () => {
    const { excel, state } = fakeExcel(["Sheet1"]);
    const wb = createExcelWorkbook({ excel, isSetSupported: (set, v) => !(set === "ExcelApi" && v === "1.13") });
    await writeImport(wb, SHARES_IMPORT, { sheetName: "Data" });
    expect(wb.tableResizeSupported()).toBe(false);
    await expect(
      wb.run(async (batch) => batch.resizeTable("Data", "Table1", { row: 0, col: 0, rows: 5, cols: 2 })),
    ).rejects.toThrow(/Table\.resize needs ExcelApi 1\.13/);
    expect(state.log.some((l) => l.startsWith("resizeTable"))).toBe(false);
  });

  it("lists tables with sheet, block and header texts (headerless tables get Excel's Column1…)", async () => {
    const table = (name: string, sheet: string, at: number[], showHeaders: boolean, headers: unknown[]) => ({
      name,
      showHeaders,
      worksheet: { name: sheet, load: () => undefined },
      getRange: () => ({
        rowIndex: at[0],
        columnIndex: at[1],
        rowCount: at[2],
        columnCount: at[3],
        load: () => undefined,
      }),
      getHeaderRowRange: () => ({ values: [headers], load: () => undefined }),
    });
    const context = {
      workbook: {
        tables: {
          load: () => undefined,
          items: [
            table("Shares", "Data", [2, 1, 4, 2], true, ["Element", 2024]),
            table("T2", "S", [0, 0, 3, 3], false, []),
          ],
        },
      },
      sync: async () => undefined,
    } as unknown as Excel.RequestContext;
    expect(await readTables(context)).toEqual([
      {
        name: "Shares",
        sheet: "Data",
        rect: { row: 2, col: 1, rows: 4, cols: 2 },
        hasHeaders: true,
        headers: ["Element", "2024"],
      },
      {
        name: "T2",
        sheet: "S",
        rect: { row: 0, col: 0, rows: 3, cols: 3 },
        hasHeaders: false,
        headers: ["Column1", "Column2", "Column3"],
      },
    ]);
  });
});
