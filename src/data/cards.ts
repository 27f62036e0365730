import { isRareError } from "./errors";
import { exportControlStatus } from "./event-status";
import type { RareData } from "./rare-data";
import { STAGES, WORLD } from "./vocab";

/**
 * The cards RARE.ELEMENT and RARE.COUNTRY return: every figure RARE has for one element or
 * one country, each with its citation, grouped in sections. Host-free: functions/ turns a
 * Card into Excel's entity value. A figure the sources do not give is left out and named
 * under "Not in the sources"; nothing is filled in. Property names are part of the
 * product (users' formulas read them, `=A2.[China share]`): README lists them, and a
 * test keeps that list and these names the same.
 */

export type CardValue =
  | { readonly kind: "number"; readonly value: number; readonly format: string }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "logical"; readonly value: boolean }
  /** A table with a header row (histories, sources); cells are text or numbers, one number format per column. */
  | {
      readonly kind: "table";
      readonly rows: readonly (readonly (string | number)[])[];
      readonly formats: readonly (string | null)[];
    };

export interface CardProperty {
  readonly name: string;
  readonly value: CardValue;
  /** The unit shown beside the value on the card ("t REO", "USD/kg"). */
  readonly unit?: string;
  /** The RARE.SOURCE citation of the figure. */
  readonly source?: string;
}

export interface CardSection {
  readonly title: string;
  readonly properties: readonly string[];
}

export interface Card {
  /** The canonical name: what the cell shows. */
  readonly text: string;
  readonly what: "element" | "country";
  readonly properties: readonly CardProperty[];
  readonly sections: readonly CardSection[];
  readonly version: string;
}

/** Number formats of the card's figures (Excel format codes). */
export const CARD_FORMATS = {
  share: "0%",
  countryShare: "0.0%",
  whole: "0",
  tonnes: "#,##0",
  price: "#,##0.00",
} as const;

/** Every property name an element card may carry, in card order. */
export const ELEMENT_PROPERTIES = [
  "Name",
  "Symbol",
  "Atomic number",
  "Group",
  "Permanent-magnet rare earth",
  "Primary use",
  "China share",
  ...STAGES.map(stageProperty),
  "Oxide",
  "Latest price",
  "Latest price year",
  "Price history",
  "Export control",
  "Export control as of",
  "Sources",
  "Not in the sources",
  "Dataset version",
] as const;

/** Every property name a country card may carry, in card order. */
export const COUNTRY_PROPERTIES = [
  "Name",
  "Latest production",
  "Latest production year",
  "Production history",
  "Share of world production",
  "Share of world production year",
  "Reserves",
  "Reserves edition",
  "Sources",
  "Not in the sources",
  "Dataset version",
] as const;

export function stageProperty(stage: string): string {
  return `China share, ${stage === "us imports" ? "US imports" : stage}`;
}

/** Runs a query; a RareError (no sourced figure) becomes undefined and is noted as missing. */
function figure<T>(compute: () => T, missing: string[], what: string): T | undefined {
  try {
    return compute();
  } catch (e) {
    if (!isRareError(e)) throw e;
    missing.push(`${what}: ${e.message}`);
    return undefined;
  }
}

const cite = (data: RareData, kind: string, key: string, field: string | number | null): string | undefined => {
  try {
    return data.source(kind, key, field);
  } catch (e) {
    if (isRareError(e)) return undefined;
    throw e;
  }
};

const num = (value: number, format: string): CardValue => ({ kind: "number", value, format });
const text = (value: string): CardValue => ({ kind: "text", value });
/** A printed range ("660–670") stays text: no midpoint is made up. */
const numOrText = (value: number | string, format: string): CardValue =>
  typeof value === "number" ? num(value, format) : text(value);

/** What a card shows of a yearly series (price, production); names as in the property lists above. */
interface YearlySeries {
  /** The latest figure's property ("Latest price"); its year goes under "<latest> year". */
  readonly latest: string;
  readonly history: string;
  readonly value: CardValue;
  readonly year: number;
  readonly unit: string;
  readonly format: string;
  readonly source: string | undefined;
  readonly years: readonly number[];
  readonly at: (year: number) => number | string;
}

class CardBuilder {
  readonly properties: CardProperty[] = [];
  readonly missing: string[] = [];

  add(name: string, value: CardValue | undefined, extra: { unit?: string; source?: string } = {}): void {
    if (value !== undefined) this.properties.push({ name, value, ...extra });
  }

  /** A yearly series: its latest figure, that figure's year, and every year as a Year | unit table. */
  addSeries(series: YearlySeries): void {
    this.add(series.latest, series.value, { unit: series.unit, source: series.source });
    this.add(`${series.latest} year`, num(series.year, CARD_FORMATS.whole));
    this.add(series.history, {
      kind: "table",
      rows: [["Year", series.unit], ...series.years.map((y) => [y, series.at(y)])],
      formats: [CARD_FORMATS.whole, series.format],
    });
  }

