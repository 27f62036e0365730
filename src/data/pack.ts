import type { Dataset } from "./types";

/**
 * The bundled JSON is column-major with per-column string dictionaries: the same country,
 * edition or note repeats across rows, and key names would otherwise repeat on every row.
 * That roughly halves the bytes functions.js carries. RareData works on the unpacked,
 * typed Dataset; pack/unpack are exact inverses (a test holds them to it).
 */

/** A string column stored as dictionary + indices; index -1 marks an absent optional field. */
interface DictColumn {
  d: string[];
  i: number[];
  /** Set when each value is a string array, stored joined by SEP. */
  a?: 1;
}
/** A column of nested records (e.g. an element's sources per fact), packed as a table. */
interface NestedColumn {
  t: PackedTable;
}
type Column = DictColumn | NestedColumn | unknown[];

interface PackedTable {
  n: number;
  c: Record<string, Column>;
}

export interface PackedDataset {
  format: "rare-pack-1";
  version: string;
  asOf: string;
  tables: Record<string, PackedTable>;
}

type Row = Record<string, unknown>;

const SEP = "\u001f";
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === "string" && !s.includes(SEP));
const isRecord = (v: unknown): v is Row => typeof v === "object" && v !== null && !Array.isArray(v);

function dictionary(values: (string | undefined)[]): DictColumn {
  const dict = [...new Set(values.filter((v): v is string => v !== undefined))];
  return { d: dict, i: values.map((v) => (v === undefined ? -1 : dict.indexOf(v))) };
}

function packColumn(values: unknown[]): Column {
  if (values.every((v) => typeof v === "string" || v === undefined)) {
    const encoded = dictionary(values as (string | undefined)[]);
    const plain = values.every((v) => v !== undefined) ? values : null;
    return plain && JSON.stringify(plain).length <= JSON.stringify(encoded).length ? plain : encoded;
  }
  if (values.every(isStringArray)) return { ...dictionary(values.map((v) => v.join(SEP))), a: 1 };
  if (values.every(isRecord)) return { t: packTable(values) };
  if (values.some((v) => v === undefined)) throw new Error("pack: only string fields may be optional");
  return values;
}

function packTable(rows: Row[]): PackedTable {
  const keys: string[] = [];
  for (const row of rows) for (const k of Object.keys(row)) if (!keys.includes(k)) keys.push(k);
  const c: Record<string, Column> = {};
  for (const k of keys) c[k] = packColumn(rows.map((r) => r[k]));
  return { n: rows.length, c };
}

function unpackTable(table: PackedTable): Row[] {
  const rows: Row[] = Array.from({ length: table.n }, () => ({}));
  for (const [key, column] of Object.entries(table.c)) {
    if (Array.isArray(column)) column.forEach((v, r) => (rows[r][key] = v));
    else if ("t" in column) unpackTable(column.t).forEach((v, r) => (rows[r][key] = v));
    else {
      column.i.forEach((idx, r) => {
        if (idx < 0) return;
        const text = column.d[idx];
        rows[r][key] = column.a ? (text === "" ? [] : text.split(SEP)) : text;
      });
    }
  }
  return rows;
}

export function packDataset(dataset: Dataset): PackedDataset {
  const { version, asOf, ...tables } = dataset;
  const packed: Record<string, PackedTable> = {};
  for (const [name, rows] of Object.entries(tables)) packed[name] = packTable(rows as unknown as Row[]);
  return { format: "rare-pack-1", version, asOf, tables: packed };
}

export function unpackDataset(packed: PackedDataset): Dataset {
  if (packed.format !== "rare-pack-1")
    throw new Error(`Unknown dataset format ${String(packed.format)}: run npm run data`);
  const tables: Record<string, Row[]> = {};
  for (const [name, table] of Object.entries(packed.tables)) tables[name] = unpackTable(table);
  return { version: packed.version, asOf: packed.asOf, ...tables } as unknown as Dataset;
}
