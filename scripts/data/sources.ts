import type { SourceRecord, SourceType } from "../../src/data/types";
import { isIsoDate } from "./cells";
import { CsvTable, requireColumns } from "./csv";
import type { Located } from "./facts";
import { Problems } from "./problems";

/** Reader for seeds/sources.csv and seeds/event-sources.csv. */

export const SEED_SOURCE_TYPES: readonly SourceType[] = [
  "primary",
  "secondary report of primary",
  "news article",
  "web page",
];

export function readSources(table: CsvTable, problems: Problems) {
  const out: Located<SourceRecord>[] = [];
  if (!requireColumns(table, ["id", "title", "publisher", "date", "locator", "type", "notes"], problems)) return out;
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const at = (message: string) => problems.add(table.file, line, message);
    const type = cells.type as SourceType;
    if (!/^[A-Z][A-Z0-9]*$/.test(cells.id)) at(`id "${cells.id}" must be capitals and digits`);
    else if (seen.has(cells.id)) at(`duplicate id ${cells.id} (first on line ${seen.get(cells.id)})`);
    else if (cells.title === "" || cells.publisher === "" || cells.locator === "")
      at("title, publisher and locator are required");
    else if (cells.date !== "" && !isIsoDate(cells.date)) at(`date "${cells.date}" is not an ISO date`);
    else if (!SEED_SOURCE_TYPES.includes(type))
      at(`type "${cells.type}" is not one of: ${SEED_SOURCE_TYPES.join("; ")}`);
    else {
      seen.set(cells.id, line);
      const { id, title, publisher, date, locator, notes } = cells;
      out.push({ file: table.file, line, record: { id, title, publisher, date, locator, type, notes } });
    }
  }
  return out;
}

export function readEventSources(table: CsvTable, problems: Problems): Map<string, string> {
  const out = new Map<string, string>();
  if (!requireColumns(table, ["event_id", "source"], problems)) return out;
  for (const { line, cells } of table.rows) {
    if (out.has(cells.event_id)) problems.add(table.file, line, `duplicate event ${cells.event_id}`);
    else out.set(cells.event_id, cells.source);
  }
  return out;
}
