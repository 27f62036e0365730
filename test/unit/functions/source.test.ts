/**
 * RARE.SOURCE(kind, key, [field]): the citation behind a value, and RARE.VERSION(). Citations
 * are checked against seeds/sources.csv (title and id of each cited source), the article tables,
 * the curated files and the USGS edition rule; SOURCE "fails where the value fails, with the same
 * message" (src/data/citations.ts). VERSION is checked against seeds/README.md's definition.
 */
import * as rare from "../../../functions/functions";
import {
  articleElement,
  articleEvents,
  countryRows,
  countryShare,
  countryTotal,
  editionSourceId,
  expectedVersion,
  latestYear,
  production as figures,
  productionYears,
  priceEditions,
  price as priceFigure,
  seedCsv,
  sourceRow,
  stageRow,
  tonnes,
  WORLD,
} from "../../support/seed-facts";
import { didYouMean, expectError, expectErrorResult, only } from "./cells";
import { excelCalls, incoming } from "./support/excel-calls";

const { source, share, risk, strategy, use, production, countryshare, reserves, price, hhi } = excelCalls(rare);
/** SOURCE with detail "full": the whole provenance, whose notes these tests read. */
const sourceFull = (kind: unknown[][], key: unknown[][], field: unknown[][] | null) =>
  source(kind, key, field, [["full"]]);

/** "title … [id]" as sources.csv gives them, for every id. */
function expectCites(text: unknown, ids: string[]): void {
  expect(typeof text).toBe("string");
  for (const id of ids) {
    expect(text).toContain(`[${id}]`);
    expect(text).toContain(sourceRow(id).title);
  }
}
const bracketedIds = (cell: string): string[] => [...cell.matchAll(/\[([A-Z]+\d+)\]/g)].map((m) => m[1]);
const fmt = (n: number) => n.toLocaleString("en-US");

const SOURCE_KINDS = [
  "share",
  "risk",
  "strategy",
  "use",
  "production",
  "reserves",
  "price",
  "countryshare",
  "hhi",
  "event",
  "element",
];

describe("SOURCE: normal case", () => {
  it('SOURCE("share","Neodymium") cites article A002 and the percentage it prints (80%)', () => {
    const text = only(sourceFull([["share"]], [["Neodymium"]], null));
    expectCites(text, ["A002"]);
    expect(text).toContain(`printed as ${articleElement("Neodymium").printed}`);
  });
  it("a stage share cites the sources of the row the README rule chooses and says it is sector-wide", () => {
    const row = stageRow("mining");
    const text = only(sourceFull([["share"]], [["Neodymium"]], [["mining"]])) as string;
    expectCites(text, bracketedIds(row.source));
    expect(text).toContain("not specific to Neodymium");
    expect(text).toContain(`data year: ${row.year}`);
  });
  it("risk and strategy cite A002 and quote the value's column", () => {
    const r = seedCsv("article-tables/risks.csv").find((x) => x.factor === "Export Quotas")!;
    const riskText = only(sourceFull([["risk"]], [["Export Quotas"]], [["mitigation"]]));
    expectCites(riskText, [r.source]);
    expect(riskText).toContain(`"${r.mitigation}"`);
    const s = seedCsv("article-tables/strategies.csv").find((x) => x.strategy === "Recycling Programs")!;
    const strategyText = only(sourceFull([["strategy"]], [["Recycling Programs"]], [["challenge"]]));
    expectCites(strategyText, [s.source]);
    expect(strategyText).toContain(`"${s.challenge}"`);
  });
  it("use cites the article where it gives the use, else the curated uses' own sources", () => {
    expectCites(only(sourceFull([["use"]], [["Nd"]], null)), ["A002"]);
    const terbium = seedCsv("curated/elements.csv").find((e) => e.element === "Terbium")!;
    expectCites(only(sourceFull([["use"]], [["Terbium"]], null)), bracketedIds(terbium.uses_source));
  });
  it.each(productionYears)("production of China in %d cites the newest edition covering that year", (year) => {
    const { edition } = figures.get(year)!.get("China")!;
    const text = only(sourceFull([["production"]], [["China"]], [[year]]));
    expectCites(text, [editionSourceId(edition)]);
    expect(text).toContain(`USGS ${edition}`);
    expect(text).toContain(`the newest edition covering ${year}`);
  });
  it("countryshare states the percentage and the denominator (sum of country rows, not the rounded world total)", () => {
    const text = only(sourceFull([["countryshare"]], [["China"]], [[2024]]));
    expect(text).toContain(
      `${(countryShare("China", 2024) * 100).toFixed(1)}% of the sum of the country rows for 2024 (${fmt(countryTotal(2024))} t)`,
    );
    expect(text).toContain(`not of the rounded world total (${fmt(tonnes(WORLD, 2024))} t)`);
  });
  it('SOURCE("hhi","2022") names the edition, the number of producer rows and the denominator', () => {
    const text = only(sourceFull([["hhi"]], [["2022"]], null));
    const edition = countryRows(2022)[0].edition;
    expectCites(text, [editionSourceId(edition)]);
    expect(text).toContain(`computed from the ${countryRows(2022).length} producer rows of USGS ${edition} for 2022`);
    expect(text).toContain(`(${fmt(countryTotal(2022))} t)`);
  });
  it("reserves of the world total says the figure is a lower bound", () => {
    const text = only(sourceFull([["reserves"]], [["World"]], null));
    expectCites(text, ["MCS2026"]);
    expect(text).toContain("lower bound (>75,000,000)");
    expect(text).toContain("report v1.3");
  });
  it("price cites the newest edition and keeps the older edition's figure (Dy 2023: MCS2025 330, MCS2024 323)", () => {
    const text = only(sourceFull([["price"]], [["Dy"]], [[2023]]));
    expectCites(text, [editionSourceId(priceFigure("Dysprosium oxide", 2023).edition)]);
    const [older] = priceEditions("Dysprosium oxide", 2023);
    expect(text).toContain(`earlier editions: ${older.edition}: ${older.usdPerKg}`);
  });
  it("an event cites its source (curated events through event-sources.csv, article events directly)", () => {
    const e8 = seedCsv("event-sources.csv").find((r) => r.event_id === "E8")!;
    expectCites(only(sourceFull([["event"]], [["E8"]], null)), [e8.source]);
    const ae4 = articleEvents.find((e) => e.id === "AE4")!;
    const text = only(sourceFull([["event"]], [["ae4"]], null));
    expectCites(text, [ae4.source]);
    expect(text).toContain(`date as given: ${ae4.date_as_printed}`);
  });
  it("an element's facts cite every source of its curated row", () => {
    const nd = seedCsv("curated/elements.csv").find((e) => e.element === "Neodymium")!;
    // every [S…] id of the curated row's source cell (symbol, group, magnet flag, uses, price)
    expectCites(only(sourceFull([["element"]], [["Nd"]], null)), bracketedIds(nd.source));
  });
  it("kind aliases resolve", () => {
    expect(source([["shares"]], [["Nd"]], null)).toEqual(source([["share"]], [["Nd"]], null));
    expect(source([["Mine Production"]], [["China"]], [[2024]])).toEqual(
      source([["production"]], [["China"]], [[2024]]),
    );
  });
  it("is deterministic", () => {
    const call = () => source([["production"], ["share"]], [["China"], ["Terbium"]], null);
    expect(call()).toEqual(call());
  });
});

