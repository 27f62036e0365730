import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { mergeOverrides, type Overrides } from "../../../src/data/overrides";
import { RareData } from "../../../src/data/rare-data";
import { repoRoot } from "../../support/paths";
import { compiled } from "./seeds";

const label = "workbook import: suppliers.csv, 2026-11-23";

describe("mergeOverrides", () => {
  const base = compiled();
  const before = JSON.stringify(base);
  const original = new RareData(base);

  /** Merges rows as one workbook import under `label`: the merged data and the rows refused. */
  const merge = (rows: Omit<Overrides, "source">) => {
    const { dataset, rejected } = mergeOverrides(base, { source: label, ...rows });
    return { data: new RareData(dataset), rejected };
  };
  /** The merged data, after checking that every row was accepted. */
  const mergeAll = (rows: Omit<Overrides, "source">): RareData => {
    const { data, rejected } = merge(rows);
    expect(rejected).toEqual([]);
    return data;
  };

  it("an accepted share replaces the element figure and cites the workbook", () => {
    const data = mergeAll({
      shares: [
        { element: "nd", share: 0.9 },
        { element: "Terbium", share: 0.95 },
      ],
    });
    expect(data.share("Neodymium", null)).toBe(0.9);
    expect(data.share("Tb", null)).toBe(0.95);
    expect(data.source("share", "Nd", null)).toContain(label);
    expect(data.source("share", "Nd", null)).toContain("2026-11-23");
    // Untouched figures and their citations are unchanged.
    expect(data.share("Dysprosium", null)).toBe(original.share("Dysprosium", null));
    expect(data.use("Nd")).toBe(original.use("Nd"));
    expect(data.version()).not.toBe(base.version);
  });

  it("rejects shares outside 0..1, non-numbers, unknown elements and duplicates, using none of them", () => {
    const { data, rejected } = merge({
      shares: [
        { element: "Neodymium", share: 1.8, row: 3 },
        { element: "Neodymum", share: 0.5, row: 4 },
        { element: "Dy", share: Number.NaN, row: 5 },
        { element: "Lanthanum", share: 0.6, row: 6 },
        { element: "La", share: 0.65, row: 7 },
      ],
    });
    expect(rejected.map((r) => r.row)).toEqual([3, 4, 5, 7]);
    expect(rejected[0]).toEqual({ row: 3, kind: "share", reason: "share 1.8 is outside 0..1" });
    expect(rejected[1].reason).toContain("Did you mean Neodymium?");
    expect(rejected[3].reason).toContain("duplicate of row 6");
    expect(data.share("Nd", null)).toBe(original.share("Nd", null));
    expect(data.share("La", null)).toBe(0.6);
  });

  it("production overrides replace a country-year and flow into shares and HHI", () => {
    const data = mergeAll({ production: [{ country: "PRC", year: 2024, tonnes: 300000 }] });
    expect(data.production("China", 2024)).toBe(300000);
    expect(data.countryShare("China", 2024)).toBeCloseTo(300000 / (original.countryTotal(2024) - 270000 + 300000), 12);
    expect(data.hhi(2024)).toBeGreaterThan(original.hhi(2024));
    expect(data.source("production", "China", 2024)).toContain(`${label}`);
    expect(data.source("production", "China", 2024, "full")).toContain("MCS2026: 270000");
    expect(data.production("China", 2023)).toBe(original.production("China", 2023));
  });

  it("rejects unknown countries, the world total, years without bundled data, negative tonnes", () => {
    const { rejected } = merge({
      production: [
        { country: "Atlantis", year: 2024, tonnes: 1 },
        { country: "World", year: 2024, tonnes: 1 },
        { country: "China", year: 2030, tonnes: 1 },
        { country: "China", year: 2024.5, tonnes: 1 },
        { country: "China", year: 2024, tonnes: -5 },
      ],
    });
    expect(rejected.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
    expect(rejected[2].reason).toContain("2020–2025");
    expect(rejected.every((r) => r.kind === "production")).toBe(true);
  });

  it("refuses production whose year total overflows (1e308 + 1e308), keeping that year's bundled figures", () => {
    const { data, rejected } = merge({
      production: [
        { country: "China", year: 2024, tonnes: 1e308 },
        { country: "Myanmar", year: 2024, tonnes: 1e308 },
        { country: "China", year: 2023, tonnes: 300000 },
      ],
    });
    expect(rejected.map((r) => r.row)).toEqual([1, 2]);
    expect(rejected[0].reason).toMatch(/2024 would total more than Excel's largest number/);
    expect(data.production("China", 2024)).toBe(original.production("China", 2024));
    expect(data.countryShare("China", 2024)).toBe(original.countryShare("China", 2024));
    expect(data.hhi(2024)).toBe(original.hhi(2024));
    expect(data.production("China", 2023)).toBe(300000);
  });

  it("a single 1e308 row does not overflow and gives a share near 1, not 0", () => {
    const data = mergeAll({ production: [{ country: "China", year: 2024, tonnes: 1e308 }] });
    expect(data.countryShare("China", 2024)).toBeCloseTo(1, 12);
    expect(data.hhi(2024)).toBeCloseTo(10000, 6);
  });

  it("price overrides, including an oxide USGS does not price", () => {
    const { data, rejected } = merge({
      prices: [
        { oxide: "Pr6O11", year: 2025, usdPerKg: 70 },
        { oxide: "Nd", year: 2024, usdPerKg: 60 },
        { oxide: "Nd", year: 2023, usdPerKg: 0 },
        { oxide: "Unobtainium", year: 2024, usdPerKg: 5 },
      ],
    });
    expect(rejected.map((r) => [r.row, r.kind])).toEqual([
      [3, "price"],
      [4, "price"],
    ]);
    expect(data.price("Praseodymium", null)).toBe(70);
    expect(data.price("Nd2O3", 2024)).toBe(60);
    expect(data.price("Nd2O3", 2023)).toBe(original.price("Nd2O3", 2023));
  });

  it("never mutates the base dataset; nothing accepted returns the base itself", () => {
    mergeOverrides(base, {
      source: label,
      shares: [{ element: "Nd", share: 0.1 }],
      production: [{ country: "China", year: 2024, tonnes: 1 }],
    });
    expect(JSON.stringify(base)).toBe(before);
    const none = mergeOverrides(base, { source: label, shares: [{ element: "Nope", share: 0.1 }] });
    expect(none.dataset).toBe(base);
    expect(none.rejected).toHaveLength(1);
  });

  it("layers stack: a second layer gets its own source id", () => {
    const first = mergeOverrides(base, { source: "first", shares: [{ element: "Nd", share: 0.5 }] }).dataset;
    const second = mergeOverrides(first, { source: "second", shares: [{ element: "Dy", share: 0.5 }] }).dataset;
    const data = new RareData(second);
    expect(data.source("share", "Nd", null)).toContain("first");
    expect(data.source("share", "Dy", null)).toContain("second");
  });

  it("a user's bad rows come back as row rejections about the row, never as a seed-build failure", () => {
    const hostile = {
      source: "",
      shares: [{ element: 42 as unknown as string, share: "x" as unknown as number }],
      production: [{ country: "", year: Number.NaN, tonnes: Infinity }],
      prices: [{ oxide: "Unobtainium oxide", year: 2024, usdPerKg: 0 }],
    };
    const { rejected } = mergeOverrides(base, hostile);
    expect(rejected.map((r) => r.kind)).toEqual(["share", "production", "price"]);
    for (const r of rejected) expect(r.reason).not.toMatch(/seed|validation|seeds\//i);
    const accepted = mergeOverrides(base, { source: "  ", prices: [{ oxide: "Nd2O3", year: 2024, usdPerKg: 1 }] });
    expect(accepted.rejected).toEqual([]);
    expect(accepted.dataset.sources.at(-1)?.title).toBe("workbook import");
  });
});

describe("layers", () => {
  it("no runtime file imports the build-time seed compiler", () => {
    const runtime = ["src", "functions", "taskpane"].flatMap((dir) =>
      readdirSync(join(repoRoot, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts"))
        .map((f) => join(dir, f)),
    );
    const offenders = runtime.filter((f) =>
      /from "[^"]*scripts\/|compile\/|\/compile"/.test(readFileSync(join(repoRoot, f), "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
