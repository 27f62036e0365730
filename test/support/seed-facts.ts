/**
 * Expected values for the custom-function tests, read straight from the seed files with
 * papaparse and the rules of seeds/README.md, independently of src/ (nothing here imports
 * from it). If the product and this file disagree, one of them misreads the sources.
 */
import { createHash } from "crypto";
import { readdirSync, readFileSync } from "fs";
import { join, relative, sep } from "path";
import Papa from "papaparse";
import { repoRoot } from "./paths";

export const seedsDir = join(repoRoot, "seeds");

type Row = Record<string, string>;

/** A seed CSV as header-keyed rows (BOM dropped; unnamed trailing columns get placeholder names). */
export function seedCsv(path: string): Row[] {
  const body = readFileSync(join(seedsDir, path), "utf8").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<Row>(body, {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h, i) => h.trim() || `_${i}`,
  });
  return parsed.data;
}

const plainNumber = (text: string): number | null => {
  const t = text.trim().replace(/,/g, "");
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};

// ---------------------------------------------------------------- article tables (A002)

export interface ArticleElement {
  element: string;
  use: string;
  share: number;
  printed: string;
}
export const articleElements: ArticleElement[] = seedCsv("article-tables/elements.csv").map((r) => ({
  element: r.element,
  use: r.primary_use,
  share: Number(r.china_share),
  printed: r.china_share_as_printed,
}));
export const articleElement = (name: string): ArticleElement => {
  const row = articleElements.find((e) => e.element === name);
  if (!row) throw new Error(`${name} is not in article-tables/elements.csv`);
  return row;
};

export const risks = seedCsv("article-tables/risks.csv") as Array<
  Row & { factor: string; impact: string; mitigation: string; source: string }
>;
export const strategies = seedCsv("article-tables/strategies.csv") as Array<
  Row & { strategy: string; benefit: string; challenge: string; source: string }
>;
export const lists = seedCsv("article-tables/lists.csv");
export const articleEvents = seedCsv("article-tables/events.csv");
export const listItems = (list: string): string[] =>
  lists
    .filter((r) => r.list === list)
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map((r) => r.item);

// ---------------------------------------------------------------- curated element facts

export interface ElementFacts {
  element: string;
  symbol: string;
  magnet: boolean;
  /** "" where the curated file says MISSING. */
  uses: string;
}
export const curatedElements: ElementFacts[] = seedCsv("curated/elements.csv").map((r) => ({
  element: r.element,
  symbol: r.symbol,
  magnet: r.eu_crma_2024_magnet_ree.trim().toLowerCase() === "yes",
  uses: r.main_uses.trim() === "MISSING" ? "" : r.main_uses,
}));
export const elementFacts = (name: string): ElementFacts => {
  const row = curatedElements.find((e) => e.element === name);
  if (!row) throw new Error(`${name} is not in curated/elements.csv`);
  return row;
};
export const curatedEvents = seedCsv("curated/events.csv");

// ---------------------------------------------------------------- sources

export const sources = seedCsv("sources.csv");
export const sourceRow = (id: string): Row => {
  const row = sources.find((s) => s.id === id);
  if (!row) throw new Error(`${id} is not in sources.csv`);
  return row;
};
/** The source id a USGS edition is cited by (README: S1 is MCS2025; the data releases cite themselves). */
export const editionSourceId = (edition: string): string => (edition === "MCS2025" ? "S1" : edition);

// ---------------------------------------------------------------- production (t REO), edition rule

export const WORLD = "World total (rounded)";
export const OTHER = "Other countries";
/** README: "Other countries" (MCS2022/2023) and "Other" (MCS2025) are one group. */
const groupName = (country: string): string => (country.trim() === "Other" ? OTHER : country.trim());

export interface ProductionFigure {
  country: string;
  year: number;
  tonnes: number;
  edition: string;
}

const WORLD_FILES: Array<[string, string]> = [
  ["usgs/rare_earths_mcs2022-raree_world.csv", "MCS2022"],
  ["usgs/mcs2023-raree_world.csv", "MCS2023"],
  ["usgs/mcs2024-raree_world.csv", "MCS2024"],
];

