/** Sentences for what an import wrote and what it dropped (pure; unit-tested). */
import type { CsvLayout, CsvWarning } from "../src/csv";
import { columnLetters } from "../src/excel/a1";
import { tableHeaderNames } from "../src/excel/table-headers";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

function listRows(rows: readonly number[], count: number): string {
  const shown = rows.slice(0, 10).join(", ");
  return count > rows.slice(0, 10).length ? `${shown}, …` : shown;
}

/** "row 4" or "rows 4, 9". */
const rowsRef = (rows: readonly number[], count: number) => `${count === 1 ? "row" : "rows"} ${listRows(rows, count)}`;

/** Warnings about how columns were read that the summary repeats: cells kept as text, decimal readings, percentages, currency. */
const SUMMARY_CODES = new Set<CsvWarning["code"]>([
  "mixedColumn",
  "ambiguousDecimal",
  "mixedSeparators",
  "percentsAsFractions",
  "currency",
  "outOfRange",
]);

export function columnLines(layout: Pick<CsvLayout, "warnings">): string[] {
  return layout.warnings.filter((w) => SUMMARY_CODES.has(w.code)).map((w) => w.message);
}

export function droppedLines(layout: Pick<CsvLayout, "dropped">): string[] {
  const { dropped } = layout;
  const lines: string[] = [];
  if (dropped.columns.count > 0)
    lines.push(
      `Dropped ${plural(dropped.columns.count, "blank trailing column")} (file columns ${columnLetters(dropped.columns.from)}–${columnLetters(dropped.columns.to)}).`,
    );
  if (dropped.blankRows.count > 0)
    lines.push(
      `Dropped ${plural(dropped.blankRows.count, "blank row")} (${rowsRef(dropped.blankRows.rows, dropped.blankRows.count)}).`,
    );
  if (dropped.raggedRows.count > 0)
    lines.push(
      `Skipped ${plural(dropped.raggedRows.count, "ragged row")} (${rowsRef(dropped.raggedRows.rows, dropped.raggedRows.count)}).`,
    );
  if (dropped.skippedRows > 0) lines.push(`Skipped ${plural(dropped.skippedRows, "row")} before the header.`);
  return lines;
}

/**
 * Header names Excel changes when it makes the table (blank or repeated names must become
 * unique), with old and new names: "Renamed 2 headers so each is unique, as a table needs:
 * "a" (column B) is "a2", the blank header of column C is "Column3"."
 */
export function renamedLines(layout: Pick<CsvLayout, "hasHeader" | "headers">): string[] {
  if (!layout.hasHeader) return [];
  const names = tableHeaderNames(layout.headers);
  const changes = layout.headers.flatMap((old, c) =>
    names[c] === old
      ? []
      : [
          old === ""
            ? `the blank header of column ${columnLetters(c + 1)} is "${names[c]}"`
            : `"${old}" (column ${columnLetters(c + 1)}) is "${names[c]}"`,
        ],
  );
  if (changes.length === 0) return [];
  const shown = changes.slice(0, 10).join(", ") + (changes.length > 10 ? ", …" : "");
  return [`Renamed ${plural(changes.length, "header")} so each is unique, as a table needs: ${shown}.`];
}

export function writtenSentence(rows: number, cols: number, sheet: string, table: string): string {
  return `Imported ${plural(rows, "row")} and ${plural(cols, "column")} into the new sheet "${sheet}" (table ${table}).`;
}
