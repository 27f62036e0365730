import { coerceYear } from "./years";
import { notAvailable } from "./errors";
import type { Indexes } from "./indexes";
import { NameIndex, normalizeName } from "./names";
import type { RareData } from "./rare-data";
import type { ElementSources } from "./types";
import { eventStatus } from "./event-status";
import { usStatRow } from "./usstat";
import { DS140, OTHER, WORLD } from "./vocab";

/**
 * SOURCE(kind, key, field): the citation behind a value, as
 * "<title>, <publisher> (<date>), <locator> [<id>]" (several joined by " | "), then the
 * scope notes a reader needs to judge the figure: edition used, sector-wide vs element,
 * secondary reporting, denominators. It resolves its arguments exactly as the value's own
 * function does, so SOURCE fails where the value fails, with the same message.
 */

const KINDS = new NameIndex(
  [
    { name: "share", aliases: ["shares", "china share", "stage"] },
    { name: "risk", aliases: ["risks", "risk factor"] },
    { name: "strategy", aliases: ["strategies"] },
    { name: "use", aliases: ["uses", "primary use"] },
    { name: "production", aliases: ["mine production"] },
    { name: "reserves", aliases: ["reserve"] },
    { name: "price", aliases: ["prices"] },
    { name: "countryshare", aliases: ["country share", "country shares"] },
    { name: "hhi", aliases: ["herfindahl", "concentration"] },
    { name: "event", aliases: ["events"] },
    { name: "element", aliases: ["elements", "element facts"] },
    { name: "usstat", aliases: ["us statistics", "us stat", "salient"] },
  ],
  { what: "source kind", plural: "kinds", vocabulary: true },
);

const ELEMENT_FACTS = new NameIndex(
  [
    { name: "identity", aliases: ["symbol", "atomic number", "name"] },
    { name: "group", aliases: ["lree/hree", "eu group"] },
    { name: "magnet", aliases: ["crma", "magnet flag", "crma magnet"] },
    { name: "exportControl", aliases: ["export control", "china export control"] },
    { name: "uses", aliases: ["use", "main uses"] },
  ],
  { what: "element field", plural: "fields", vocabulary: true },
);

const DETAIL = new NameIndex(
  [
    { name: "short", aliases: ["brief", "default"] },
    { name: "full", aliases: ["all", "detail", "detailed", "provenance", "long"] },
  ],
  { what: "detail", plural: "details", vocabulary: true },
);

/** The kinds SOURCE accepts, for its help text (functions/table.ts). */
export const SOURCE_KIND_NAMES: readonly string[] = KINDS.names;
/** The details SOURCE accepts, for its help text. */
export const SOURCE_DETAIL_NAMES: readonly string[] = DETAIL.names;

const fmt = (n: number): string => n.toLocaleString("en-US");

/** Default citations stay under this many characters (a cell a reader can take in). */
export const SHORT_LIMIT = 300;

const cut = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;

/** "publisher, title (date), locator [id]", the title and then the locator shortened to fit. */
function shortCite(ix: Indexes, ids: readonly string[], suffix: string): string {
  const s = ix.sources.get(ids[0]);
  const more = ids.length > 1 ? ` (also ${ids.slice(1).join(", ")})` : "";
  const tail = suffix === "" ? "" : `. ${suffix}`;
  if (!s) return cut(`[${ids[0]}]${more}${tail}`, SHORT_LIMIT - 1);
  const build = (title: string, locator: string) =>
    `${s.publisher}, ${title} (${s.date || "undated"}), ${locator} [${s.id}]${more}${tail}`;
  let text = build(s.title, s.locator);
  const over = () => text.length - (SHORT_LIMIT - 1);
  if (over() > 0) text = build(cut(s.title, Math.max(40, s.title.length - over())), s.locator);
  if (over() > 0) text = build(cut(s.title, 40), cut(s.locator, Math.max(30, s.locator.length - over())));
  return cut(text, SHORT_LIMIT - 1);
}

function fullCite(ix: Indexes, ids: readonly string[]): string {
  return ids
    .map((id) => {
      const s = ix.sources.get(id);
      if (!s) return `[${id}]`;
      const note = s.notes === "" ? "" : ` (${s.notes.replace(/\.$/, "")})`;
      return `${s.title}, ${s.publisher} (${s.date || "undated"}), ${s.locator} [${s.id}], ${s.type}${note}`;
    })
    .join(" | ");
}

type Note = string | false | undefined | null;

/** What a citation says: its sources, the notes short enough for the default, and the rest. */
interface Cited {
  ids: string[];
  short: Note[];
  full?: Note[];
}

