/**
 * What "the rest of the workbook is untouched" means, made checkable: a workbook with content
 * worth protecting (text, a number, a formula, a table, a defined name, add-in data), and a
 * snapshot of everything in it except one new sheet.
 */
import { PreviewWorkbook } from "../../../../taskpane/hosts/preview";
import { isFormulaLike } from "../../../../src/excel/formula-lead";
import { TEXT_FORMAT } from "../../../../src/excel/number-format";
import { tableHeaderNames } from "../../../../src/excel/table-headers";
import type { CellValue } from "../../../../src/excel/values";
import { tinyEvaluator } from "../../../support/tiny-evaluator";

export const EXISTING_SHEET = "Sheet1";

export async function workbookWithData(): Promise<PreviewWorkbook> {
  const wb = new PreviewWorkbook({ sheets: [EXISTING_SHEET], evaluator: tinyEvaluator() });
  await wb.setNumberFormat(EXISTING_SHEET, { row: 1, col: 1, rows: 1, cols: 1 }, TEXT_FORMAT);
  await wb.writeValues(EXISTING_SHEET, { row: 0, col: 0 }, [
    ["Element", "Note", "Share"],
    ["Neodymium", "=cmd|' /C calc'!A0", 0.9],
  ]);
  await wb.writeFormulas(EXISTING_SHEET, { row: 2, col: 2 }, [["=C2*2"]]);
  await wb.addTable(EXISTING_SHEET, { row: 0, col: 0, rows: 2, cols: 3 }, { hasHeaders: true, name: "Existing" });
  await wb.addNamedRange("ShareCell", EXISTING_SHEET, { row: 1, col: 2, rows: 1, cols: 1 });
  await wb.setAddinData("rare.version", "1");
  return wb;
}

/** Everything in the workbook but the sheets in `except` (and the active-sheet marker). */
export function snapshot(wb: PreviewWorkbook, except: readonly string[] = []): unknown {
  const skip = new Set(except.map((s) => s.toUpperCase()));
  const keep = (sheet: string): boolean => !skip.has(sheet.toUpperCase());
  const data = JSON.parse(wb.serialise()) as {
    sheets: Array<{ name: string }>;
    tables: Array<{ sheet: string }>;
    names: Array<{ sheet: string }>;
    charts: Array<{ sheet: string }>;
    addinData: unknown;
  };
  return {
    sheets: data.sheets.filter((s) => keep(s.name)),
    tables: data.tables.filter((t) => keep(t.sheet)),
    names: data.names.filter((n) => keep(n.sheet)),
    charts: data.charts.filter((c) => keep(c.sheet)),
    addinData: data.addinData,
  };
}

/**
 * Cells of `sheet` that break the text-safety rules against what was meant to be written
 * (the header row, as the table keeps it, then the data rows): a formula anywhere, a string
 * not stored verbatim, a string (formula-like or not) without the text format "@", a number
 * or boolean changed.
 */
export function textSafetyProblems(
  wb: PreviewWorkbook,
  sheet: string,
  headers: readonly string[],
  data: readonly (readonly CellValue[])[],
): string[] {
  const s = wb.sheet(sheet);
  const problems: string[] = [];
  for (const [key, formula] of s.formulas) problems.push(`formula ${JSON.stringify(formula)} at key ${key}`);
  [tableHeaderNames(headers), ...data].forEach((row, r) => {
    row.forEach((want, c) => {
      const got = s.value(r, c);
      const at = `R${r + 1}C${c + 1}`;
      if (typeof want === "string" && want !== "") {
        if (got !== want) problems.push(`${at}: ${JSON.stringify(got)} instead of the text ${JSON.stringify(want)}`);
        if (s.format(r, c) !== TEXT_FORMAT) {
          problems.push(
            `${at}: ${isFormulaLike(want) ? "formula-like " : ""}text ${JSON.stringify(want.slice(0, 40))} has format ${s.format(r, c)}, not "@"`,
          );
        }
      } else if (got !== (want === "" ? null : want)) {
        problems.push(`${at}: ${JSON.stringify(got)} instead of ${JSON.stringify(want)}`);
      }
    });
  });
  return problems;
}
