/** Typing rules, formula-like text, overrides, ragged rows and the async API. */
import { excelSerial, importCsv, importCsvSync, isRefusal, Progress, sliceRows, toImportData } from "../../../src/csv";
import type { ImportData } from "../../../src/workbook/write-plan";
import { column, imported, refused, rowsOf, utf8 } from "./support";

describe("numbers", () => {
  it("reads thousand separators and keeps them in the format", () => {
    const r = imported('item,qty,price\nA,"7,900",1.5\nB,"12,000",2.25\nC,800,3\n');
    expect(column(r, "qty")).toEqual([7900, 12000, 800]);
    expect(column(r, "price")).toEqual([1.5, 2.25, 3]);
    expect(r.columns.map((c) => c.numberFormat)).toEqual(["@", "#,##0", "General"]);
  });

  it("with ; as delimiter, a decimal comma: 3,5 is 3.5", () => {
    const r = imported("name;value;share\nA;3,5;12,5%\nB;1.234,5;7%\nC;-12;100%\n");
    expect(r.delimiter).toBe(";");
    expect(r.decimalSeparator).toBe(",");
    expect(column(r, "value")).toEqual([3.5, 1234.5, -12]);
    expect(column(r, "share")).toEqual([0.125, 0.07, 1]);
    expect(r.columns.map((c) => c.numberFormat)).toEqual(["@", "#,##0.0", "0.0%"]);
  });

  it("the decimal separator can be chosen", () => {
    const r = imported("a;b\n3.5;1\n", { decimalSeparator: "." });
    expect(rowsOf(r)).toEqual([[3.5, 1]]);
  });

  it("negative numbers are numbers, not formula-like text", () => {
    const r = imported("delta\n-12\n-0.5\n3\n");
    expect(column(r, "delta")).toEqual([-12, -0.5, 3]);
    expect(r.textCells).toEqual([]);
  });

  it("codes with leading zeros keep the whole column as text", () => {
    const r = imported("zip,n\n08123,1\n10001,2\n");
    expect(column(r, "zip")).toEqual(["08123", "10001"]);
    expect(r.columns[0]).toMatchObject({ type: "text", numberFormat: "@" });
  });

  it("integers of 2^53 or more, or more than 15 digits, stay text exactly as written", () => {
    const r = imported("id,n\n9007199254740993,1\n12345678901234567890,2\n");
    expect(column(r, "id")).toEqual(["9007199254740993", "12345678901234567890"]);
    expect(imported("id\n9007199254740992\n").columns[0].values.get(0)).toBe("9007199254740992");
    expect(imported("id\n123456789012345\n").columns[0].values.get(0)).toBe(123456789012345);
  });

  it("NA, N/A and #N/A in a number column are kept as written and counted", () => {
    const r = imported("n\n1\nNA\n\nN/A\n#N/A\n2\n");
    expect(r.columns[0].type).toBe("number");
    expect(column(r, "n")).toEqual([1, "NA", "N/A", "#N/A", 2]); // the empty line is a blank row, left out
    expect(r.columns[0].textCount).toBe(3);
  });
});

