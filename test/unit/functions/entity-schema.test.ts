/**
 * Every card RARE.ELEMENT and RARE.COUNTRY can return, checked against the documented shape
 * of Excel.EntityCellValue (@types/office-js; "Excel data types core concepts" and "Use cards
 * with entity value data types" on learn.microsoft.com): a type field on every value, basic
 * values of the type's kind, rectangular arrays of cell values, a card layout whose title
 * and sections name existing properties, the provider attribution, and property names that
 * are exactly the ones README documents.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { bundled } from "../../../src/data/bundled";
import { COUNTRY_PROPERTIES, ELEMENT_PROPERTIES, countryCard, elementCard } from "../../../src/data/cards";
import { entityValue } from "../../../functions/entity-value";
import { repoRoot } from "../../support/paths";

/** Problems with one cell value, by its documented shape; [] when it is valid. */
function cellValueProblems(v: unknown, at: string): string[] {
  if (typeof v !== "object" || v === null) return [`${at}: not an object`];
  const value = v as Record<string, unknown>;
  const allowed = (keys: string[]) =>
    Object.keys(value)
      .filter((k) => !keys.includes(k))
      .map((k) => `${at}: unexpected field ${k}`);
  switch (value.type) {
    case "Double":
      return [
        ...(typeof value.basicValue === "number" && Number.isFinite(value.basicValue)
          ? []
          : [`${at}: basicValue not a finite number`]),
        ...(value.numberFormat === undefined || typeof value.numberFormat === "string" ? [] : [`${at}: numberFormat`]),
        ...allowed(["type", "basicValue", "numberFormat", "propertyMetadata"]),
      ];
    case "String":
      return [
        ...(typeof value.basicValue === "string" ? [] : [`${at}: basicValue not a string`]),
        ...allowed(["type", "basicValue", "propertyMetadata"]),
      ];
    case "Boolean":
      return [
        ...(typeof value.basicValue === "boolean" ? [] : [`${at}: basicValue not a boolean`]),
        ...allowed(["type", "basicValue", "propertyMetadata"]),
      ];
    case "Array": {
      const rows = value.elements;
      if (!Array.isArray(rows) || rows.length === 0 || !rows.every(Array.isArray))
        return [`${at}: elements not a 2-D array`];
      const width = (rows[0] as unknown[]).length;
      return [
        ...((rows as unknown[][]).every((r) => r.length === width) ? [] : [`${at}: elements not rectangular`]),
        ...(rows as unknown[][]).flatMap((r, i) => r.flatMap((c, j) => cellValueProblems(c, `${at}[${i}][${j}]`))),
        ...allowed(["type", "elements", "propertyMetadata"]),
      ];
    }
    default:
      return [`${at}: type ${String(value.type)} is not one RARE returns`];
  }
}

function metadataProblems(v: Record<string, unknown>, at: string): string[] {
  const m = v.propertyMetadata as Excel.CellValuePropertyMetadata | undefined;
  if (m === undefined) return [];
  return [
    ...(m.sublabel === undefined || typeof m.sublabel === "string" ? [] : [`${at}: sublabel`]),
    ...(m.attribution ?? []).flatMap((a) =>
      typeof a.sourceText === "string" && a.sourceText !== "" ? [] : [`${at}: attribution`],
    ),
  ];
}

const elements = bundled.list("elements").map(String);
const countries = bundled.list("countries").map(String);
const cards = [
  ...elements.map((e) => ["element", e, entityValue(elementCard(bundled, e)), ELEMENT_PROPERTIES] as const),
  ...countries.map((c) => ["country", c, entityValue(countryCard(bundled, c)), COUNTRY_PROPERTIES] as const),
];