/** Every production figure every edition prints (MCS2022–2024 verbatim files, MCS2025 curated rows). */
function allEditionFigures(): ProductionFigure[] {
  const out: ProductionFigure[] = [];
  for (const [file, edition] of WORLD_FILES) {
    for (const row of seedCsv(file)) {
      if (!row.Country) continue;
      for (const [column, value] of Object.entries(row)) {
        const m = /^Prod_t_(?:est_)?(\d{4})$/i.exec(column);
        const tonnes = plainNumber(value ?? "");
        if (m && tonnes !== null) out.push({ country: groupName(row.Country), year: Number(m[1]), tonnes, edition });
      }
    }
  }
  for (const row of seedCsv("curated/production.csv")) {
    if (row.edition !== "MCS2025") continue; // the "MCS2024 data release" rows duplicate the verbatim file
    out.push({
      country: groupName(row.country),
      year: Number(row.year),
      tonnes: Number(row.mine_production_t_REO),
      edition: "MCS2025",
    });
  }
  return out;
}

// ---------------------------------------------------------------- MCS2026 (one long table, Windows-1252)

/** The MCS2026 release's rare-earth world rows; its figures are ASCII, so Latin-1 reads them. */
export const mcs2026Release: Row[] = Papa.parse<Row>(
  readFileSync(join(seedsDir, "usgs", "mcs2026", "usgs_mcs2026_commodities_data.csv"), "latin1"),
  { header: true, skipEmptyLines: true },
).data;
export const mcs2026Rows: Row[] = mcs2026Release.filter(
  (r) => r["MCS chapter"] === "RARE EARTHS" && r.Section === "World Mine Production and Reserves",
);
const mcs2026Country = (name: string): string => (name === "World total" ? WORLD : groupName(name));
/** seeds/usgs-revisions.csv: report values that replace the data release's (Brazil reserves, v1.3). */
const revisions = seedCsv("usgs-revisions.csv");

function mcs2026Figures(): ProductionFigure[] {
  return mcs2026Rows
    .filter((r) => r.Statistics === "Production")
    .map((r) => ({
      country: mcs2026Country(r.Country),
      year: Number(r.Year),
      // The curated MCS2025 rows record USGS's "—" as 0 ("USGS shows '—' = Zero").
      tonnes: r.Value === "\u0097" || r.Value === "—" ? 0 : plainNumber(r.Value)!,
      edition: "MCS2026",
    }));
}

const editionFigures = [...allEditionFigures(), ...mcs2026Figures()];

/** year → country → figure, every row of a year from the newest edition covering that year. */
export const production: Map<number, Map<string, ProductionFigure>> = (() => {
  const newest = new Map<number, string>();
  for (const f of editionFigures) if ((newest.get(f.year) ?? "") < f.edition) newest.set(f.year, f.edition);
  const byYear = new Map<number, Map<string, ProductionFigure>>();
  for (const f of editionFigures) {
    if (f.edition !== newest.get(f.year)) continue;
    if (!byYear.has(f.year)) byYear.set(f.year, new Map());
    byYear.get(f.year)!.set(f.country, f);
  }
  return byYear;
})();

export const productionYears = [...production.keys()].sort((a, b) => a - b);
export const latestYear = productionYears[productionYears.length - 1];

/** An older edition's figure for the same country and year (for "newest edition wins" checks). */
export const olderFigure = (country: string, year: number): ProductionFigure | undefined =>
  editionFigures
    .filter((f) => f.country === country && f.year === year && f.edition < production.get(year)!.get(country)!.edition)
    .pop();

export function tonnes(country: string, year: number): number {
  const f = production.get(year)?.get(country);
  if (!f) throw new Error(`no production figure for ${country} in ${year}`);
  return f.tonnes;
}

export const yearsOf = (country: string): number[] => productionYears.filter((y) => production.get(y)!.has(country));
export const latestYearOf = (country: string): number => yearsOf(country).pop()!;

