import { isRareError } from "./errors";
import { buildIndexes } from "./indexes";
import type { Dataset, EditionRecord, ElementShareRecord, PriceRecord, ProductionRecord, SourceRecord } from "./types";
import { WORLD } from "./vocab";
import { yearsText } from "./years";

/**
 * Workbook overrides: figures a user imports (element shares, production rows, prices)
 * layered over the bundled Dataset. Each accepted figure cites one new source whose title
 * is the caller's label (e.g. "workbook import: suppliers.csv, 2026-11-23"); a row that
 * names an unknown element/country/oxide or an out-of-range value is rejected with the
 * reason and never used. Production overrides replace figures within the bundled years
 * only, so each year's shares and HHI still sum over one complete set of rows.
 *
 * Runtime only: the checks are the per-row ones below, with messages about the user's row;
 * the seed compiler's whole-dataset checks (scripts/data) never run here. Every record this
 * merge adds cites the one new source it also adds, so the merged dataset resolves by
 * construction.
 */

export interface ShareOverride {
  element: string;
  /** Fraction 0..1. */
  share: number;
  /** The caller's row number, echoed in rejections (defaults to the 1-based position). */
  row?: number;
}

export interface ProductionOverride {
  country: string;
  year: number;
  tonnes: number;
  row?: number;
}

export interface PriceOverride {
  oxide: string;
  year: number;
  usdPerKg: number;
  row?: number;
}

export interface Overrides {
  /** Citation label for every figure in this layer. */
  source: string;
  shares?: ShareOverride[];
  production?: ProductionOverride[];
  prices?: PriceOverride[];
}

export interface RejectedRow {
  row: number;
  kind: "share" | "production" | "price";
  reason: string;
}

