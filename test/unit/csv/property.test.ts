/**
 * Round trips on arbitrary tables: written as CSV with proper quoting, then imported with
 * every column forced to text, the strings come back exactly. Also the record reader, slice
 * by slice, gives what one Papa.parse of the whole text gives, with any line break.
 */
import fc from "fast-check";
import Papa from "papaparse";
import { sliceRows } from "../../../src/csv";
import { RecordReader } from "../../../src/csv/records";
import { imported } from "./support";

/** Any text but NUL (that makes a binary file), biased towards the characters CSV must escape. */
const cellText = fc
  .array(
    fc.oneof(
      fc.constantFrom(",", '"', "\n", "\r", "\r\n", ";", "\t", " ", "=", "-", "0", "\u00a0", "é", "😀"),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join("").replace(/\0/g, ""));

/** Rectangular tables whose first column is never empty, so no row is blank. */
const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.array(
    fc
      .tuple(
        cellText.filter((s) => s.length > 0),
        fc.array(cellText, { minLength: width - 1, maxLength: width - 1 }),
      )
      .map(([first, rest]) => [first, ...rest]),
    { minLength: 1, maxLength: 8 },
  ),
);

function toCsv(rows: string[][], delimiter: string, quoteAll: boolean, lineBreak: string | string[] = "\r\n"): string {
  const quote = (s: string, r: number, c: number): string => {
    const needs =
      quoteAll ||
      s.includes(delimiter) ||
      /["\r\n]/.test(s) ||
      (r === 0 && c === 0 && (s.startsWith("\ufeff") || s.startsWith("sep="))) ||
      (s === "" && rows[r].length === 1);
    return needs ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const breakAfter = (r: number): string =>
    typeof lineBreak === "string" ? lineBreak : lineBreak[r % lineBreak.length];
  return rows
    .map((row, r) => row.map((s, c) => quote(s, r, c)).join(delimiter) + (r < rows.length - 1 ? breakAfter(r) : ""))
    .join("");
}

describe("round trip", () => {
  it("text columns come back exactly as written (blank cells as null)", () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(",", ";", "\t", "|"),
        fc.boolean(),
        fc.boolean(),
        (rows, delimiter, quoteAll, trailingNewline) => {
          const text = toCsv(rows, delimiter, quoteAll) + (trailingNewline ? "\n" : "");
          const r = imported(text, { delimiter, hasHeader: false, columns: new Array(5).fill("text") });
          // Trailing columns that are empty in every row are dropped, as the import promises.
          const width = Math.max(...rows.map((row) => row.reduce((w, s, i) => (s !== "" ? i + 1 : w), 0)));
          const expected = rows.map((row) => row.slice(0, width).map((s) => (s === "" ? null : s)));
          expect(sliceRows(r)).toEqual(expected);
          expect(r.ragged.count).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("with a header row, the names come back too", () => {
    fc.assert(
      fc.property(table, (rows) => {
        const header = rows[0].map((_, i) => `col ${i}, "${i}"`);
        const r = imported(toCsv([header, ...rows], ",", false), {
          delimiter: ",",
          hasHeader: true,
          columns: new Array(5).fill("text"),
        });
        expect(r.headers).toEqual(header);
        expect(r.rowCount).toBe(rows.length);
      }),
      { numRuns: 200 },
    );
  });

  it("CRLF, LF and lone CR in any mix end records, as in Excel; quoted values keep theirs", () => {
    const lineBreaks = fc.array(fc.constantFrom("\r\n", "\n", "\r"), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.boolean(), lineBreaks, fc.integer({ min: 1, max: 40 }), (rows, quoteAll, breaks, slice) => {
        const text = toCsv(rows, ",", quoteAll, breaks);
        const reader = new RecordReader(text, ",", 0, { sliceChars: slice });
        const ours: string[][] = [];
        while (reader.read((r) => (ours.push([...r.fields]), true)));
        expect(ours).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it("the record reader, in slices of any size, agrees with one Papa.parse of the whole text", () => {
    fc.assert(
      fc.property(
        table,
        fc.boolean(),
        fc.constantFrom("\r\n", "\n", "\r"),
        fc.integer({ min: 1, max: 40 }),
        (rows, quoteAll, lineBreak, slice) => {
          const text = toCsv(rows, ",", quoteAll, lineBreak);
          const reader = new RecordReader(text, ",", 0, { sliceChars: slice });
          const ours: string[][] = [];
          while (reader.read((r) => (ours.push([...r.fields]), true)));
          expect(ours).toEqual(rows);
          expect(ours).toEqual(
            Papa.parse<string[]>(text, { delimiter: ",", newline: lineBreak as "\r\n" | "\n" | "\r" }).data,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
