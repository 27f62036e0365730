/**
 * The compiled Dataset: what `npm run data` writes to src/data/generated/dataset.json and
 * what RareData is built from. Citations live once in `sources`; records point to them by
 * id (`src`), or through their `edition` for the USGS tables, so the bundle stays small.
 * Edition resolution (newest edition wins) is done at compile time: the production,
 * reserves, price and salient arrays hold only the winning rows.
 */

export type SourceType =
  | "primary"
  | "secondary report of primary"
  | "news article"
  | "web page"
  /** Added by mergeOverrides for figures a user imported from a workbook. */
  | "workbook override";

export interface SourceRecord {
  id: string;
  title: string;
  publisher: string;
  /** ISO date, possibly year or year-month only; "" when the source gives none. */
  date: string;
  /** URL, DOI or seeds/ file path. */
  locator: string;
  type: SourceType;
  notes: string;
}

/** A USGS edition (DS140, MCS2022…MCS2026) or an override layer, ranked oldest → newest. */
export interface EditionRecord {
  id: string;
  /** Source id the edition's figures cite. */
  src: string;
  rank: number;
  /** The report version the figures are read at, e.g. "v1.3 (2026-05-27)"; absent when never revised. */
  revision?: string;
  /** A workbook override's layer: it outranks the bundled editions but is not one to pin. */
  workbookLayer?: true;
}

export interface ElementRecord {
  name: string;
  symbol: string;
  atomicNumber: number;
  /** EU 2023 LREE/HREE group as written in the source (may carry a parenthetical). */
  group: string;
  exportControl: string;
  /** The event whose end date bounds the export-control text ("suspended … until"); "" when none. */
  controlEvent: string;
  /** EU CRMA 2024 Annex I "rare earth elements for permanent magnets". */
  magnet: boolean;
  /** Sourced main uses; "" when the curated file says MISSING. */
  uses: string;
  src: ElementSources;
}

/** Source ids behind each kind of element fact. */
export interface ElementSources {
  /** Symbol and atomic number. */
  identity: string[];
  group: string[];
  magnet: string[];
  exportControl: string[];
  uses: string[];
}

/** Primary use of an element, from the element table of article A002. */
export interface ElementUseRecord {
  element: string;
  use: string;
  src: string;
}

/**
 * China's share of an element (what SHARE(element) returns): the article's figure, or a
 * workbook override (mergeOverrides), each with its own source.
 */
export interface ElementShareRecord {
  element: string;
  /** Fraction 0..1. */
  share: number;
  /** As the source printed it ("80%"); "" for overrides. */
  printed: string;
  src: string;
}

export interface RiskRecord {
  factor: string;
  impact: string;
  mitigation: string;
  src: string;
}

export interface StrategyRecord {
  strategy: string;
  benefit: string;
  challenge: string;
  src: string;
}

export type ListName = "keyrisks" | "aims" | "keystrategies";

export interface ListItemRecord {
  list: ListName;
  item: string;
  src: string;
}

/** Mine production, t REO, from the edition that wins the year. */
export interface ProductionRecord {
  country: string;
  year: number;
  tonnes: number;
  edition: string;
  /** USGS footnote or note that qualifies the figure (e.g. China's production quota). */
  note?: string;
  /** Older editions' differing figures for the same country and year, e.g. "MCS2024: 240000". */
  revised?: string;
  /** The report revision that changed this figure after the data release (seeds/usgs-revisions.csv). */
  revision?: string;
}

export interface ReservesRecord {
  country: string;
  /** null: the edition prints NA (no figure). */
  tonnes: number | null;
  /** ">" when the source prints a lower bound. */
  qualifier: string;
  edition: string;
  note?: string;
  revision?: string;
}

