import type { Cell, RareQueries, Table } from "./api";
import { citation } from "./citations";
import { invalidNumber, invalidValue, isRareError, notAvailable, RareError } from "./errors";
import { buildIndexes, Indexes } from "./indexes";
import { BoundedMemo } from "./memo";
import { must, resolveName } from "./name-kinds";
import { type NameEntry, NameIndex, normalizeName, orList } from "./names";
import { buildList, buildTable } from "./tables";
import type { Dataset, ProductionRecord, Stage } from "./types";
import { DS140, STAGES, WORLD } from "./vocab";
import { checkYear, yearsText } from "./years";
import { hhi as herfindahl } from "./concentration";
import { historyTable } from "./history";
import { editionsCovering, notCovered, oldestFirst } from "./pinned";
import { usStatRow } from "./usstat";

/** Elements the stage figures' publishers leave out: USGS rare-earth data "exclude most scandium". */
const OUTSIDE_STAGE_SCOPE = new Set(["Scandium"]);

/**
 * The host-free query layer over one Dataset (the bundled seeds, or the bundle merged with
 * workbook overrides). Indexes are built once here; each query resolves names forgivingly,
 * returns a sourced figure or throws a RareError that says why there is none.
 */

/** The columns a table function accepts as its field argument: a closed vocabulary. */
const fieldVocabulary = (fields: readonly NameEntry[]): NameIndex =>
  new NameIndex(fields, { what: "field", plural: "fields", vocabulary: true });

const RISK_FIELDS = fieldVocabulary([
  { name: "impact", aliases: ["potential impact"] },
  { name: "mitigation", aliases: ["mitigation strategy", "strategy"] },
  { name: "factor", aliases: ["risk factor", "name"] },
]);

