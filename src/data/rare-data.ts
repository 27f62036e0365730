import type { Cell, RareQueries, Table } from "./api";
import { citation } from "./citations";
import { invalidValue, isRareError, notAvailable, RareError } from "./errors";
import { buildIndexes, Indexes } from "./indexes";
import { BoundedMemo } from "./memo";
import { NameIndex, normalizeName, orList } from "./names";
import { buildList, buildTable } from "./tables";
import type { Dataset, ProductionRecord, Stage } from "./types";
import { STAGES, WORLD } from "./vocab";
import { checkYear, yearsText } from "./years";
import { hhi as herfindahl } from "./concentration";

/**
 * The host-free query layer over one Dataset (the bundled seeds, or the bundle merged with
 * workbook overrides). Indexes are built once here; each query resolves names forgivingly,
 * returns a sourced figure or throws a RareError that says why there is none.
 */

const RISK_FIELDS = new NameIndex(
  [
    { name: "impact", aliases: ["potential impact"] },
    { name: "mitigation", aliases: ["mitigation strategy", "strategy"] },
    { name: "factor", aliases: ["risk factor", "name"] },
  ],
  { what: "field", plural: "fields", vocabulary: true },
);

const STRATEGY_FIELDS = new NameIndex(
  [
    { name: "benefit", aliases: ["primary benefit"] },
    { name: "challenge", aliases: ["implementation challenge"] },
    { name: "strategy", aliases: ["name"] },
  ],
  { what: "field", plural: "fields", vocabulary: true },
);

/** The columns RISK and STRATEGY accept, for their help text (functions/table.ts). */
export const RISK_FIELD_NAMES: readonly string[] = RISK_FIELDS.names;
export const STRATEGY_FIELD_NAMES: readonly string[] = STRATEGY_FIELDS.names;

// Checked per call: skip the full normaliser for the common case of a plain word.
const isBlank = (text: string | null | undefined): boolean =>
  text === null ||
  text === undefined ||
  text === "" ||
  (typeof text === "string" &&
    /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]*$/.test(text) &&
    normalizeName(text) === "");

/** Runs a lookup, turning a thrown RareError into a value the memo can keep. */
function attempt<T>(compute: () => T): T | RareError {
  try {
    return compute();
  } catch (e) {
    if (isRareError(e)) return e;
    throw e;
  }
}

/** The largest key: PRICE's default year, found without copying and sorting per call. */
function latestYear(byYear: ReadonlyMap<number, unknown>): number {
  let latest = -Infinity;
  for (const y of byYear.keys()) if (y > latest) latest = y;
  return latest;
}

export class RareData implements RareQueries {
  private readonly ix: Indexes;
  /** SHARE is the hot path: one Map.get on the raw argument when the sheet repeats itself. */
  private readonly seedShareMemo = new BoundedMemo<number | RareError>();
  /** By raw stage, then raw element: no key string is built per call (sheets repeat both). */
  private readonly stageShareMemo = new Map<string, BoundedMemo<number | RareError>>();
  private readonly hhiByYear = new Map<number, number>();
  /** The share denominator per year: the rows never change for a RareData, so sum them once. */
  private readonly totalByYear = new Map<number, number>();
  private readonly tables = new Map<string, Table>();

  constructor(readonly dataset: Dataset) {
    this.ix = buildIndexes(dataset);
  }

  share(element: string, stage: string | null): number {
    const result = this.tryShare(element, stage);
    if (typeof result === "number") return result;
    throw result;
  }

