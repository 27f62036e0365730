import type { Cell, Table } from "./api";
import { invalidValue, notAvailable } from "./errors";
import { NameIndex } from "./names";
import type { RareData } from "./rare-data";
import { US_STAT_METRICS, usStatSeries } from "./usstat";

/**
 * HISTORY(measure, key, start, end, headers): a Year | Value table shaped like Excel's
 * STOCKHISTORY (header row unless headers is 0, oldest year first). Only years with a
 * sourced figure appear, so a gap in the sources is a gap in the table; nothing is filled.
 */

const TIME_SERIES = [
  { name: "production", aliases: ["mine production"] },
  { name: "reserves", aliases: ["reserve"] },
  { name: "countryshare", aliases: ["country share"] },
  { name: "hhi", aliases: ["herfindahl", "concentration"] },
  { name: "price", aliases: ["prices"] },
];

export const HISTORY_MEASURES = new NameIndex(
  [
    ...TIME_SERIES,
    ...US_STAT_METRICS.map((m) => ({
      name: `us ${m.name}`,
      aliases: [m.name, ...m.aliases, ...m.aliases.map((a) => `us ${a}`)],
    })),
  ],
  { what: "measure", plural: "measures", vocabulary: true },
);

function headersFlag(headers: number | null): boolean {
  if (headers === null || headers === 1) return true;
  if (headers === 0) return false;
  throw invalidValue(`headers must be 0 (no header row) or 1 (a Year | Value header row), not ${headers}`);
}

export function historyTable(
  data: RareData,
  measureRaw: string,
  key: string | null,
  start: number | null,
  end: number | null,
  headers: number | null,
): Table {
  const measure = HISTORY_MEASURES.resolve(measureRaw);
  const showHeader = headersFlag(headers);
  if (start !== null && end !== null && start > end) throw invalidValue(`start_year ${start} is after end_year ${end}`);
  const needKey = (what: string): string => {
    if (key === null) throw invalidValue(`HISTORY("${measure}", …) needs a key: ${what}`);
    return key;
  };
  let rows: [number, Cell][];
  switch (measure) {
    case "production":
      rows = data.productionYears(key ?? "World").map((y) => [y, data.production(key ?? "World", y, null)]);
      break;
    case "countryshare": {
      const country = needKey('a country, e.g. "China"');
      rows = data.productionYears(country, false).map((y) => [y, data.countryShare(country, y, null)]);
      break;
    }
    case "hhi":
      rows = data.hhiYears().map((y) => [y, data.hhi(y, null)]);
      break;
    case "reserves":
      rows = data.reservesByEditionYear(needKey('a country, e.g. "China"'));
      break;
    case "price": {
      const oxide = needKey('an oxide, e.g. "NdPr oxide"');
      rows = data.priceYears(oxide).map((y) => [y, data.price(oxide, y, null)]);
      break;
    }
    default: {
      const metric = US_STAT_METRICS.find((m) => `us ${m.name}` === measure)!;
      rows = [...usStatSeries(data.dataset, metric, null).values()].map((r) => [r.year, r.value]);
    }
  }
  const kept = rows
    .filter(([y]) => (start === null || y >= start) && (end === null || y <= end))
    .sort((a, b) => a[0] - b[0]);
  if (kept.length === 0) {
    const span = start === null && end === null ? "" : ` between ${start ?? "the first year"} and ${end ?? "the last"}`;
    throw notAvailable(`No sourced figures for ${measure}${key ? ` of ${key}` : ""}${span}`);
  }
  return showHeader ? [["Year", "Value"], ...kept] : kept;
}
