/**
 * The parts of a result analysis and import share: dialect, dropped rows and columns,
 * ragged rows, and the warnings that explain them to the user.
 */
import type { CsvOptions } from "./options";
import type { TablePass } from "./pass";
import type { Prepared } from "./prepare";
import type { ColumnInfo, CsvLayout, CsvWarning, Dropped, Ragged } from "./results";
import { columnLabel, columnLetters, count, listSome } from "./text";

export function buildLayout(prep: Prepared, pass: TablePass, options: CsvOptions): CsvLayout {
  const { dialect, decoded } = prep;
  const action = (options.ragged ?? "pad") === "pad" ? "pad" : "skip";
  const dropped: Dropped = {
    skippedRows: pass.skippedRows,
    blankRows: { count: pass.blankCount, rows: pass.blankRows },
    columns:
      pass.maxFields > pass.width
        ? { count: pass.maxFields - pass.width, from: pass.width + 1, to: pass.maxFields }
        : { count: 0, from: 0, to: 0 },
    raggedRows: {
      count: pass.raggedSkipped,
      rows: action === "skip" ? pass.ragged.map((r) => r.row) : [],
    },
  };
  const ragged: Ragged = {
    count: pass.raggedCount,
    rows: pass.ragged,
    minFields: pass.minFields,
    expectedFields: pass.expectedFields,
    action,
  };
  const layout: CsvLayout = {
    ok: true,
    delimiter: dialect.delimiter,
    delimiterSource: dialect.delimiterSource,
    sepLine: dialect.sepLine,
    hasHeader: dialect.hasHeader,
    headerSource: dialect.headerSource,
    decimalSeparator: dialect.decimalSeparator,
    headers: dialect.hasHeader ? pass.headers.slice(0, pass.width) : new Array<string>(pass.width).fill(""),
    rowCount: pass.dataRows,
    dropped,
    ragged,
    warnings: [],
  };
  if (decoded) {
    layout.encoding = decoded.encoding;
    layout.encodingNote = decoded.note;
  }
  layout.warnings = layoutWarnings(prep, pass, dropped, ragged);
  return layout;
}

function rowsPhrase(n: number): string {
  return n === 1 ? "1 row" : `${count(n)} rows`;
}

function layoutWarnings(prep: Prepared, pass: TablePass, dropped: Dropped, ragged: Ragged): CsvWarning[] {
  const warnings: CsvWarning[] = [];
  if (prep.decoded && prep.decoded.encoding !== "utf-8") {
    warnings.push({ code: "encoding", message: prep.decoded.note });
  }
  if (dropped.skippedRows > 0) {
    warnings.push({ code: "skippedRows", message: `Skipped the first ${rowsPhrase(dropped.skippedRows)}, as asked.` });
  }
  if (dropped.blankRows.count > 0) {
    const b = dropped.blankRows;
    warnings.push({
      code: "blankRows",
      message: `Left out ${b.count === 1 ? "1 blank row" : `${count(b.count)} blank rows`} (${b.count === 1 ? "row" : "rows"} ${rangeOrList(b.rows, b.count)}).`,
      rows: b.rows.slice(0, 100),
    });
  }
  if (dropped.columns.count > 0) {
    const c = dropped.columns;
    const which =
      c.count === 1
        ? columnLabel(c.from)
        : `columns ${count(c.from)}-${count(c.to)}, ${columnLetters(c.from)}:${columnLetters(c.to)}`;
    warnings.push({
      code: "blankColumns",
      message: `Left out ${c.count === 1 ? "1 empty column" : `${count(c.count)} empty columns`} at the end (${which}): no name and no data.`,
    });
  }
  if (ragged.count > 0) {
    const rows = ragged.rows.map((r) => r.row);
    const shape =
      ragged.minFields === ragged.expectedFields
        ? `${count(ragged.expectedFields)} fields`
        : `${count(ragged.minFields)} to ${count(ragged.expectedFields)} fields`;
    const what = ragged.action === "pad" ? "they were padded with blank cells" : "they were left out";
    warnings.push({
      code: "raggedRows",
      message: `${ragged.count === 1 ? "1 row does" : `${count(ragged.count)} rows do`} not have the ${prep.dialect.hasHeader ? "header's" : "first row's"} ${shape} (${ragged.count === 1 ? "row" : "rows"} ${listSome(rows, ragged.count)}); ${what}.`,
      rows: rows.slice(0, 100),
    });
  }
  const stray = pass.firstStrayQuote;
  if (stray) {
    const n = pass.strayQuoteCount;
    const where = `line ${count(stray.line)}, ${columnLabel(stray.column)}`;
    warnings.push({
      code: "strayQuotes",
      message:
        n === 1
          ? `Row ${count(stray.row)} has a stray quote in a quoted value (${where}): the value was read on to the next quote that ends a value. Check that row.`
          : `${count(n)} rows have a stray quote in a quoted value (rows ${listSome(pass.strayQuoteRows, n)}; the first on ${where}): ` +
            "each value was read on to the next quote that ends a value. Check those rows.",
      rows: pass.strayQuoteRows.slice(0, 100),
    });
  }
  if (pass.headerFilled === 1 && pass.firstRowFilled > 1) {
    const titleRow = dropped.skippedRows + 1;
    warnings.push({
      code: "titleRow",
      message:
        `The header row has a single name while the data has ${count(pass.firstRowFilled)} values a row: ` +
        `it may be a title. If so, skip ${titleRow === 1 ? "1 row" : `${count(titleRow)} rows`} so the next row gives the column names.`,
    });
  }
  return warnings;
}

/** "18-39" for a run of consecutive rows, else a short list. */
function rangeOrList(rows: number[], total: number): string {
  if (rows.length === total && total > 2 && rows[total - 1] - rows[0] === total - 1) {
    return `${count(rows[0])}-${count(rows[total - 1])}`;
  }
  return listSome(rows, total);
}

/** Column-level warnings: ambiguous date order, cells kept as text in typed columns. */
export function columnWarnings(
  columns: ColumnInfo[],
  textCounts: Map<number, { count: number; rows: number[] }>,
): CsvWarning[] {
  const warnings: CsvWarning[] = [];
  for (const c of columns) {
    const label = `${columnLabel(c.index + 1)}${c.name ? ` "${c.name}"` : ""}`;
    if (c.type === "date" && c.dateOrderAmbiguous) {
      const order = c.dateOrder === "dmy" ? "day/month/year" : "month/day/year";
      warnings.push({
        code: "ambiguousDates",
        column: c.index + 1,
        message: `Dates in ${label} were read as ${order}: every value fits both day/month and month/day. Choose the order if that is wrong.`,
      });
    }
    const t = textCounts.get(c.index);
    if (t && t.count > 0) {
      warnings.push({
        code: "mixedColumn",
        column: c.index + 1,
        rows: t.rows,
        message:
          `${label} holds ${typeName(c.type)}, but ${t.count === 1 ? "1 cell does" : `${count(t.count)} cells do`} not ` +
          `(${t.count === 1 ? "row" : "rows"} ${listSome(t.rows, t.count)}): kept as text.`,
      });
    }
  }
  return warnings;
}

function typeName(type: ColumnInfo["type"]): string {
  return type === "number"
    ? "numbers"
    : type === "percent"
      ? "percentages"
      : type === "date"
        ? "dates"
        : type === "boolean"
          ? "TRUE/FALSE values"
          : "text";
}
