import { coerceYear } from "./years";
import { notAvailable } from "./errors";
import type { Indexes } from "./indexes";
import { NameIndex, normalizeName } from "./names";
import type { RareData } from "./rare-data";
import type { ElementSources } from "./types";
import { OTHER, WORLD } from "./vocab";

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

/** The kinds SOURCE accepts, for its help text (functions/table.ts). */
export const SOURCE_KIND_NAMES: readonly string[] = KINDS.names;

const fmt = (n: number): string => n.toLocaleString("en-US");

function cite(ix: Indexes, ids: readonly string[]): string {
  return ids
    .map((id) => {
      const s = ix.sources.get(id);
      if (!s) return `[${id}]`;
      const note = s.notes === "" ? "" : ` (${s.notes.replace(/\.$/, "")})`;
      return `${s.title}, ${s.publisher} (${s.date || "undated"}), ${s.locator} [${s.id}]${note}`;
    })
    .join(" | ");
}

const withNotes = (citationText: string, notes: (string | false | undefined)[]): string => {
  const kept = notes.filter((n): n is string => typeof n === "string" && n !== "");
  return kept.length === 0 ? citationText : `${citationText}. ${kept.join("; ")}`;
};

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
): string {
  const editionCite = (edition: string) => cite(ix, [ix.editionSource.get(edition) ?? edition]);
  switch (KINDS.resolve(kind)) {
    case "share": {
      const stage = fieldText(field);
      if (stage === null || normalizeName(stage) === "") {
        data.share(key, null); // same resolution and errors as SHARE
        const row = ix.shares.get(ix.elementNames.resolve(key))!;
        return withNotes(cite(ix, [row.src]), [
          row.printed === ""
            ? "element share entered as an override"
            : `element table of the article, printed as ${row.printed}`,
        ]);
      }
      const { element, stage: stageName, figure } = data.stageFigure(key, stage);
      return withNotes(cite(ix, figure.src), [
        `sector-wide figure for rare earths as a whole (scope: ${figure.scope}), not specific to ${element}`,
        figure.sourceType.startsWith("secondary") && `secondary report of ${figure.publisher}: ${figure.document}`,
        `data year: ${figure.year}`,
        `chosen for stage "${stageName}" by the rule in seeds/README.md (all candidates in TABLE("stages"))`,
      ]);
    }
    case "risk": {
      const column = fieldText(field);
      const value = data.risk(key, column);
      const row = ix.risks.get(ix.riskNames.resolve(key))!;
      return withNotes(cite(ix, [row.src]), [`risk-factor table of the article: "${value}"`]);
    }
    case "strategy": {
      const value = data.strategy(key, fieldText(field));
      const row = ix.strategies.get(ix.strategyNames.resolve(key))!;
      return withNotes(cite(ix, [row.src]), [`strategy table of the article: "${value}"`]);
    }
    case "use": {
      data.use(key);
      const name = ix.elementNames.resolve(key);
      const fromArticle = ix.uses.get(name);
      if (fromArticle)
        return withNotes(cite(ix, [fromArticle.src]), ["primary use from the element table of the article"]);
      const element = ix.elements.get(name)!;
      return withNotes(cite(ix, element.src.uses), ["main uses from the curated element facts"]);
    }
    case "production":
    case "countryshare": {
      const isShare = KINDS.resolve(kind) === "countryshare";
      const value = isShare ? data.countryShare(key, fieldYear(field)) : data.production(key, fieldYear(field));
      const row = data.productionRow(key, fieldYear(field));
      const total = data.countryTotal(row.year);
      const world = ix.production.get(row.year)?.get(WORLD);
      return withNotes(editionCite(row.edition), [
        `USGS ${row.edition}, the newest edition covering ${row.year}; mine production, t REO`,
        row.note && `USGS note: ${row.note}`,
        row.revised && `earlier editions: ${row.revised}`,
        isShare &&
          `${(value * 100).toFixed(1)}% of the sum of the country rows for ${row.year} (${fmt(total)} t)` +
            (world ? `, not of the rounded world total (${fmt(world.tonnes)} t)` : ""),
      ]);
    }
    case "hhi": {
      const year = fieldYear(field) ?? fieldYear(key);
      const y = data.hhiYear(year);
      const rows = [...(ix.production.get(y)?.values() ?? [])].filter((r) => r.country !== WORLD);
      const edition = rows[0].edition;
      return withNotes(editionCite(edition), [
        `HHI over the ${rows.length} producer rows of USGS ${edition} for ${y}` +
          (rows.some((r) => r.country === OTHER) ? ' ("Other countries" counted as one producer)' : ""),
        `shares of the sum of those rows (${fmt(data.countryTotal(y))} t), not of the rounded world total`,
        "computed, not published by USGS",
      ]);
    }
    case "reserves": {
      const row = data.reservesRow(key);
      return withNotes(editionCite(row.edition), [
        `USGS ${row.edition}, the newest edition listing ${row.country}; reserves, t REO`,
        row.qualifier === ">" && `printed as a lower bound (>${fmt(row.tonnes!)})`,
        row.note,
      ]);
    }
    case "price": {
      const row = data.priceRow(key, fieldYear(field));
      const spec = data.dataset.oxides.find((o) => o.name === row.oxide)?.spec;
      return withNotes(editionCite(row.edition), [
        `USGS ${row.edition}, the newest edition reporting ${row.oxide} for ${row.year}; USD/kg, annual average${spec ? `, ${spec}` : ""}`,
        row.revised && `earlier editions: ${row.revised}`,
      ]);
    }
    case "event": {
      const event = ix.events.get(ix.eventIds.resolve(key))!;
      return withNotes(cite(ix, [event.src]), [
        event.dateNote && `date as given: ${event.dateNote}`,
        event.status && `status: ${event.status}`,
      ]);
    }
    default: {
      const name = ix.elementNames.resolve(key);
      const element = ix.elements.get(name)!;
      const fact = fieldText(field);
      if (fact === null || normalizeName(fact) === "") {
        return cite(ix, [...new Set(Object.values(element.src).flat())]);
      }
      const which = ELEMENT_FACTS.resolve(fact) as keyof ElementSources;
      if (element.src[which].length === 0)
        throw notAvailable(`No source for ${name}'s ${fact}: the curated element facts mark it MISSING`);
      return cite(ix, element.src[which]);
    }
  }
}
