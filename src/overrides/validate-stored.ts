/**
 * Field-by-field check of the overrides JSON read back from the workbook. Anything in a
 * workbook's settings may have been written by another version of RARE, edited by hand or
 * damaged, and the pane must still start: what does not have the stored shape is left out
 * and named in a notice, so the functions answer from what is sound (or the bundled data)
 * and Clear overrides stays reachable. Only known fields are copied into fresh objects, so
 * nothing stored (a `toString` key, a `__proto__` key, a getter) reaches the data layer.
 * mergeOverrides then judges the figures themselves (names, ranges, duplicates).
 */
import type { Overrides, PriceOverride, ProductionOverride, ShareOverride } from "../data/overrides";
import { describeKind, type OverrideKind } from "./detect-overrides";
import type { StoredLayer, StoredOverrides } from "./store";

export interface StoredRead {
  stored: StoredOverrides;
  /** One sentence per thing left out; empty when everything read cleanly. */
  notices: string[];
}

type Json = unknown;
type RowReader<T> = (row: Record<string, Json>, at: string) => T | string;

const KINDS: readonly OverrideKind[] = ["shares", "production", "prices"];
/** How many bad rows a notice lists by name before it only counts them. */
const LISTED = 3;

const isRecord = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const own = (o: Record<string, Json>, key: string): Json =>
  Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;

/** What a value is, in words, for a notice ("an object", "text", "null"). */
export function kindOfValue(v: Json): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "string") return "text";
  if (typeof v === "number") return Number.isFinite(v) ? "a number" : "not a finite number";
  if (typeof v === "boolean") return "true/false";
  if (v === undefined) return "missing";
  return "an object";
}

const text = (row: Record<string, Json>, key: string, at: string): string | { problem: string } => {
  const v = own(row, key);
  return typeof v === "string" ? v : { problem: `${at}.${key} is ${kindOfValue(v)}, not text` };
};
const number = (row: Record<string, Json>, key: string, at: string): number | { problem: string } => {
  const v = own(row, key);
  return typeof v === "number" && Number.isFinite(v)
    ? v
    : { problem: `${at}.${key} is ${kindOfValue(v)}, not a number` };
};
/** The sheet row a rejection names; optional, but a positive whole number when present. */
const rowNumber = (row: Record<string, Json>, at: string): { row?: number } | { problem: string } => {
  const v = own(row, "row");
  if (v === undefined) return {};
  return typeof v === "number" && Number.isInteger(v) && v > 0
    ? { row: v }
    : { problem: `${at}.row is ${kindOfValue(v)}, not a row number` };
};

/** A row of one text field (the name) and number fields, plus the optional sheet row. */
function rowReader<T>(nameKey: string, numberKeys: readonly string[]): RowReader<T> {
  return (r, at) => {
    const name = text(r, nameKey, at);
    if (typeof name !== "string") return name.problem;
    const row: Record<string, Json> = { [nameKey]: name };
    for (const key of numberKeys) {
      const v = number(r, key, at);
      if (typeof v !== "number") return v.problem;
      row[key] = v;
    }
    const n = rowNumber(r, at);
    if ("problem" in n) return n.problem;
    return { ...row, ...n } as T;
  };
}

const readShare = rowReader<ShareOverride>("element", ["share"]);
const readProduction = rowReader<ProductionOverride>("country", ["year", "tonnes"]);
const readPrice = rowReader<PriceOverride>("oxide", ["year", "usdPerKg"]);

/** The stored array for a kind: its sound rows, and a sentence about any left out. */
function readRows<T>(list: Json, at: string, read: RowReader<T>): { rows: T[]; problem?: string } | string {
  if (!Array.isArray(list)) return `${at} is ${kindOfValue(list)}, not a list of rows`;
  const rows: T[] = [];
  const problems: string[] = [];
  list.forEach((item, i) => {
    const where = `${at}[${i}]`;
    const row = isRecord(item) ? read(item, where) : `${where} is ${kindOfValue(item)}, not a row`;
    if (typeof row === "string") problems.push(row);
    else rows.push(row);
  });
  if (!problems.length) return { rows };
  const listed = problems.slice(0, LISTED).join("; ");
  const more = problems.length > LISTED ? `; and ${problems.length - LISTED} more` : "";
  return { rows, problem: `${problems.length} of ${list.length} stored rows left out (${listed}${more})` };
}

