import type { EventRecord } from "../../src/data/types";
import { isIsoDate } from "./cells";
import { CsvTable, requireColumns } from "./csv";
import type { Located } from "./facts";
import { Problems } from "./problems";

/**
 * What the build adds to the curated events: the date each status is as of and the date it
 * ends by its own terms (seeds/event-status.csv), and corrections the later research found
 * with their evidence (seeds/event-corrections.csv). The curated files stay verbatim.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "2026-11-10" → "10 Nov 2026", the form the after-end wording uses. */
export const dayMonthYear = (iso: string): string =>
  `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

const isDay = (text: string): boolean => isIsoDate(text) && text.length === 10;

export function applyEventStatus(events: Located<EventRecord>[], table: CsvTable, problems: Problems): void {
  if (!requireColumns(table, ["event_id", "status_as_of", "ends", "after_end", "note"], problems)) return;
  const byId = new Map(events.map((e) => [e.record.id, e]));
  const seen = new Set<string>();
  for (const { line, cells } of table.rows) {
    const at = (message: string) => problems.add(table.file, line, message);
    const event = byId.get(cells.event_id);
    if (!event) {
      at(`event ${cells.event_id} is not a curated event`);
      continue;
    }
    seen.add(cells.event_id);
    if (!isDay(cells.status_as_of)) at(`status_as_of "${cells.status_as_of}" is not a YYYY-MM-DD date`);
    if (cells.ends !== "" && !isDay(cells.ends)) at(`ends "${cells.ends}" is not a YYYY-MM-DD date`);
    if ((cells.ends === "") !== (cells.after_end === "")) at("ends and after_end go together");
    if (cells.ends !== "" && !cells.after_end.includes(`until ${dayMonthYear(cells.ends)}`))
      at(`after_end must say "until ${dayMonthYear(cells.ends)}"`);
    Object.assign(event.record, { statusAsOf: cells.status_as_of, ends: cells.ends, afterEnd: cells.after_end });
  }
  for (const e of events)
    if (e.record.status !== "" && !seen.has(e.record.id))
      problems.add(e.file, e.line, `event ${e.record.id} has a status but no row in ${table.file}`);
}

const CORRECTABLE: Record<string, (e: EventRecord, value: string) => void> = {
  date_effective: (e, value) => {
    e.effective = value.slice(0, 10);
    e.dateNote = `effective: ${value}`;
  },
  instrument: (e, value) => {
    e.title = value;
  },
  summary: (e, value) => {
    e.summary = value;
  },
};

export function applyEventCorrections(events: Located<EventRecord>[], table: CsvTable, problems: Problems): void {
  if (!requireColumns(table, ["event_id", "field", "value", "source", "evidence"], problems)) return;
  const byId = new Map(events.map((e) => [e.record.id, e.record]));
  for (const { line, cells } of table.rows) {
    const at = (message: string) => problems.add(table.file, line, message);
    const event = byId.get(cells.event_id);
    const apply = CORRECTABLE[cells.field];
    if (!event) at(`event ${cells.event_id} is not a curated event`);
    else if (!apply) at(`field "${cells.field}" cannot be corrected (only ${Object.keys(CORRECTABLE).join(", ")})`);
    else if (cells.evidence === "" || cells.source === "") at("a correction needs its evidence and source");
    else {
      apply(event, cells.value);
      event.correction = [event.correction, `${cells.field} corrected: ${cells.evidence}`].filter(Boolean).join(" ");
      event.correctionSrc = cells.source;
    }
  }
}
