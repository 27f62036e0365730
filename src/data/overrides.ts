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
  const seenShares = new Map<string, number>();
  (overrides.shares ?? []).forEach((o, i) => {
    const row = o.row ?? i + 1;
    const reject = (reason: string) => rejected.push({ row, kind: "share", reason });
    const name = tryName((raw) => ix.elementNames.resolve(raw), o.element);
    if ("reason" in name) return reject(name.reason);
    if (!isNumber(o.share)) return reject(`share "${String(o.share)}" is not a number`);
    if (o.share < 0 || o.share > 1) return reject(`share ${o.share} is outside 0..1`);
    if (seenShares.has(name.name)) return reject(`duplicate of row ${seenShares.get(name.name)} for ${name.name}`);
    seenShares.set(name.name, row);
    shares.set(name.name, { element: name.name, share: o.share, printed: "", src: id });
  });

  const production = new Map<string, ProductionRecord>(base.production.map((p) => [`${p.country}\u0000${p.year}`, p]));
  const seenProduction = new Map<string, number>();
  (overrides.production ?? []).forEach((o, i) => {
    const row = o.row ?? i + 1;
    const reject = (reason: string) => rejected.push({ row, kind: "production", reason });
    const name = tryName((raw) => ix.countryNames.resolve(raw), o.country);
    if ("reason" in name) return reject(name.reason);
    if (name.name === WORLD) return reject(`${WORLD} is not a country; override the country rows instead`);
    if (!isYear(o.year)) return reject(`year "${String(o.year)}" is not a whole number between 1900 and 2100`);
    if (!ix.production.has(o.year))
      return reject(
        `no bundled production data for ${o.year}; overrides may replace figures in ${yearsText(ix.productionYears)}`,
      );
    if (!isNumber(o.tonnes) || o.tonnes < 0) return reject(`production "${String(o.tonnes)}" must be a number >= 0`);
    const key = `${name.name}\u0000${o.year}`;
    if (seenProduction.has(key))
      return reject(`duplicate of row ${seenProduction.get(key)} for ${name.name} ${o.year}`);
    seenProduction.set(key, row);
    const prior = production.get(key);
    production.set(key, {
      country: name.name,
      year: o.year,
      tonnes: o.tonnes,
      edition: id,
      ...(prior ? { revised: `${prior.edition}: ${prior.tonnes}` } : {}),
    });
  });

  refuseOverflowingYears(base, production, seenProduction, rejected);

  const prices = new Map<string, PriceRecord>(base.prices.map((p) => [`${p.oxide}\u0000${p.year}`, p]));
  const oxides = [...base.oxides];
  const seenPrices = new Map<string, number>();
  (overrides.prices ?? []).forEach((o, i) => {
    const row = o.row ?? i + 1;
    const reject = (reason: string) => rejected.push({ row, kind: "price", reason });
    const name = tryName((raw) => ix.oxideNames.resolve(raw), o.oxide);
    if ("reason" in name) return reject(name.reason);
    if (!isYear(o.year)) return reject(`year "${String(o.year)}" is not a whole number between 1900 and 2100`);
    if (!isNumber(o.usdPerKg) || o.usdPerKg <= 0) return reject(`price "${String(o.usdPerKg)}" must be a number > 0`);
    const key = `${name.name}\u0000${o.year}`;
    if (seenPrices.has(key)) return reject(`duplicate of row ${seenPrices.get(key)} for ${name.name} ${o.year}`);
    seenPrices.set(key, row);
    if (!oxides.some((x) => x.name === name.name)) {
      // An oxide USGS does not price (e.g. praseodymium): the override makes it priced.
      const element = base.elements.find((e) => `${e.name} oxide` === name.name)?.name ?? "";
      oxides.push({ name: name.name, formula: "", element, spec: "", basis: "" });
    }
    const prior = prices.get(key);
    prices.set(key, {
      oxide: name.name,
      year: o.year,
      usdPerKg: o.usdPerKg,
      edition: id,
      ...(prior ? { revised: `${prior.edition}: ${prior.usdPerKg}` } : {}),
    });
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
  const bundled = new Map(base.production.map((p) => [`${p.country}\u0000${p.year}`, p]));
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
