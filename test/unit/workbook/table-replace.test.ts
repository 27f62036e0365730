/**
 * Issue 15 item 7: Re-import replaces a table's rows in place. The table keeps its name, so
 * formulas referring to it (=ROWS(Table1), =SUM(Table1[Value])) see the new rows; a failure
 * or a cancel leaves the old rows; growing over data below the table is refused.
 */
import { createFfpEvaluator } from "../../../src/scenario/ffp-evaluator";
import { replaceTableRows, ReplaceError } from "../../../src/workbook/table-replace";
import { writeImport } from "../../../src/workbook/import-writer";
import { PreviewWorkbook } from "../../../taskpane/hosts/preview";
import { spyWorkbook } from "./support/spy-workbook";
import type { ImportData } from "../../../src/workbook/write-plan";
import type { Workbook } from "../../../src/workbook/workbook";

const data = (rows: [string, number][]): ImportData => ({
  headers: ["Country", "Value"],
  rows,
  columnFormats: ["@", "#,##0"],
});

/** A fresh preview workbook with `rows` imported as Table1 on "Data", and formulas on Sheet1 that use it by name. */
async function importedTable(rows: [string, number][]) {
  const wb = new PreviewWorkbook({ evaluator: createFfpEvaluator({}) });
  await writeImport(wb, data(rows), { sheetName: "Data" });
  await wb.writeFormulas("Sheet1", { row: 0, col: 0 }, [["=ROWS(Table1)", "=SUM(Table1[Value])", "=SUM(Table1)"]]);
  const [table] = await wb.listTables();
  return { wb, table };
}

const CHINA_AUSTRALIA: [string, number][] = [
  ["China", 270000],
  ["Australia", 29000],
];
/** `n` rows "A" 1, "B" 2, … */
const lettered = (n: number): [string, number][] =>
  Array.from({ length: n }, (_, i) => [String.fromCharCode(65 + i), i + 1]);
const formulas = async (wb: Workbook) => (await wb.readRange("Sheet1", "A1:C1")).values[0];

