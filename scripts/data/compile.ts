import type { Dataset, EditionRecord, ElementRecord, EventRecord, OxideRecord } from "../../src/data/types";
import { normalizeName } from "../../src/data/names";
import { DS140, USGS_OXIDES } from "../../src/data/vocab";
import { readArticleElements, readArticleEvents, readLists, readRisks, readStrategies } from "./articles";
import { isIsoDate } from "./cells";
import { checkSourcesResolve, citedSourceIds, crossCheckCopies } from "./checks";
import { CsvTable, parseCsv } from "./csv";
import { CURATED_EDITION, readCuratedProduction, readCuratedSalient } from "./curated";
import { decodeWindows1252 } from "./cp1252";
import { readDs140 } from "./ds140";
import { EditionInput, resolveEditions } from "./editions";
import { applyEventCorrections, applyEventStatus } from "./events";
import { readMcs2026 } from "./mcs2026";
import { applyRevisions } from "./revisions";
import { sha256Hex } from "../../src/data/sha256";
import { readFirstSheet } from "./xlsx";
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
  { id: "MCS2026", src: "MCS2026", rank: 5, revision: "v1.3 (2026-05-27)" },
  // Not an MCS edition: DS140's long series fill only years no MCS edition covers.
  { id: DS140, src: DS140, rank: 0 },
];

const MCS2026 = {
  data: "seeds/usgs/mcs2026/usgs_mcs2026_commodities_data.csv",
  sums: "seeds/usgs/mcs2026/SHA256SUMS",
};

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
  events2026: "seeds/curated/events_2025_2026.csv",
  eventStatus: "seeds/event-status.csv",
  eventCorrections: "seeds/event-corrections.csv",
  revisions: "seeds/usgs-revisions.csv",
  ds140: "seeds/usgs/ds140/ds140-rare-earths-2020.xlsx",
  ...MCS2026,
};

/** Seeds that are not UTF-8 text: the MCS2026 release is Windows-1252 (its em dash is byte 0x97). */
const WINDOWS_1252 = [MCS2026.data];
const BINARY = /\.(xlsx|pdf)$/;

/** The data release must be the file whose sha256 USGS's copy records (SHA256SUMS beside it). */
function checkRecordedHash(files: SeedFile[], texts: Map<string, string>, problems: Problems): void {
  const name = MCS2026.data.split("/").pop()!;
  const line = (texts.get(MCS2026.sums) ?? "").split("\n").find((l) => l.trim().endsWith(`  ${name}`));
  const recorded = line?.split(/\s+/)[0];
  const bytes = files.find((f) => f.path === MCS2026.data)?.bytes;
  if (!recorded) problems.add(MCS2026.sums, null, `no sha256 recorded for ${name}`);
  else if (bytes && sha256Hex(bytes) !== recorded)
    problems.add(MCS2026.data, null, `sha256 differs from ${MCS2026.sums}: not the data release as copied`);
}

