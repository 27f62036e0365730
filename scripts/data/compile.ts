import type { Dataset, EditionRecord, OxideRecord } from "../../src/data/types";
import { normalizeName } from "../../src/data/names";
import { USGS_OXIDES } from "../../src/data/vocab";
import { readArticleElements, readArticleEvents, readLists, readRisks, readStrategies } from "./articles";
import { isIsoDate } from "./cells";
import { checkSourcesResolve, citedSourceIds, crossCheckCopies } from "./checks";
import { CsvTable, parseCsv } from "./csv";
import { CURATED_EDITION, readCuratedProduction, readCuratedSalient } from "./curated";
import { EditionInput, resolveEditions } from "./editions";
import { Located, readChinaShares, readCuratedEvents, readElements } from "./facts";
import { Problems } from "./problems";
import { readEventSources, readSources } from "./sources";
import { chooseStageFigures } from "./stages";
import { readSalientFile, readWorldFile } from "./usgs";
import { datasetVersion, SeedFile } from "./version";

/**
 * Seeds → Dataset. Host-free: the caller supplies the files' bytes (scripts/compile-data.ts
 * reads them from disk; tests pass altered copies). Throws SeedValidationError listing every
 * problem as `file:line: message`.
 */

const USGS_EDITIONS = [
  {
    id: "MCS2022",
    rank: 1,
    world: "seeds/usgs/rare_earths_mcs2022-raree_world.csv",
    salient: "seeds/usgs/rare_earths_mcs2022-raree_salient.csv",
  },
  {
    id: "MCS2023",
    rank: 2,
    world: "seeds/usgs/mcs2023-raree_world.csv",
    salient: "seeds/usgs/mcs2023-raree_salient.csv",
  },
  {
    id: "MCS2024",
    rank: 3,
    world: "seeds/usgs/mcs2024-raree_world.csv",
    salient: "seeds/usgs/mcs2024-raree_salient.csv",
  },
];

/** USGS edition → the source its figures cite (MCS2025 figures come from the chapter, S1). */
const EDITIONS: EditionRecord[] = [
  { id: "MCS2022", src: "MCS2022", rank: 1 },
  { id: "MCS2023", src: "MCS2023", rank: 2 },
  { id: "MCS2024", src: "MCS2024", rank: 3 },
  { id: CURATED_EDITION, src: "S1", rank: 4 },
];

const FILES = {
  asOf: "seeds/dataset.json",
  sources: "seeds/sources.csv",
  eventSources: "seeds/event-sources.csv",
  production: "seeds/curated/production.csv",
  salient: "seeds/curated/us_salient_mcs2025.csv",
  elements: "seeds/curated/elements.csv",
  shares: "seeds/curated/china_shares.csv",
  events: "seeds/curated/events.csv",
  articleElements: "seeds/article-tables/elements.csv",
  risks: "seeds/article-tables/risks.csv",
  strategies: "seeds/article-tables/strategies.csv",
  lists: "seeds/article-tables/lists.csv",
  articleEvents: "seeds/article-tables/events.csv",
};

function decodeAll(files: SeedFile[], problems: Problems): Map<string, string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const texts = new Map<string, string>();
  for (const f of files) {
    try {
      texts.set(f.path, decoder.decode(f.bytes));
    } catch {
      problems.add(f.path, null, "is not valid UTF-8");
    }
  }
  return texts;
}

function readAsOf(text: string, problems: Problems): string {
  try {
    const asOf = (JSON.parse(text) as { asOf?: unknown }).asOf;
    if (typeof asOf === "string" && isIsoDate(asOf) && asOf.length === 10) return asOf;
  } catch {
    // reported below
  }
  problems.add(FILES.asOf, null, 'must be JSON like { "asOf": "YYYY-MM-DD" }');
  return "";
}

function checkUniqueNames<T>(items: Located<T>[], name: (t: T) => string, what: string, problems: Problems): void {
  const seen = new Map<string, Located<T>>();
  for (const item of items) {
    const key = normalizeName(name(item.record));
    const first = seen.get(key);
    if (first)
      problems.add(item.file, item.line, `duplicate ${what} "${name(item.record)}" (first on line ${first.line})`);
    else seen.set(key, item);
  }
}

