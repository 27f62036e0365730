import { notAvailable } from "./errors";
import { NameIndex } from "./names";
import type { Dataset, HistoryRecord, SalientRecord } from "./types";
import { type SalientSeries, US_SALIENT } from "./us-salient";

/**
 * USSTAT's metrics: each names one printed series. MCS editions print imports and exports by
 * item (compounds, ferrocerium, metals), never as one total; DS140 prints totals. So a
 * metric names the MCS series, the DS140 series, or both where they measure the same thing;
 * where both give a year, the MCS edition wins (it is what PRODUCTION and TABLE serve, and
 * DS140 stops in 2020 with figures MCS editions later revised).
 */
export interface UsStatMetric {
  name: string;
  aliases: string[];
  salient?: { metric: string; item: string };
  ds140?: string;
  unit: string;
}

/** The salient part of a metric MCS editions print: the series, and the series' unit. */
const printedByMcs = (series: SalientSeries): Pick<UsStatMetric, "salient" | "unit"> => ({
  salient: { metric: series.metric, item: series.item },
  unit: series.unit,
});

/** MCS prints imports and exports of metals by the same two items: the flow's metrics for them, named alike. */
function metalTrade(flow: "imports" | "exports", ferrocerium: SalientSeries, metals: SalientSeries): UsStatMetric[] {
  return [
    { name: `${flow}: ferrocerium and alloys`, aliases: [`ferrocerium ${flow}`], ...printedByMcs(ferrocerium) },
    { name: `${flow}: rare-earth metals`, aliases: [`metal ${flow}`, `${flow}: metals`], ...printedByMcs(metals) },
  ];
}

export const US_STAT_METRICS: readonly UsStatMetric[] = [
  {
    name: "mine production",
    aliases: ["production", "mine", "mineral concentrates", "concentrate production"],
    ...printedByMcs(US_SALIENT.mineProduction),
    ds140: "us mine production",
  },
  {
    name: "compounds and metals production",
    aliases: ["compounds production", "refined production", "production: compounds and metals"],
    ...printedByMcs(US_SALIENT.compoundsAndMetalsProduction),
  },
  { name: "imports", aliases: ["total imports"], ds140: "us imports", unit: "t REO" },
  { name: "imports: compounds", aliases: ["compound imports"], ...printedByMcs(US_SALIENT.compoundImports) },
  ...metalTrade("imports", US_SALIENT.ferroceriumImports, US_SALIENT.metalImports),
  { name: "exports", aliases: ["total exports"], ds140: "us exports", unit: "t REO" },
  {
    name: "exports: ores and compounds",
    aliases: ["ore exports", "compound exports"],
    ...printedByMcs(US_SALIENT.oreAndCompoundExports),
  },
  ...metalTrade("exports", US_SALIENT.ferroceriumExports, US_SALIENT.metalExports),
  {
    name: "apparent consumption",
    aliases: ["consumption"],
    ...printedByMcs(US_SALIENT.apparentConsumption),
    ds140: "us apparent consumption",
  },
  {
    name: "net import reliance",
    aliases: ["nir", "import reliance", "net import reliance: compounds and metals"],
    ...printedByMcs(US_SALIENT.netImportReliance),
  },
  {
    name: "net import reliance: concentrates",
    aliases: ["nir concentrates", "net import reliance: mineral concentrates"],
    ...printedByMcs(US_SALIENT.netImportRelianceConcentrates),
  },
  { name: "employment", aliases: ["employees", "mine and mill employment"], ...printedByMcs(US_SALIENT.employment) },
  { name: "unit value", aliases: ["unit value ($/t)", "value per tonne"], ds140: "us unit value", unit: "USD/t" },
];

export const US_STAT_NAMES = new NameIndex(US_STAT_METRICS, {
  what: "US statistic",
  plural: "US statistics",
  vocabulary: true,
});

/** One year's figure of a US statistic, and the row it came from. */
export type UsStatRow = { year: number; value: number | string; edition: string; unit: string };

/** year → row for a metric: DS140 first, then each MCS edition's winning row over it. */
export function usStatSeries(dataset: Dataset, metric: UsStatMetric, edition: string | null): Map<number, UsStatRow> {
  const series = new Map<number, UsStatRow>();
  const fromHistory = (h: HistoryRecord) =>
    series.set(h.year, { year: h.year, value: h.value, edition: h.edition, unit: h.unit });
  const fromSalient = (s: SalientRecord) =>
    series.set(Number(s.year), { year: Number(s.year), value: s.value, edition: s.edition, unit: s.unit });
  const isMetric = (s: SalientRecord) =>
    metric.salient !== undefined && s.metric === metric.salient.metric && s.item === metric.salient.item;
  if (edition === null) {
    if (metric.ds140) dataset.history.filter((h) => h.series === metric.ds140).forEach(fromHistory);
    dataset.salient.filter(isMetric).forEach(fromSalient);
    return series;
  }
  if (metric.ds140)
    dataset.history.filter((h) => h.series === metric.ds140 && h.edition === edition).forEach(fromHistory);
  [...dataset.salient, ...dataset.supersededSalient]
    .filter((s) => isMetric(s) && s.edition === edition)
    .forEach(fromSalient);
  return series;
}

export function usStatRow(
  dataset: Dataset,
  metricName: string,
  year: number | null,
  edition: string | null,
): UsStatRow & { metric: UsStatMetric } {
  const metric = US_STAT_METRICS.find((m) => m.name === US_STAT_NAMES.resolve(metricName))!;
  const series = usStatSeries(dataset, metric, edition);
  const years = [...series.keys()].sort((a, b) => a - b);
  const within = edition === null ? "" : ` in ${edition}`;
  if (years.length === 0) throw notAvailable(`No sourced figure for US ${metric.name}${within}`);
  const y = year ?? years[years.length - 1];
  const row = series.get(y);
  if (!row) {
    const covering = [
      ...new Set(
        [...dataset.salient, ...dataset.supersededSalient, ...dataset.history]
          .filter((r) => Number(r.year) === y)
          .map((r) => r.edition),
      ),
    ];
    throw notAvailable(
      `No sourced figure for US ${metric.name} in ${y}${within}` +
        (edition !== null && covering.length > 0 ? `; editions covering ${y}: ${covering.join(", ")}` : "") +
        `; years with data${within}: ${years[0]}–${years[years.length - 1]} (gaps where the sources print none)`,
    );
  }
  return { ...row, metric };
}
