/**
 * The RARE custom functions. Each one is a declaration for Excel (its JSDoc becomes
 * functions.json, the text Excel's autocomplete shows) and one line of wiring: argument
 * lifting, coercion and error mapping live in lift.ts/coerce.ts, the answers in src/.
 * custom-functions-metadata-plugin appends the CustomFunctions.associate calls.
 * All functions are synchronous, non-volatile and pure for a given dataset.
 */
import { bundled } from "../src/data/bundled";
import type { RareData } from "../src/data/rare-data";
import { isRareError } from "../src/data/errors";
import { gap as gapOf, priceImpact as priceImpactOf } from "../src/model/scenario";
import { requireElasticity, requireFraction } from "../src/model/scenario-inputs";
import { number, optionalNumber, optionalText, optionalTextOrNumber, optionalYear, text, type Coerce } from "./coerce";
import { isExcelError } from "./excel-error";
import { lifted, param, single, spill, spillOne, type CellResult, type Param } from "./lift";
import { installRuntime } from "./runtime-bridge";

let q: RareData = bundled;
installRuntime(bundled, (next) => (q = next));

const liftedShare = lifted([param("element", text), param("stage", optionalText)], (element, stage) =>
  q.tryShare(element, stage),
);
const liftedRisk = lifted([param("factor", text), param("field", optionalText)], (factor, field) =>
  q.risk(factor, field),
);
const liftedUse = lifted([param("element", text)], (element) => q.use(element));
const liftedStrategy = lifted([param("name", text), param("field", optionalText)], (name, field) =>
  q.strategy(name, field),
);
const edition = param("edition", optionalText);
const liftedProduction = lifted([param("country", text), param("year", optionalYear), edition], (country, year, ed) =>
  q.production(country, year, ed),
);
const liftedReserves = lifted([param("country", text), edition], (country, ed) => q.reserves(country, ed));
const liftedCountryShare = lifted([param("country", text), param("year", optionalYear), edition], (country, year, ed) =>
  q.countryShare(country, year, ed),
);
const liftedPrice = lifted([param("oxide_or_element", text), param("year", optionalYear), edition], (name, year, ed) =>
  q.price(name, year, ed),
);
const liftedHhi = lifted([param("year", optionalYear), edition], (year, ed) => q.hhi(year, ed));
const liftedUsStat = lifted([param("metric", text), param("year", optionalYear), edition], (metric, year, ed) =>
  q.usStat(metric, year, ed),
);
const liftedSource = lifted(
  [param("kind", text), param("key", text), param("field", optionalTextOrNumber), param("detail", optionalText)],
  (kind, key, field, detail) => q.source(kind, key, field, detail),
);

type Values<P extends readonly Param<unknown>[]> = { [K in keyof P]: P[K] extends Param<infer T> ? T : never };

/** A table from several single-value arguments (HISTORY): a range or an error in any argument is the answer. */
function spillArgs<const P extends readonly Param<unknown>[]>(
  params: P,
  args: unknown[],
  compute: (...values: Values<P>) => (string | number | boolean)[][],
): CellResult[][] {
  const values: unknown[] = [];
  for (let i = 0; i < params.length; i++) {
    let value: unknown;
    try {
      value = single(args[i], params[i].name);
    } catch (e) {
      return spill(() => {
        throw e;
      });
    }
    if (isExcelError(value)) return [[value]];
    values.push(value);
  }
  return spill(() => compute(...(params.map((p, i) => p.coerce(values[i], p.name)) as Values<P>)));
}

const historyParams = [
  param("measure", text),
  param("key", optionalText),
  param("start_year", optionalYear),
  param("end_year", optionalYear),
  param("headers", optionalNumber),
] as const;
// Scenario arguments are checked fully in the order they are written, so the first bad
// argument is the one reported (an unknown element before an out-of-range cut).
const elementWithShare: Coerce<string> = (v, name) => {
  const element = text(v, name);
  const share = q.tryShare(element, null);
  if (isRareError(share)) throw share;
  return element;
};
const fraction =
  (what: string): Coerce<number> =>
  (v, name) =>
    requireFraction(number(v, name), what);