/** README: the denominator is the sum of the country rows (Other group included, world total excluded). */
export const countryRows = (year: number): ProductionFigure[] =>
  [...production.get(year)!.values()].filter((f) => f.country !== WORLD);
export const countryTotal = (year: number): number => countryRows(year).reduce((s, f) => s + f.tonnes, 0);
export const countryShare = (country: string, year: number): number => tonnes(country, year) / countryTotal(year);
/** README: HHI = Σ(100 × share)² over the country rows. */
export const hhi = (year: number): number =>
  countryRows(year).reduce((s, f) => s + ((100 * f.tonnes) / countryTotal(year)) ** 2, 0);

// ---------------------------------------------------------------- reserves, newest edition that lists the country

export interface ReservesFigure {
  country: string;
  /** null where the edition prints NA. */
  tonnes: number | null;
  qualifier: string;
  edition: string;
}

export const reserves: Map<string, ReservesFigure> = (() => {
  const found: ReservesFigure[] = [];
  for (const [file, edition] of WORLD_FILES) {
    for (const row of seedCsv(file)) {
      if (!row.Country || !("Reserves_t" in row)) continue; // MCS2022 has no reserves column
      found.push({ country: groupName(row.Country), tonnes: plainNumber(row.Reserves_t), qualifier: "", edition });
    }
  }
  // MCS2025 prints reserves once per country; the curated file puts them on the 2024 row, blank = NA.
  for (const row of seedCsv("curated/production.csv")) {
    if (row.edition !== "MCS2025" || row.year !== "2024") continue;
    found.push({
      country: groupName(row.country),
      tonnes: plainNumber(row.reserves_t_REO),
      qualifier: row.reserves_qualifier.trim(),
      edition: "MCS2025",
    });
  }
  for (const row of mcs2026Rows.filter((r) => r.Statistics === "Reserves")) {
    const revised = revisions.find((v) => v.country === row.Country && v.statistic === "Reserves")?.report_value;
    const printed = revised ?? row.Value;
    found.push({
      country: mcs2026Country(row.Country),
      tonnes: plainNumber(printed.replace(/^>/, "")),
      qualifier: printed.startsWith(">") ? ">" : "",
      edition: "MCS2026",
    });
  }
  const newest = new Map<string, ReservesFigure>();
  for (const f of found) if ((newest.get(f.country)?.edition ?? "") < f.edition) newest.set(f.country, f);
  return newest;
})();

/** Countries the product knows: every production and reserves row, the world total aside. */
export const countries: string[] = (() => {
  const named = new Set<string>([...reserves.keys()]);
  for (const byCountry of production.values()) for (const c of byCountry.keys()) named.add(c);
  const plain = [...named].filter((c) => c !== OTHER && c !== WORLD).sort((a, b) => a.localeCompare(b, "en"));
  return named.has(OTHER) ? [...plain, OTHER] : plain;
})();

// ---------------------------------------------------------------- prices (USD/kg), newest edition per oxide and year

export interface PriceFigure {
  oxide: string;
  formula: string;
  year: number;
  usdPerKg: number | string;
  edition: string;
}

const SALIENT_FILES = [
  "usgs/rare_earths_mcs2022-raree_salient.csv",
  "usgs/mcs2023-raree_salient.csv",
  "usgs/mcs2024-raree_salient.csv",
];

/** The oxide a salient column formula stands for: the element of its leading symbol, or Mischmetal. */
function oxideOfFormula(formula: string): string {
  if (formula === "Mischmetal") return "Mischmetal";
  const symbol = /^[A-Z][a-z]?/.exec(formula)![0];
  const element = curatedElements.find((e) => e.symbol === symbol);
  if (!element) throw new Error(`no element with symbol ${symbol}`);
  return `${element.element} oxide`;
}

/** Price columns in the order the salient files print them: formula and oxide name. */
export const pricedOxides: Array<{ formula: string; oxide: string }> = Papa.parse<string[]>(
  readFileSync(join(seedsDir, SALIENT_FILES[2]), "utf8").replace(/^\uFEFF/, ""),
  { preview: 1 },
)
  .data[0].map((h) => /^Price_(.+)_dkg$/.exec(h.trim())?.[1])
  .filter((f): f is string => f !== undefined)
  .map((formula) => ({ formula, oxide: oxideOfFormula(formula) }));

