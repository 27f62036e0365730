import type { PriceRecord, ProductionRecord, ReservesRecord, SalientRecord } from "../../src/data/types";
import { Problems } from "./problems";
import type { Revised } from "./revisions";
import type { PriceFigure, ProductionFigure, ReservesFigure, SalientFigure } from "./usgs";

/**
 * The edition rule. USGS revises earlier years in later editions, so:
 * - production: for each year, the newest edition that covers the year supplies every row of
 *   that year (one consistent edition per year, so shares and HHI add up); a country the
 *   newest edition leaves out has no figure for that year;
 * - reserves: the newest edition that lists the country (NA there means no figure);
 * - prices and salient series: the newest edition per (series, year).
 * Older differing figures are kept as `revised` notes for citations.
 */

export interface EditionInput {
  id: string;
  rank: number;
  production: (ProductionFigure & Revised)[];
  reserves: (ReservesFigure & Revised)[];
  prices: PriceFigure[];
  salient: SalientFigure[];
}

interface Located {
  file: string;
  line: number;
}

function checkUnique<T extends Located>(
  edition: string,
  items: T[],
  key: (t: T) => string,
  what: string,
  problems: Problems,
): void {
  const seen = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const first = seen.get(k);
    if (first)
      problems.add(item.file, item.line, `duplicate ${what} ${k} in ${edition} (first at ${first.file}:${first.line})`);
    else seen.set(k, item);
  }
}

/** For each key, the figure from the highest-ranked edition, plus the other editions' figures. */
function newestPerKey<T>(inputs: EditionInput[], pick: (e: EditionInput) => T[], key: (t: T) => string) {
  const byKey = new Map<string, { edition: EditionInput; figure: T }[]>();
  for (const edition of inputs) {
    for (const figure of pick(edition)) {
      const k = key(figure);
      const list = byKey.get(k) ?? [];
      list.push({ edition, figure });
      byKey.set(k, list);
    }
  }
  return [...byKey.values()].map((list) => {
    const sorted = [...list].sort((a, b) => b.edition.rank - a.edition.rank);
    return { winner: sorted[0], older: sorted.slice(1) };
  });
}

function revisedNote(
  older: { edition: EditionInput; value: number | string }[],
  current: number | string,
): string | undefined {
  const differing = older.filter((o) => o.value !== current).map((o) => `${o.edition.id}: ${o.value}`);
  return differing.length > 0 ? differing.join("; ") : undefined;
}

export function resolveEditions(inputs: EditionInput[], problems: Problems) {
  for (const e of inputs) {
    checkUnique(e.id, e.production, (p) => `${p.country} ${p.year}`, "production row", problems);
    checkUnique(e.id, e.reserves, (r) => r.country, "reserves row", problems);
    checkUnique(e.id, e.prices, (p) => `${p.oxide} ${p.year}`, "price", problems);
    checkUnique(e.id, e.salient, (s) => `${s.metric} / ${s.item} / ${s.year}`, "salient value", problems);
  }

  const years = [...new Set(inputs.flatMap((e) => e.production.map((p) => p.year)))].sort((a, b) => a - b);
  const production: ProductionRecord[] = [];
  const supersededProduction: ProductionRecord[] = [];
  const productionRecord = (p: ProductionFigure & Revised, edition: string): ProductionRecord => {
    const record: ProductionRecord = { country: p.country, year: p.year, tonnes: p.tonnes, edition };
    if (p.note !== "") record.note = p.note;
    if (p.revision) record.revision = p.revision;
    return record;
  };
  for (const year of years) {
    const covering = inputs.filter((e) => e.production.some((p) => p.year === year)).sort((a, b) => b.rank - a.rank);
    const [winner, ...older] = covering;
    for (const e of older)
      for (const p of e.production.filter((f) => f.year === year)) supersededProduction.push(productionRecord(p, e.id));
    for (const p of winner.production.filter((f) => f.year === year)) {
      const olderFigures = older.flatMap((e) =>
        e.production
          .filter((f) => f.year === year && f.country === p.country)
          .map((f) => ({ edition: e, value: f.tonnes })),
      );
      const record = productionRecord(p, winner.id);
      const revised = revisedNote(olderFigures, p.tonnes);
      if (revised) record.revised = revised;
      production.push(record);
    }
  }

  const reservesRecord = (r: ReservesFigure & Revised, edition: string): ReservesRecord => {
    const record: ReservesRecord = { country: r.country, tonnes: r.tonnes, qualifier: r.qualifier, edition };
    if (r.note !== "") record.note = r.note;
    if (r.revision) record.revision = r.revision;
    return record;
  };
  const reservesByCountry = newestPerKey(
    inputs,
    (e) => e.reserves,
    (r) => r.country,
  );
  const reserves = reservesByCountry.map(({ winner }) => reservesRecord(winner.figure, winner.edition.id));
  const supersededReserves = reservesByCountry.flatMap(({ older }) =>
    older.map((o) => reservesRecord(o.figure, o.edition.id)),
  );

  const priceRecord = (p: PriceFigure, edition: string): PriceRecord => ({
    oxide: p.oxide,
    year: p.year,
    usdPerKg: p.usdPerKg,
    edition,
  });
  const pricesByKey = newestPerKey(
    inputs,
    (e) => e.prices,
    (p) => `${p.oxide}\u0000${p.year}`,
  );
  const byOxideYear = (a: PriceRecord, b: PriceRecord) => a.oxide.localeCompare(b.oxide, "en") || a.year - b.year;
  const supersededPrices = pricesByKey
    .flatMap(({ older }) => older.map((o) => priceRecord(o.figure, o.edition.id)))
    .sort(byOxideYear);
  const prices: PriceRecord[] = pricesByKey
    .map(({ winner, older }) => {
      const p = winner.figure;
      const record = priceRecord(p, winner.edition.id);
      const revised = revisedNote(
        older.map((o) => ({ edition: o.edition, value: o.figure.usdPerKg })),
        p.usdPerKg,
      );
      if (revised) record.revised = revised;
      return record;
    })
    .sort(byOxideYear);

  const salientRecord = (s: SalientFigure, edition: string): SalientRecord => ({
    metric: s.metric,
    item: s.item,
    year: s.year,
    value: s.value,
    unit: s.unit,
    edition,
  });
  const bySeriesYear = (a: SalientRecord, b: SalientRecord) =>
    a.metric.localeCompare(b.metric, "en") || a.item.localeCompare(b.item, "en") || a.year.localeCompare(b.year, "en");
  const salientByKey = newestPerKey(
    inputs,
    (e) => e.salient,
    (s) => `${s.metric}\u0000${s.item}\u0000${s.year}`,
  );
  const salient = salientByKey.map(({ winner }) => salientRecord(winner.figure, winner.edition.id)).sort(bySeriesYear);
  const supersededSalient = salientByKey
    .flatMap(({ older }) => older.map((o) => salientRecord(o.figure, o.edition.id)))
    .sort(bySeriesYear);

  return {
    production,
    reserves,
    prices,
    salient,
    supersededProduction,
    supersededReserves,
    supersededPrices,
    supersededSalient,
  };
}
