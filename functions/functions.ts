/**
 * The RARE custom functions as Excel sees them: each one's JSDoc becomes functions.json
 * (the text Excel's autocomplete shows) and its body is one call into the function table
 * (table.ts), where its parameters are declared; a test keeps the two in step.
 * custom-functions-metadata-plugin appends the CustomFunctions.associate calls.
 * All functions are synchronous, non-volatile and pure for a given dataset.
 */
import { bundled } from "../src/data/bundled";
import type { RareData } from "../src/data/rare-data";
import { installRuntime } from "./runtime-bridge";
import { functionTable } from "./table";

let q: RareData = bundled;
installRuntime(bundled, (next) => (q = next));
const fns = functionTable(() => q);

/**
 * China's share of supply of a rare-earth element, as a fraction (Neodymium → 0.8). With a stage, the sector-wide share reported for that stage.
 * @customfunction
 * @param element Element name or symbol, e.g. "Neodymium" or "Nd". May be a range.
 * @param [stage] Optional supply-chain stage: mining, refining, magnets or US imports. Omit for the element's own figure.
 * @returns China's share, 0 to 1.
 */
export function share(element: unknown[][], stage?: unknown[][]): unknown[][] {
  return fns.SHARE(element, stage);
}

/**
 * A risk factor's potential impact, or another column of the risk table.
 * @customfunction
 * @param factor Risk factor, e.g. "Export Quotas", "Geopolitical Tensions", "Market Volatility". May be a range.
 * @param [field] Optional column: impact, mitigation or factor; omitted means impact.
 * @returns The text of that column.
 */
export function risk(factor: unknown[][], field?: unknown[][]): unknown[][] {
  return fns.RISK(factor, field);
}

/**
 * The primary use of a rare-earth element, from the sources.
 * @customfunction
 * @param element Element name or symbol, e.g. "Dysprosium" or "Dy". May be a range.
 * @returns The element's primary use.
 */
export function use(element: unknown[][]): unknown[][] {
  return fns.USE(element);
}

/**
 * A supply-risk strategy's primary benefit, or another column of the strategy table.
 * @customfunction
 * @param name Strategy, e.g. "Recycling Programs" or "Domestic Mining Expansion". May be a range.
 * @param [field] Optional column: benefit, challenge or strategy; omitted means benefit.
 * @returns The text of that column.
 */
export function strategy(name: unknown[][], field?: unknown[][]): unknown[][] {
  return fns.STRATEGY(name, field);
}

/**
 * A country's rare-earth mine production in tonnes of rare-earth oxide (USGS).
 * @customfunction
 * @param country Country, e.g. "China", "USA", "Myanmar". May be a range.
 * @param [year] Optional year; omitted means the latest year with data.
 * @param [edition] Optional USGS edition to read, e.g. "MCS2025"; omitted means the newest edition covering it.
 * @returns Mine production, t REO.
 */
export function production(country: unknown[][], year?: unknown[][], edition?: unknown[][]): unknown[][] {
  return fns.PRODUCTION(country, year, edition);
}

/**
 * A country's rare-earth reserves in tonnes of rare-earth oxide (newest USGS edition that reports them).
 * @customfunction
 * @param country Country, e.g. "China" or "Brazil". May be a range.
 * @param [edition] Optional USGS edition to read, e.g. "MCS2025"; omitted means the newest edition covering it.
 * @returns Reserves, t REO; a lower bound as USGS prints it, e.g. ">75,000,000".
 */
export function reserves(country: unknown[][], edition?: unknown[][]): unknown[][] {
  return fns.RESERVES(country, edition);
}

/**
 * A country's share of world rare-earth mine production, as a fraction.
 * @customfunction
 * @param country Country, e.g. "China" or "Australia". May be a range.
 * @param [year] Optional year; omitted means the latest year with data.
 * @param [edition] Optional USGS edition to read, e.g. "MCS2025"; omitted means the newest edition covering it.
 * @returns Share of world mine production, 0 to 1.
 */
export function countryshare(country: unknown[][], year?: unknown[][], edition?: unknown[][]): unknown[][] {
  return fns.COUNTRYSHARE(country, year, edition);
}

/**
 * The price of a rare-earth oxide in US dollars per kilogram (USGS annual average); a range USGS prints (scandium oxide) comes back as that text.
 * @customfunction
 * @param oxide_or_element Oxide or element, e.g. "NdPr oxide", "Nd2O3", "Tb4O7", "Y2O3", "Nd", "Mischmetal". May be a range.
 * @param [year] Optional year; omitted means the latest year with data.
 * @param [edition] Optional USGS edition to read, e.g. "MCS2025"; omitted means the newest edition covering it.
 * @returns Price, USD/kg.
 */
export function price(oxide_or_element: unknown[][], year?: unknown[][], edition?: unknown[][]): unknown[][] {
  return fns.PRICE(oxide_or_element, year, edition);
}

/**
 * Herfindahl–Hirschman index of world rare-earth mine production by country (0 to 10,000; above 2,500 is highly concentrated).
 * @customfunction
 * @param [year] Optional year; omitted means the latest year with data.
 * @param [edition] Optional USGS edition to read, e.g. "MCS2025"; omitted means the newest edition covering it.
 * @returns The index, 0 to 10,000.
 */
export function hhi(year?: unknown[][], edition?: unknown[][]): unknown[][] {
  return fns.HHI(year, edition);
}