describe("SOURCE: omitted and blank arguments", () => {
  it("an omitted field is the value's own default (latest year; element share; default column)", () => {
    expect(source([["production"]], [["China"]], null)).toEqual(source([["production"]], [["China"]], [[latestYear]]));
    expect(source([["risk"]], [["Export Quotas"]], null)).toEqual(
      source([["risk"]], [["Export Quotas"]], [["impact"]]),
    );
  });
  it("a blank field cell is the same as an omitted one", () => {
    expect(source([["share"]], [["Dysprosium"]], [[""]])).toEqual(source([["share"]], [["Dysprosium"]], null));
    expect(source([["price"]], [["Nd"]], [[""]])).toEqual(source([["price"]], [["Nd"]], null));
  });
  it("a blank kind or key is #VALUE! naming the argument", () => {
    expectErrorResult(source([[""]], [["Nd"]], null), "#VALUE!", /kind is blank/);
    expectErrorResult(source([["share"]], [[null]], null), "#VALUE!", /key is blank/);
  });
});

describe("SOURCE: ranges", () => {
  it("a column of keys spills a column, each cell its own citation or error", () => {
    const cells = source([["share"]], [["Neodymium"], ["Dysprosium"], ["Terbium"], ["Neodimium"]], null);
    expect(cells).toHaveLength(4);
    expect(cells[0][0]).toContain(`printed as ${articleElement("Neodymium").printed}`);
    expect(cells[1][0]).toContain(`printed as ${articleElement("Dysprosium").printed}`);
    expectError(cells[2][0], "#N/A", "No sourced figure for China's share of Terbium");
    expectError(cells[3][0], "#N/A", didYouMean("Neodymium"));
  });
  it("kinds across against one key spill a row", () => {
    const cells = source([["production", "countryshare", "reserves"]], [["China"]], null);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toHaveLength(3);
    for (const cell of cells[0]) expectCites(cell, ["MCS2026"]);
  });
});

describe("SOURCE: error inputs and wrong types", () => {
  it("an error in any argument cell propagates unchanged", () => {
    const bad = incoming();
    expect(only(source([[bad]], [["Nd"]], null))).toBe(bad);
    expect(only(source([["share"]], [[bad]], null))).toBe(bad);
    expect(only(source([["share"]], [["Nd"]], [[bad]]))).toBe(bad);
  });
  it.each([
    [[[5]], [["Nd"]], null, /kind must be text, not the number 5/],
    [[[true]], [["Nd"]], null, /kind must be text, not the logical value TRUE/],
    [[["share"]], [[60]], null, /key must be text, not the number 60/],
    [[["share"]], [["Nd"]], [[false]], /field must be text, not the logical value FALSE/],
  ])("%j, %j, %j is #VALUE! naming the argument", (kind, key, field, message) => {
    expectErrorResult(source(kind, key, field), "#VALUE!", message);
  });
  it("a year field that is not a whole year in range is #VALUE!", () => {
    expectErrorResult(source([["production"]], [["China"]], [[2023.5]]), "#VALUE!", /2023\.5/);
    expectErrorResult(source([["production"]], [["China"]], [[2101]]), "#VALUE!", /2101/);
    expectErrorResult(
      source([["price"]], [["Nd"]], [["soon"]]),
      "#VALUE!",
      /year must be a whole year such as 2024, not the text "soon"/,
    );
  });
});