const optionalFraction =
  (what: string): Coerce<number | null> =>
  (v, name) =>
    v === null || v === undefined || v === "" ? null : fraction(what)(v, name);
const optionalElasticity: Coerce<number | null> = (v, name) =>
  v === null || v === undefined || v === "" ? null : requireElasticity(number(v, name));

const liftedGap = lifted(
  [
    param("element", elementWithShare),
    param("cut", fraction("Cut")),
    param("mitigation", optionalFraction("Mitigation")),
  ],
  (element, cut, mitigation) => gapOf(q, element, cut, mitigation),
);
const liftedPriceImpact = lifted(
  [
    param("element", elementWithShare),
    param("cut", fraction("Cut")),
    param("elasticity", optionalElasticity),
    param("mitigation", optionalFraction("Mitigation")),
  ],
  (element, cut, elasticity, mitigation) => priceImpactOf(q, element, cut, elasticity, mitigation),
);

/**
 * China's share of supply of a rare-earth element, as a fraction (Neodymium → 0.8). With a stage (mining, refining, magnets, US imports) the sector-wide share reported for that stage.
 * @customfunction
 * @param element Element name or symbol, e.g. "Neodymium" or "Nd". May be a range.
 * @param [stage] Optional supply-chain stage: mining, refining, magnets or US imports. Omit for the element's own figure.
 * @returns China's share, 0 to 1.
 */
export function share(element: unknown[][], stage?: unknown[][]): unknown[][] {
  return liftedShare(element, stage);
}

/**
 * A risk factor's potential impact, or another column of the risk table (mitigation).
 * @customfunction
 * @param factor Risk factor, e.g. "Export Quotas", "Geopolitical Tensions", "Market Volatility". May be a range.
 * @param [field] Optional column: impact (default) or mitigation.
 * @returns The text of that column.
 */
export function risk(factor: unknown[][], field?: unknown[][]): unknown[][] {
  return liftedRisk(factor, field);
}

/**
 * The primary use of a rare-earth element, from the sources.
 * @customfunction
 * @param element Element name or symbol, e.g. "Dysprosium" or "Dy". May be a range.
 * @returns The element's primary use.
 */
export function use(element: unknown[][]): unknown[][] {
  return liftedUse(element);
}

/**
 * A supply-risk strategy's primary benefit, or another column (challenge).
 * @customfunction
 * @param name Strategy, e.g. "Recycling Programs" or "Domestic Mining Expansion". May be a range.
 * @param [field] Optional column: benefit (default) or challenge.
 * @returns The text of that column.
 */
export function strategy(name: unknown[][], field?: unknown[][]): unknown[][] {
  return liftedStrategy(name, field);
}

/**
 * A country's rare-earth mine production in tonnes of rare-earth oxide (USGS).
 * @customfunction
 * @param country Country, e.g. "China", "USA", "Myanmar". May be a range.
 * @param [year] Optional year; omitted means the latest year with data.
 * @param [edition] Optional USGS edition to read, e.g. "MCS2025"; omitted means the newest edition covering the year.
 * @returns Mine production, t REO.
 */
export function production(country: unknown[][], year?: unknown[][], edition?: unknown[][]): unknown[][] {
  return liftedProduction(country, year, edition);
}

/**
 * A country's rare-earth reserves in tonnes of rare-earth oxide (newest USGS edition that reports them).
 * @customfunction
 * @param country Country, e.g. "China" or "Brazil". May be a range.
 * @param [edition] Optional USGS edition to read, e.g. "MCS2025"; omitted means the newest edition listing the country.
 * @returns Reserves, t REO.
 */
export function reserves(country: unknown[][], edition?: unknown[][]): unknown[][] {
  return liftedReserves(country, edition);
}

/**
 * A country's share of world rare-earth mine production, as a fraction.
 * @customfunction
 * @param country Country, e.g. "China" or "Australia". May be a range.
 * @param [year] Optional year; omitted means the latest year with data.
 * @param [edition] Optional USGS edition to read, e.g. "MCS2025"; omitted means the newest edition covering the year.
 * @returns Share of world mine production, 0 to 1.
 */
export function countryshare(country: unknown[][], year?: unknown[][], edition?: unknown[][]): unknown[][] {
  return liftedCountryShare(country, year, edition);
}

