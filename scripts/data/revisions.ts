import { WORLD } from "../../src/data/vocab";
import { readCell } from "./cells";
import { CsvTable, requireColumns } from "./csv";
import { Problems } from "./problems";
import type { ProductionFigure, ReservesFigure } from "./usgs";

/**
 * Report revisions a data release predates (seeds/usgs-revisions.csv). USGS revised the
 * MCS2026 report (v1.1, v1.3) after the CSV was frozen; the report wins. Each revision names
 * the value the CSV prints, so the build fails if the CSV is not the one the revision was
 * read against, and every revised figure carries the revision in its citation.
 */

export interface Revised {
  /** "MCS2026 v1.3 (2026-05-27): p. 153 …". */
  revision?: string;
}

const printed = (tonnes: number | null, qualifier: string): string =>
  tonnes === null ? "NA" : `${qualifier}${tonnes.toLocaleString("en-US")}`;

function parsePrinted(text: string): { tonnes: number | null; qualifier: string } | null {
  if (text === "NA") return { tonnes: null, qualifier: "" };
  const bound = text.startsWith(">");
  const cell = readCell(bound ? text.slice(1) : text);
  return cell.kind === "number" ? { tonnes: cell.value, qualifier: bound ? ">" : "" } : null;
}

export function applyRevisions(
  table: CsvTable,
  edition: string,
  figures: { production: (ProductionFigure & Revised)[]; reserves: (ReservesFigure & Revised)[] },
  problems: Problems,
): void {
  const columns = ["edition", "revision", "date", "country", "statistic", "year", "data_release_value", "report_value"];
  if (!requireColumns(table, [...columns, "note_removed", "note_added", "change"], problems)) return;
  for (const { line, cells } of table.rows) {
    if (cells.edition !== edition) continue;
    const at = (message: string) => problems.add(table.file, line, message);
    const country = cells.country === "World total" ? WORLD : cells.country;
    const figure =
      cells.statistic === "Reserves"
        ? figures.reserves.find((r) => r.country === country)
        : cells.statistic === "Production"
          ? figures.production.find((p) => p.country === country && p.year === Number(cells.year))
          : undefined;
    const before = parsePrinted(cells.data_release_value);
    const after = parsePrinted(cells.report_value);
    if (!figure) {
      at(`no ${edition} ${cells.statistic} figure for ${cells.country} ${cells.year} to revise`);
      continue;
    }
    if (!before || !after) {
      at("data_release_value and report_value must be numbers as printed, a lower bound (>n) or NA");
      continue;
    }
    const current =
      "tonnes" in figure && "qualifier" in figure
        ? printed(figure.tonnes, figure.qualifier)
        : printed((figure as ProductionFigure).tonnes, "");
    if (current !== printed(before.tonnes, before.qualifier)) {
      at(`the data release prints ${current}, not ${cells.data_release_value}: check the revision against this file`);
      continue;
    }
    if (cells.note_removed !== "" && !figure.note.includes(cells.note_removed)) {
      at(`the data release note does not contain "${cells.note_removed}"`);
      continue;
    }
    if (cells.statistic === "Reserves") {
      const r = figure as ReservesFigure;
      r.tonnes = after.tonnes;
      r.qualifier = after.qualifier;
    } else if (after.tonnes !== null) (figure as ProductionFigure).tonnes = after.tonnes;
    const note = cells.note_removed === "" ? figure.note : figure.note.replace(cells.note_removed, "").trim();
    figure.note = [note, cells.note_added].filter((n) => n !== "").join("; ");
    const changed = cells.data_release_value !== cells.report_value;
    figure.revision = changed
      ? `${edition} report ${cells.revision} (${cells.date}) revised ${cells.data_release_value} in the data release to ${cells.report_value}`
      : `${edition} report ${cells.revision} (${cells.date}): ${cells.change}`;
  }
}