  /**
   * SHARE without throwing: the figure, or the RareError share() would throw. Throwing costs
   * about a microsecond (a hundred Map lookups), so a caller mapping errors to cell values
   * (functions/) can use this on sheets with many failing inputs.
   */
  tryShare(element: string, stage: string | null): number | RareError {
    if (stage === null || stage === undefined) {
      const hit = this.seedShareMemo.get(element);
      return hit !== undefined
        ? hit
        : this.seedShareMemo.set(
            element,
            attempt(() => this.seedShare(element)),
          );
    }
    let byElement = this.stageShareMemo.get(stage);
    if (byElement === undefined) {
      // Bounded like every memo: a sheet of distinct junk stages must not grow memory.
      if (this.stageShareMemo.size >= 64) this.stageShareMemo.clear();
      this.stageShareMemo.set(stage, (byElement = new BoundedMemo<number | RareError>()));
    }
    const hit = byElement.get(element);
    if (hit !== undefined) return hit;
    return byElement.set(
      element,
      attempt(() => (isBlank(stage) ? this.seedShare(element) : this.stageShare(element, stage))),
    );
  }

  private seedShare(element: string): number {
    const name = this.ix.elementNames.resolve(element);
    const row = this.ix.shares.get(name);
    if (row) return row.share;
    const known = [...this.ix.shares.keys()];
    throw notAvailable(
      `No sourced figure for China's share of ${name}; the sources give element shares only for ${orList(known)}. ` +
        `For a sector-wide figure give a stage: ${STAGES.join(", ")}`,
    );
  }

  /** The stage figure a SHARE(element, stage) call uses (also used by SOURCE). */
  stageFigure(element: string, stage: string) {
    const name = this.ix.elementNames.resolve(element);
    const stageName = this.ix.stageNames.resolve(stage) as Stage;
    if (stageName === "magnets" && !this.ix.elements.get(name)!.magnet) {
      const magnetRees = this.dataset.elements.filter((e) => e.magnet).map((e) => e.symbol);
      throw notAvailable(
        `No sourced figure for China's share of magnets for ${name}: it is not a permanent-magnet rare earth (EU CRMA Annex I lists ${magnetRees.join(", ")})`,
      );
    }
    const figure = this.ix.stageFigures.get(stageName);
    if (!figure || figure.value === null) throw notAvailable(`No sourced figure for China's share of ${stageName}`);
    return { element: name, stage: stageName, figure };
  }

  private stageShare(element: string, stage: string): number {
    return this.stageFigure(element, stage).figure.value!;
  }

  risk(factor: string, field: string | null): string {
    const name = this.ix.riskNames.resolve(factor);
    const column = isBlank(field) ? "impact" : RISK_FIELDS.resolve(field!);
    return this.ix.risks.get(name)![column as "impact" | "mitigation" | "factor"];
  }

  strategy(name: string, field: string | null): string {
    const canonical = this.ix.strategyNames.resolve(name);
    const column = isBlank(field) ? "benefit" : STRATEGY_FIELDS.resolve(field!);
    return this.ix.strategies.get(canonical)![column as "benefit" | "challenge" | "strategy"];
  }

  use(element: string): string {
    const name = this.ix.elementNames.resolve(element);
    const fromArticle = this.ix.uses.get(name);
    if (fromArticle) return fromArticle.use;
    const uses = this.ix.elements.get(name)!.uses;
    if (uses === "") throw notAvailable(`No sourced use for ${name}: the curated element facts mark its uses MISSING`);
    return uses;
  }

  /** The production row behind PRODUCTION/COUNTRYSHARE (also used by SOURCE). */
  productionRow(country: string, year: number | null): ProductionRecord {
    const name = this.ix.countryNames.resolve(country);
    const wanted = checkYear(year);
    const years = this.ix.yearsByCountry.get(name) ?? [];
    if (years.length === 0) throw notAvailable(`No sourced production figure for ${name}`);
    const y = wanted ?? years[years.length - 1];
    const row = this.ix.production.get(y)?.get(name);
    if (row) return row;
    const ofYear = this.ix.production.get(y);
    if (!ofYear)
      throw notAvailable(
        `No sourced figure for ${name} in ${y}; years with data: ${yearsText(this.ix.productionYears)}`,
      );
    const edition = ofYear.values().next().value!.edition;
    throw notAvailable(
      `No sourced figure for ${name} in ${y}: ${edition}, the newest USGS edition covering ${y}, does not list ${name}; ` +
        `years with data for ${name}: ${yearsText(years)}`,
    );
  }

