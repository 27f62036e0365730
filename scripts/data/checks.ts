import type { Dataset } from "../../src/data/types";
import { Problems } from "./problems";
import type { ProductionFigure, ReservesFigure } from "./usgs";

/** Cross-file checks that no single reader can make. */

interface EditionFigures {
  production: ProductionFigure[];
  reserves: ReservesFigure[];
}

/**
 * The curated MCS2024 rows (read from one copy of the data release) must equal the verbatim
 * MCS2024 file (another copy): two independent copies agreeing is the evidence the figures
 * are the release's, and the build stops if either drifts.
 */
export function crossCheckCopies(curated: EditionFigures, verbatim: EditionFigures, problems: Problems): void {
  const verbatimProduction = new Map(verbatim.production.map((f) => [`${f.country} ${f.year}`, f]));
  const curatedProduction = new Map(curated.production.map((f) => [`${f.country} ${f.year}`, f]));
  for (const [key, c] of curatedProduction) {
    const v = verbatimProduction.get(key);
    if (!v) problems.add(c.file, c.line, `MCS2024 ${key} is not in the verbatim MCS2024 world file`);
    else if (v.tonnes !== c.tonnes)
      problems.add(
        c.file,
        c.line,
        `MCS2024 ${key}: curated ${c.tonnes} differs from verbatim ${v.tonnes} (${v.file}:${v.line})`,
      );
  }
  for (const [key, v] of verbatimProduction) {
    if (!curatedProduction.has(key)) problems.add(v.file, v.line, `MCS2024 ${key} has no curated MCS2024 row`);
  }
  const verbatimReserves = new Map(verbatim.reserves.map((f) => [f.country, f]));
  for (const c of curated.reserves) {
    const v = verbatimReserves.get(c.country);
    if (!v)
      problems.add(c.file, c.line, `MCS2024 reserves for ${c.country} are not in the verbatim MCS2024 world file`);
    else if (v.tonnes !== c.tonnes)
      problems.add(
        c.file,
        c.line,
        `MCS2024 reserves for ${c.country}: curated ${c.tonnes ?? "NA"} differs from verbatim ${v.tonnes ?? "NA"} (${v.file}:${v.line})`,
      );
  }
}

/** Every id a record cites must be a row of the sources table. */
export function checkSourcesResolve(dataset: Dataset, problems: Problems, where = "dataset"): void {
  const ids = new Set(dataset.sources.map((s) => s.id));
  const editions = new Map(dataset.editions.map((e) => [e.id, e.src]));
  const check = (table: string, key: string, id: string | undefined) => {
    if (id === undefined || !ids.has(id))
      problems.add(where, null, `${table} ${key}: source id "${id}" does not resolve in sources`);
  };
  const checkEdition = (table: string, key: string, edition: string) => {
    if (!editions.has(edition)) problems.add(where, null, `${table} ${key}: edition "${edition}" is unknown`);
    else check(table, key, editions.get(edition));
  };
  dataset.elements.forEach((e) =>
    Object.values(e.src)
      .flat()
      .forEach((id) => check("elements", e.name, id)),
  );
  dataset.articleUses.forEach((e) => check("element uses", e.element, e.src));
  dataset.elementShares.forEach((e) => check("element shares", e.element, e.src));
  dataset.risks.forEach((r) => check("risks", r.factor, r.src));
  dataset.strategies.forEach((s) => check("strategies", s.strategy, s.src));
  dataset.lists.forEach((l) => check(`list ${l.list}`, l.item, l.src));
  dataset.stages.forEach((s) => s.src.forEach((id) => check("stages", s.indicator, id)));
  dataset.events.forEach((e) => check("events", e.id, e.src));
  dataset.events
    .filter((e) => e.correctionSrc !== "")
    .forEach((e) => check("event corrections", e.id, e.correctionSrc));
  dataset.production.forEach((p) => checkEdition("production", `${p.country} ${p.year}`, p.edition));
  dataset.reserves.forEach((r) => checkEdition("reserves", r.country, r.edition));
  dataset.prices.forEach((p) => checkEdition("prices", `${p.oxide} ${p.year}`, p.edition));
  dataset.salient.forEach((s) => checkEdition("salient", `${s.metric} ${s.item} ${s.year}`, s.edition));
  dataset.supersededProduction.forEach((p) => checkEdition("production", `${p.country} ${p.year}`, p.edition));
  dataset.supersededReserves.forEach((r) => checkEdition("reserves", r.country, r.edition));
  dataset.supersededPrices.forEach((p) => checkEdition("prices", `${p.oxide} ${p.year}`, p.edition));
  dataset.supersededSalient.forEach((s) => checkEdition("salient", `${s.metric} ${s.item} ${s.year}`, s.edition));
  dataset.importSources.forEach((i) => checkEdition("import sources", `${i.element} ${i.country}`, i.edition));
  dataset.history.forEach((h) => checkEdition("history", `${h.series} ${h.year}`, h.edition));
}

/** Ids any record cites (directly or through its edition). */
export function citedSourceIds(dataset: Omit<Dataset, "sources" | "version" | "asOf">): Set<string> {
  const ids = new Set<string>();
  const usedEditions = new Set(
    [
      ...dataset.production,
      ...dataset.reserves,
      ...dataset.prices,
      ...dataset.salient,
      ...dataset.supersededProduction,
      ...dataset.supersededReserves,
      ...dataset.supersededPrices,
      ...dataset.supersededSalient,
      ...dataset.importSources,
      ...dataset.history,
    ].map((r) => r.edition),
  );
  dataset.editions.filter((e) => usedEditions.has(e.id)).forEach((e) => ids.add(e.src));
  dataset.elements.forEach((e) =>
    Object.values(e.src)
      .flat()
      .forEach((id) => ids.add(id)),
  );
  [
    ...dataset.articleUses,
    ...dataset.elementShares,
    ...dataset.risks,
    ...dataset.strategies,
    ...dataset.lists,
    ...dataset.events,
  ].forEach((r) => ids.add(r.src));
  dataset.stages.forEach((s) => s.src.forEach((id) => ids.add(id)));
  dataset.events.forEach((e) => e.correctionSrc !== "" && ids.add(e.correctionSrc));
  return ids;
}
