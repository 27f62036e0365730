import type { Cell, Table } from "./api";
import type { Indexes } from "./indexes";
import { NameIndex } from "./names";
import type { Dataset, ListName, SalientRecord } from "./types";
import { eventStatus, exportControlStatus } from "./event-status";
import { HISTORY_MEASURES } from "./history";
import { US_STAT_METRICS } from "./usstat";
import { STAGES, WORLD } from "./vocab";

/**
 * LIST and TABLE: whole vocabularies and tables with a header row, blanks as "" (a blank
 * cell in Excel). Built from the Dataset on first use and cached by RareData.
 */

const LIST_KINDS = new NameIndex(
  [
    { name: "elements", aliases: ["element"] },
    { name: "risks", aliases: ["risk", "risk factors", "risk factor", "factors"] },
    { name: "strategies", aliases: ["strategy"] },
    { name: "countries", aliases: ["country"] },
    { name: "oxides", aliases: ["oxide", "prices", "price"] },
    { name: "years", aliases: ["year"] },
    { name: "stages", aliases: ["stage"] },
    { name: "events", aliases: ["event"] },
    { name: "sources", aliases: ["source"] },
    { name: "keyrisks", aliases: ["key risks", "key risk"] },
    { name: "aims", aliases: ["aim", "negotiation aims", "negotiation aim"] },
    { name: "keystrategies", aliases: ["key strategies", "key strategy"] },
    { name: "editions", aliases: ["edition"] },
    { name: "measures", aliases: ["measure", "history measures"] },
    { name: "usstats", aliases: ["usstat", "us statistics", "us stats"] },
    { name: "kinds", aliases: ["kind"] },
  ],
  { what: "list kind", plural: "kinds", vocabulary: true },
);

const TABLE_KINDS = new NameIndex(
  [
    { name: "elements", aliases: ["element"] },
    { name: "risks", aliases: ["risk", "risk factors"] },
    { name: "strategies", aliases: ["strategy"] },
    { name: "production", aliases: ["mine production"] },
    { name: "reserves", aliases: ["reserve"] },
    { name: "prices", aliases: ["price", "oxides", "oxide prices"] },
    { name: "stages", aliases: ["stage", "shares", "share", "china shares"] },
    { name: "events", aliases: ["event"] },
    { name: "sources", aliases: ["source"] },
    { name: "imports", aliases: ["import", "import sources", "us imports"] },
    { name: "reliance", aliases: ["net import reliance", "nir"] },
    { name: "salient", aliases: ["salient statistics"] },
    { name: "keyrisks", aliases: ["key risks"] },
    { name: "aims", aliases: ["negotiation aims"] },
    { name: "keystrategies", aliases: ["key strategies"] },
  ],
  { what: "table kind", plural: "kinds", vocabulary: true },
);

/** The kinds LIST and TABLE accept, for their help text (functions/table.ts). */
export const LIST_KIND_NAMES: readonly string[] = LIST_KINDS.names;
export const TABLE_KIND_NAMES: readonly string[] = TABLE_KINDS.names;

const blank = <T>(value: T | null | undefined): T | "" => (value === null || value === undefined ? "" : value);
/** Years and percentages print as numbers where the source printed a plain number. */
const numberIfPlain = (text: string): Cell => (/^\d+(\.\d+)?$/.test(text) ? Number(text) : text);

function listItems(dataset: Dataset, list: ListName): Cell[] {
  return dataset.lists.filter((l) => l.list === list).map((l) => l.item);
}

export function buildList(kind: string, dataset: Dataset, ix: Indexes): Cell[] {
  switch (LIST_KINDS.resolve(kind)) {
    case "elements":
      return dataset.elements.map((e) => e.name);
    case "risks":
      return dataset.risks.map((r) => r.factor);
    case "strategies":
      return dataset.strategies.map((s) => s.strategy);
    case "countries":
      return ix.countries.filter((c) => c !== WORLD);
    case "oxides":
      return dataset.oxides.map((o) => o.name);
    case "years":
      return [...ix.productionYears];
    case "stages":
      return [...STAGES];
    case "events":
      return dataset.events.map((e) => e.id);
    case "sources":
      return dataset.sources.map((s) => s.id);
    case "keyrisks":
      return listItems(dataset, "keyrisks");
    case "aims":
      return listItems(dataset, "aims");
    case "keystrategies":
      return listItems(dataset, "keystrategies");
    case "editions":
      return dataset.editions
        .filter((e) => !e.workbookLayer)
        .sort((a, b) => a.rank - b.rank)
        .map((e) => e.id);
    case "measures":
      return [...HISTORY_MEASURES.names];
    case "usstats":
      return US_STAT_METRICS.map((m) => m.name);
    default:
      return [...LIST_KINDS.names];
  }
}