  production(country: string, year: number | null): number {
    return this.productionRow(country, year).tonnes;
  }

  /** Sum of the country rows (world total excluded) of a year: the share and HHI denominator. */
  countryTotal(year: number): number {
    const cached = this.totalByYear.get(year);
    if (cached !== undefined) return cached;
    let total = 0;
    for (const row of this.ix.production.get(year)?.values() ?? []) if (row.country !== WORLD) total += row.tonnes;
    this.totalByYear.set(year, total);
    return total;
  }

  countryShare(country: string, year: number | null): number {
    const row = this.productionRow(country, year);
    if (row.country === WORLD)
      throw invalidValue(`${WORLD} is not a country: COUNTRYSHARE gives a country's share of world production`);
    return row.tonnes / this.countryTotal(row.year);
  }

  /** The year HHI uses: the given one if it has data, else the latest. */
  hhiYear(year: number | null): number {
    const wanted = checkYear(year);
    const years = this.ix.productionYears;
    if (years.length === 0) throw notAvailable("No sourced production figures");
    const y = wanted ?? years[years.length - 1];
    if (!this.ix.production.has(y))
      throw notAvailable(`No sourced production figures for ${y}; years with data: ${yearsText(years)}`);
    return y;
  }

  hhi(year: number | null): number {
    const y = this.hhiYear(year);
    const cached = this.hhiByYear.get(y);
    if (cached !== undefined) return cached;
    const values = [...this.ix.production.get(y)!.values()].filter((r) => r.country !== WORLD).map((r) => r.tonnes);
    const value = herfindahl(values);
    this.hhiByYear.set(y, value);
    return value;
  }

  /** The price row behind PRICE (also used by SOURCE). */
  priceRow(oxideOrElement: string, year: number | null) {
    const oxide = this.ix.oxideNames.resolve(oxideOrElement);
    const wanted = checkYear(year);
    const byYear = this.ix.prices.get(oxide);
    if (!byYear) {
      throw notAvailable(
        `No sourced price for ${oxide}: the USGS salient statistics give prices only for ${orList([...this.ix.prices.keys()])}`,
      );
    }
    const y = wanted ?? latestYear(byYear);
    const row = byYear.get(y);
    if (!row)
      throw notAvailable(
        `No sourced price for ${oxide} in ${y}; years with data: ${yearsText([...byYear.keys()].sort((a, b) => a - b))}`,
      );
    return row;
  }

  price(oxideOrElement: string, year: number | null): number {
    return this.priceRow(oxideOrElement, year).usdPerKg;
  }

  /** The reserves row behind RESERVES (also used by SOURCE). */
  reservesRow(country: string) {
    const name = this.ix.countryNames.resolve(country);
    const row = this.ix.reserves.get(name);
    if (!row) throw notAvailable(`No sourced reserves figure for ${name}`);
    if (row.tonnes === null)
      throw notAvailable(`No sourced reserves figure for ${name}: USGS ${row.edition} prints NA (not available)`);
    return row;
  }

  reserves(country: string): number {
    return this.reservesRow(country).tonnes!;
  }

  list(kind: string): Cell[] {
    return buildList(kind, this.dataset, this.ix);
  }

  table(kind: string): Table {
    const name = buildTable.kindOf(kind);
    let table = this.tables.get(name);
    if (!table) {
      table = buildTable(name, this.dataset, this.ix);
      this.tables.set(name, table);
    }
    // Callers may edit the spilled copy; the cached table stays intact.
    return table.map((row) => row.slice());
  }

  source(kind: string, key: string, field: string | number | null): string {
    return citation(this, this.ix, kind, key, field);
  }

  version(): string {
    return this.dataset.version;
  }
}