/** The formulas users type for the oxides only MCS2026 prices (the salient columns name the older seven). */
const COMMON_FORMULAS: Record<string, string> = {
  "Praseodymium oxide": "Pr6O11",
  "NdPr oxide": "NdPr",
  "Samarium oxide": "Sm2O3",
  "Gadolinium oxide": "Gd2O3",
  "Holmium oxide": "Ho2O3",
  "Erbium oxide": "Er2O3",
  "Ytterbium oxide": "Yb2O3",
  "Lutetium oxide": "Lu2O3",
  "Yttrium oxide": "Y2O3",
  "Scandium oxide": "Sc2O3",
};

/** MCS2026's priced product as an oxide name ("Y2O3, minimum…" → Yttrium oxide); null for metals and alloys. */
function mcs2026Oxide(detail: string): string | null {
  const product = detail.replace(/^[^:]*:\s*/, "").split(",")[0];
  if (product === "Y2O3") return "Yttrium oxide";
  if (product.includes("(NdPr)")) return "NdPr oxide";
  if (product === "Mischmetal" || / oxide$/.test(product)) return product;
  return null;
}

export const prices: Map<string, Map<number, PriceFigure>> = (() => {
  const found: PriceFigure[] = [];
  for (const file of SALIENT_FILES) {
    for (const row of seedCsv(file)) {
      for (const { formula, oxide } of pricedOxides) {
        const usdPerKg = plainNumber(row[`Price_${formula}_dkg`] ?? "");
        if (usdPerKg !== null)
          found.push({ oxide, formula, year: Number(row.Year), usdPerKg, edition: row.DataSource });
      }
    }
  }
  for (const row of seedCsv("curated/us_salient_mcs2025.csv")) {
    if (row.metric !== "price") continue;
    const oxide = row.item.split(",")[0].trim(); // "Neodymium oxide, 99.5% minimum"
    const formula = pricedOxides.find((p) => p.oxide === oxide)!.formula;
    found.push({ oxide, formula, year: Number(row.year), usdPerKg: Number(row.value), edition: "MCS2025" });
  }
  // MCS2026 prints each price as "Price, average, dollars per kilogram: Neodymium oxide, 99.5% minimum".
  const rareEarthChapters = ["RARE EARTHS", "RARE EARTHS (Heavy)", "YTTRIUM", "SCANDIUM"];
  for (const row of mcs2026Release.filter(
    (r) => r.Statistics === "Price" && rareEarthChapters.includes(r["MCS chapter"]),
  )) {
    const oxide = mcs2026Oxide(row.Statistics_detail);
    if (oxide === null) continue; // metals and alloys
    const formula = pricedOxides.find((p) => p.oxide === oxide)?.formula ?? COMMON_FORMULAS[oxide];
    // A range ("660–670", an en dash read as Latin-1 \u0096) stays the text USGS prints.
    const usdPerKg = plainNumber(row.Value) ?? row.Value.replace("\u0096", "\u2013");
    found.push({ oxide, formula, year: Number(row.Year), usdPerKg, edition: "MCS2026" });
  }
  const byOxide = new Map<string, Map<number, PriceFigure>>();
  for (const f of found) {
    if (!byOxide.has(f.oxide)) byOxide.set(f.oxide, new Map());
    const byYear = byOxide.get(f.oxide)!;
    if ((byYear.get(f.year)?.edition ?? "") < f.edition) byYear.set(f.year, f);
  }
  return byOxide;
})();