function readLayer(value: Json, at: string): { layer: StoredLayer; problem?: string } | string {
  if (!isRecord(value)) return `${at} is ${kindOfValue(value)}, not a layer`;
  const kind = own(value, "kind");
  if (typeof kind !== "string" || !KINDS.includes(kind as OverrideKind))
    return `${at}.kind is ${typeof kind === "string" ? `"${kind.slice(0, 40)}"` : kindOfValue(kind)}, not one of ${KINDS.join(", ")}`;
  const source = own(value, "source");
  if (typeof source !== "string") return `${at}.source is ${kindOfValue(source)}, not text`;
  const overrides = own(value, "overrides");
  if (!isRecord(overrides)) return `${at}.overrides is ${kindOfValue(overrides)}, not an object`;
  const label = own(overrides, "source");
  if (typeof label !== "string") return `${at}.overrides.source is ${kindOfValue(label)}, not text`;

  const where = `${at}.overrides.${kind}`;
  const list = own(overrides, kind);
  const read =
    kind === "shares"
      ? readRows(list, where, readShare)
      : kind === "production"
        ? readRows(list, where, readProduction)
        : readRows(list, where, readPrice);
  if (typeof read === "string") return read;
  const table = own(value, "table");
  if (table !== undefined && (typeof table !== "string" || table === ""))
    return `${at}.table is ${kindOfValue(table)}, not a table name`;
  const clean: Overrides = { source: label, [kind]: read.rows };
  return {
    layer: { kind: kind as OverrideKind, source, overrides: clean, ...(table ? { table } : {}) },
    ...(read.problem ? { problem: read.problem } : {}),
  };
}

/**
 * `text` is what the workbook holds under the overrides key (null: nothing stored). `key`
 * names it in notices. The stored shape is StoredOverrides (store.ts).
 */
export function readStoredOverrides(text: string | null, key: string): StoredRead {
  const empty: StoredOverrides = { format: "rare-overrides", version: 1, layers: [] };
  if (text === null || text === "") return { stored: empty, notices: [] };
  const whole = (why: string): StoredRead => ({
    stored: empty,
    notices: [
      `The workbook's stored RARE overrides (setting "${key}") were ignored: ${why}. RARE functions use the bundled data; Clear overrides removes the stored value.`,
    ],
  });
  let value: Json;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return whole(`it is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isRecord(value)) return whole(`it is ${kindOfValue(value)}, not an object`);
  if (own(value, "format") !== "rare-overrides" || own(value, "version") !== 1)
    return whole(`it is not RARE overrides format version 1`);
  const layers = own(value, "layers");
  if (!Array.isArray(layers)) return whole(`layers is ${kindOfValue(layers)}, not a list`);

  const notices: string[] = [];
  const kept: StoredLayer[] = [];
  layers.forEach((item, i) => {
    const at = `layers[${i}]`;
    const read = readLayer(item, at);
    if (typeof read === "string") {
      notices.push(`A stored override layer was ignored: ${read}.`);
      return;
    }
    const name = `the stored ${describeKind(read.layer.kind)} (${read.layer.source || "no label"})`;
    if (kept.some((l) => l.kind === read.layer.kind)) {
      notices.push(`${at} was ignored: a second layer of ${describeKind(read.layer.kind)}; the first one is used.`);
      return;
    }
    if (read.problem) notices.push(`In ${name}: ${read.problem}.`);
    kept.push(read.layer);
  });
  return { stored: { format: "rare-overrides", version: 1, layers: kept }, notices };
}
