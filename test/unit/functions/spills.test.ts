/**
 * The whole-table functions: RARE.LIST(kind) spills a column of names, RARE.TABLE(kind) a table
 * with a header row. Their one argument takes a single value, so a multi-cell range is #VALUE!
 * (functions/lift.ts, single). Contents are compared with the seed files, read by
 * test/support/seed-facts.ts.
 */
import * as rare from "../../../functions/functions";
import {
  articleElements,
  articleEvents,
  countries,
  curatedElements,
  curatedEvents,
  listItems,
  prices,
  pricedOxides,
  production,
  productionYears,
  reserves,
  risks,
  sources,
  seedCsv,
  stageRow,
  stageShare,
  STAGES,
  strategies,
} from "../../support/seed-facts";
import { documentedKinds } from "../../support/readme-kinds";
import { expectErrorResult } from "./cells";
import { itPassesErrorCellsOn, itRejectsWrongTypes } from "./support/argument-checks";
import { excelCalls } from "./support/excel-calls";

const { list, table } = excelCalls(rare);

/** The spilled column as plain values. */
const column = (result: unknown[][]): unknown[] => {
  for (const row of result) expect(row).toHaveLength(1);
  return result.map((row) => row[0]);
};

/** Data rows of a TABLE result keyed by header name. */
function records(result: unknown[][]): Array<Record<string, unknown>> {
  const [header, ...rows] = result;
  for (const row of rows) expect(row).toHaveLength(header.length);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

const LIST_KINDS = documentedKinds("LIST");
const TABLE_KINDS = documentedKinds("TABLE");

describe("LIST", () => {
  describe("normal case", () => {
    it("elements: the curated element facts, in file order", () => {
      expect(column(list([["elements"]]))).toEqual(curatedElements.map((e) => e.element));
    });
    it("countries: every production and reserves country A–Z, then the Other group, never the world total", () => {
      expect(column(list([["countries"]]))).toEqual(countries);
      expect(countries).toEqual(expect.arrayContaining(["Burundi", "Nigeria", "Malaysia"]));
    });
    it("years: the years with production figures", () => {
      expect(column(list([["years"]]))).toEqual(productionYears);
    });
    it("oxides: every oxide (and mischmetal) the USGS editions price", () => {
      expect([...(column(list([["oxides"]])) as string[])].sort()).toEqual([...prices.keys()].sort());
      for (const { oxide } of pricedOxides) expect(column(list([["oxides"]]))).toContain(oxide);
    });
    it("stages: mining, refining, magnets, us imports (seeds/README.md)", () => {
      expect(column(list([["stages"]]))).toEqual(STAGES);
    });
    it("risks and strategies: the article tables' first columns", () => {
      expect(column(list([["risks"]]))).toEqual(risks.map((r) => r.factor));
      expect(column(list([["strategies"]]))).toEqual(strategies.map((s) => s.strategy));
    });
    it("events: the curated events E1–E16 and the article events AE1–AE8", () => {
      const ids = column(list([["events"]])) as string[];
      const later = seedCsv("curated/events_2025_2026.csv").map((e) => e.event_id);
      expect([...ids].sort()).toEqual(
        [...curatedEvents.map((e) => e.event_id), ...later, ...articleEvents.map((e) => e.id)].sort(),
      );
    });
    it("sources: ids of sources.csv, including every article and USGS edition", () => {
      const ids = column(list([["sources"]])) as string[];
      const known = new Set(sources.map((s) => s.id));
      for (const id of ids) expect(known.has(id)).toBe(true);
      expect(ids).toEqual(
        expect.arrayContaining(["A000", "A001", "A002", "A003", "A004", "MCS2022", "MCS2023", "MCS2024", "S1"]),
      );
      expect(new Set(ids).size).toBe(ids.length);
    });
    it.each(["keyrisks", "aims", "keystrategies"])("%s: article 002's bulleted list, in order", (kind) => {
      expect(column(list([[kind]]))).toEqual(listItems(kind));
    });
    it("is deterministic", () => {
      expect(list([["countries"]])).toEqual(list([["countries"]]));
    });
  });

  describe("range argument", () => {
    it("a 1×1 range is the same as its value", () => {
      expect(list([["years"]])).toEqual(productionYears.map((y) => [y]));
    });
  });
});

describe("TABLE", () => {
  describe("normal case", () => {
    it("every table is a rectangle with a header row of text", () => {
      for (const kind of TABLE_KINDS) {
        const t = table([[kind]]);
        expect(t.length).toBeGreaterThan(1);
        for (const row of t) expect(row).toHaveLength(t[0].length);
        for (const h of t[0]) expect(typeof h).toBe("string");
      }
    });
    it("risks: the article's risk table with its source", () => {
      expect(table([["risks"]])).toEqual([
        ["risk factor", "potential impact", "mitigation strategy", "source"],
        ...risks.map((r) => [r.factor, r.impact, r.mitigation, r.source]),
      ]);
    });
    it("strategies: the article's strategy table with its source", () => {
      expect(table([["strategies"]])).toEqual([
        ["strategy", "primary benefit", "implementation challenge", "source"],
        ...strategies.map((s) => [s.strategy, s.benefit, s.challenge, s.source]),
      ]);
    });
    it("production: exactly the newest edition's rows for each year", () => {
      const got = records(table([["production"]])).map((r) => [
        r.country,
        r.year,
        r["mine production (t REO)"],
        r.edition,
      ]);
      const want = [...production.values()].flatMap((byCountry) =>
        [...byCountry.values()].map((f) => [f.country, f.year, f.tonnes, f.edition]),
      );
      expect(got.map((r) => JSON.stringify(r)).sort()).toEqual(want.map((r) => JSON.stringify(r)).sort());
    });
    it("production keeps an older edition's figure as a note (China 2023: MCS2024 printed 240,000)", () => {
      const china2023 = records(table([["production"]])).find((r) => r.country === "China" && r.year === 2023)!;
      expect(String(china2023["earlier editions"])).toMatch(/MCS2024.*240,?000/);
    });
    it("reserves: the newest listing edition per country, NA as a blank cell, the world total's lower bound", () => {
      const got = records(table([["reserves"]]));
      expect(got.map((r) => r.country).sort()).toEqual([...reserves.keys()].sort());
      for (const r of got) {
        const want = reserves.get(String(r.country))!;
        expect([r.country, r["reserves (t REO)"], r.edition]).toEqual([want.country, want.tonnes ?? "", want.edition]);
      }
      expect(got.find((r) => r.country === "World total (rounded)")!.qualifier).toBe(">");
    });
    it("prices: the newest edition per oxide and year", () => {
      const got = records(table([["prices"]])).map((r) => [r.oxide, r.year, r["price (USD/kg)"], r.edition]);
      const want = [...prices.values()].flatMap((byYear) =>
        [...byYear.values()].map((f) => [f.oxide, f.year, f.usdPerKg, f.edition]),
      );
      expect(got.map((r) => JSON.stringify(r)).sort()).toEqual(want.map((r) => JSON.stringify(r)).sort());
    });
    it("stages: every candidate row, exactly one per stage marked as the one SHARE uses (README rule)", () => {
      const got = records(table([["stages"]]));
      for (const stage of STAGES) {
        const used = got.filter((r) => r.stage === stage && r["used by SHARE"] === "yes");
        expect(used).toHaveLength(1);
        expect(used[0].indicator).toBe(stageRow(stage).indicator);
        expect(used[0]["China's share (%)"]).toBe(stageShare(stage) * 100);
      }
    });
    it("elements: one row per curated element, China's share only where the article gives one", () => {
      const got = records(table([["elements"]]));
      expect(got.map((r) => r.element)).toEqual(curatedElements.map((e) => e.element));
      for (const r of got)
        expect(r["China's share"]).toBe(articleElements.find((a) => a.element === r.element)?.share ?? "");
    });
    it("reliance: USGS text values (>95, E, XX) stay text", () => {
      const values = records(table([["reliance"]])).map((r) => r.value);
      expect(values).toEqual(expect.arrayContaining([">95", "E"]));
    });
    it("keyrisks: the bulleted list with its source", () => {
      expect(table([["keyrisks"]])).toEqual([
        ["item", "source"],
        ...listItems("keyrisks").map((item) => [item, "A002"]),
      ]);
    });
    it("is deterministic, and a spilled copy edited by the caller does not change the next result", () => {
      const first = table([["risks"]]);
      first[1][1] = "edited";
      expect(table([["risks"]])[1][1]).toBe(risks[0].impact);
      expect(table([["production"]])).toEqual(table([["production"]]));
    });
  });
});

/** LIST and TABLE take one argument, a kind, and check it alike: each case below is tested for both. */
describe("LIST and TABLE", () => {
  const kindFunction = { LIST: list, TABLE: table };
  type Name = keyof typeof kindFunction;

  describe("normal case", () => {
    /** Names typed for a kind, each with the kind it stands for. */
    const kindAliases: Record<Name, Array<[string, string]>> = {
      LIST: [
        ["Countries", "countries"],
        [" element ", "elements"],
        ["risk factors", "risks"],
        ["Key Risks", "keyrisks"],
        ["negotiation\u00a0aims", "aims"],
      ],
      TABLE: [
        ["mine production", "production"],
        [" Prices ", "prices"],
        ["china shares", "stages"],
        ["net import reliance", "reliance"],
      ],
    };
    const aliasCases = (Object.keys(kindAliases) as Name[]).flatMap((name) =>
      kindAliases[name].map(([typed, kind]) => [name, typed, kind] as const),
    );
    it.each(aliasCases)("%s: kind %j is %s", (name, typed, kind) => {
      expect(kindFunction[name]([[typed]])).toEqual(kindFunction[name]([[kind]]));
    });
  });

  describe("omitted and blank argument (kind is required)", () => {
    it.each<[Name, unknown[][] | null]>([
      ["LIST", null],
      ["LIST", [[""]]],
      ["LIST", [["  "]]],
      ["LIST", [[null]]],
      ["TABLE", null],
      ["TABLE", [[""]]],
      ["TABLE", [[null]]],
    ])("%s: %j is #VALUE! saying the kind is blank", (name, arg) => {
      expectErrorResult(kindFunction[name](arg), "#VALUE!", /kind is blank/);
    });
  });

  describe("range argument", () => {
    it.each<[Name, unknown[][]]>([
      ["LIST", [["elements", "risks"]]],
      ["LIST", [["elements"], ["risks"]]],
      ["TABLE", [["risks", "strategies"]]],
    ])("%s: a range of several kinds %j is one #VALUE! cell, not a spill per kind", (name, kinds) => {
      expectErrorResult(kindFunction[name](kinds), "#VALUE!", "kind takes one value, not a range.");
    });
  });

  describe("error input and wrong types", () => {
    const argumentOf = {
      "LIST kind": (value: unknown) => list([[value]]),
      "TABLE kind": (value: unknown) => table([[value]]),
    };
    itPassesErrorCellsOn(argumentOf);
    itRejectsWrongTypes(argumentOf, [
      ["LIST kind", 5, /kind/],
      ["LIST kind", true, /kind/],
      ["TABLE kind", 2024, /kind/],
      ["TABLE kind", false, /kind/],
    ]);
  });

  describe("documented errors", () => {
    it.each([
      ["LIST", "list", LIST_KINDS],
      ["TABLE", "table", TABLE_KINDS],
    ] as const)("%s: an unknown kind is #VALUE! listing the valid kinds", (name, what, kinds) => {
      const e = expectErrorResult(kindFunction[name]([["metals"]]), "#VALUE!", `Unknown ${what} kind "metals"`);
      for (const kind of kinds) expect(e.message).toContain(kind);
    });
  });
});