function salientTable(dataset: Dataset, keep: (s: SalientRecord) => boolean, ix: Indexes): Table {
  return [
    ["metric", "item", "year", "value", "unit", "edition", "source"],
    ...dataset.salient
      .filter(keep)
      .map((s) => [
        s.metric,
        s.item,
        numberIfPlain(s.year),
        s.value,
        s.unit,
        s.edition,
        blank(ix.editionSource.get(s.edition)),
      ]),
  ];
}

function build(kind: string, dataset: Dataset, ix: Indexes): Table {
  const src = (edition: string) => blank(ix.editionSource.get(edition));
  switch (kind) {
    case "elements":
      return [
        [
          "element",
          "symbol",
          "atomic number",
          "group (EU 2023)",
          "China export control",
          "EU CRMA magnet REE",
          "main uses",
          "primary use (article)",
          "China's share",
          "sources",
        ],
        ...dataset.elements.map((e) => {
          const use = ix.uses.get(e.name);
          const share = ix.shares.get(e.name);
          const ids = [
            ...new Set([
              ...Object.values(e.src).flat(),
              ...[use?.src, share?.src].filter((id): id is string => id !== undefined),
            ]),
          ];
          return [
            e.name,
            e.symbol,
            e.atomicNumber,
            e.group,
            exportControlStatus(e, ix.events, dataset.asOf),
            e.magnet ? "yes" : "no",
            e.uses,
            blank(use?.use),
            blank(share?.share),
            ids.join(", "),
          ];
        }),
      ];
    case "risks":
      return [
        ["risk factor", "potential impact", "mitigation strategy", "source"],
        ...dataset.risks.map((r) => [r.factor, r.impact, r.mitigation, r.src]),
      ];
    case "strategies":
      return [
        ["strategy", "primary benefit", "implementation challenge", "source"],
        ...dataset.strategies.map((s) => [s.strategy, s.benefit, s.challenge, s.src]),
      ];
    case "production":
      return [
        ["country", "year", "mine production (t REO)", "edition", "source", "note", "earlier editions"],
        ...dataset.production.map((p) => [
          p.country,
          p.year,
          p.tonnes,
          p.edition,
          src(p.edition),
          blank(p.note),
          blank(p.revised),
        ]),
      ];
    case "reserves":
      return [
        ["country", "reserves (t REO)", "qualifier", "edition", "source", "note"],
        ...dataset.reserves.map((r) => [
          r.country,
          blank(r.tonnes),
          r.qualifier,
          r.edition,
          src(r.edition),
          blank(r.note),
        ]),
      ];
    case "prices": {
      const oxides = new Map(dataset.oxides.map((o) => [o.name, o]));
      return [
        ["oxide", "grade", "basis", "year", "price (USD/kg)", "edition", "source", "earlier editions"],
        ...dataset.prices.map((p) => [
          p.oxide,
          blank(oxides.get(p.oxide)?.spec),
          blank(oxides.get(p.oxide)?.basis),
          p.year,
          p.usdPerKg,
          p.edition,
          src(p.edition),
          blank(p.revised),
        ]),
      ];
    }
    case "stages":
      return [
        [
          "stage",
          "indicator",
          "scope",
          "year",
          "China's share (%)",
          "qualifier",
          "original publisher",
          "original document",
          "source type",
          "sources",
          "used by SHARE",
        ],
        ...dataset.stages.map((s) => [
          s.stage,
          s.indicator,
          s.scope,
          numberIfPlain(s.year),
          numberIfPlain(s.valueText),
          s.qualifier,
          s.publisher,
          s.document,
          s.sourceType,
          s.src.join(", "),
          s.chosen ? "yes" : "",
        ]),
      ];
    case "events":
      return [
        ["id", "date", "effective", "date note", "title", "summary", "authority", "materials", "status", "source"],
        ...dataset.events.map((e) => [
          e.id,
          e.date,
          e.effective,
          e.dateNote,
          e.title,
          e.summary,
          e.authority,
          e.materials,
          eventStatus(e, dataset.asOf),
          e.src,
        ]),
      ];
    case "sources":
      return [
        ["id", "title", "publisher", "date", "locator", "type", "notes"],
        ...dataset.sources.map((s) => [s.id, s.title, s.publisher, s.date, s.locator, s.type, s.notes]),
      ];
    case "imports":
      return salientTable(dataset, (s) => s.metric === "us_imports" || s.metric === "us_import_source_share", ix);
    case "reliance":
      return salientTable(dataset, (s) => s.metric === "net_import_reliance", ix);
    case "salient":
      return salientTable(dataset, () => true, ix);
    default: {
      const list = kind as ListName;
      return [["item", "source"], ...dataset.lists.filter((l) => l.list === list).map((l) => [l.item, l.src])];
    }
  }
}

export const buildTable = Object.assign(build, {
  /** Canonical table kind for any accepted spelling; #VALUE! listing kinds otherwise. */
  kindOf: (kind: string): string => TABLE_KINDS.resolve(kind),
});
