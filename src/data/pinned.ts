import { notAvailable } from "./errors";
import { orList } from "./names";
import type { Dataset, PriceRecord, ProductionRecord, ReservesRecord } from "./types";

/**
 * Every edition's own rows, so a model can ask for the figures of the edition it was built
 * on (PRODUCTION("Australia", 2024, "MCS2025") is 13,000 though MCS2026 revised it). The
 * winning rows and the superseded ones together are each edition as published.
 */
export interface PinnedIndex {
  /** edition → year → country → row. */
  production: Map<string, Map<number, Map<string, ProductionRecord>>>;
  /** edition → country → row. */
  reserves: Map<string, Map<string, ReservesRecord>>;
  /** edition → oxide → year → row. */
  prices: Map<string, Map<string, Map<number, PriceRecord>>>;
}

function nest<K1, K2, V>(map: Map<K1, Map<K2, V>>, k1: K1): Map<K2, V> {
  let inner = map.get(k1);
  if (!inner) map.set(k1, (inner = new Map()));
  return inner;
}

export function buildPinned(dataset: Dataset): PinnedIndex {
  const production: PinnedIndex["production"] = new Map();
  for (const row of [...dataset.production, ...dataset.supersededProduction])
    nest(nest(production, row.edition), row.year).set(row.country, row);
  const reserves: PinnedIndex["reserves"] = new Map();
  for (const row of [...dataset.reserves, ...dataset.supersededReserves])
    nest(reserves, row.edition).set(row.country, row);
  const prices: PinnedIndex["prices"] = new Map();
  for (const row of [...dataset.prices, ...dataset.supersededPrices])
    nest(nest(prices, row.edition), row.oxide).set(row.year, row);
  return { production, reserves, prices };
}

/** Editions oldest first, as LIST("editions") gives them, so a message reads in one order. */
export function oldestFirst(editions: Iterable<string>, ranks: Map<string, number>): string[] {
  return [...editions].sort((a, b) => (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0));
}

/** The editions (oldest first) whose rows cover a year, for "#N/A: … covered by …" messages. */
export function editionsCovering(pinned: PinnedIndex, year: number, ranks: Map<string, number>): string[] {
  return oldestFirst(
    [...pinned.production.entries()].filter(([, byYear]) => byYear.has(year)).map(([edition]) => edition),
    ranks,
  );
}

export function notCovered(edition: string, what: string, covering: string[]): Error {
  return notAvailable(
    covering.length === 0
      ? `${edition} does not cover ${what}, and no bundled edition does`
      : `${edition} does not cover ${what}; ${covering.length === 1 ? "the edition that does is" : "editions that do:"} ${orList(covering)}`,
  );
}