describe("percent, date and boolean columns", () => {
  it("percents become fractions with a percent format", () => {
    const r = imported("share\n80%\n5%\n100%\n");
    expect(column(r, "share")).toEqual([0.8, 0.05, 1]);
    expect(r.columns[0]).toMatchObject({ type: "percent", numberFormat: "0%" });
  });

  it("ISO dates become serials with a yyyy-mm-dd format", () => {
    const r = imported("day\n2024-01-01\n2023-12-31\n");
    expect(column(r, "day")).toEqual([45292, 45291]);
    expect(r.columns[0]).toMatchObject({ type: "date", numberFormat: "yyyy-mm-dd", dateOrderAmbiguous: false });
  });

  it("d/m/y is found when a day is over 12", () => {
    const r = imported("day\n03/04/2024\n25/12/2024\n");
    expect(r.columns[0]).toMatchObject({ type: "date", dateOrder: "dmy", dateOrderAmbiguous: false });
    expect(column(r, "day")).toEqual([excelSerial(2024, 4, 3), excelSerial(2024, 12, 25)]);
  });

  it("m/d/y is found when a month position is over 12", () => {
    const r = imported("day\n03/04/2024\n12/25/2024\n");
    expect(r.columns[0]).toMatchObject({ dateOrder: "mdy" });
    expect(column(r, "day")).toEqual([excelSerial(2024, 3, 4), excelSerial(2024, 12, 25)]);
  });

  it("ambiguous dates are read month/day by default, with a warning; the order can be chosen", () => {
    const text = "day\n03/04/2024\n05/06/2024\n";
    const r = imported(text);
    expect(r.columns[0]).toMatchObject({ type: "date", dateOrder: "mdy", dateOrderAmbiguous: true });
    expect(column(r, "day")).toEqual([excelSerial(2024, 3, 4), excelSerial(2024, 5, 6)]);
    expect(r.warnings.find((w) => w.code === "ambiguousDates")?.message).toBe(
      'Dates in column 1 (A) "day" were read as month/day/year: every value fits both day/month and month/day. Choose the order if that is wrong.',
    );
    const dmy = imported(text, { dateOrder: "dmy" });
    expect(column(dmy, "day")).toEqual([excelSerial(2024, 4, 3), excelSerial(2024, 6, 5)]);
    expect(dmy.warnings).toEqual([]);
    const perColumn = imported(text, { columns: [{ type: "date", dateOrder: "dmy" }] });
    expect(column(perColumn, "day")).toEqual([excelSerial(2024, 4, 3), excelSerial(2024, 6, 5)]);
  });

  it("a chosen order that the data contradicts leaves the column as text", () => {
    const r = imported("day\n25/12/2024\n", { dateOrder: "mdy" });
    expect(r.columns[0].type).toBe("text");
  });

  it("booleans: TRUE/FALSE in any case; yes/no stay text", () => {
    const r = imported("ok,answer\nTRUE,yes\nfalse,no\nTrue,yes\n");
    expect(column(r, "ok")).toEqual([true, false, true]);
    expect(column(r, "answer")).toEqual(["yes", "no", "yes"]);
    expect(r.columns.map((c) => c.numberFormat)).toEqual(["General", "@"]);
  });

  it("text stays text: >95, E, XX", () => {
    const r = imported("a,b,c\n>95,E,XX\n");
    expect(rowsOf(r)).toEqual([[">95", "E", "XX"]]);
    expect(r.columns.map((c) => c.type)).toEqual(["text", "text", "text"]);
  });
});

describe("text Excel would read as a formula", () => {
  it("flags each such text cell; numbers starting with - are not flagged", () => {
    const r = imported('label,n\n"=cmd|\' /C calc\'!A0",-12\n+1,1\n-x,2\n@SUM(A1),3\n"\tfoo",4\n"\rfoo",5\nplain,6\n');
    expect(column(r, "label")).toEqual(["=cmd|' /C calc'!A0", "+1", "-x", "@SUM(A1)", "\tfoo", "\rfoo", "plain"]);
    expect(column(r, "n")).toEqual([-12, 1, 2, 3, 4, 5, 6]);
    expect(r.textCells).toEqual([0, 1, 2, 3, 4, 5].map((row) => ({ row, column: 0, reason: "formula" })));
    expect(r.columns[0].numberFormat).toBe("@");
    expect(r.headerNumberFormat).toBe("@");
  });

  it("text left in a typed column is flagged too, as mixed or formula", () => {
    const body = Array.from({ length: 30 }, (_, i) => `${i}`).join("\n");
    const r = imported(`n\n${body}\nabc\n=1+1\n`, { sampleRows: 10 });
    expect(r.columns[0]).toMatchObject({ type: "number", textCount: 2 });
    expect(column(r, "n").slice(-3)).toEqual([29, "abc", "=1+1"]);
    expect(r.textCells).toEqual([
      { row: 30, column: 0, reason: "mixed" },
      { row: 31, column: 0, reason: "formula" },
    ]);
    expect(r.warnings.find((w) => w.code === "mixedColumn")).toEqual({
      code: "mixedColumn",
      column: 1,
      rows: [32, 33],
      message: 'column 1 (A) "n" holds numbers, but 2 cells do not (rows 32, 33): kept as text.',
    });
  });
});