describe.each(cards)("the %s card of %s", (_, name, entity, documented) => {
  // Typed as the documented type: the compiler checks the shape, this test the values.
  const typed: Excel.EntityCellValue = entity;

  it("is an entity whose text is the canonical name", () => {
    expect(typed.type).toBe("Entity");
    expect(typed.text).toBe(name);
  });

  it("has only valid typed cell values as properties, with their metadata", () => {
    const problems = Object.entries(typed.properties ?? {}).flatMap(([key, v]) => [
      ...cellValueProblems(v, key),
      ...metadataProblems(v as unknown as Record<string, unknown>, key),
    ]);
    expect(problems).toEqual([]);
  });

  it("uses only the documented property names, in their documented order", () => {
    const names = Object.keys(typed.properties ?? {});
    expect(names.filter((n) => !(documented as readonly string[]).includes(n))).toEqual([]);
    expect(names).toEqual((documented as readonly string[]).filter((n) => names.includes(n)));
  });

  it("has a card layout whose title and sections name existing properties, each shown once", () => {
    const card = typed.layouts?.card;
    expect(card?.title).toEqual({ property: "Name" });
    const shown = (card?.sections ?? []).flatMap((s) => {
      expect(s.layout).toBe("List");
      expect(s.properties.length).toBeGreaterThan(0);
      return s.properties;
    });
    expect(shown.filter((p) => !(p in (typed.properties ?? {})))).toEqual([]);
    expect(new Set(shown).size).toBe(shown.length);
    expect(Object.keys(typed.properties ?? {}).filter((p) => p !== "Name" && !shown.includes(p))).toEqual([]);
  });

  it("names its provider and the dataset version", () => {
    expect(typed.provider?.description).toBe(`RARE dataset ${bundled.version()}`);
    expect(typed.properties?.["Dataset version"]).toEqual({ type: "String", basicValue: bundled.version() });
  });
});

describe("the card properties", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  /** The first column of README's table headed "| <what> property |". */
  const documentedIn = (what: string): string[] => {
    const start = readme.indexOf(`| ${what} property |`);
    const lines = readme.slice(start).split("\n").slice(2);
    return lines
      .slice(
        0,
        lines.findIndex((l) => !l.startsWith("|")),
      )
      .map((l) => l.split("|")[1].trim());
  };

  it.each([
    ["element", ELEMENT_PROPERTIES],
    ["country", COUNTRY_PROPERTIES],
  ] as const)("README's %s property table lists exactly the card's properties, in order", (what, names) => {
    expect(documentedIn(what)).toEqual([...names]);
  });

  it('an element card has "Symbol", "China share" and "Primary use", spelled exactly so', () => {
    expect(ELEMENT_PROPERTIES).toEqual(expect.arrayContaining(["Symbol", "China share", "Primary use"]));
  });

  it("a figure the sources lack is absent and named, never filled in", () => {
    const terbium = elementCard(bundled, "Terbium");
    expect(terbium.properties.map((p) => p.name)).not.toContain("China share");
    const missing = terbium.properties.find((p) => p.name === "Not in the sources")?.value;
    expect(missing?.kind === "text" && missing.value).toContain("No sourced figure for China's share of Terbium");
  });

  it("a figure printed with a qualifier stays text", () => {
    const world = entityValue(countryCard(bundled, "World"));
    const printed = bundled.dataset.reserves.find((r) => r.country === "World total (rounded)")!;
    expect(printed.qualifier).not.toBe("");
    expect(world.properties?.Reserves).toMatchObject({ type: "String", basicValue: expect.stringMatching(/^>/) });
    const ranges = bundled.dataset.prices.filter((p) => p.oxide === "Scandium oxide" && typeof p.usdPerKg === "string");
    expect(ranges.length).toBeGreaterThan(0);
    const history = entityValue(elementCard(bundled, "Scandium")).properties?.["Price history"] as Excel.ArrayCellValue;
    for (const { year, usdPerKg } of ranges)
      expect(history.elements).toContainEqual([
        { type: "Double", basicValue: year, numberFormat: "0" },
        { type: "String", basicValue: usdPerKg },
      ]);
  });
});
