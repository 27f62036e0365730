import { join } from "path";
import { RareError } from "../../../src/data/errors";
import { documentedKinds } from "../../support/readme-kinds";
import { rareData, readCsvRecords, seedsDir } from "./seeds";

const data = rareData();

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof RareError) return e.code;
    throw e;
  }
  return "no error";
}

describe("list(kind)", () => {
  it("every kind in list('kinds') answers with a non-empty list of scalars", () => {
    const kinds = data.list("kinds");
    expect(kinds).toEqual(
      expect.arrayContaining([
        "elements",
        "risks",
        "strategies",
        "countries",
        "oxides",
        "years",
        "stages",
        "events",
        "sources",
        "kinds",
      ]),
    );
    for (const kind of kinds) {
      const items = data.list(String(kind));
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(["string", "number"]).toContain(typeof item);
    }
  });

  it("accepts singular/plural in any case", () => {
    expect(data.list("Element")).toEqual(data.list("ELEMENTS"));
    expect(data.list(" risk ")).toEqual(["Export Quotas", "Geopolitical Tensions", "Market Volatility"]);
    expect(data.list("Key Risks")).toEqual(data.list("keyrisks"));
  });

  it("elements are the curated elements; stages the stage vocabulary; years the production years", () => {
    expect(data.list("elements")).toEqual(
      readCsvRecords(join(seedsDir, "curated", "elements.csv")).map((r) => r.element),
    );
    expect(data.list("stages")).toEqual(["mining", "refining", "magnets", "us imports"]);
    expect(data.list("years")).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it("countries list every name production() accepts, but not the world total", () => {
    const countries = data.list("countries");
    expect(countries).not.toContain("World total (rounded)");
    expect(countries).toContain("Other countries");
    for (const c of countries) expect(() => data.production(String(c), null)).not.toThrow();
  });

  it("lists from the article keep its order and wording", () => {
    expect(data.list("aims")[0]).toBe("Stable and predictable supply chains to prevent sudden shortages");
    expect(data.list("keystrategies")).toHaveLength(4);
  });

  it("unknown kind is #VALUE! listing the kinds", () => {
    expect(codeOf(() => data.list("metals"))).toBe("invalidValue");
    expect(() => data.list("metals")).toThrow(/Valid kinds: elements, risks/);
  });
});

describe("table(kind)", () => {
  /** Every documented kind, and "shares", a name of the stages table. */
  const kinds = [...documentedKinds("TABLE"), "shares"];

  it.each(kinds)('%s: header row, rectangular, cells are text/number/boolean, blanks as ""', (kind) => {
    const table = data.table(kind);
    expect(table.length).toBeGreaterThan(1);
    const width = table[0].length;
    for (const row of table) {
      expect(row).toHaveLength(width);
      for (const cell of row) {
        expect(["string", "number", "boolean"]).toContain(typeof cell);
        if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
      }
    }
  });

  it("a caller editing the returned table does not change the next one", () => {
    const first = data.table("risks");
    first[1][1] = "edited";
    expect(data.table("risks")[1][1]).toBe("Supply shortages, delayed production");
  });

  it("production has one row per country and year, values as production() returns", () => {
    const table = data.table("production");
    const [header, ...rows] = table;
    const col = (name: string) => header.indexOf(name);
    for (const row of rows)
      expect(data.production(String(row[col("country")]), Number(row[col("year")]))).toBe(
        row[col("mine production (t REO)")],
      );
  });

  it("reliance keeps USGS text values such as >95 and E as text", () => {
    const values = data
      .table("reliance")
      .slice(1)
      .map((r) => r[3]);
    expect(values).toContain(">95");
    expect(values).toContain("E");
  });

  it("reserves show NA as a blank cell", () => {
    const burma = data.table("reserves").find((r) => r[0] === "Burma")!;
    expect(burma[1]).toBe("");
  });

  it("stages mark exactly one figure per stage as used by SHARE", () => {
    const [header, ...rows] = data.table("stages");
    const used = rows.filter((r) => r[header.indexOf("used by SHARE")] === "yes").map((r) => r[0]);
    expect(used.sort()).toEqual(["magnets", "mining", "refining", "us imports"]);
  });

  it("unknown kind is #VALUE! listing the kinds", () => {
    expect(codeOf(() => data.table("tonnage"))).toBe("invalidValue");
    expect(() => data.table("tonnage")).toThrow(/Valid kinds: elements, risks, strategies, production/);
  });
});