export function price(oxide: string, year: number): PriceFigure {
  const f = prices.get(oxide)?.get(year);
  if (!f) throw new Error(`no price for ${oxide} in ${year}`);
  return f;
}
export const priceYears = (oxide: string): number[] => [...prices.get(oxide)!.keys()].sort((a, b) => a - b);
/** Every edition's price for an oxide and year, oldest first. */
export function priceEditions(oxide: string, year: number): Array<{ edition: string; usdPerKg: number | string }> {
  const out: Array<{ edition: string; usdPerKg: number | string }> = [];
  const { formula } = pricedOxides.find((p) => p.oxide === oxide)!;
  for (const file of SALIENT_FILES) {
    for (const row of seedCsv(file)) {
      const v = plainNumber(row[`Price_${formula}_dkg`] ?? "");
      if (Number(row.Year) === year && v !== null) out.push({ edition: row.DataSource, usdPerKg: v });
    }
  }
  return out;
}

// ---------------------------------------------------------------- China's share by stage (README selection rule)

export type Stage = "mining" | "refining" | "magnets" | "us imports";
export const STAGES: Stage[] = ["mining", "refining", "magnets", "us imports"];

/**
 * The stage a curated/china_shares.csv label names. The file spells each stage out in its
 * labels ("mining/supply", "refining/separation", "magnet manufacturing", "trade (US imports)"),
 * so a label belongs to the one stage whose name, singular, it contains; a label that names
 * none ("EU sourcing", "all") carries no stage.
 */
function stageOfLabel(label: string): Stage | undefined {
  const named = STAGES.filter((stage) => label.toLowerCase().includes(stage.replace(/s$/, "")));
  return named.length === 1 ? named[0] : undefined;
}

export interface StageRow extends Row {
  indicator: string;
  stage: string;
  year: string;
  value_pct: string;
  qualifier: string;
}
export const chinaShareRows = seedCsv("curated/china_shares.csv") as StageRow[];

/**
 * README: (1) China's own share, a single value, not a projection; (2) exact beats qualified;
 * (3) a stated data year beats an unstated one; (4) the latest data year wins; then file order.
 */
export function stageRow(stage: Stage): StageRow {
  const candidates = chinaShareRows
    .map((row, order) => ({ row, order }))
    .filter(({ row }) => stageOfLabel(row.stage) === stage && /^China share/i.test(row.indicator))
    .filter(({ row }) => plainNumber(row.value_pct) !== null && !/projection/i.test(row.indicator));
  const stated = (r: StageRow) => /^\d{4}(-\d{4})?$/.test(r.year.trim());
  const lastYear = (r: StageRow) => Math.max(0, ...(r.year.match(/\d{4}/g) ?? []).map(Number));
  candidates.sort(
    (a, b) =>
      Number(a.row.qualifier.trim() !== "") - Number(b.row.qualifier.trim() !== "") ||
      Number(!stated(a.row)) - Number(!stated(b.row)) ||
      lastYear(b.row) - lastYear(a.row) ||
      a.order - b.order,
  );
  if (candidates.length === 0) throw new Error(`no candidate row for stage ${stage}`);
  return candidates[0].row;
}
/**
 * MCS2026's import sources (2021-24) are a candidate for "us imports" like the curated rows,
 * and its data year is the latest, so it is the figure SHARE uses.
 */
export const mcs2026ImportShare = (element: string): number | undefined => {
  const row = mcs2026Release.find(
    (r) => r.Section === "Import Sources" && r.Commodity === element && r.Country === "China",
  );
  return row ? Number(row.Value) / 100 : undefined;
};
export const stageShare = (stage: Stage): number =>
  stage === "us imports" ? mcs2026ImportShare("Rare Earths")! : Number(stageRow(stage).value_pct) / 100;

// ---------------------------------------------------------------- dataset version

/** README: `${asOf}+${first 12 hex of sha256}` over every file under seeds/, in sorted path order. */
export function expectedVersion(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else files.push(relative(repoRoot, join(dir, e.name)).split(sep).join("/"));
    }
  };
  walk(seedsDir);
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash("sha256");
  for (const f of files) hash.update(readFileSync(join(repoRoot, f)));
  const { asOf } = JSON.parse(readFileSync(join(seedsDir, "dataset.json"), "utf8")) as { asOf: string };
  return `${asOf}+${hash.digest("hex").slice(0, 12)}`;
}
