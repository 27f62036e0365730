import { buildCompounds } from "./name-kinds";
import { NameIndex } from "./names";
import type { Dataset, PriceRecord, ProductionRecord, Stage, StageShareRecord } from "./types";
import { buildPinned } from "./pinned";
import {
  COUNTRY_ALIASES,
  DS140,
  OTHER,
  OXIDE_FORMULA_ALIASES,
  STAGE_ALIASES,
  STAGES,
  USGS_OXIDES,
  WORLD,
} from "./vocab";

/** The oxide name an element's price is filed under ("Neodymium" → "Neodymium oxide"). */
export const oxideOf = (element: string): string => `${element} oxide`;

function byKey<T>(rows: readonly T[], key: (row: T) => string): Map<string, T> {
  return new Map(rows.map((row) => [key(row), row]));
}

const formulaAliasesOf = (element: string): string[] =>
  Object.keys(OXIDE_FORMULA_ALIASES).filter((f) => OXIDE_FORMULA_ALIASES[f] === element);

/**
 * Everything RareData looks up, built once per Dataset. Maps are keyed by canonical names;
 * NameIndex turns raw user text into those names.
 */
export type Indexes = ReturnType<typeof buildIndexes>;

export function buildIndexes(dataset: Dataset) {
  // An element's oxide names what users type for the element too ("Nd2O3", "neodymium oxide").
  const oxideAliases = (element: string): string[] =>
    USGS_OXIDES.filter((o) => o.element === element).flatMap((o) => [o.name, o.formula, ...(o.aliases ?? [])]);
  const elementNames = new NameIndex(
    dataset.elements.map((e) => ({
      name: e.name,
      aliases: [e.symbol, `${e.symbol} oxide`, ...oxideAliases(e.name), ...formulaAliasesOf(e.name)],
    })),
    { what: "element", plural: "elements" },
  );
  const compounds = buildCompounds();

  const production = new Map<number, Map<string, ProductionRecord>>();
  const yearsByCountry = new Map<string, number[]>();
  for (const row of dataset.production) {
    if (!production.has(row.year)) production.set(row.year, new Map());
    production.get(row.year)!.set(row.country, row);
    yearsByCountry.set(
      row.country,
      [...(yearsByCountry.get(row.country) ?? []), row.year].sort((a, b) => a - b),
    );
  }
  const named = new Set([...dataset.production.map((p) => p.country), ...dataset.reserves.map((r) => r.country)]);
  // Countries alphabetically, then the "other" group and the world total, so lists read naturally.
  const countries = [...named].filter((c) => c !== OTHER && c !== WORLD).sort((a, b) => a.localeCompare(b, "en"));
  for (const group of [OTHER, WORLD]) if (named.has(group)) countries.push(group);
  const countryNames = new NameIndex(
    countries.map((name) => ({ name, aliases: COUNTRY_ALIASES[name] ?? [] })),
    { what: "country", plural: "countries" },
  );

  // Any element resolves to its oxide, priced or not, so "Pr" gets "no sourced price" rather than "unknown".
  const priced = new Map(dataset.oxides.map((o) => [o.name, o]));
  const formulaAliases = formulaAliasesOf;
  const oxideEntries = dataset.oxides.map((o) => {
    const element = dataset.elements.find((e) => e.name === o.element);
    const vocab = USGS_OXIDES.find((v) => v.name === o.name);
    const aliases = [o.formula, ...(vocab?.aliases ?? []), ...formulaAliases(o.element)];
    if (element) aliases.push(element.name, element.symbol, `${element.symbol} oxide`);
    return { name: o.name, aliases };
  });
  for (const e of dataset.elements) {
    if (!priced.has(oxideOf(e.name)) && !dataset.oxides.some((o) => o.element === e.name)) {
      oxideEntries.push({
        name: oxideOf(e.name),
        aliases: [e.name, e.symbol, `${e.symbol} oxide`, ...formulaAliases(e.name)],
      });
    }
  }
  const oxideNames = new NameIndex(oxideEntries, { what: "oxide", plural: "oxides" });

  const prices = new Map<string, Map<number, PriceRecord>>();
  for (const row of dataset.prices) {
    if (!prices.has(row.oxide)) prices.set(row.oxide, new Map());
    prices.get(row.oxide)!.set(row.year, row);
  }

  const stageFigures = new Map<Stage, StageShareRecord>();
  for (const row of dataset.stages) if (row.chosen && row.stage !== "") stageFigures.set(row.stage, row);

  return {
    elementNames,
    elements: byKey(dataset.elements, (e) => e.name),
    uses: byKey(dataset.articleUses, (e) => e.element),
    shares: byKey(dataset.elementShares, (e) => e.element),
    riskNames: new NameIndex(
      dataset.risks.map((r) => ({ name: r.factor })),
      { what: "risk factor", plural: "risk factors" },
    ),
    risks: byKey(dataset.risks, (r) => r.factor),
    strategyNames: new NameIndex(
      dataset.strategies.map((s) => ({ name: s.strategy })),
      { what: "strategy", plural: "strategies" },
    ),
    strategies: byKey(dataset.strategies, (s) => s.strategy),
    stageNames: new NameIndex(
      STAGES.map((s) => ({ name: s, aliases: STAGE_ALIASES[s] })),
      { what: "stage", plural: "stages", vocabulary: true },
    ),
    stageFigures,
    countryNames,
    /** Canonical country names: countries A–Z, then Other countries, then the world total. */
    countries,
    /** year → country → row (every row of a year comes from the same edition). */
    production,
    productionYears: [...production.keys()].sort((a, b) => a - b),
    yearsByCountry,
    reserves: byKey(dataset.reserves, (r) => r.country),
    oxideNames,
    /** oxide → year → row; oxides without a USGS price have no entry. */
    prices,
    eventIds: new NameIndex(
      dataset.events.map((e) => ({ name: e.id })),
      { what: "event", plural: "events" },
    ),
    events: byKey(dataset.events, (e) => e.id),
    sources: byKey(dataset.sources, (s) => s.id),
    editionSource: new Map(dataset.editions.map((e) => [e.id, e.src])),
    editionNames: new NameIndex(
      // Only bundled editions can be pinned, so an override leaves the edition errors as they were.
      dataset.editions
        .filter((e) => !e.workbookLayer)
        .map((e) => ({ name: e.id, aliases: [e.id.replace(/^MCS/, "MCS "), e.id.replace(/^MCS/, "")] })),
      { what: "edition", plural: "editions", vocabulary: true },
    ),
    editionRank: new Map(dataset.editions.map((e) => [e.id, e.rank])),
    pinned: buildPinned(dataset),
    /** DS140 world production by year (1900–2020). */
    worldHistory: new Map(
      dataset.history.filter((h) => h.series === "world production" && h.edition === DS140).map((h) => [h.year, h]),
    ),
    /** Element → China's share of US imports of it (MCS2026 per-element import sources). */
    importShares: new Map(
      dataset.importSources.filter((i) => i.element !== "" && i.country.startsWith("China")).map((i) => [i.element, i]),
    ),
    /** Names of priced products that are not one element (NdPr oxide, mischmetal), normalised → the product. */
    compounds,
  };
}