export interface OxideRecord {
  /** Canonical name, e.g. "Neodymium oxide" or "Mischmetal". */
  name: string;
  /** Formula as USGS writes it in its salient column names (TbO2 for terbium). */
  formula: string;
  /** Element the oxide is of; "" for mischmetal (a Ce/La alloy). */
  element: string;
  /** Grade as given by the newest edition pricing it, e.g. "99.5% minimum". */
  spec: string;
  /** Trade basis and price reporter, e.g. "Free on board. Source: Argus Media group, …"; "" when not given. */
  basis: string;
}

export interface PriceRecord {
  oxide: string;
  year: number;
  /** A range as printed ("660–670") stays text: no midpoint is made up. */
  usdPerKg: number | string;
  edition: string;
  revised?: string;
}

/** US salient statistics kept as published: text values such as ">95" or "E" stay text. */
export interface SalientRecord {
  metric: string;
  item: string;
  /** A year, or a period such as "2020-2023" for import sources. */
  year: string;
  value: number | string;
  unit: string;
  edition: string;
}

/** A long series from a source outside the MCS editions (USGS DS140), one value per year. */
export interface HistoryRecord {
  series: string;
  year: number;
  /** "W" (withheld) stays text. */
  value: number | string;
  unit: string;
  edition: string;
}

/** Share of US imports of an element (or of rare earths as a whole) by source country. */
export interface ImportSourceRecord {
  /** "" for rare earths as a whole. */
  element: string;
  country: string;
  /** "2021-2024". */
  period: string;
  /** Fraction 0..1 (USGS prints a percentage). */
  share: number;
  edition: string;
}

export type Stage = "mining" | "refining" | "magnets" | "us imports";

/** A row of curated/china_shares.csv. */
export interface StageShareRecord {
  /** "" when the row's stage is outside the vocabulary (EU sourcing, all). */
  stage: Stage | "";
  indicator: string;
  scope: string;
  year: string;
  /** Percentage as printed ("85-95" for a range); "" when missing. */
  valueText: string;
  /** Fraction 0..1 for single values; null for ranges or missing values. */
  value: number | null;
  qualifier: string;
  publisher: string;
  document: string;
  sourceType: string;
  src: string[];
  /** The one figure per stage that SHARE returns (see seeds/README.md for the rule). */
  chosen: boolean;
}

export interface EventRecord {
  id: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) the event was announced; "" when not given. */
  date: string;
  /** ISO effective date; "" when not given. */
  effective: string;
  /** The source's own wording when it is not a plain ISO date ("early in 2023"). */
  dateNote: string;
  /** The instrument (curated events) or the article's own words (article events). */
  title: string;
  summary: string;
  authority: string;
  materials: string;
  status: string;
  /** The date the status's source is as of (ISO); "" when the source gives none. */
  statusAsOf: string;
  /** The date the status ends by its own terms (a suspension "until"); "" when open-ended. */
  ends: string;
  /** The status once `ends` has passed, e.g. "suspended until 10 Nov 2026 (Announcement No. 70 [2025])". */
  afterEnd: string;
  /** Why a field differs from the curated file (evidence), and the source it cites; "" when uncorrected. */
  correction: string;
  correctionSrc: string;
  src: string;
}

export interface Dataset {
  /** `${asOf}+${first 12 hex of sha256 over the seed files}`. */
  version: string;
  asOf: string;
  sources: SourceRecord[];
  editions: EditionRecord[];
  elements: ElementRecord[];
  articleUses: ElementUseRecord[];
  elementShares: ElementShareRecord[];
  risks: RiskRecord[];
  strategies: StrategyRecord[];
  lists: ListItemRecord[];
  production: ProductionRecord[];
  reserves: ReservesRecord[];
  oxides: OxideRecord[];
  prices: PriceRecord[];
  salient: SalientRecord[];
  stages: StageShareRecord[];
  events: EventRecord[];
  /** Rows of older editions that a newer edition replaced: kept so an edition can be pinned. */
  supersededProduction: ProductionRecord[];
  supersededReserves: ReservesRecord[];
  supersededPrices: PriceRecord[];
  supersededSalient: SalientRecord[];
  importSources: ImportSourceRecord[];
  history: HistoryRecord[];
}