/**
 * The price of a rare-earth oxide in US dollars per kilogram (USGS annual average); a range USGS prints (scandium oxide) comes back as that text.
 * @customfunction
 * @param oxide_or_element Oxide or element, e.g. "NdPr oxide", "Nd2O3", "Tb4O7", "Y2O3", "Nd", "Mischmetal". May be a range.
 * @param [year] Optional year; omitted means the latest year with data.
 * @param [edition] Optional USGS edition to read, e.g. "MCS2025"; omitted means the newest edition pricing that year.
 * @returns Price, USD/kg.
 */
export function price(oxide_or_element: unknown[][], year?: unknown[][], edition?: unknown[][]): unknown[][] {
  return liftedPrice(oxide_or_element, year, edition);
}

/**
 * Herfindahl–Hirschman index of world rare-earth mine production by country (0 to 10,000; above 2,500 is highly concentrated).
 * @customfunction
 * @param [year] Optional year; omitted means the latest year with data.
 * @param [edition] Optional USGS edition to read, e.g. "MCS2025"; omitted means the newest edition covering the year.
 * @returns The index, 0 to 10,000.
 */
export function hhi(year?: unknown[][], edition?: unknown[][]): unknown[][] {
  return liftedHhi(year, edition);
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
  return liftedUsStat(metric, year, edition);
}

/**
 * Spills a Year | Value history, shaped like STOCKHISTORY: production, reserves, countryshare, hhi, price, or a US statistic. Years without a sourced figure are left out.
 * @customfunction
 * @param measure What to chart, e.g. "production", "price", "hhi", "net import reliance".
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
  return spillArgs(historyParams, [measure, key, start_year, end_year, headers], (m, k, s, e, h) =>
    q.history(m, k, s, e, h),
  );
}

/**
 * Spills a column of valid names of a kind: elements, risks, strategies, countries, oxides, years, stages, events, sources, editions, measures, usstats.
 * @customfunction
 * @param kind What to list, e.g. "elements" or "countries".
 * @returns A column of names.
 */
export function list(kind: unknown[][]): unknown[][] {
  return spillOne(kind, param("kind", text), (k) => q.list(k).map((name) => [name]));
}

/**
 * Spills a whole table with a header row: elements, risks, strategies, production, reserves, prices, stages, events, sources.
 * @customfunction
 * @param kind Which table, e.g. "production" or "risks".
 * @returns The table, header row first.
 */
export function table(kind: unknown[][]): unknown[][] {
  return spillOne(kind, param("kind", text), (k) => q.table(k));
}

/**
 * The citation behind a RARE value: publisher, title, date, locator and source id, with the edition and revision (under 300 characters); "full" gives the whole provenance.
 * @customfunction
 * @param kind What the value is: share, risk, strategy, use, production, reserves, price, countryshare, hhi, usstat, event, element.
 * @param key The name the value is for, e.g. "Neodymium" or "China".
 * @param [field] Optional year, stage or column the value is for.
 * @param [detail] Optional: "full" for the whole provenance (how the figure was seen, caveats, conflicts, low-authority flags).
 * @returns The source citation.
 */
export function source(kind: unknown[][], key: unknown[][], field?: unknown[][], detail?: unknown[][]): unknown[][] {
  return liftedSource(kind, key, field, detail);
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
  return liftedGap(element, cut, mitigation);
}

/**
 * Estimated relative price change from an export cut: supply gap ÷ |price elasticity of demand| (bounded; see README).
 * @customfunction
 * @param element Element name or symbol with a sourced China share, e.g. "Neodymium". May be a range.
 * @param cut Export cut, 0 to 1 (e.g. 50%). May be a range.
 * @param [elasticity] Optional price elasticity of demand (magnitude, greater than 0); default is an editable assumption.
 * @param [mitigation] Optional mitigation offset, 0 to 1; default 0.
 * @returns The relative price change (0.4 means +40%).
 */
export function priceimpact(
  element: unknown[][],
  cut: unknown[][],
  elasticity?: unknown[][],
  mitigation?: unknown[][],
): unknown[][] {
  return liftedPriceImpact(element, cut, elasticity, mitigation);
}
