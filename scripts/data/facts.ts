import type { ElementRecord, ElementSources, EventRecord, StageShareRecord } from "../../src/data/types";
import { CURATED_STAGE_LABELS } from "../../src/data/vocab";
import { citedIds, isIsoDate } from "./cells";
import { CsvTable, requireColumns } from "./csv";
import { Problems } from "./problems";

/** Readers for curated elements.csv, china_shares.csv and events.csv. */

export interface Located<T> {
  record: T;
  file: string;
  line: number;
}

/** Labels that open each part of elements.csv's `source` cell. */
const SOURCE_PARTS: [keyof ElementSources, string][] = [
  ["identity", "symbol & atomic number:"],
  ["group", "LREE/HREE:"],
  ["magnet", "CRMA magnet flag:"],
];

/** SOURCES.md: S7 covers Announcement No. 18 [2025], S8 Nos. 55-58, 61, 62, S9 No. 70. */
const ANNOUNCEMENT_SOURCES: Record<string, string> = {
  "18": "S7",
  "55": "S8",
  "56": "S8",
  "57": "S8",
  "58": "S8",
  "61": "S8",
  "62": "S8",
  "70": "S9",
};

/**
 * Export-control cells cite [S7]-style tags, except "none element-specific in No.18/No.57",
 * whose evidence is the item lists of the announcements it names.
 */