describe("replaceTableRows", () => {
  it("lists the imported table with its sheet, block and headers, and reads its rows", async () => {
    const { wb, table } = await importedTable(CHINA_AUSTRALIA);
    expect(table).toEqual({
      name: "Table1",
      sheet: "Data",
      rect: { row: 0, col: 0, rows: 3, cols: 2 },
      hasHeaders: true,
      headers: ["Country", "Value"],
    });
    expect(await wb.readTable("Table1")).toEqual({
      headers: ["Country", "Value"],
      rows: [
        ["China", 270000],
        ["Australia", 29000],
      ],
    });
    expect(await formulas(wb)).toEqual([2, 299000, 299000]);
  });

  it("grows the table in place: same name, formulas see the new rows", async () => {
    const { wb, table } = await importedTable(CHINA_AUSTRALIA);
    const outcome = await replaceTableRows(
      wb,
      table,
      data([
        ["China", 1],
        ["Burma", 2],
        ["USA", 3],
        ["India", 4],
      ]),
    );
    expect(outcome).toMatchObject({ table: "Table1", rowsBefore: 2, rowsAfter: 4 });
    const [after] = await wb.listTables();
    expect(after).toMatchObject({ name: "Table1", sheet: "Data", rect: { row: 0, col: 0, rows: 5, cols: 2 } });
    expect((await wb.readTable("Table1")).rows).toEqual([
      ["China", 1],
      ["Burma", 2],
      ["USA", 3],
      ["India", 4],
    ]);
    expect(await formulas(wb)).toEqual([4, 10, 10]);
    expect((await wb.readRange("Data", "B2:B5")).numberFormats.flat()).toEqual(Array(4).fill("#,##0"));
  });

  it("shrinks the table and clears the rows it no longer covers", async () => {
    const { wb, table } = await importedTable(lettered(3));
    await replaceTableRows(wb, table, data([["Z", 7]]));
    expect((await wb.listTables())[0].rect.rows).toBe(2);
    expect(await formulas(wb)).toEqual([1, 7, 7]);
    expect((await wb.readRange("Data", "A3:B4")).values).toEqual([
      ["", ""],
      ["", ""],
    ]);
  });

  it("a failure mid-way puts the old rows, size and formats back", async () => {
    const { wb: inner, table } = await importedTable(CHINA_AUSTRALIA);
    const before = await inner.readRange("Data", "A1:B3");
    const spy = spyWorkbook(inner, { failAtSync: 2, failMode: "before" });
    const rows: [string, number][] = Array.from({ length: 50 }, (_, i) => [`R${i}`, i]);
    const error = await replaceTableRows(spy, table, data(rows), { budgetBytes: 8 * 1024 }).catch((e) => e);
    expect(error).toBeInstanceOf(ReplaceError);
    expect(error.restored).toBe(true);
    expect(error.message).toMatch(/failed: Injected failure.*Table1" has its old 2 rows again/);
    expect((await inner.listTables())[0].rect).toEqual(table.rect);
    expect(await inner.readRange("Data", "A1:B3")).toEqual(before);
    expect((await inner.readRange("Data", "A4:B60")).values.flat().every((v) => v === "")).toBe(true);
    expect(await formulas(inner)).toEqual([2, 299000, 299000]);
  });

  it("a cancel after the first step leaves the old rows", async () => {
    const { wb, table } = await importedTable([["China", 270000]]);
    const controller = new AbortController();
    const spy = spyWorkbook(wb, { afterSync: () => controller.abort() });
    const error = await replaceTableRows(
      spy,
      table,
      data([
        ["X", 1],
        ["Y", 2],
      ]),
      { signal: controller.signal },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ReplaceError);
    expect(error.code).toBe("importCancelled");
    expect((await wb.readTable("Table1")).rows).toEqual([["China", 270000]]);
    expect(await formulas(wb)).toEqual([1, 270000, 270000]);
  });

  it("refuses to grow over cells below the table that hold data, changing nothing", async () => {
    const { wb, table } = await importedTable([["China", 270000]]);
    await wb.writeValues("Data", { row: 3, col: 1 }, [["note"]]);
    await expect(replaceTableRows(wb, table, data(lettered(3)))).rejects.toThrow(
      /grow over sheet row 4, which holds data/,
    );
    expect((await wb.readTable("Table1")).rows).toEqual([["China", 270000]]);
    expect((await wb.readRange("Data", "B4")).values).toEqual([["note"]]);
  });

  it("where the host cannot resize tables (Excel before ExcelApi 1.13) it says so and writes nothing", async () => {
    const { wb, table } = await importedTable([["China", 270000]]);
    const old = Object.assign(Object.create(Object.getPrototypeOf(wb)), wb, { tableResizeSupported: () => false });
    await expect(replaceTableRows(old, table, data([["A", 1]]))).rejects.toThrow(/ExcelApi 1\.13/);
    expect((await wb.readTable("Table1")).rows).toEqual([["China", 270000]]);
  });
});

describe("replaceTableRows snapshot", () => {
  it("reads fewer rows at a time when Excel refuses a response for its size", async () => {
    const { wb, table } = await importedTable(lettered(4));
    const read = wb.readRange.bind(wb);
    const sizes: number[] = [];
    wb.readRange = async (sheet, range) => {
      const rows = typeof range === "string" ? 0 : range.rows;
      sizes.push(rows);
      if (rows > 1) throw Object.assign(new Error("Response too large"), { code: "ResponsePayloadSizeLimitExceeded" });
      return read(sheet, range);
    };
    await replaceTableRows(wb, table, data([["X", 9]]));
    expect(sizes).toEqual([4, 2, 1, 1, 1, 1]);
    expect((await wb.readTable("Table1")).rows).toEqual([["X", 9]]);
  });
});
