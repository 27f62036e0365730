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

/** A USGS edition (MCS2022…MCS2025) or an override layer, ranked oldest → newest. */
export interface EditionRecord {
  id: string;
  /** Source id the edition's figures cite. */
  src: string;
  rank: number;
}

export interface ElementRecord {
  name: string;
  symbol: string;
  atomicNumber: number;
  /** EU 2023 LREE/HREE group as written in the source (may carry a parenthetical). */
  group: string;
  exportControl: string;
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
}

export interface ReservesRecord {
  country: string;
  /** null: the edition prints NA (no figure). */
  tonnes: number | null;
  /** ">" when the source prints a lower bound. */
  qualifier: string;
  edition: string;
  note?: string;
}

export interface OxideRecord {
  /** Canonical name, e.g. "Neodymium oxide" or "Mischmetal". */
  name: string;
  /** Formula as USGS writes it in its salient column names (TbO2 for terbium). */
  formula: string;
  /** Element the oxide is of; "" for mischmetal (a Ce/La alloy). */
  element: string;
  /** Grade as given by MCS2025, e.g. "99.5% minimum". */
  spec: string;
}

export interface PriceRecord {
  oxide: string;
  year: number;
  usdPerKg: number;
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
}