describe("SOURCE: documented errors", () => {
  it("an unknown kind is #VALUE! listing the valid kinds", () => {
    const e = expectErrorResult(source([["tonnage"]], [["China"]], null), "#VALUE!", 'Unknown source kind "tonnage"');
    for (const kind of SOURCE_KINDS) expect(e.message).toContain(kind);
  });
  it("an unknown element field is #VALUE! listing the valid fields", () => {
    expectErrorResult(source([["element"]], [["Nd"]], [["colour"]]), "#VALUE!", 'Unknown element field "colour"');
  });
  it("an element fact the curated file marks MISSING has no source: #N/A", () => {
    expectErrorResult(source([["element"]], [["Lutetium"]], [["uses"]]), "#N/A", "No source for Lutetium's uses");
  });

  // src/data/citations.ts: "SOURCE fails where the value fails, with the same message".
  const sameFailure: Array<[string, () => unknown[][], () => unknown[][]]> = [
    ["unknown element", () => source([["share"]], [["Neodimium"]], null), () => share([["Neodimium"]], null)],
    ["SHARE(Terbium)", () => source([["share"]], [["Terbium"]], null), () => share([["Terbium"]], null)],
    [
      "SHARE(Lanthanum, magnets)",
      () => source([["share"]], [["Lanthanum"]], [["magnets"]]),
      () => share([["Lanthanum"]], [["magnets"]]),
    ],
    ["unknown stage", () => source([["share"]], [["Nd"]], [["smelting"]]), () => share([["Nd"]], [["smelting"]])],
    ["unknown risk factor", () => source([["risk"]], [["Export Quota"]], null), () => risk([["Export Quota"]], null)],
    [
      "unknown risk field",
      () => source([["risk"]], [["Export Quotas"]], [["cost"]]),
      () => risk([["Export Quotas"]], [["cost"]]),
    ],
    ["unknown strategy", () => source([["strategy"]], [["Recycling"]], null), () => strategy([["Recycling"]], null)],
    ["USE(Lutetium)", () => source([["use"]], [["Lutetium"]], null), () => use([["Lutetium"]])],
    [
      "PRODUCTION(Burundi, 2022)",
      () => source([["production"]], [["Burundi"]], [[2022]]),
      () => production([["Burundi"]], [[2022]]),
    ],
    [
      "PRODUCTION(China, 2019)",
      () => source([["production"]], [["China"]], [[2019]]),
      () => production([["China"]], [[2019]]),
    ],
    ["unknown country", () => source([["production"]], [["Chian"]], null), () => production([["Chian"]], null)],
    ["COUNTRYSHARE(World)", () => source([["countryshare"]], [["World"]], null), () => countryshare([["World"]], null)],
    ["RESERVES(Burma)", () => source([["reserves"]], [["Myanmar"]], null), () => reserves([["Myanmar"]])],
    ["PRICE(Thulium)", () => source([["price"]], [["Thulium"]], null), () => price([["Thulium"]], null)],
    ["PRICE(Nd, 2016)", () => source([["price"]], [["Nd"]], [[2016]]), () => price([["Nd"]], [[2016]])],
    ["HHI(2019)", () => source([["hhi"]], [["2019"]], null), () => hhi([[2019]])],
    [
      "year out of range",
      () => source([["production"]], [["China"]], [[2101]]),
      () => production([["China"]], [[2101]]),
    ],
    ["fractional year", () => source([["price"]], [["Nd"]], [[2023.5]]), () => price([["Nd"]], [[2023.5]])],
    [
      "year as words",
      () => source([["countryshare"]], [["China"]], [["last year"]]),
      () => countryshare([["China"]], [["last year"]]),
    ],
  ];
  it.each(sameFailure)("fails where the value fails, with the same error: %s", (_label, cite, value) => {
    const expected = only(value());
    expectError(expected, (expected as { code: "#N/A" | "#VALUE!" }).code);
    expect(only(cite())).toEqual(expected);
  });
});

describe("VERSION", () => {
  it("is asOf + the first 12 hex of sha256 over every seed file in sorted path order (seeds/README.md)", () => {
    expect(rare.version()).toBe(expectedVersion());
    expect(rare.version()).toMatch(/^\d{4}-\d{2}-\d{2}\+[0-9a-f]{12}$/);
  });
  it("takes no arguments and returns a single text value", () => {
    expect(rare.version).toHaveLength(0);
    expect(typeof rare.version()).toBe("string");
  });
  it("is deterministic", () => {
    expect(rare.version()).toBe(rare.version());
  });
});