function decodeAll(files: SeedFile[], problems: Problems): Map<string, string> {
  const texts = new Map<string, string>();
  for (const f of files) {
    if (BINARY.test(f.path)) continue;
    if (WINDOWS_1252.includes(f.path)) {
      texts.set(f.path, decodeWindows1252(f.bytes));
      continue;
    }
    try {
      texts.set(f.path, new TextDecoder("utf-8", { fatal: true }).decode(f.bytes));
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

/**
 * An element's export-control text that names a suspension ("suspended by No.70 [2025] …
 * until 10 Nov 2026") is bounded by that suspension's event, so TABLE can say when the
 * bound has passed.
 */
function linkControlEvents(elements: Located<ElementRecord>[], events: Located<EventRecord>[]): void {
  for (const { record } of elements) {
    // "suspended by No.70 [2025]" names the suspending announcement; "No.62 [2025], suspended"
    // names a suspended one (an event whose title lists it among others).
    const by = /suspended by No\.\s?(\d+) \[(\d{4})\]/.exec(record.exportControl);
    const of = /No\.\s?(\d+) \[(\d{4})\],? suspended/.exec(record.exportControl);
    const event =
      (by &&
        events.find((e) => e.record.ends !== "" && e.record.title.includes(`Announcement No. ${by[1]} [${by[2]}]`))) ||
      (of && events.find((e) => e.record.ends !== "" && e.record.title.includes(`No. ${of[1]} [${of[2]}]`)));
    record.controlEvent = event ? event.record.id : "";
  }
}

export function compileDataset(files: SeedFile[]): Dataset {
  const problems = new Problems();
  const texts = decodeAll(files, problems);
  const required = [...Object.values(FILES), ...USGS_EDITIONS.flatMap((e) => [e.world, e.salient])];
  for (const path of required) if (!files.some((f) => f.path === path)) problems.add(path, null, "missing seed file");
  problems.throwIfAny();
  checkRecordedHash(files, texts, problems);
  const csv = (path: string): CsvTable => parseCsv(path, texts.get(path) ?? "", problems);

  const asOf = readAsOf(texts.get(FILES.asOf) ?? "", problems);
  const sources = readSources(csv(FILES.sources), problems);
  const sourceIds = new Set(sources.map((s) => s.record.id));
  const articleTexts = new Map<string, string>();
  for (const { record } of sources) {
    const text = texts.get(record.locator);
    if (record.locator.startsWith("seeds/articles/") && text !== undefined) {
      articleTexts.set(record.id, text);
      // The seed path finds the text; users see no repository paths.
      record.locator = "no address: the article text was supplied without publication details";
    }
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
  const mcs2026 = readMcs2026(csv(MCS2026.data), problems);
  applyRevisions(csv(FILES.revisions), "MCS2026", mcs2026, problems);
  editionInputs.push({
    id: "MCS2026",
    rank: 5,
    production: mcs2026.production,
    reserves: mcs2026.reserves,
    prices: mcs2026.prices,
    salient: mcs2026.salient,
  });
  const history = readDs140(FILES.ds140, readFirstSheet(files.find((f) => f.path === FILES.ds140)!.bytes), problems);
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
  const oxides: OxideRecord[] = USGS_OXIDES.map(({ name, formula, element }) => {
    const grade = mcs2026.grades.get(name);
    return {
      name,
      formula,
      element,
      spec: grade?.spec ?? curatedSalient.specs.get(name) ?? "",
      basis: grade?.basis ?? "",
    };
  });
  // elements.csv was compiled from MCS2025: its 2024 prices must equal that edition's.
  for (const { record, file } of elements) {
    const listed = prices2024.get(record.name);
    const oxide = oxides.find((o) => o.element === record.name);
    const price = oxide && curatedSalient.prices.find((p) => p.oxide === oxide.name && p.year === 2024);
    if (listed && price?.usdPerKg !== listed.usdPerKg)
      problems.add(
        file,
        listed.line,
        `2024 price ${listed.usdPerKg} for ${record.name} differs from the MCS2025 salient statistics (${price?.usdPerKg ?? "none"})`,
      );
  }

  const stages = readChinaShares(csv(FILES.shares), problems);
  // MCS2026's sector-wide China share of US imports is a candidate like the curated rows.
  for (const row of mcs2026.importSources.filter((i) => i.element === "" && i.country.startsWith("China")))
    stages.push({
      file: row.file,
      line: row.line,
      record: {
        stage: "us imports",
        indicator: "China share of US imports of RE compounds and metals",
        scope: "rare-earth compounds and metals",
        year: row.period,
        valueText: String(row.share),
        value: row.share / 100,
        qualifier: "",
        publisher: "USGS",
        document: "MCS2026 Rare Earths, Import Sources (data release)",
        sourceType: "primary",
        src: ["MCS2026"],
        chosen: false,
      },
    });
  chooseStageFigures(stages.map((s) => s.record));
  const eventSources = readEventSources(csv(FILES.eventSources), problems);
  const curatedEvents = [
    ...readCuratedEvents(csv(FILES.events), eventSources, problems),
    ...readCuratedEvents(csv(FILES.events2026), eventSources, problems),
  ];
  applyEventStatus(curatedEvents, csv(FILES.eventStatus), problems);
  applyEventCorrections(curatedEvents, csv(FILES.eventCorrections), problems);
  const events = [...curatedEvents, ...readArticleEvents(csv(FILES.articleEvents), articleTexts, problems)];
  checkUniqueNames(events, (e) => e.id, "event id", problems);
  linkControlEvents(elements, curatedEvents);

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
    supersededProduction: resolved.supersededProduction,
    supersededReserves: resolved.supersededReserves,
    supersededPrices: resolved.supersededPrices,
    supersededSalient: resolved.supersededSalient,
    importSources: mcs2026.importSources.map(({ element, country, period, share }) => ({
      element,
      country,
      period,
      share: share / 100,
      edition: "MCS2026",
    })),
    history,
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