const kept = (notes: Note[]): string[] => notes.filter((n): n is string => typeof n === "string" && n !== "");

function render(ix: Indexes, cited: Cited, detail: string): string {
  if (detail === "short") return shortCite(ix, cited.ids, kept(cited.short).join("; "));
  const notes = kept([...cited.short, ...(cited.full ?? [])]);
  const text = fullCite(ix, cited.ids);
  return notes.length === 0 ? text : `${text}. ${notes.join("; ")}`;
}

const LOW_AUTHORITY = /low authority/i;

/** Field as a year: checked exactly as the value functions check their year argument. */
const fieldYear = (field: string | number | null): number | null => coerceYear(field);

const fieldText = (field: string | number | null): string | null =>
  field === null || field === undefined ? null : String(field);

export function citation(
  data: RareData,
  ix: Indexes,
  kind: string,
  key: string,
  field: string | number | null,
  detail: string | null = null,
): string {
  const level =
    detail === null || detail === undefined || normalizeName(String(detail)) === ""
      ? "short"
      : DETAIL.resolve(String(detail));
  return render(ix, cited(data, ix, kind, key, field), level);
}

function editionLabel(ix: Indexes, data: RareData, edition: string): string {
  const revision = data.dataset.editions.find((e) => e.id === edition)?.revision;
  if (ix.sources.get(ix.editionSource.get(edition) ?? "")?.type === "workbook override")
    return `workbook override ${edition}`;
  return revision ? `USGS ${edition}, report ${revision}` : `USGS ${edition}`;
}

