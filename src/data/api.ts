/**
 * The query surface the custom functions and the task pane use. Implemented by
 * `RareData` in src/data/rare-data.ts over a compiled `Dataset` (bundled seeds,
 * optionally layered with workbook overrides).
 *
 * Every method takes already-lifted scalars (functions/ does range lifting and type
 * coercion): names are strings (any case/spacing/alias), optional arguments are `null`
 * when omitted, years are integers. Each method returns a value or throws a RareError
 * (see errors.ts); it never returns NaN, Infinity or undefined, never invents a figure.
 */
export type Cell = string | number | boolean;
/** A spilled table: first row is the header. Missing values are "" (blank in Excel). */
export type Table = Cell[][];

export interface RareQueries {
  /** China's share (fraction 0..1). Without stage: the seed article figure for the element. */
  share(element: string, stage: string | null): number;
  /** A column of the risk-factor table; field defaults to "impact". */
  risk(factor: string, field: string | null): string;
  /** The element's primary use (seed article table; else sourced uses from element facts). */
  use(element: string): string;
  /** A column of the strategies table; field defaults to "benefit". */
  strategy(name: string, field: string | null): string;
  /**
   * Mine production, t REO. Year omitted: latest year with data for that country. Edition
   * (e.g. "MCS2025") omitted: the newest edition covering the year; given: that edition's own row.
   */
  production(country: string, year: number | null, edition?: string | null): number;
  /**
   * Reserves, t REO, from the newest edition that reports them (or the pinned edition); a
   * figure USGS prints as a lower bound comes back as printed text (">75,000,000").
   */
  reserves(country: string, edition?: string | null): number | string;
  /** Share (0..1) of world mine production in the year (latest when omitted). */
  countryShare(country: string, year: number | null, edition?: string | null): number;
  /** Oxide price, USD/kg; a range USGS prints ("660–670") as that text. Accepts oxide names, formulas (Nd2O3), elements, symbols. */
  price(oxideOrElement: string, year: number | null, edition?: string | null): number | string;
  /** Herfindahl–Hirschman index of mine production by country, 0..10,000. */
  hhi(year: number | null, edition?: string | null): number;
  /** A US salient statistic as printed (number, or text such as ">95"). */
  usStat(metric: string, year: number | null, edition?: string | null): number | string;
  /** Year | Value table shaped like STOCKHISTORY; header row unless headers is 0. */
  history(measure: string, key: string | null, start: number | null, end: number | null, headers: number | null): Table;
  /** Valid names of a kind (elements, risks, strategies, countries, oxides, years, ...). */
  list(kind: string): Cell[];
  /** A whole table with a header row. */
  table(kind: string): Table;
  /** The citation behind a value: kind (share, risk, production, ...), key, optional field/year. */
  source(kind: string, key: string, field: string | number | null, detail?: string | null): string;
  /** Dataset version fixed at build, e.g. "2026-11-23+1a2b3c4d5e6f". */
  version(): string;
}