/**
 * A US rare-earth salient statistic (USGS MCS editions, and DS140 back to 1900), exactly as printed: ">95" and "E" (net exporter) stay text.
 * @customfunction
 * @param metric Statistic, e.g. "net import reliance", "mine production", "apparent consumption", "imports: compounds", "employment". May be a range.
 * @param [year] Optional year; omitted means the latest year with data.
 * @param [edition] Optional edition to read, e.g. "MCS2025" or "DS140".
 * @returns The statistic as printed.
 */
export function usstat(metric: unknown[][], year?: unknown[][], edition?: unknown[][]): unknown[][] {
  return fns.USSTAT(metric, year, edition);
}

/**
 * Spills a Year | Value history shaped like STOCKHISTORY: production, reserves, countryshare, hhi, price, or a US statistic. Years without a sourced figure are left out.
 * @customfunction
 * @param measure What to chart, e.g. "production", "price", "hhi", "us net import reliance".
 * @param [key] Country (production, reserves, countryshare; default World for production) or oxide (price).
 * @param [start_year] Optional first year.
 * @param [end_year] Optional last year.
 * @param [headers] Optional: 1 (default) for a Year | Value header row, 0 for none.
 * @returns The table, oldest year first.
 */
export function history(
  measure: unknown[][],
  key?: unknown[][],
  start_year?: unknown[][],
  end_year?: unknown[][],
  headers?: unknown[][],
): unknown[][] {
  return fns.HISTORY(measure, key, start_year, end_year, headers);
}

/**
 * Spills a column of the valid names of one kind, e.g. elements or countries.
 * @customfunction
 * @param kind What to list: elements, risks, strategies, countries, oxides, years, stages, events, sources, keyrisks, aims, keystrategies, editions, measures, usstats or kinds.
 * @returns A column of names.
 */
export function list(kind: unknown[][]): unknown[][] {
  return fns.LIST(kind);
}

/**
 * Spills a whole table with a header row, e.g. production or prices.
 * @customfunction
 * @param kind Which table: elements, risks, strategies, production, reserves, prices, stages, events, sources, imports, reliance, salient, keyrisks, aims or keystrategies.
 * @returns The table, header row first.
 */
export function table(kind: unknown[][]): unknown[][] {
  return fns.TABLE(kind);
}

/**
 * The citation behind a RARE value: publisher, title, date, locator and source id, with the edition and revision, in under 300 characters.
 * @customfunction
 * @param kind What the value is: share, risk, strategy, use, production, reserves, price, countryshare, hhi, event, element or usstat.
 * @param key The name the value is for, e.g. "Neodymium" or "China".
 * @param [field] Optional year, stage or column the value is for.
 * @param [detail] Optional: short or full. Short (default) is under 300 characters; full gives the whole provenance (how the figure was seen, caveats, conflicts, low-authority flags).
 * @returns The source citation.
 */
export function source(kind: unknown[][], key: unknown[][], field?: unknown[][], detail?: unknown[][]): unknown[][] {
  return fns.SOURCE(kind, key, field, detail);
}

/**
 * The version of the bundled dataset (date and content hash), so a refreshed model can record what it used.
 * @customfunction
 * @returns The dataset version.
 */
export function version(): string {
  return q.version();
}

/**
 * Supply gap: the fraction of world supply of an element lost if China cuts exports by `cut`, after mitigation. Gap = China share × cut × (1 − mitigation).
 * @customfunction
 * @param element Element name or symbol with a sourced China share, e.g. "Neodymium". May be a range.
 * @param cut Export cut, 0 to 1 (e.g. 50%). May be a range.
 * @param [mitigation] Optional mitigation offset, 0 to 1; default 0.
 * @returns The supply gap, 0 to 1.
 */
export function gap(element: unknown[][], cut: unknown[][], mitigation?: unknown[][]): unknown[][] {
  return fns.GAP(element, cut, mitigation);
}

/**
 * Estimated relative price change from an export cut: (1 − supply gap)^(−1/elasticity) − 1 (constant-elasticity demand), or supply gap ÷ elasticity with model "linear".
 * @customfunction
 * @param element Element name or symbol with a sourced China share, e.g. "Neodymium". May be a range.
 * @param cut Export cut, 0 to 1 (e.g. 50%). May be a range.
 * @param [elasticity] Optional price elasticity of demand (magnitude, greater than 0); default is an editable assumption.
 * @param [mitigation] Optional mitigation offset, 0 to 1; default 0.
 * @param [model] Optional price model: "constant" (default, constant-elasticity demand) or "linear".
 * @returns The relative price change (0.4 means +40%).
 */
export function priceimpact(
  element: unknown[][],
  cut: unknown[][],
  elasticity?: unknown[][],
  mitigation?: unknown[][],
  model?: unknown[][],
): unknown[][] {
  return fns.PRICEIMPACT(element, cut, elasticity, mitigation, model);
}

/**
 * An element's card: a data type whose properties are every figure RARE has for it (symbol, primary use, China share by stage, latest price and price history, export control, sources). Where Excel has no data types, the element's name.
 * @customfunction
 * @param element Element name, symbol or oxide, e.g. "Neodymium", "Nd" or "Nd2O3". May be a range.
 * @returns The element as a data type: =A2.[China share] reads a property.
 */
export function element(element: unknown[][]): unknown[][] {
  return fns.ELEMENT(element);
}

/**
 * A country's card: a data type whose properties are its mine production by year, reserves, share of world production and sources. Where Excel has no data types, the country's name.
 * @customfunction
 * @param country Country, e.g. "China", "USA" or "Myanmar". May be a range.
 * @returns The country as a data type: =A2.[Latest production] reads a property.
 */
export function country(country: unknown[][]): unknown[][] {
  return fns.COUNTRY(country);
}