function cited(data: RareData, ix: Indexes, kind: string, key: string, field: string | number | null): Cited {
  const editionIds = (edition: string) => [ix.editionSource.get(edition) ?? edition];
  switch (KINDS.resolve(kind)) {
    case "share": {
      const stage = fieldText(field);
      if (stage === null || normalizeName(stage) === "") {
        data.share(key, null); // same resolution and errors as SHARE
        const row = ix.shares.get(data.element(key))!;
        if (row.printed === "") return { ids: [row.src], short: ["element share entered as a workbook override"] };
        return {
          ids: [row.src],
          short: [`printed as ${row.printed}; the article states no stage, year or source for this share`],
          full: ["element table of the article"],
        };
      }
      const { element, stage: stageName, own, figure } = data.stageFigure(key, stage);
      if (own)
        return {
          ids: editionIds(own.edition),
          short: [
            `${Math.round(own.share * 100)}% of US imports of ${element} compounds and metals came from ${own.country}, ${own.period} (USGS ${own.edition} import sources)`,
          ],
          full: ["an element-specific USGS figure, not the sector-wide stage figure"],
        };
      return {
        ids: figure!.src,
        short: [
          `sector-wide ${stageName} figure for rare earths as a whole, not specific to ${element}; data year: ${figure!.year}`,
        ],
        full: [
          `scope: ${figure!.scope}`,
          figure!.sourceType.startsWith("secondary") && `secondary report of ${figure!.publisher}: ${figure!.document}`,
          `chosen for stage "${stageName}" by RARE's stage rule: exact over qualified, stated data year, latest year (all candidates in TABLE("stages"))`,
        ],
      };
    }
    case "risk": {
      const value = data.risk(key, fieldText(field));
      const row = ix.risks.get(ix.riskNames.resolve(key))!;
      return { ids: [row.src], short: [], full: [`risk-factor table of the article: "${value}"`] };
    }
    case "strategy": {
      const value = data.strategy(key, fieldText(field));
      const row = ix.strategies.get(ix.strategyNames.resolve(key))!;
      return { ids: [row.src], short: [], full: [`strategy table of the article: "${value}"`] };
    }
    case "use": {
      data.use(key);
      const name = data.element(key);
      const fromArticle = ix.uses.get(name);
      if (fromArticle)
        return { ids: [fromArticle.src], short: [], full: ["primary use from the element table of the article"] };
      const ids = ix.elements.get(name)!.src.uses;
      const low = ids.length > 0 && ids.every((id) => LOW_AUTHORITY.test(ix.sources.get(id)?.notes ?? ""));
      return {
        ids,
        short: [low && "low-authority sources only (company or supplier pages): verify before use"],
        full: ["main uses from the curated element facts"],
      };
    }
    case "production":
    case "countryshare": {
      const isShare = KINDS.resolve(kind) === "countryshare";
      const year = fieldYear(field);
      const value = isShare ? data.countryShare(key, year) : data.production(key, year);
      const row = data.productionRow(key, year);
      const world = ix.production.get(row.year)?.get(WORLD);
      const latest = ix.productionYears[ix.productionYears.length - 1];
      const stale =
        year === null &&
        row.year < latest &&
        `latest figure for ${row.country} is ${row.year}: editions covering ${row.year + 1}–${latest} do not list it`;
      if (row.edition === DS140)
        return {
          ids: editionIds(DS140),
          short: [`USGS Data Series 140, world production ${row.year}, t REO`],
          full: ["DS140 fills only years no bundled MCS edition covers"],
        };
      return {
        ids: editionIds(row.edition),
        short: [`${editionLabel(ix, data, row.edition)}, ${row.year}`, stale, row.revision],
        full: [
          `the newest edition covering ${row.year}; mine production, t REO`,
          row.note && `USGS note: ${row.note}`,
          row.revised && `earlier editions: ${row.revised}`,
          isShare &&
            `${(value * 100).toFixed(1)}% of the sum of the country rows for ${row.year} (${fmt(data.countryTotal(row.year))} t)` +
              (world ? `, not of the rounded world total (${fmt(world.tonnes)} t)` : ""),
        ],
      };
    }
    case "hhi": {
      // Keyed by its year ("2024"); "World", the market it measures, means the latest year.
      const year = fieldYear(field) ?? (/^\s*world\s*$/i.test(key) ? null : fieldYear(key));
      const y = data.hhiYear(year);
      const rows = [...(ix.production.get(y)?.values() ?? [])].filter((r) => r.country !== WORLD);
      const edition = rows[0].edition;
      return {
        ids: editionIds(edition),
        short: [`computed from the ${rows.length} producer rows of ${editionLabel(ix, data, edition)} for ${y}`],
        full: [
          rows.some((r) => r.country === OTHER) && '"Other countries" counted as one producer',
          `shares of the sum of those rows (${fmt(data.countryTotal(y))} t), not of the rounded world total`,
          "computed, not published by USGS",
        ],
      };
    }
    case "reserves": {
      const row = data.reservesRow(key);
      return {
        ids: editionIds(row.edition),
        short: [editionLabel(ix, data, row.edition), row.revision],
        full: [
          `the newest edition listing ${row.country}; reserves, t REO`,
          row.qualifier === ">" && `printed as a lower bound (>${fmt(row.tonnes!)})`,
          row.note,
        ],
      };
    }
    case "price": {
      const row = data.priceRow(key, fieldYear(field));
      const oxide = data.dataset.oxides.find((o) => o.name === row.oxide);
      return {
        ids: editionIds(row.edition),
        short: [
          `${editionLabel(ix, data, row.edition)}, ${row.year}; USD/kg${oxide?.spec ? `, ${oxide.spec}` : ""}${oxide?.basis ? `, ${oxide.basis}` : ""}`,
        ],
        full: [
          `the newest edition reporting ${row.oxide} for ${row.year}; annual average`,
          typeof row.usdPerKg === "string" && `printed as a range (${row.usdPerKg}); no midpoint is given`,
          row.revised && `earlier editions: ${row.revised}`,
        ],
      };
    }
    case "usstat": {
      const row = usStatRow(data.dataset, key, fieldYear(field), null);
      return {
        ids: editionIds(row.edition),
        short: [
          `${row.edition === DS140 ? "USGS Data Series 140" : editionLabel(ix, data, row.edition)}, ${row.year}; US ${row.metric.name}, ${row.unit}`,
        ],
        full: [
          typeof row.value === "string" && `printed as "${row.value}"${row.value === "E" ? " (net exporter)" : ""}`,
          row.metric.ds140 && row.metric.salient && "MCS editions win over DS140 where both give a year",
        ],
      };
    }
    case "event": {
      const event = ix.events.get(ix.eventIds.resolve(key))!;
      const status = eventStatus(event, data.dataset.asOf);
      return {
        ids: [event.src],
        short: [status && `status: ${status}`],
        full: [
          event.dateNote && `date as given: ${event.dateNote}`,
          event.correction && `${event.correction} (${fullCite(ix, [event.correctionSrc])})`,
        ],
      };
    }
    default: {
      const name = data.element(key);
      const element = ix.elements.get(name)!;
      const fact = fieldText(field);
      if (fact === null || normalizeName(fact) === "")
        return { ids: [...new Set(Object.values(element.src).flat())], short: [] };
      const which = ELEMENT_FACTS.resolve(fact) as keyof ElementSources;
      if (element.src[which].length === 0)
        throw notAvailable(`No source for ${name}'s ${fact}: the curated element facts mark it MISSING`);
      return { ids: element.src[which], short: [] };
    }
  }
}