  /** The sections that hold at least one property, then the sources and what the sources lack. */
  finish(text: string, what: Card["what"], version: string, sections: CardSection[]): Card {
    const sources = this.properties.filter((p) => p.source !== undefined).map((p) => [p.name, p.source!]);
    if (sources.length > 0)
      this.add("Sources", { kind: "table", rows: [["Property", "Source"], ...sources], formats: [null, null] });
    if (this.missing.length > 0) this.add("Not in the sources", { kind: "text", value: this.missing.join(" | ") });
    this.add("Dataset version", { kind: "text", value: version });
    const present = new Set(this.properties.map((p) => p.name));
    const kept = [...sections, { title: "Sources", properties: ["Sources", "Not in the sources", "Dataset version"] }]
      .map((s) => ({ title: s.title, properties: s.properties.filter((p) => present.has(p)) }))
      .filter((s) => s.properties.length > 0);
    return { text, what, properties: this.properties, sections: kept, version };
  }
}

export function elementCard(data: RareData, raw: string): Card {
  const name = data.element(raw);
  const facts = data.dataset.elements.find((e) => e.name === name)!;
  const card = new CardBuilder();
  const identity = cite(data, "element", name, "identity");
  card.add("Name", text(name));
  card.add("Symbol", text(facts.symbol), { source: identity });
  card.add("Atomic number", num(facts.atomicNumber, CARD_FORMATS.whole), { source: identity });
  card.add("Group", text(facts.group), { source: cite(data, "element", name, "group") });
  card.add(
    "Permanent-magnet rare earth",
    { kind: "logical", value: facts.magnet },
    { source: cite(data, "element", name, "magnet") },
  );
  const use = figure(() => data.use(name), card.missing, "Primary use");
  card.add("Primary use", use === undefined ? undefined : text(use), { source: cite(data, "use", name, null) });

  const share = figure(() => data.share(name, null), card.missing, "China share");
  card.add("China share", share === undefined ? undefined : num(share, CARD_FORMATS.share), {
    source: cite(data, "share", name, null),
  });
  for (const stage of STAGES) {
    const found = figure(() => data.stageFigure(name, stage), card.missing, stageProperty(stage));
    if (!found) continue;
    // Stage figures cover rare earths as a whole, except an element's own US import share.
    const value = found.own ? found.own.share : found.figure!.value!;
    card.add(stageProperty(stage), num(value, CARD_FORMATS.share), {
      unit: found.own ? name : "all rare earths",
      source: cite(data, "share", name, stage),
    });
  }

  const latest = figure(() => data.priceRow(name, null), card.missing, "Latest price");
  if (latest) {
    const oxide = latest.oxide;
    card.add("Oxide", text(oxide));
    card.addSeries({
      latest: "Latest price",
      history: "Price history",
      value: numOrText(latest.usdPerKg, CARD_FORMATS.price),
      year: latest.year,
      unit: "USD/kg",
      format: CARD_FORMATS.price,
      source: cite(data, "price", oxide, latest.year),
      years: data.priceYears(oxide),
      at: (y) => data.price(oxide, y),
    });
  }

  const control = exportControlStatus(facts, new Map(data.dataset.events.map((e) => [e.id, e])), data.dataset.asOf);
  if (control !== "") {
    card.add("Export control", text(control), { source: cite(data, "element", name, "exportControl") });
    card.add("Export control as of", text(data.dataset.asOf));
  } else card.missing.push("Export control: the curated element facts give no status");

  return card.finish(name, "element", data.version(), [
    {
      title: "Element",
      properties: ["Symbol", "Atomic number", "Group", "Permanent-magnet rare earth", "Primary use"],
    },
    { title: "China's share of supply", properties: ["China share", ...STAGES.map(stageProperty)] },
    { title: "Price", properties: ["Oxide", "Latest price", "Latest price year", "Price history"] },
    { title: "Export control", properties: ["Export control", "Export control as of"] },
  ]);
}

export function countryCard(data: RareData, raw: string): Card {
  const name = data.country(raw);
  const card = new CardBuilder();
  card.add("Name", text(name));

  const latest = figure(() => data.productionRow(name, null), card.missing, "Latest production");
  if (latest) {
    card.addSeries({
      latest: "Latest production",
      history: "Production history",
      value: num(latest.tonnes, CARD_FORMATS.tonnes),
      year: latest.year,
      unit: "t REO",
      format: CARD_FORMATS.tonnes,
      source: cite(data, "production", name, latest.year),
      years: data.productionYears(name),
      at: (y) => data.production(name, y),
    });
    if (name !== WORLD) {
      const share = figure(() => data.countryShare(name, latest.year), card.missing, "Share of world production");
      if (share !== undefined) {
        card.add("Share of world production", num(share, CARD_FORMATS.countryShare), {
          source: cite(data, "countryshare", name, latest.year),
        });
        card.add("Share of world production year", num(latest.year, CARD_FORMATS.whole));
      }
    }
  }

  const reserves = figure(() => data.reservesRow(name), card.missing, "Reserves");
  if (reserves) {
    // A figure printed with a qualifier (">75,000,000") stays text, as printed.
    const value =
      reserves.qualifier === ""
        ? num(reserves.tonnes!, CARD_FORMATS.tonnes)
        : text(`${reserves.qualifier}${reserves.tonnes!.toLocaleString("en-US")}`);
    card.add("Reserves", value, { unit: "t REO", source: cite(data, "reserves", name, null) });
    card.add("Reserves edition", text(reserves.edition));
  }

  return card.finish(name, "country", data.version(), [
    {
      title: "Mine production",
      properties: ["Latest production", "Latest production year", "Production history"],
    },
    { title: "Share of world production", properties: ["Share of world production", "Share of world production year"] },
    { title: "Reserves", properties: ["Reserves", "Reserves edition"] },
  ]);
}
