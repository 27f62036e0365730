/**
 * The US salient statistics of the Rare Earths chapter: each series is a metric, the item
 * USGS prints it by, and its unit. Named once here because three places must agree on them:
 * the readers of each MCS release layout (scripts/data/usgs.ts, mcs2026.ts) write them into
 * the dataset, and USSTAT (usstat.ts) reads them back.
 */
export interface SalientSeries {
  readonly metric: string;
  readonly item: string;
  readonly unit: string;
}

const tonnes = (metric: string, item: string): SalientSeries => ({ metric, item, unit: "t REO" });
const percentOfConsumption = (item: string): SalientSeries => ({
  metric: "net_import_reliance",
  item,
  unit: "% of apparent consumption",
});

/** MCS prints imports and exports of metals by the same two items. */
const FERROCERIUM = "Metals: ferrocerium, alloys";
const RARE_EARTH_METALS = "Metals: rare-earth metals, scandium, and yttrium";

export const US_SALIENT = {
  mineProduction: tonnes("us_production", "Mineral concentrates"),
  compoundsAndMetalsProduction: tonnes("us_production", "Compounds and metals"),
  compoundImports: tonnes("us_imports", "Compounds"),
  ferroceriumImports: tonnes("us_imports", FERROCERIUM),
  metalImports: tonnes("us_imports", RARE_EARTH_METALS),
  oreAndCompoundExports: tonnes("us_exports", "Ores and compounds"),
  ferroceriumExports: tonnes("us_exports", FERROCERIUM),
  metalExports: tonnes("us_exports", RARE_EARTH_METALS),
  apparentConsumption: tonnes("us_apparent_consumption", "Compounds and metals"),
  employment: { metric: "us_employment", item: "Mine and mill, annual average", unit: "number" },
  netImportReliance: percentOfConsumption("Compounds and metals"),
  netImportRelianceConcentrates: percentOfConsumption("Mineral concentrates"),
} as const satisfies Record<string, SalientSeries>;
