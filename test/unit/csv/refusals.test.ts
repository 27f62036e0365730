/** Each refusal rule: the file is refused before anything is written, naming what and where. */
import { analyse, EXCEL_MAX_CELL_CHARS, importCsv, importCsvSync, isRefusal } from "../../../src/csv";
import { imported, refused, utf8 } from "./support";

describe("refusals", () => {
  it("an empty file: no bytes, no characters, or a byte order mark alone", () => {
    const empty = { ok: false, code: "empty", message: "The file is empty." };
    expect(importCsvSync(new Uint8Array())).toEqual(empty);
    expect(importCsvSync("")).toEqual(empty);
    expect(importCsvSync(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual(empty);
    expect(importCsvSync("sep=;\n")).toEqual(empty);
  });

  it("a file of blank rows only", () => {
    expect(refused(",,,\r\n,,,\r\n\r\n")).toMatchObject({
      code: "empty",
      message: "The file has no data: all 3 rows are blank.",
    });
    expect(refused(",")).toMatchObject({ message: "The file has no data: its only row is blank." });
    expect(refused("a,b\n", { skipRows: 1 })).toMatchObject({
      code: "empty",
      message: "The file has no data after the row you chose to skip.",
    });
  });

  it("a binary file (NUL byte), naming common mistakes such as a workbook", () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(refused(xlsx)).toEqual({
      ok: false,
      code: "binary",
      message:
        "This is not a text file (it looks like a zip file, such as an Excel workbook (.xlsx)): it contains a NUL byte on line 1, character 6. Save it as CSV and import that.",
      line: 1,
      column: 6,
    });
    expect(refused("a,b\r\nc,d\r\ne,\0f")).toMatchObject({ code: "binary", line: 3, column: 3 });
  });

  it("an unclosed quote: row, column and the line where the quote opens", () => {
    expect(refused('a,b\n1,2\n3,"x\n4,5\n')).toEqual({
      ok: false,
      code: "unclosedQuote",
      message: "Row 3 has an unclosed quote (line 3, column 2 (B)): the quoted text runs to the end of the file.",
      row: 3,
      column: 2,
      line: 3,
    });
    // Row 2 spans lines 2-3, so row 3 is on line 4.
    expect(refused('a,b\n"x\ny",1\n2,"open\n')).toMatchObject({ row: 3, column: 2, line: 4 });
    // The sep line is line 1 but not a row.
    expect(refused('sep=;\na;b\n"x\n')).toMatchObject({
      row: 2,
      column: 1,
      line: 3,
      message: expect.stringMatching(/^Row 2 has an unclosed quote \(line 3/),
    });
  });

  it("more rows than a sheet holds, counting the header row", () => {
    const header = "a\n";
    const fits = header + "1\n".repeat(1_048_575);
    // analyse() walks the same pass as the import without storing values: quicker for the big cases.
    expect(analyse(fits, { hasHeader: true })).toMatchObject({ ok: true, rowCount: 1_048_575 });
    const tooMany = fits + "1\n";
    expect(refused(tooMany, { hasHeader: true })).toEqual({
      ok: false,
      code: "tooManyRows",
      message:
        "The file has more rows than an Excel sheet holds (1,048,576, counting the header row): row 1,048,577 (line 1,048,577) would not fit.",
      row: 1_048_577,
      line: 1_048_577,
    });
    // Without a header every record is a data row: 1,048,576 fit, one more does not.
    expect(analyse(fits, { hasHeader: false })).toMatchObject({ ok: true, rowCount: 1_048_576 });
    expect(refused(tooMany, { hasHeader: false }).message).toBe(
      "The file has more rows than an Excel sheet holds (1,048,576): row 1,048,577 (line 1,048,577) would not fit.",
    );
  });

  it("more columns than a sheet has (16,385), unless the extra ones are empty", () => {
    const names = (n: number): string => Array.from({ length: n }, (_, i) => `c${i + 1}`).join(",");
    expect(refused(`${names(16_385)}\n1\n`)).toEqual({
      ok: false,
      code: "tooManyColumns",
      message: "Row 1 has data in column 16,385 (line 1); an Excel sheet has at most 16,384 columns.",
      row: 1,
      column: 16_385,
      line: 1,
    });
    expect(imported(`${names(16_384)}\n1\n`).columns.length).toBe(16_384);
    const trailingEmpty = imported(`${names(16_384)}${",".repeat(5000)}\n1\n`);
    expect(trailingEmpty.columns.length).toBe(16_384);
    expect(trailingEmpty.dropped.columns).toEqual({ count: 5000, from: 16_385, to: 21_384 });
    // A data row past the limit, in a file whose header fits.
    expect(refused(`a,b\n1,2\n${",".repeat(16_384)}x\n`)).toMatchObject({
      code: "tooManyColumns",
      row: 3,
      column: 16_385,
      line: 3,
    });
  });

  it("a cell over 32,767 characters (a 10 MB field), with row, column and line", () => {
    const big = "x".repeat(10 * 1024 * 1024 + 1);
    expect(refused(`a,b\n1,"${big}"\n`)).toEqual({
      ok: false,
      code: "cellTooLong",
      message: "Row 2, column 2 (B) has 10,485,761 characters (line 2); an Excel cell holds at most 32,767.",
      row: 2,
      column: 2,
      line: 2,
    });
    expect(refused(`${big}\n1\n`)).toMatchObject({ code: "cellTooLong", row: 1, column: 1 });
  });

  it("counts a cell's characters after undoing doubled quotes", () => {
    const max = EXCEL_MAX_CELL_CHARS;
    expect(imported(`a\n${"x".repeat(max)}\n`).columns[0].values.get(0)).toHaveLength(max);
    expect(refused(`a\n${"x".repeat(max + 1)}\n`)).toMatchObject({ code: "cellTooLong" });
    const quoted = `"${'""'.repeat(max)}"`; // 65,534 raw characters, 32,767 quotes once decoded
    expect(imported(`a\n${quoted}\n`).columns[0].values.get(0)).toHaveLength(max);
  });

  it("a refusal late in the file still refuses the whole file", () => {
    const text = "a,b\n" + "1,2\n".repeat(50_000) + '3,"never closed\n';
    expect(refused(text)).toMatchObject({ code: "unclosedQuote", row: 50_002 });
  });

  it("cancelled through the signal", async () => {
    const before = new AbortController();
    before.abort();
    expect(await importCsv("a\n1\n", {}, { signal: before.signal })).toEqual({
      ok: false,
      code: "cancelled",
      message: "The import was cancelled.",
    });

    const during = new AbortController();
    const text = "a,b\n" + "1,2\n".repeat(200_000);
    const r = await importCsv(text, {}, { signal: during.signal, sliceMs: 0, onProgress: () => during.abort() });
    expect(isRefusal(r) && r.code).toBe("cancelled");
  });

  it("refusals name no problem for good input", () => {
    expect(isRefusal(importCsvSync(utf8("a\n1\n")))).toBe(false);
  });
});
