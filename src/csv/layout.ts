/**
 * The parts of a result analysis and import share: dialect, dropped rows and columns,
 * ragged rows, and the warnings that explain them to the user.
 */
import type { Tally } from "./analyse";
import { NumberReader } from "./numbers";
import type { CsvOptions } from "./options";
import type { TablePass } from "./pass";
import type { Prepared } from "./prepare";
import type { ColumnInfo, CsvLayout, CsvWarning, Dropped, Ragged, WarningCode } from "./results";
import { columnLabel, columnLetters, count, listSome } from "./message-format";
import { COLUMN_TYPES } from "./types/registry";

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
        `it may be a title. If so, choose "${skipTitleLabel(titleRow)}" so the next row gives the column names.`,
    });
  }
  return warnings;
}

/** The pane's one-click skip for a title row, named here so the warning names the control it offers. */
export function skipTitleLabel(row: number): string {
  return `Skip the title row (row ${count(row)})`;
}

/** "18-39" for a run of consecutive rows, else a short list. */
function rangeOrList(rows: number[], total: number): string {
  if (rows.length === total && total > 2 && rows[total - 1] - rows[0] === total - 1) {
    return `${count(rows[0])}-${count(rows[total - 1])}`;
  }
  return listSome(rows, total);
}

/** What a column's values showed beyond its type, for the column warnings. */
export interface ColumnNotes {
  /** Where the column's decimal separator came from. */
  decimalSource: "option" | "column" | "file" | "default";
  /** Its values proved both conventions ("0.125" and "3,5"). */
  mixedSeparators: boolean;
  /** Values both conventions read, differently ("1.500"), when nothing in the column decided. */
  ambiguous: Tally | null;
  /** Percentages read as fractions in a number column. */
  percents: Tally | null;
  /** Numbers beyond the range Excel holds, kept as text. */
  outOfRange: Tally | null;
  /** Cells kept as text because they do not fit the column's type. */
  misfits: Tally | null;
}

/** "row 4" or "rows 4, 9 and 2 more". */
function rowsRef(rows: readonly number[], n: number): string {
  return `${n === 1 ? "row" : "rows"} ${listSome(rows, n)}`;
}

const cellsPhrase = (n: number, one: string, many = `${one}s`): string =>
  n === 1 ? `1 ${one}` : `${count(n)} ${many}`;

const separatorName = (d: "." | ","): string => (d === "," ? "a decimal comma" : "a decimal point");

/** Column-level warnings: decimal conventions, ambiguous date order, cells kept as text in typed columns. */
export function columnWarnings(columns: ColumnInfo[], notes: readonly (ColumnNotes | undefined)[]): CsvWarning[] {
  const warnings: CsvWarning[] = [];
  for (const c of columns) {
    const label = `${columnLabel(c.index + 1)}${c.name ? ` "${c.name}"` : ""}`;
    const column = c.index + 1;
    const n = notes[c.index];
    const numeric = c.type !== "text" && COLUMN_TYPES[c.type].numeric;
    /** The number the column's decimal convention reads from `text`, for the examples warnings give. */
    const readAsColumn = (text: string): number =>
      new NumberReader(c.decimalSeparator === ",").read(text, 0, text.length);
    /** A warning about some of the column's cells, when the tally has any: their rows go with it. */
    const aboutCells = (code: WarningCode, tally: Tally | null | undefined, message: (t: Tally) => string): void => {
      if (tally && tally.count > 0) warnings.push({ code, column, rows: tally.rows, message: message(tally) });
    };
    if (n?.mixedSeparators && (numeric || c.type === "text")) {
      warnings.push({
        code: "mixedSeparators",
        column,
        message:
          `${label} mixes decimal points and decimal commas: ` +
          (c.type === "text"
            ? "kept as text, so no number changes. Choose the decimal separator to read it as numbers."
            : `read with ${separatorName(c.decimalSeparator)}; values written the other way are kept as text.`),
      });
    }
    if (numeric) {
      aboutCells("ambiguousDecimal", n?.ambiguous, (a) => {
        const why =
          n?.decimalSource === "file"
            ? "as the file's other number columns are written"
            : c.decimalSeparator === ","
              ? "the usual convention of semicolon-delimited files"
              : "the default";
        return (
          `${label}: ${cellsPhrase(a.count, "value")} such as "${a.example}" (${rowsRef(a.rows, a.count)}) could be read with a decimal point or a decimal comma. ` +
          `Read with ${separatorName(c.decimalSeparator)} (${why}): "${a.example}" is ${String(readAsColumn(a.example))}. Choose the decimal separator if that is wrong.`
        );
      });
    }
    if (c.type === "date" && c.dateOrderAmbiguous) {
      const order = c.dateOrder === "dmy" ? "day/month/year" : "month/day/year";
      warnings.push({
        code: "ambiguousDates",
        column,
        message: `Dates in ${label} were read as ${order}: every value fits both day/month and month/day. Choose the order if that is wrong.`,
      });
    }
    aboutCells(
      "percentsAsFractions",
      n?.percents,
      (p) =>
        `${label} mixes plain numbers and percentages: ${cellsPhrase(p.count, "percentage")} (${rowsRef(p.rows, p.count)}) read as fractions, so "${p.example}" is ${String(readAsColumn(p.example))}.`,
    );
    if (c.type === "currency" && c.currency) {
      warnings.push({
        code: "currency",
        column,
        message: `${label} holds amounts in ${c.currency}: written with the currency format ${c.numberFormat}.`,
      });
    }
    aboutCells(
      "outOfRange",
      n?.outOfRange,
      (o) =>
        `${label}: ${cellsPhrase(o.count, "value")} such as "${o.example}" (${rowsRef(o.rows, o.count)}) ${o.count === 1 ? "is" : "are"} beyond the range of numbers Excel holds: kept as text.`,
    );
    aboutCells(
      "mixedColumn",
      n?.misfits,
      (t) =>
        `${label} holds ${COLUMN_TYPES[c.type].holds}, but ${t.count === 1 ? "1 cell does" : `${count(t.count)} cells do`} not ` +
        `(${rowsRef(t.rows, t.count)}): kept as text.`,
    );
  }
  return warnings;
}