describe("header, overrides and missing markers", () => {
  it("detects a header: all-number first rows are data", () => {
    const r = imported("1,2,3\n4,5,6\n");
    expect([r.hasHeader, r.headerSource]).toEqual([false, "detected"]);
    expect(r.headers).toEqual(["", "", ""]);
    expect(rowsOf(r)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(imported("a,b\n1,2\n").hasHeader).toBe(true);
  });

  it("the header option overrides detection", () => {
    const r = imported("a,b\n1,2\n", { hasHeader: false });
    expect(rowsOf(r)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(r.columns.map((c) => c.type)).toEqual(["text", "text"]);
  });

  it("a column forced to text keeps what the file says", () => {
    const r = imported('qty,code\n"7,900",1\n', { columns: ["text", "number"] });
    expect(rowsOf(r)).toEqual([["7,900", 1]]);
    expect(r.columns.map((c) => [c.type, c.detectedType, c.numberFormat])).toEqual([
      ["text", "number", "@"],
      ["number", "number", "General"],
    ]);
  });

  it("a text column forced to numbers keeps what does not fit as text, flagged", () => {
    const r = imported("zip\n08123\n10001\n", { columns: ["number"] });
    expect(column(r, "zip")).toEqual(["08123", 10001]);
    expect(r.textCells).toEqual([{ row: 0, column: 0, reason: "mixed" }]);
  });

  it("NA stays as written in a text column (it is also Namibia's code)", () => {
    const r = imported("country,code\nNamibia,NA\nNorway,NO\n");
    expect(column(r, "code")).toEqual(["NA", "NO"]);
  });

  it("a sep= line sets the delimiter and is not data", () => {
    const r = imported("sep=|\r\nname|qty\r\nA|7,900\r\n");
    expect([r.delimiter, r.delimiterSource, r.sepLine]).toEqual(["|", "sepLine", true]);
    expect(r.headers).toEqual(["name", "qty"]);
    expect(rowsOf(r)).toEqual([["A", 7900]]);
  });
});

describe("quotes papaparse reads differently from Excel", () => {
  it("a stray quote in a quoted value: read on to the next quote that ends a value, and warned about", () => {
    const r = imported('id,note\n1,"He said "hi" to me"\n2,ok\n3,"a "b" c"\n');
    expect(column(r, "note")).toEqual(['He said "hi" to me', "ok", 'a "b" c']);
    expect(r.warnings.find((w) => w.code === "strayQuotes")).toEqual({
      code: "strayQuotes",
      rows: [2, 4],
      message:
        "2 rows have a stray quote in a quoted value (rows 2, 4; the first on line 2, column 2 (B)): " +
        "each value was read on to the next quote that ends a value. Check those rows.",
    });
    expect(imported('a,b\n"x"y,1\n"z",2\n').warnings.map((w) => w.message)).toContain(
      "Row 2 has a stray quote in a quoted value (line 2, column 1 (A)): the value was read on to the next quote that ends a value. Check that row.",
    );
  });

  it("text after a closing quote with no quote after it to end the value is an unclosed quote (Excel keeps the text)", () => {
    expect(refused('a,b\n1,"x"y\n2,3\n')).toMatchObject({ code: "unclosedQuote", row: 2, column: 2, line: 2 });
  });
});

describe("ragged rows", () => {
  const text = "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12,\n";

  it("lists rows with too few fields or data past the header; a trailing empty field is fine", () => {
    const r = imported(text);
    expect(r.ragged).toEqual({
      count: 2,
      rows: [
        { row: 3, line: 3, fields: 2 },
        { row: 4, line: 4, fields: 4 },
      ],
      minFields: 3,
      expectedFields: 3,
      action: "pad",
    });
    expect(r.headers).toEqual(["a", "b", "c", ""]);
    expect(rowsOf(r)).toEqual([
      [1, 2, 3, null],
      [4, 5, null, null],
      [6, 7, 8, 9], // the type sample saw the extra column: numbers
      [10, 11, 12, null],
    ]);
  });

  it("skip leaves them out and reports them as dropped", () => {
    const r = imported(text, { ragged: "skip" });
    expect(rowsOf(r)).toEqual([
      [1, 2, 3],
      [10, 11, 12],
    ]);
    expect(r.dropped.raggedRows).toEqual({ count: 2, rows: [3, 4] });
    expect(r.warnings.find((w) => w.code === "raggedRows")?.message).toBe(
      "2 rows do not have the header's 3 fields (rows 3, 4); they were left out.",
    );
  });

  it("keeps complete counts and the first 1,000 rows of long lists", () => {
    const r = imported("a,b\n" + "1\n".repeat(1500) + "\n".repeat(1200));
    expect(r.ragged.count).toBe(1500);
    expect(r.ragged.rows).toHaveLength(1000);
    expect(r.dropped.blankRows.count).toBe(1200);
    expect(r.dropped.blankRows.rows).toHaveLength(1000);
    expect(r.warnings.find((w) => w.code === "raggedRows")?.message).toMatch(
      /^1,500 rows do not .* \(rows 2, 3, 4, 5, 6 and 1,495 more\)/,
    );
  });
});

describe("importCsv (async)", () => {
  const big =
    "id,value,when\n" +
    Array.from(
      { length: 60_000 },
      (_, i) => `${i},"${(i * 1000).toLocaleString("en-US")}",2024-01-${String((i % 28) + 1).padStart(2, "0")}`,
    ).join("\n");

  it("reports progress in slices and gives the same result as the sync import", async () => {
    const seen: Progress[] = [];
    const bytes = utf8(big);
    const r = await importCsv(bytes, {}, { sliceMs: 0, onProgress: (p) => seen.push(p) });
    if (isRefusal(r)) throw new Error(r.message);
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i].rowsParsed).toBeGreaterThanOrEqual(seen[i - 1].rowsParsed);
    expect(seen[seen.length - 1]).toEqual({
      rowsParsed: 60_001,
      bytesParsed: bytes.length,
      totalBytes: bytes.length,
      fraction: 1,
    });
    const sync = importCsvSync(big);
    if (isRefusal(sync)) throw new Error(sync.message);
    expect(r.rowCount).toBe(60_000);
    expect(sliceRows(r, 59_998)).toEqual(sliceRows(sync, 59_998));
    expect(sliceRows(r, 1000, 1001)).toEqual([[1000, 1_000_000, excelSerial(2024, 1, 21)]]);
    expect(r.columns.map((c) => c.numberFormat)).toEqual(["General", "#,##0", "yyyy-mm-dd"]);
  });

  it("yields to the event loop while it works", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await importCsv(big, {}, { sliceMs: 1 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it("names the sheet from the file name", async () => {
    const r = await importCsv("a\n1\n", {
      fileName: "C:\\data\\mcs2024-raree_world.csv",
      existingSheetNames: ["MCS2024-RAREE_WORLD"],
    });
    expect(!isRefusal(r) && r.sheetName).toBe("mcs2024-raree_world (2)");
  });
});

describe("toImportData", () => {
  it("hands over headers, rows, one format per column and [row, column] text cells", () => {
    const r = imported('code,qty,note\n08123,"7,900",=x\n00001,5,ok\n');
    const data: ImportData = toImportData(r); // tsc checks the shapes still agree
    expect(data).toEqual({
      headers: ["code", "qty", "note"],
      rows: [
        ["08123", 7900, "=x"],
        ["00001", 5, "ok"],
      ],
      columnFormats: ["@", "#,##0", "@"],
      textCells: [[0, 2]],
    });
  });
});
