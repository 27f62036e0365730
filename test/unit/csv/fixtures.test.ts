/**
 * Every CSV in test/fixtures/csv (csvkit and csvlint examples, MIT) either imports with
 * the values asserted here or is refused with the message asserted here. A fixture added
 * without an expectation fails the last test.
 */
import * as fs from "fs";
import * as path from "path";
import { excelSerial, ImportResult, importCsvSync, isRefusal } from "../../../src/csv";
import { FIXTURES_DIR, imported, readBytes, rowsOf } from "./support";

const file = (name: string): Uint8Array => readBytes(path.join(FIXTURES_DIR, name));
const load = (name: string): ImportResult => imported(file(name));
const tested = new Set<string>();
const fixture = (name: string): string => (tested.add(name), name);

describe("csvkit fixtures", () => {
  it("bad.csv: ragged rows reported by number; padded by default, skipped on request", () => {
    const name = fixture("csvkit/bad.csv");
    const r = load(name);
    expect(r.headers).toEqual(["column_a", "column_b", "column_c", ""]);
    expect(r.ragged.count).toBe(2);
    expect(r.ragged.rows).toEqual([
      { row: 2, line: 2, fields: 4 },
      { row: 3, line: 3, fields: 2 },
    ]);
    expect(rowsOf(r)).toEqual([
      [1, "27", null, "I'm too long!"],
      [null, "I'm too short!", null, null],
      [0, "mixed types.... uh oh", 17, null],
    ]);
    expect(r.warnings.find((w) => w.code === "raggedRows")?.message).toBe(
      "2 rows do not have the header's 3 fields (rows 2, 3); they were padded with blank cells.",
    );

    const skipped = imported(file(name), { ragged: "skip" });
    expect(skipped.headers).toEqual(["column_a", "column_b", "column_c"]);
    expect(rowsOf(skipped)).toEqual([[0, "mixed types.... uh oh", 17]]);
    expect(skipped.dropped.raggedRows).toEqual({ count: 2, rows: [2, 3] });
  });

  it("blanks.csv: an empty cell is blank; lone NA-like markers in text columns stay as written", () => {
    const r = load(fixture("csvkit/blanks.csv"));
    expect(r.headers).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(rowsOf(r)).toEqual([[null, "NA", "N/A", "NONE", "NULL", "."]]);
    expect(r.columns.map((c) => c.type)).toEqual(["text", "text", "text", "text", "text", "text"]);
  });

  it("date_like_number.csv: 4.5 is a number, not a date", () => {
    const r = load(fixture("csvkit/date_like_number.csv"));
    expect(rowsOf(r)).toEqual([[4.5]]);
    expect(r.columns[0].type).toBe("number");
  });

  it("dummy.tsv: tab-delimited", () => {
    const r = load(fixture("csvkit/dummy.tsv"));
    expect(r.delimiter).toBe("\t");
    expect(rowsOf(r)).toEqual([[1, 2, 3]]);
  });

  it("mac_newlines.csv: lone CR ends records; a CR inside quotes is kept", () => {
    const r = load(fixture("csvkit/mac_newlines.csv"));
    expect(r.headers).toEqual(["a", "b", "c"]);
    expect(rowsOf(r)).toEqual([
      ["1", 2, 3],
      ["Once upon\ra time", 5, 6],
    ]);
  });

  it("null_byte.csv: refused as binary, saying where", () => {
    const r = importCsvSync(file(fixture("csvkit/null_byte.csv")));
    expect(r).toEqual({
      ok: false,
      code: "binary",
      message:
        "This is not a text file: it contains a NUL byte on line 2, character 1. Save it as CSV and import that.",
      line: 2,
      column: 1,
    });
  });

  it("sniff_limit.csv: semicolon detected", () => {
    const r = load(fixture("csvkit/sniff_limit.csv"));
    expect([r.delimiter, r.delimiterSource]).toEqual([";", "detected"]);
    expect(rowsOf(r)).toEqual([[1, 2, 3]]);
  });

  it("test_date_format.csv: 31/12/2012 settles day/month order; dates become serials", () => {
    const r = load(fixture("csvkit/test_date_format.csv"));
    expect(r.columns[0]).toMatchObject({
      type: "date",
      dateOrder: "dmy",
      dateOrderAmbiguous: false,
      numberFormat: "yyyy-mm-dd",
    });
    expect(rowsOf(r)).toEqual([[excelSerial(2014, 1, 2)], [excelSerial(2012, 12, 31)]]);
  });

  it("test_empty_columns.csv: blank rows and nameless empty trailing columns dropped", () => {
    const r = load(fixture("csvkit/test_empty_columns.csv"));
    expect(r.headers).toEqual(["a", "b", "c"]);
    expect(rowsOf(r)).toEqual([
      ["a", null, null],
      [null, null, "c"],
    ]);
    expect(r.dropped.blankRows).toEqual({ count: 1, rows: [4] });
    expect(r.dropped.columns).toEqual({ count: 2, from: 4, to: 5 });
    expect(r.ragged.count).toBe(0);
  });

  it("test_empty_columns_long_row.csv and _short_row.csv: only a blank row, so a header and no data", () => {
    for (const name of ["csvkit/test_empty_columns_long_row.csv", "csvkit/test_empty_columns_short_row.csv"]) {
      const r = load(fixture(name));
      expect(r.headers).toEqual(["a", "b", "c"]);
      expect(r.rowCount).toBe(0);
      expect(r.dropped.blankRows).toEqual({ count: 1, rows: [2] });
    }
  });

  it("test_header_newline.csv: a quoted header keeps its line breaks and control characters", () => {
    const r = load(fixture("csvkit/test_header_newline.csv"));
    expect(r.headers).toEqual(["\t\n\u000b\f\r start \t\n\u000b\f\r end \t\n\u000b\f\r", "b", "c"]);
    expect(rowsOf(r)).toEqual([["d", "e", "f"]]);
  });

  it("test_latin1.csv: not UTF-8, read as Windows-1252 and said so", () => {
    const r = load(fixture("csvkit/test_latin1.csv"));
    expect(r.encoding).toBe("windows-1252");
    expect(r.encodingNote).toBe(
      "Read as Windows-1252 (Western European) because the file is not valid UTF-8 (byte 0xA9 at offset 16).",
    );
    expect(r.warnings[0]).toEqual({ code: "encoding", message: r.encodingNote });
    expect(rowsOf(r)).toEqual([
      [1, 2, "3"],
      [4, 5, "©"],
    ]);
  });

  it("test_locale.csv: with a comma delimiter, 1,7 and 200.000.000 are not numbers", () => {
    const r = load(fixture("csvkit/test_locale.csv"));
    expect(rowsOf(r)).toEqual([["1,7", "200.000.000", null]]);
    expect(r.columns.map((c) => c.numberFormat)).toEqual(["@", "@", "@"]);
  });

  it("test_no_leading_zeroes.csv: 01 and 00.11 stay text, 0.1 is a number", () => {
    const r = load(fixture("csvkit/test_no_leading_zeroes.csv"));
    expect(rowsOf(r)).toEqual([["01", "00.11", 0.1]]);
  });

  it("test_numeric_date_format.csv: 20140102 is a number", () => {
    expect(rowsOf(load(fixture("csvkit/test_numeric_date_format.csv")))).toEqual([[20140102], [20121231]]);
  });

  it("test_precision.csv: no trailing newline, full precision", () => {
    expect(rowsOf(load(fixture("csvkit/test_precision.csv")))).toEqual([[1.234567]]);
  });

  it("test_skip_lines.csv: leading blank lines dropped, the header is the first non-blank row", () => {
    const r = load(fixture("csvkit/test_skip_lines.csv"));
    expect(r.headers).toEqual(["a", "b", "c"]);
    expect(rowsOf(r)).toEqual([[1, 2, 3]]);
    expect(r.dropped.blankRows).toEqual({ count: 3, rows: [1, 2, 3] });
  });

  it.each([
    ["csvkit/test_utf16_big.csv", "utf-16be", ["a", "b", "c"]],
    ["csvkit/test_utf16_little.csv", "utf-16le", ["a", "b", "c"]],
    ["csvkit/test_utf8.csv", "utf-8", ["foo", "bar", "baz"]],
    ["csvkit/test_utf8_bom.csv", "utf-8", ["foo", "bar", "baz"]],
  ])("%s: %s, ʤ read correctly", (name, encoding, headers) => {
    const r = load(fixture(name));
    expect(r.encoding).toBe(encoding);
    expect(r.headers).toEqual(headers);
    expect(rowsOf(r)).toEqual([
      [1, 2, "3"],
      [4, 5, "ʤ"],
    ]);
  });
});