function exportControlSources(text: string): string[] {
  const tagged = citedIds(text);
  if (tagged.length > 0) return tagged;
  const ids = [...text.matchAll(/No\.\s?(\d+)/g)]
    .map((m) => ANNOUNCEMENT_SOURCES[m[1]])
    .filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/** Splits the `source` cell into its labelled parts; export control and uses cite in their own cells. */
function elementSources(source: string, exportControl: string, usesSource: string): ElementSources {
  const starts = [
    ...SOURCE_PARTS.map(([, label]) => source.indexOf(label)),
    source.indexOf("uses:"),
    source.indexOf("price:"),
  ].filter((i) => i >= 0);
  const part = (label: string): string => {
    const start = source.indexOf(label);
    if (start < 0) return "";
    const end = Math.min(...starts.filter((i) => i > start), source.length);
    return source.slice(start, end);
  };
  const src = { exportControl: exportControlSources(exportControl), uses: citedIds(usesSource) } as ElementSources;
  for (const [fact, label] of SOURCE_PARTS) src[fact] = citedIds(part(label));
  return src;
}

export function readElements(table: CsvTable, problems: Problems) {
  const elements: Located<ElementRecord>[] = [];
  const prices2024 = new Map<string, { usdPerKg: number; line: number }>();
  const columns = [
    "element",
    "symbol",
    "atomic_number",
    "eu_crm_2023_group",
    "china_export_control",
    "eu_crma_2024_magnet_ree",
    "main_uses",
    "uses_source",
    "usgs_oxide_price_2024_usd_per_kg",
    "source",
  ];
  if (!requireColumns(table, columns, problems)) return { elements, prices2024 };
  for (const { line, cells } of table.rows) {
    const at = (message: string) => problems.add(table.file, line, message);
    const atomicNumber = Number(cells.atomic_number);
    if (cells.element === "") at("blank element");
    if (!/^[A-Z][a-z]?$/.test(cells.symbol)) at(`symbol "${cells.symbol}" is not an element symbol`);
    if (!Number.isInteger(atomicNumber) || atomicNumber < 1 || atomicNumber > 118)
      at(`atomic number "${cells.atomic_number}" is outside 1..118`);
    const magnet = cells.eu_crma_2024_magnet_ree;
    if (magnet !== "yes" && magnet !== "no") at(`CRMA magnet flag "${magnet}" is neither yes nor no`);
    const uses = cells.main_uses === "MISSING" ? "" : cells.main_uses;
    const src = elementSources(cells.source, cells.china_export_control, uses === "" ? "" : cells.uses_source);
    for (const [fact, ids] of Object.entries(src)) {
      if (ids.length === 0 && !(fact === "uses" && uses === "")) at(`no [S..] source cited for ${fact}`);
    }
    elements.push({
      file: table.file,
      line,
      record: {
        name: cells.element,
        symbol: cells.symbol,
        atomicNumber,
        group: cells.eu_crm_2023_group,
        exportControl: cells.china_export_control,
        controlEvent: "",
        magnet: magnet === "yes",
        uses,
        src,
      },
    });
    const price = cells.usgs_oxide_price_2024_usd_per_kg;
    if (price !== "") {
      if (!(Number(price) > 0)) at(`2024 oxide price "${price}" must be a number > 0`);
      else prices2024.set(cells.element, { usdPerKg: Number(price), line });
    }
  }
  return { elements, prices2024 };
}

const PCT = /^\d+(\.\d+)?$/;
const PCT_RANGE = /^\d+(\.\d+)?-\d+(\.\d+)?$/;

export function readChinaShares(table: CsvTable, problems: Problems) {
  const shares: Located<StageShareRecord>[] = [];
  const columns = [
    "indicator",
    "stage",
    "scope",
    "year",
    "value_pct",
    "qualifier",
    "original_publisher",
    "original_document",
    "source",
    "source_type",
  ];
  if (!requireColumns(table, columns, problems)) return shares;
  for (const { line, cells } of table.rows) {
    const at = (message: string) => problems.add(table.file, line, message);
    // Rows recording figures nobody found carry no value and no source: nothing to serve.
    if (cells.qualifier === "MISSING") continue;
    let value: number | null = null;
    if (PCT.test(cells.value_pct)) {
      value = Number(cells.value_pct) / 100;
      if (value > 1) {
        at(`share ${cells.value_pct}% is outside 0..100`);
        continue;
      }
    } else if (!PCT_RANGE.test(cells.value_pct)) {
      at(`value_pct "${cells.value_pct}" is neither a percentage nor a range`);
      continue;
    }
    const src = citedIds(cells.source);
    if (src.length === 0) at("no [S..] source cited");
    shares.push({
      file: table.file,
      line,
      record: {
        stage: CURATED_STAGE_LABELS[cells.stage] ?? "",
        indicator: cells.indicator,
        scope: cells.scope,
        year: cells.year,
        valueText: cells.value_pct,
        value,
        qualifier: cells.qualifier,
        publisher: cells.original_publisher,
        document: cells.original_document,
        sourceType: cells.source_type,
        src,
        chosen: false,
      },
    });
  }
  return shares;
}

const ISO_IN_TEXT = /\d{4}-\d{2}-\d{2}/;

/** A date cell: plain ISO, or text whose first ISO date is used and whose wording is kept. */
function readDate(text: string): { date: string; note: string } | null {
  if (text === "" || isIsoDate(text)) return { date: text, note: "" };
  const m = ISO_IN_TEXT.exec(text);
  return m && isIsoDate(m[0]) ? { date: m[0], note: text } : null;
}

export function readCuratedEvents(table: CsvTable, eventSources: Map<string, string>, problems: Problems) {
  const events: Located<EventRecord>[] = [];
  const columns = [
    "event_id",
    "date_announced",
    "date_effective",
    "authority",
    "instrument",
    "materials",
    "summary",
    "status",
  ];
  if (!requireColumns(table, columns, problems)) return events;
  for (const { line, cells } of table.rows) {
    const at = (message: string) => problems.add(table.file, line, message);
    const announced = readDate(cells.date_announced);
    const effective = readDate(cells.date_effective);
    if (!announced || announced.note !== "") at(`date_announced "${cells.date_announced}" is not an ISO date`);
    if (!effective) at(`date_effective "${cells.date_effective}" has no ISO date`);
    const src = eventSources.get(cells.event_id);
    if (src === undefined) at(`event ${cells.event_id} has no row in seeds/event-sources.csv`);
    if (!announced || !effective || src === undefined) continue;
    events.push({
      file: table.file,
      line,
      record: {
        id: cells.event_id,
        date: announced.date,
        effective: effective.date,
        dateNote: effective.note === "" ? "" : `effective: ${effective.note}`,
        title: cells.instrument,
        summary: cells.summary,
        authority: cells.authority,
        materials: cells.materials,
        status: cells.status,
        statusAsOf: "",
        ends: "",
        afterEnd: "",
        correction: "",
        correctionSrc: "",
        src,
      },
    });
  }
  return events;
}