const STRATEGY_FIELDS = fieldVocabulary([
  { name: "benefit", aliases: ["primary benefit"] },
  { name: "challenge", aliases: ["implementation challenge"] },
  { name: "strategy", aliases: ["name"] },
]);

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

  /**
   * An element from what users type: names, symbols and the element's oxide ("Nd2O3",
   * "neodymium oxide"). A priced product of several elements (NdPr oxide, mischmetal) is
   * known, but is not one element: say so rather than "unknown element".
   */
  element(raw: string): string {
    return must(resolveName(this.ix, "element", raw));
  }

  /** A country from what users type; an element or a priced product says what it is instead of "unknown". */
  country(raw: string): string {
    return must(resolveName(this.ix, "country", raw));
  }

  /** An oxide (PRICE) from what users type: oxide names, formulas, elements, symbols, NdPr, mischmetal. */
  oxide(raw: string): string {
    return must(resolveName(this.ix, "oxide", raw));
  }

  private seedShare(element: string): number {
    const name = this.element(element);
    const row = this.ix.shares.get(name);
    if (row) return row.share;
    const known = [...this.ix.shares.keys()];
    throw notAvailable(
      `No sourced figure for China's share of ${name}; the sources give element shares only for ${orList(known)}. ` +
        `For a sector-wide figure give a stage: ${STAGES.join(", ")}`,
    );
  }

  /**
   * The figure a SHARE(element, stage) call uses (also used by SOURCE): for US imports the
   * element's own MCS2026 import-source share where USGS gives one; otherwise the stage's
   * sector-wide figure, for elements inside that figure's scope.
   */
  stageFigure(element: string, stage: string) {
    const name = this.element(element);
    const stageName = this.ix.stageNames.resolve(stage) as Stage;
    if (stageName === "us imports") {
      const own = this.ix.importShares.get(name);
      if (own) return { element: name, stage: stageName, own, figure: undefined };
    }
    if (OUTSIDE_STAGE_SCOPE.has(name))
      throw notAvailable(
        `No sourced figure for China's share of ${stageName} for ${name}: the stage figures are for rare earths as ` +
          `reported by USGS and the IEA, whose data exclude ${name.toLowerCase()}`,
      );
    if (stageName === "magnets" && !this.ix.elements.get(name)!.magnet) {
      const magnetRees = this.dataset.elements.filter((e) => e.magnet).map((e) => e.symbol);
      throw notAvailable(
        `No sourced figure for China's share of magnets for ${name}: it is not a permanent-magnet rare earth (EU CRMA Annex I lists ${magnetRees.join(", ")})`,
      );
    }
    const figure = this.ix.stageFigures.get(stageName);
    if (!figure || figure.value === null) throw notAvailable(`No sourced figure for China's share of ${stageName}`);
    return { element: name, stage: stageName, own: undefined, figure };
  }

  private stageShare(element: string, stage: string): number {
    const { own, figure } = this.stageFigure(element, stage);
    return own ? own.share : figure!.value!;
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
    const name = this.element(element);
    const fromArticle = this.ix.uses.get(name);
    if (fromArticle) return fromArticle.use;
    const uses = this.ix.elements.get(name)!.uses;
    if (uses === "") throw notAvailable(`No sourced use for ${name}: the curated element facts mark its uses MISSING`);
    return uses;
  }

  /** An edition argument: null when omitted, else the edition's id (unknown ones are #VALUE!). */
  edition(raw: string | null): string | null {
    return raw === null || raw === undefined || isBlank(raw) ? null : this.ix.editionNames.resolve(raw);
  }

  /** year → country → row: the winning rows, or one edition's own rows when pinned. */
  private productionRows(edition: string | null): Map<number, Map<string, ProductionRecord>> {
    return edition === null ? this.ix.production : (this.ix.pinned.production.get(edition) ?? new Map());
  }

  /** The production row behind PRODUCTION/COUNTRYSHARE (also used by SOURCE). */
  productionRow(country: string, year: number | null, edition: string | null = null): ProductionRecord {
    const name = this.country(country);
    const wanted = checkYear(year);
    const pinned = this.edition(edition);
    const byYear = this.productionRows(pinned);
    const years = [...byYear.entries()]
      .filter(([, rows]) => rows.has(name))
      .map(([y]) => y)
      .sort((a, b) => a - b);
    if (pinned === DS140) return this.ds140WorldRow(name, wanted);
    if (pinned !== null) {
      if (wanted !== null && !byYear.has(wanted)) throw notCovered(pinned, String(wanted), this.covering(wanted, name));
      const y = wanted ?? years[years.length - 1];
      const row = y === undefined ? undefined : byYear.get(y)?.get(name);
      if (!row)
        throw notAvailable(`No sourced figure for ${name}${y ? ` in ${y}` : ""}: ${pinned} does not list ${name}`);
      return row;
    }
    if (name === WORLD && wanted !== null && !byYear.has(wanted)) {
      const early = this.ix.worldHistory.get(wanted);
      if (early && typeof early.value === "number")
        return { country: WORLD, year: wanted, tonnes: early.value, edition: early.edition };
    }
    if (years.length === 0) throw notAvailable(`No sourced production figure for ${name}`);
    const y = wanted ?? years[years.length - 1];
    const row = byYear.get(y)?.get(name);
    if (row) return row;
    const ofYear = byYear.get(y);
    if (!ofYear)
      throw notAvailable(
        `No sourced figure for ${name} in ${y}; years with data: ${yearsText(this.ix.productionYears)}`,
      );
    const winner = ofYear.values().next().value!.edition;
    throw notAvailable(
      `No sourced figure for ${name} in ${y}: ${winner}, the newest USGS edition covering ${y}, does not list ${name}; ` +
        `years with data for ${name}: ${yearsText(years)}`,
    );
  }

  /**
   * The editions whose figures cover a year, oldest first: the MCS editions with rows for it,
   * and DS140 for the world total it gives (1900-2020).
   */
  private covering(year: number, country: string | null): string[] {
    const editions = editionsCovering(this.ix.pinned, year, this.ix.editionRank);
    if (country === WORLD && typeof this.ix.worldHistory.get(year)?.value === "number") editions.push(DS140);
    return oldestFirst(editions, this.ix.editionRank);
  }

  /** PRODUCTION pinned to DS140, which gives the world total only. */
  private ds140WorldRow(name: string, wanted: number | null): ProductionRecord {
    const years = [...this.ix.worldHistory.entries()]
      .filter(([, h]) => typeof h.value === "number")
      .map(([y]) => y)
      .sort((a, b) => a - b);
    const y = wanted ?? years[years.length - 1];
    if (name !== WORLD)
      throw notCovered(DS140, `${name} in ${y} (it gives the world total only)`, this.covering(y, name));
    const early = this.ix.worldHistory.get(y);
    if (!early || typeof early.value !== "number") throw notCovered(DS140, String(y), this.covering(y, name));
    return { country: WORLD, year: y, tonnes: early.value, edition: DS140 };
  }

  production(country: string, year: number | null, edition: string | null = null): number {
    return this.productionRow(country, year, edition).tonnes;
  }

  /** Years PRODUCTION has a figure for (the world total reaches back to 1900 through DS140). */
  productionYears(country: string, withHistory = true): number[] {
    const name = this.country(country);
    const years = new Set(this.ix.yearsByCountry.get(name) ?? []);
    if (name === WORLD && withHistory)
      for (const [y, h] of this.ix.worldHistory)
        if (typeof h.value === "number" && !this.ix.production.has(y)) years.add(y);
    return [...years].sort((a, b) => a - b);
  }

  /** Sum of the country rows (world total excluded) of a year: the share and HHI denominator. */
  countryTotal(year: number, edition: string | null = null): number {
    const pinned = this.edition(edition);
    const cached = pinned === null ? this.totalByYear.get(year) : undefined;
    if (cached !== undefined) return cached;
    let total = 0;
    for (const row of this.productionRows(pinned).get(year)?.values() ?? [])
      if (row.country !== WORLD) total += row.tonnes;
    if (pinned === null) this.totalByYear.set(year, total);
    return total;
  }

  countryShare(country: string, year: number | null, edition: string | null = null): number {
    const row = this.productionRow(country, year, edition);
    if (row.country === WORLD)
      throw invalidValue(`${WORLD} is not a country: COUNTRYSHARE gives a country's share of world production`);
    const total = this.countryTotal(row.year, edition);
    // An infinite total would make every share 0 (mergeOverrides refuses such rows already).
    if (!Number.isFinite(total))
      throw invalidNumber(`Production for ${row.year} sums beyond the largest number (about 1.8e308)`);
    return row.tonnes / total;
  }

  /** The year HHI uses: the given one if it has data, else the latest. */
  hhiYear(year: number | null, edition: string | null = null): number {
    const wanted = checkYear(year);
    const pinned = this.edition(edition);
    const byYear = this.productionRows(pinned);
    const years = [...byYear.keys()].sort((a, b) => a - b);
    if (years.length === 0 && pinned !== null) {
      const y = wanted ?? this.ix.productionYears[this.ix.productionYears.length - 1];
      throw notCovered(pinned, `producing countries in ${y} (it gives the world total only)`, this.covering(y, null));
    }
    if (years.length === 0) throw notAvailable("No sourced production figures");
    const y = wanted ?? years[years.length - 1];
    if (!byYear.has(y)) {
      if (pinned !== null) throw notCovered(pinned, String(y), this.covering(y, null));
      throw notAvailable(`No sourced production figures for ${y}; years with data: ${yearsText(years)}`);
    }
    return y;
  }

  hhiYears(): number[] {
    return [...this.ix.productionYears];
  }

  hhi(year: number | null, edition: string | null = null): number {
    const pinned = this.edition(edition);
    const y = this.hhiYear(year, pinned);
    const cached = pinned === null ? this.hhiByYear.get(y) : undefined;
    if (cached !== undefined) return cached;
    const values = [...this.productionRows(pinned).get(y)!.values()]
      .filter((r) => r.country !== WORLD)
      .map((r) => r.tonnes);
    const value = herfindahl(values);
    if (pinned === null) this.hhiByYear.set(y, value);
    return value;
  }

  /** The price row behind PRICE (also used by SOURCE). */
  priceRow(oxideOrElement: string, year: number | null, edition: string | null = null) {
    const oxide = this.oxide(oxideOrElement);
    const wanted = checkYear(year);
    const pinned = this.edition(edition);
    const byYear = pinned === null ? this.ix.prices.get(oxide) : this.ix.pinned.prices.get(pinned)?.get(oxide);
    if (!byYear) {
      if (pinned !== null) {
        // With a year, the editions pricing the oxide in that year; without, those pricing it at all.
        const pricing = [...this.ix.pinned.prices.entries()]
          .filter(([, m]) => (wanted === null ? m.has(oxide) : m.get(oxide)?.has(wanted)))
          .map(([e]) => e);
        const what = wanted === null ? `${oxide} prices` : `${oxide} in ${wanted}`;
        throw notCovered(pinned, what, oldestFirst(pricing, this.ix.editionRank));
      }
      throw notAvailable(
        `No sourced price for ${oxide}: the USGS salient statistics give prices only for ${orList([...this.ix.prices.keys()])}`,
      );
    }
    const y = wanted ?? latestYear(byYear);
    const row = byYear.get(y);
    if (!row) {
      const years = [...byYear.keys()].sort((a, b) => a - b);
      if (pinned !== null) {
        const covering = [...this.ix.pinned.prices.entries()].filter(([, m]) => m.get(oxide)?.has(y)).map(([e]) => e);
        throw notCovered(pinned, `${oxide} in ${y}`, oldestFirst(covering, this.ix.editionRank));
      }
      throw notAvailable(`No sourced price for ${oxide} in ${y}; years with data: ${yearsText(years)}`);
    }
    return row;
  }

  /** USD/kg; a range USGS prints (scandium oxide "660–670") is returned as that text. */
  price(oxideOrElement: string, year: number | null, edition: string | null = null): number | string {
    return this.priceRow(oxideOrElement, year, edition).usdPerKg;
  }

  priceYears(oxideOrElement: string): number[] {
    const oxide = this.oxide(oxideOrElement);
    return [...(this.ix.prices.get(oxide)?.keys() ?? [])].sort((a, b) => a - b);
  }

  /** The reserves row behind RESERVES (also used by SOURCE). */
  reservesRow(country: string, edition: string | null = null) {
    const name = this.country(country);
    const pinned = this.edition(edition);
    const row = pinned === null ? this.ix.reserves.get(name) : this.ix.pinned.reserves.get(pinned)?.get(name);
    if (!row) {
      if (pinned !== null) {
        // Only editions that print a figure: one printing NA does not cover the country.
        const listing = [...this.ix.pinned.reserves.entries()]
          .filter(([, m]) => typeof m.get(name)?.tonnes === "number")
          .map(([e]) => e);
        throw notCovered(pinned, `reserves for ${name}`, oldestFirst(listing, this.ix.editionRank));
      }
      throw notAvailable(`No sourced reserves figure for ${name}`);
    }
    if (row.tonnes === null) {
      // The row's note starts by saying NA was printed; the message says so already.
      const footnote = (row.note ?? "").replace(/^USGS prints NA(; )?/, "");
      throw notAvailable(
        `No sourced reserves figure for ${name}: USGS ${row.edition} prints NA (not available)` +
          (footnote ? `, with the footnote "${footnote}"` : ""),
      );
    }
    return row;
  }

  reserves(country: string, edition: string | null = null): number | string {
    return asPrinted(this.reservesRow(country, edition));
  }

  /** Each MCS edition's reserves for a country, dated by the edition's latest data year (HISTORY). */
  reservesByEditionYear(country: string): [number, number | string][] {
    const name = this.country(country);
    const out: [number, number | string][] = [];
    for (const [edition, byCountry] of this.ix.pinned.reserves) {
      const row = byCountry.get(name);
      const years = [...(this.ix.pinned.production.get(edition)?.keys() ?? [])];
      if (row && row.tonnes !== null && years.length > 0) out.push([Math.max(...years), asPrinted(row)]);
    }
    return out;
  }

  /** A US salient statistic as printed: a number, or text such as ">95" or "E" (net exporter). */
  usStat(metric: string, year: number | null, edition: string | null = null): number | string {
    return usStatRow(this.dataset, metric, checkYear(year), this.edition(edition)).value;
  }

  history(
    measure: string,
    key: string | null,
    start: number | null,
    end: number | null,
    headers: number | null,
  ): Table {
    return historyTable(this, measure, key, checkYear(start), checkYear(end), headers);
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

  source(kind: string, key: string, field: string | number | null, detail: string | null = null): string {
    return citation(this, this.ix, kind, key, field, detail);
  }

  version(): string {
    return this.dataset.version;
  }
}

/**
 * A reserves figure as the source prints it: a number, or text where USGS prints a lower
 * bound (">75,000,000"), never the bare number it did not print.
 */
function asPrinted(row: { tonnes: number | null; qualifier: string }): number | string {
  return row.qualifier === "" ? row.tonnes! : `${row.qualifier}${row.tonnes!.toLocaleString("en-US")}`;
}