describe("csvlint fixtures", () => {
  const fooRows = [
    ["Biff", "Baff", "Boff"],
    ["Qux", "Teaspoon", "Doge"],
  ];

  it.each([
    ["csvlint/cr-line-endings.csv", ["Foo", "Bar", "Baz"]],
    ["csvlint/crlf-line-endings.csv", ["Foo", "Bsr", "Baz"]],
    ["csvlint/lf-line-endings.csv", ["Foo", "Bsr", "Baz"]],
    ["csvlint/inconsistent-line-endings.csv", ["Foo", "Bsr", "Baz"]],
    ["csvlint/inconsistent-line-endings-unquoted.csv", ["Foo", "Bsr", "Baz"]],
  ])("%s: any line ending, or a mix, reads the same", (name, headers) => {
    const r = load(fixture(name));
    expect(r.headers).toEqual(headers);
    expect(rowsOf(r)).toEqual(fooRows);
    expect(r.warnings).toEqual([]);
  });

  it("invalid-byte-sequence.csv: Windows-1252, m/d/y dates, codes stay text, one empty column dropped", () => {
    const r = load(fixture("csvlint/invalid-byte-sequence.csv"));
    expect(r.encoding).toBe("windows-1252");
    expect(r.headers).toEqual([
      "Data",
      "Dependencia Origem",
      "Histórico",
      "Data do Balancete",
      "Número do documento",
      "Valor",
    ]);
    expect(r.columns.map((c) => c.type)).toEqual(["date", "text", "text", "text", "number", "number"]);
    expect(r.columns[0].dateOrder).toBe("mdy");
    const rows = rowsOf(r);
    expect(rows[0]).toEqual([excelSerial(2012, 10, 31), null, "Saldo Anterior", null, 0, 100]);
    expect(rows[1]).toEqual([
      excelSerial(2012, 11, 1),
      "0000-9",
      "Transferência on line - 01/11 4885     256620-6 XXXXXXXXXXXXX",
      null,
      224885000256620,
      100,
    ]);
    expect(r.dropped.columns).toEqual({ count: 1, from: 7, to: 7 });
    expect(r.rowCount).toBe(rows.length);
    expect(rows.every((row) => typeof row[5] === "number")).toBe(true);
  });

  it("title-row.csv: warned that row 1 looks like a title; skipRows: 1 fixes it", () => {
    const name = fixture("csvlint/title-row.csv");
    const r = load(name);
    expect(r.headers).toEqual(["This is a title row", "", ""]);
    expect(r.warnings.map((w) => w.code)).toEqual(["titleRow"]);
    expect(r.warnings[0].message).toBe(
      'The header row has a single name while the data has 3 values a row: it may be a title. If so, choose "Skip the title row (row 1)" so the next row gives the column names.',
    );
    const fixed = imported(file(name), { skipRows: 1 });
    expect(fixed.headers).toEqual(["Foo", "Bsr", "Baz"]);
    expect(rowsOf(fixed)).toEqual(fooRows);
    expect(fixed.dropped.skippedRows).toBe(1);
  });

  it("valid.csv: quoted numbers are numbers", () => {
    const r = load(fixture("csvlint/valid.csv"));
    expect(r.headers).toEqual(["Foo", "Bar", "Baz"]);
    expect(rowsOf(r)).toEqual([
      [1, 2, 3],
      [3, 2, 1],
    ]);
  });

  it("windows-line-endings.csv: an all-text file keeps its first row as the header", () => {
    const r = load(fixture("csvlint/windows-line-endings.csv"));
    expect(r.headers).toEqual(["a", "b", "c"]);
    expect(rowsOf(r)).toEqual([["d", "e", "f"]]);
  });
});

describe("fixture coverage", () => {
  it("every fixture file has an expectation above", () => {
    const all = ["csvkit", "csvlint"].flatMap((dir) =>
      fs
        .readdirSync(path.join(FIXTURES_DIR, dir))
        .filter((f) => /\.(csv|tsv)$/.test(f))
        .map((f) => `${dir}/${f}`),
    );
    expect(all.length).toBeGreaterThan(30);
    expect(all.filter((f) => !tested.has(f))).toEqual([]);
    for (const f of all) {
      const r = importCsvSync(file(f));
      if (isRefusal(r)) expect(f).toBe("csvkit/null_byte.csv");
    }
  });
});