export interface MergeResult {
  dataset: Dataset;
  rejected: RejectedRow[];
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isYear = (v: unknown): v is number => isNumber(v) && Number.isInteger(v) && v >= 1900 && v <= 2100;

/** Resolves a name, or returns the resolution error's message as the rejection reason. */
function tryName(resolve: (raw: string) => string, raw: unknown): { name: string } | { reason: string } {
  try {
    return { name: resolve(typeof raw === "string" ? raw : String(raw)) };
  } catch (e) {
    if (isRareError(e)) return { reason: e.message };
    throw e;
  }
}

/** How one kind of override row is checked and used. */
interface RowReader<T> {
  kind: RejectedRow["kind"];
  /** Resolves the row's element, country or oxide to its canonical name (a RareError if unknown). */
  resolve: (raw: string) => string;
  nameOf: (row: T) => unknown;
  /** Why the row's figure cannot be used, or undefined when it can. */
  problem: (row: T, name: string) => string | undefined;
  /** The figure the row sets: a later row for the same figure is a duplicate. */
  figure: (row: T, name: string) => string;
  accept: (row: T, name: string, figure: string) => void;
}

/** A figure of a country or an oxide in one year; the key of its map and of its duplicate check. */
const figureKey = (name: string, year: number): string => `${name}\u0000${year}`;

const yearProblem = (year: unknown): string => `year "${String(year)}" is not a whole number between 1900 and 2100`;

/**
 * Reads one kind's rows in order: a row is used, or rejected with its reason (unknown name,
 * the reader's problem, a duplicate). Returns each used figure with its row number.
 */
function readRows<T extends { row?: number }>(
  rows: readonly T[] | undefined,
  rejected: RejectedRow[],
  reader: RowReader<T>,
): Map<string, number> {
  const used = new Map<string, number>();
  (rows ?? []).forEach((o, i) => {
    const row = o.row ?? i + 1;
    const reject = (reason: string) => rejected.push({ row, kind: reader.kind, reason });
    const name = tryName(reader.resolve, reader.nameOf(o));
    if ("reason" in name) return reject(name.reason);
    const problem = reader.problem(o, name.name);
    if (problem !== undefined) return reject(problem);
    const figure = reader.figure(o, name.name);
    const earlier = used.get(figure);
    if (earlier !== undefined) return reject(`duplicate of row ${earlier} for ${figure.replace("\u0000", " ")}`);
    used.set(figure, row);
    reader.accept(o, name.name, figure);
  });
  return used;
}

export function mergeOverrides(base: Dataset, overrides: Overrides): MergeResult {
  const ix = buildIndexes(base);
  const rejected: RejectedRow[] = [];
  const label = String(overrides.source ?? "").trim() || "workbook import";
  const existing = new Set(base.sources.map((s) => s.id));
  let n = 1;
  while (existing.has(`W${n}`)) n++;
  const id = `W${n}`;
  const source: SourceRecord = {
    id,
    title: label,
    publisher: "workbook override",
    date: /\d{4}-\d{2}-\d{2}/.exec(label)?.[0] ?? "",
    locator: "workbook",
    type: "workbook override",
    notes: "Figures entered by the user; not from the bundled sources.",
  };
  const edition: EditionRecord = {
    id,
    src: id,
    rank: Math.max(0, ...base.editions.map((e) => e.rank)) + 1,
    workbookLayer: true,
  };

  const shares = new Map<string, ElementShareRecord>(base.elementShares.map((s) => [s.element, s]));
  const seenShares = readRows(overrides.shares, rejected, {
    kind: "share",
    resolve: (raw) => ix.elementNames.resolve(raw),
    nameOf: (o) => o.element,
    problem: (o) => {
      if (!isNumber(o.share)) return `share "${String(o.share)}" is not a number`;
      if (o.share < 0 || o.share > 1) return `share ${o.share} is outside 0..1`;
      return undefined;
    },
    figure: (_, name) => name,
    accept: (o, name) => shares.set(name, { element: name, share: o.share, printed: "", src: id }),
  });

  const production = new Map<string, ProductionRecord>(base.production.map((p) => [figureKey(p.country, p.year), p]));
  const seenProduction = readRows(overrides.production, rejected, {
    kind: "production",
    resolve: (raw) => ix.countryNames.resolve(raw),
    nameOf: (o) => o.country,
    problem: (o, name) => {
      if (name === WORLD) return `${WORLD} is not a country; override the country rows instead`;
      if (!isYear(o.year)) return yearProblem(o.year);
      if (!ix.production.has(o.year))
        return `no bundled production data for ${o.year}; overrides may replace figures in ${yearsText(ix.productionYears)}`;
      if (!isNumber(o.tonnes) || o.tonnes < 0) return `production "${String(o.tonnes)}" must be a number >= 0`;
      return undefined;
    },
    figure: (o, name) => figureKey(name, o.year),
    accept: (o, name, key) => {
      const prior = production.get(key);
      production.set(key, {
        country: name,
        year: o.year,
        tonnes: o.tonnes,
        edition: id,
        ...(prior ? { revised: `${prior.edition}: ${prior.tonnes}` } : {}),
      });
    },
  });

  refuseOverflowingYears(base, production, seenProduction, rejected);

  const prices = new Map<string, PriceRecord>(base.prices.map((p) => [figureKey(p.oxide, p.year), p]));
  const oxides = [...base.oxides];
  const seenPrices = readRows(overrides.prices, rejected, {
    kind: "price",
    resolve: (raw) => ix.oxideNames.resolve(raw),
    nameOf: (o) => o.oxide,
    problem: (o) => {
      if (!isYear(o.year)) return yearProblem(o.year);
      if (!isNumber(o.usdPerKg) || o.usdPerKg <= 0) return `price "${String(o.usdPerKg)}" must be a number > 0`;
      return undefined;
    },
    figure: (o, name) => figureKey(name, o.year),
    accept: (o, name, key) => {
      if (!oxides.some((x) => x.name === name)) {
        // An oxide USGS does not price (e.g. praseodymium): the override makes it priced.
        const element = base.elements.find((e) => `${e.name} oxide` === name)?.name ?? "";
        oxides.push({ name, formula: "", element, spec: "", basis: "" });
      }
      const prior = prices.get(key);
      prices.set(key, {
        oxide: name,
        year: o.year,
        usdPerKg: o.usdPerKg,
        edition: id,
        ...(prior ? { revised: `${prior.edition}: ${prior.usdPerKg}` } : {}),
      });
    },
  });

  if (seenShares.size + seenProduction.size + seenPrices.size === 0) return { dataset: base, rejected };

  const dataset: Dataset = {
    ...base,
    version: `${base.version}+${id}`,
    sources: [...base.sources, source],
    editions: [...base.editions, edition],
    elementShares: [...shares.values()],
    production: [...production.values()].sort((a, b) => a.year - b.year),
    oxides,
    prices: [...prices.values()].sort((a, b) => a.oxide.localeCompare(b.oxide, "en") || a.year - b.year),
  };
  return { dataset, rejected };
}

/**
 * A year whose country rows sum beyond the largest double (~1.8e308) has no shares or HHI:
 * every share of an infinite total would read 0. Its override rows are refused and the
 * bundled figures for that year stay.
 */
function refuseOverflowingYears(
  base: Dataset,
  production: Map<string, ProductionRecord>,
  seen: Map<string, number>,
  rejected: RejectedRow[],
): void {
  const totals = new Map<number, number>();
  for (const p of production.values())
    if (p.country !== WORLD) totals.set(p.year, (totals.get(p.year) ?? 0) + p.tonnes);
  const bundled = new Map(base.production.map((p) => [figureKey(p.country, p.year), p]));
  for (const [key, row] of [...seen]) {
    const year = production.get(key)!.year;
    if (Number.isFinite(totals.get(year))) continue;
    rejected.push({
      row,
      kind: "production",
      reason: `production for ${year} would total more than Excel's largest number (about 1.8e308), so no share or HHI could be computed; check the figures`,
    });
    const prior = bundled.get(key);
    if (prior) production.set(key, prior);
    else production.delete(key);
    seen.delete(key);
  }
}