export function compileDataset(files: SeedFile[]): Dataset {
  const problems = new Problems();
  const texts = decodeAll(files, problems);
  const required = [...Object.values(FILES), ...USGS_EDITIONS.flatMap((e) => [e.world, e.salient])];
  for (const path of required) if (!files.some((f) => f.path === path)) problems.add(path, null, "missing seed file");
  problems.throwIfAny();
  const csv = (path: string): CsvTable => parseCsv(path, texts.get(path) ?? "", problems);

  const asOf = readAsOf(texts.get(FILES.asOf) ?? "", problems);
  const sources = readSources(csv(FILES.sources), problems);
  const sourceIds = new Set(sources.map((s) => s.record.id));
  const articleTexts = new Map<string, string>();
  for (const { record } of sources) {
    const text = texts.get(record.locator);
    if (record.locator.startsWith("seeds/articles/") && text !== undefined) articleTexts.set(record.id, text);
  }

  // USGS editions, oldest first; MCS2025 from the curated chapter extraction.
  const editionInputs: EditionInput[] = USGS_EDITIONS.map((e) => ({
    id: e.id,
    rank: e.rank,
    ...readWorldFile(csv(e.world), e.id, problems),
    ...readSalientFile(csv(e.salient), e.id, problems),
  }));
  const curatedProduction = readCuratedProduction(csv(FILES.production), problems);
  const curatedSalient = readCuratedSalient(csv(FILES.salient), problems);
  editionInputs.push({
    id: CURATED_EDITION,
    rank: 4,
    production: curatedProduction.production,
    reserves: curatedProduction.reserves,
    prices: curatedSalient.prices,
    salient: curatedSalient.salient,
  });
  const verbatim2024 = editionInputs.find((e) => e.id === "MCS2024")!;
  crossCheckCopies(
    { production: curatedProduction.mcs2024, reserves: curatedProduction.mcs2024Reserves },
    verbatim2024,
    problems,
  );
  const resolved = resolveEditions(editionInputs, problems);

  const { elements, prices2024 } = readElements(csv(FILES.elements), problems);
  checkUniqueNames(elements, (e) => e.name, "element", problems);
  checkUniqueNames(elements, (e) => e.symbol, "symbol", problems);
  const oxides: OxideRecord[] = USGS_OXIDES.map((o) => ({ ...o, spec: curatedSalient.specs.get(o.name) ?? "" }));
  for (const { record, file } of elements) {
    const listed = prices2024.get(record.name);
    const oxide = oxides.find((o) => o.element === record.name);
    const price = oxide && resolved.prices.find((p) => p.oxide === oxide.name && p.year === 2024);
    if (listed && price?.usdPerKg !== listed.usdPerKg)
      problems.add(
        file,
        listed.line,
        `2024 price ${listed.usdPerKg} for ${record.name} differs from the salient statistics (${price?.usdPerKg ?? "none"})`,
      );
  }

  const stages = readChinaShares(csv(FILES.shares), problems);
  chooseStageFigures(stages.map((s) => s.record));
  const eventSources = readEventSources(csv(FILES.eventSources), problems);
  const events = [
    ...readCuratedEvents(csv(FILES.events), eventSources, problems),
    ...readArticleEvents(csv(FILES.articleEvents), articleTexts, problems),
  ];
  checkUniqueNames(events, (e) => e.id, "event id", problems);

  const articleElements = readArticleElements(csv(FILES.articleElements), articleTexts, problems);
  checkUniqueNames(articleElements, (e) => e.element, "element", problems);
  const elementNames = new Set(elements.map((e) => e.record.name));
  for (const a of articleElements)
    if (!elementNames.has(a.record.element))
      problems.add(a.file, a.line, `element "${a.record.element}" is not in ${FILES.elements}`);
  const risks = readRisks(csv(FILES.risks), articleTexts, problems);
  checkUniqueNames(risks, (r) => r.factor, "risk factor", problems);
  const strategies = readStrategies(csv(FILES.strategies), articleTexts, problems);
  checkUniqueNames(strategies, (s) => s.strategy, "strategy", problems);
  const lists = readLists(csv(FILES.lists), articleTexts, problems);
  checkUniqueNames(lists, (l) => `${l.list} ${l.item}`, "list item", problems);

  // Every cited id must resolve; reported at the citing row.
  const located: Located<{ src: string | string[] | object }>[] = [
    ...elements,
    ...articleElements,
    ...risks,
    ...strategies,
    ...lists,
    ...stages,
    ...events,
  ];
  for (const { record, file, line } of located) {
    const ids =
      typeof record.src === "string"
        ? [record.src]
        : Array.isArray(record.src)
          ? record.src
          : Object.values(record.src).flat();
    for (const id of ids)
      if (!sourceIds.has(id)) problems.add(file, line, `source id "${id}" is not in ${FILES.sources}`);
  }
  for (const e of EDITIONS)
    if (!sourceIds.has(e.src)) problems.add(FILES.sources, null, `edition ${e.id} cites "${e.src}", which is missing`);

  const body = {
    editions: EDITIONS,
    elements: elements.map((e) => e.record),
    articleUses: articleElements.map((e) => e.record.use),
    elementShares: articleElements.map((e) => e.record.share),
    risks: risks.map((r) => r.record),
    strategies: strategies.map((s) => s.record),
    lists: lists.map((l) => l.record),
    production: resolved.production,
    reserves: resolved.reserves,
    oxides,
    prices: resolved.prices,
    salient: resolved.salient,
    stages: stages.map((s) => s.record),
    events: events.map((e) => e.record),
  };
  // Only sources something cites are bundled; seeds/sources.csv keeps the rest for provenance.
  const cited = citedSourceIds(body);
  const dataset: Dataset = {
    version: datasetVersion(asOf, files),
    asOf,
    sources: sources.map((s) => s.record).filter((s) => cited.has(s.id)),
    ...body,
  };
  checkSourcesResolve(dataset, problems);
  problems.throwIfAny();
  return dataset;
}
