import { readFileSync } from "fs";
import { join } from "path";

import { curatedProductionPath, rareData, readCsvRecords, seedsDir } from "./seeds";
import { caughtRareError as errorOf } from "../../support/rare-error";
import { mcs2026Release, mcs2026Rows } from "../../support/seed-facts";

const data = rareData();

/** Runs f and returns the RareError it throws (fails the test if it returns instead). */

const curated = readCsvRecords(curatedProductionPath());
const curatedTonnes = (country: string, year: number, edition = "MCS2025") =>
  Number(
    curated.find((r) => r.country === country && Number(r.year) === year && r.edition === edition)!
      .mine_production_t_REO,
  );
/** The article table itself, read independently of our transcription. */
const articleRows = readFileSync(join(seedsDir, "articles", "002_fc3b1e59ab176a5c.txt"), "utf8")
  .split("\n")
  .filter((l) => l.startsWith("| ") && !l.startsWith("|---"))
  .map((l) =>
    l
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim()),
  );
const articleRow = (first: string) => articleRows.find((r) => r[0] === first)!;

describe("share(element, stage)", () => {
  it.each(["Neodymium", " neodymium ", "Nd", "NEODYMIUM", "neodymium\u00a0", "\u2003Neodymium\u3000"])(
    "share(%j) = 0.8",
    (name) => {
      expect(data.share(name, null)).toBe(0.8);
    },
  );

  it("matches the percentages printed in the article's element table", () => {
    for (const element of ["Neodymium", "Dysprosium", "Lanthanum"]) {
      expect(data.share(element, null)).toBeCloseTo(Number(articleRow(element)[2].replace("%", "")) / 100, 12);
    }
  });

  it("blank stage is the same as an omitted stage", () => {
    expect(data.share("Dy", "  ")).toBe(data.share("Dy", null));
  });

  it("a known element without an element figure is #N/A naming the elements that have one", () => {
    const e = errorOf(() => data.share("Terbium", null));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toContain("Terbium");
    expect(e.message).toMatch(/Neodymium.*Dysprosium.*Lanthanum/);
  });

  it("an unknown element is #N/A with Did you mean", () => {
    const e = errorOf(() => data.share("Neodymum", null));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toBe('Unknown element "Neodymum". Did you mean Neodymium?');
  });

  it("a blank element is #VALUE!", () => {
    expect(errorOf(() => data.share("   ", null)).code).toBe("invalidValue");
    expect(errorOf(() => data.share("", "mining")).code).toBe("invalidValue");
  });

  it("repeated failing calls throw the same error again (memoised)", () => {
    expect(errorOf(() => data.share("Xyzzy", null))).toBe(errorOf(() => data.share("Xyzzy", null)));
  });

  describe("with a stage: the sector-wide figure for any rare earth", () => {
    const stages = readCsvRecords(join(seedsDir, "curated", "china_shares.csv"));
    const pct = (indicator: string, year: string) =>
      Number(stages.find((r) => r.indicator === indicator && r.year === year)!.value_pct) / 100;

    it("mining is IEA's 2023 figure (exact, stated data year)", () => {
      expect(data.share("Neodymium", "mining")).toBe(pct("China share of mined rare earth supply", "2023"));
      expect(data.share("Lanthanum", "Mining")).toBe(data.share("Yttrium", "mining"));
    });

    it("refining and its aliases processing, separation", () => {
      const refining = pct("China share of refined output", "2023");
      for (const stage of ["refining", "processing", "Separation", " REFINING "])
        expect(data.share("Dy", stage)).toBe(refining);
    });

    it("magnets for a permanent-magnet REE; #N/A for one that is not (CRMA flag no)", () => {
      expect(data.share("Nd", "magnets")).toBe(
        pct("China share of permanent-magnet manufacturing", "2025 commentary (data year not stated)"),
      );
      expect(data.share("Nd", "magnet manufacturing")).toBe(data.share("Nd", "magnets"));
      const e = errorOf(() => data.share("Lanthanum", "magnets"));
      expect(e.code).toBe("notAvailable");
      expect(e.message).toContain("not a permanent-magnet rare earth");
    });

    it("us imports", () => {
      // MCS2026's 2021-2024 figure is newer than the curated 2020-2023 one (latest data year wins).
      expect(data.share("Ce", "us imports")).toBe(
        Number(
          mcs2026Release.find(
            (r) => r.Section === "Import Sources" && r.Commodity === "Rare Earths" && r.Country === "China",
          )!.Value,
        ) / 100,
      );
      expect(data.share("Ce", "us imports")).not.toBe(
        pct("China share of US imports of RE compounds and metals", "2020-2023"),
      );
    });

    it("an unknown stage is #VALUE! listing the valid stages", () => {
      const e = errorOf(() => data.share("Nd", "smelting"));
      expect(e.code).toBe("invalidValue");
      expect(e.message).toContain("Valid stages: mining, refining, magnets, us imports");
    });

    it("an unknown element is reported before the stage", () => {
      expect(errorOf(() => data.share("Unobtainium", "nonsense")).code).toBe("notAvailable");
    });
  });
});

describe("risk(factor, field)", () => {
  const row = articleRow("Export Quotas");
  it("defaults to the impact", () => {
    expect(data.risk("Export Quotas", null)).toBe("Supply shortages, delayed production");
    expect(data.risk("Export Quotas", null)).toBe(row[1]);
    expect(data.risk("Export Quotas", "")).toBe(row[1]);
  });
  it("mitigation and its aliases, any case", () => {
    expect(data.risk("export quotas", "mitigation")).toBe("Build alternative supply chains");
    expect(data.risk("EXPORT  QUOTAS", "Mitigation Strategy")).toBe(row[2]);
    expect(data.risk("export quotas", "strategy")).toBe(row[2]);
    expect(data.risk("market volatility", "factor")).toBe("Market Volatility");
  });
  it("unknown factor is #N/A with a suggestion; unknown field is #VALUE! listing fields; blank factor is #VALUE!", () => {
    expect(errorOf(() => data.risk("Export Quota", null)).message).toContain("Did you mean Export Quotas?");
    expect(errorOf(() => data.risk("Export Quota", null)).code).toBe("notAvailable");
    const field = errorOf(() => data.risk("Export Quotas", "cost"));
    expect(field.code).toBe("invalidValue");
    expect(field.message).toContain("Valid fields: impact, mitigation, factor");
    expect(errorOf(() => data.risk(" ", null)).code).toBe("invalidValue");
  });
});

describe("strategy(name, field)", () => {
  const row = articleRow("Recycling Programs");
  it("defaults to the benefit; challenge and strategy on request", () => {
    expect(data.strategy("Recycling Programs", null)).toBe(row[1]);
    expect(data.strategy("recycling programs", "challenge")).toBe(row[2]);
    expect(data.strategy("RECYCLING PROGRAMS", "strategy")).toBe("Recycling Programs");
  });
  it("errors", () => {
    expect(errorOf(() => data.strategy("Recycling", null)).message).toContain("Did you mean Recycling Programs?");
    expect(errorOf(() => data.strategy("Recycling Programs", "cost")).code).toBe("invalidValue");
  });
});

describe("use(element)", () => {
  it("the article's primary use where it has one", () => {
    expect(data.use("Nd")).toBe(articleRow("Neodymium")[1]);
  });
  it("else the curated main uses", () => {
    const elements = readCsvRecords(join(seedsDir, "curated", "elements.csv"));
    expect(data.use("terbium")).toBe(elements.find((e) => e.element === "Terbium")!.main_uses);
  });
  it("MISSING uses are #N/A; unknown is #N/A; blank is #VALUE!", () => {
    expect(errorOf(() => data.use("Lutetium")).code).toBe("notAvailable");
    expect(errorOf(() => data.use("Lutetum")).message).toContain("Did you mean Lutetium?");
    expect(errorOf(() => data.use("")).code).toBe("invalidValue");
  });
});

describe("production(country, year)", () => {
  it("China 2024 = 270000, the value in the curated production.csv", () => {
    expect(data.production("China", 2024)).toBe(270000);
    expect(data.production("China", 2024)).toBe(curatedTonnes("China", 2024));
  });
  it("omitted year is the latest year with data for that country", () => {
    expect(data.production("china", null)).toBe(curatedTonnes("China", 2024));
    expect(data.production("Burundi", null)).toBe(
      Number(
        readCsvRecords(join(seedsDir, "usgs", "mcs2023-raree_world.csv")).find((r) => r.Country === "Burundi")!
          .Prod_t_2021,
      ),
    );
  });
  it("aliases: Myanmar, U.S., USA, Other, World", () => {
    expect(data.production("Myanmar", 2024, "MCS2025")).toBe(curatedTonnes("Burma", 2024));
    for (const us of ["U.S.", "USA", "US", "united states of america", "United\u00a0States"])
      expect(data.production(us, 2024, "MCS2025")).toBe(curatedTonnes("United States", 2024));
    expect(data.production("Other", 2024, "MCS2025")).toBe(curatedTonnes("Other", 2024));
    expect(data.production("Other countries", 2024, "MCS2025")).toBe(curatedTonnes("Other", 2024));
    expect(data.production("World", 2024, "MCS2025")).toBe(curatedTonnes("World total (rounded)", 2024));
  });
  it("a year with no data is #N/A listing the years with data", () => {
    const e = errorOf(() => data.production("China", 2019));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toBe("No sourced figure for China in 2019; years with data: 2020–2025");
  });
  it("a country the newest edition for that year leaves out is #N/A, not an older edition's figure", () => {
    const e = errorOf(() => data.production("Burundi", 2022));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toContain("MCS2024");
  });
  it("years outside 1900..2100 or not whole are #VALUE!", () => {
    for (const year of [1899, 2101, 2024.5, Number.NaN])
      expect(errorOf(() => data.production("China", year)).code).toBe("invalidValue");
  });
  it("unknown country is #N/A with a suggestion; no far-fetched suggestion for UK", () => {
    expect(errorOf(() => data.production("Chna", 2024)).message).toBe('Unknown country "Chna". Did you mean China?');
    const uk = errorOf(() => data.production("UK", 2024));
    expect(uk.code).toBe("notAvailable");
    expect(uk.message).not.toContain("Did you mean");
  });
});

describe("the edition rule", () => {
  it("a revised year takes the newest edition: China 2023 is MCS2025's figure, not MCS2024's", () => {
    expect(data.production("China", 2023)).toBe(curatedTonnes("China", 2023));
    expect(curatedTonnes("China", 2023)).not.toBe(curatedTonnes("China", 2023, "MCS2024 data release"));
  });
  it("each year's rows all come from one edition, the newest covering the year", () => {
    const editionCovering = (year: number) => {
      const headers: [string, string][] = [
        ["MCS2022", "rare_earths_mcs2022-raree_world.csv"],
        ["MCS2023", "mcs2023-raree_world.csv"],
        ["MCS2024", "mcs2024-raree_world.csv"],
      ];
      const covering = headers
        .filter(([, f]) =>
          readFileSync(join(seedsDir, "usgs", f), "utf8")
            .split("\n")[0]
            .includes(String(year)),
        )
        .map(([e]) => e);
      if (curated.some((r) => r.edition === "MCS2025" && Number(r.year) === year)) covering.push("MCS2025");
      if (mcs2026Rows.some((r) => r.Statistics === "Production" && Number(r.Year) === year)) covering.push("MCS2026");
      return covering[covering.length - 1];
    };
    const byYear = new Map<number, Set<string>>();
    for (const row of data.dataset.production)
      byYear.set(row.year, (byYear.get(row.year) ?? new Set()).add(row.edition));
    expect([...byYear.keys()]).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    for (const [year, editions] of byYear) expect([...editions]).toEqual([editionCovering(year)]);
  });
  it("the curated MCS2024 rows equal the verbatim MCS2024 world file", () => {
    const verbatim = readCsvRecords(join(seedsDir, "usgs", "mcs2024-raree_world.csv")).filter((r) => r.Country);
    const rows = curated.filter((r) => r.edition === "MCS2024 data release");
    expect(rows.length).toBe(verbatim.length * 2);
    for (const r of rows) {
      const v = verbatim.find((x) => x.Country === r.country)!;
      expect(Number(r.mine_production_t_REO)).toBe(
        Number(v[r.year === "2022" ? "Prod_t_est_2022" : "Prod_t_est_2023"]),
      );
      if (r.year === "2023") expect(r.reserves_t_REO === "" ? "NA" : r.reserves_t_REO).toBe(v.Reserves_t);
    }
  });
});

describe("countryShare and hhi", () => {
  const countryRows2024 = curated.filter(
    (r) => r.edition === "MCS2025" && r.year === "2024" && r.country !== "World total (rounded)",
  );
  const total2024 = countryRows2024.reduce((s, r) => s + Number(r.mine_production_t_REO), 0);

  it("share of the sum of the country rows (not the rounded world total)", () => {
    expect(data.countryShare("China", 2024, "MCS2025")).toBeCloseTo(270000 / total2024, 12);
    expect(data.countryShare("China", null)).toBe(data.countryShare("China", 2025));
    expect(total2024).not.toBe(curatedTonnes("World total (rounded)", 2024));
  });
  it("denominators are the country-row sums that seeds/curated/SOURCES.md reports checking", () => {
    // SOURCES.md: MCS2024 rows sum to 296,920 t (2022); MCS2025 rows to 376,090 t (2023) and 393,950 t (2024).
    expect(data.countryTotal(2022)).toBe(296920);
    expect(data.countryTotal(2023)).toBe(376090);
    expect(data.countryTotal(2024, "MCS2025")).toBe(393950);
  });
  it("the world total is not a country (#VALUE!); errors as production", () => {
    expect(errorOf(() => data.countryShare("World", 2024)).code).toBe("invalidValue");
    expect(errorOf(() => data.countryShare("China", 2019)).code).toBe("notAvailable");
    expect(errorOf(() => data.countryShare("China", 1800)).code).toBe("invalidValue");
  });
  it("HHI 2024 from the curated rows, computed here independently", () => {
    const expected = countryRows2024.reduce(
      (s, r) => s + ((Number(r.mine_production_t_REO) / total2024) * 100) ** 2,
      0,
    );
    expect(data.hhi(2024, "MCS2025")).toBeCloseTo(expected, 6);
    expect(data.hhi(null)).toBe(data.hhi(2025));
    expect(data.hhi(2020)).toBeGreaterThan(0);
    expect(data.hhi(2020)).toBeLessThanOrEqual(10000);
  });
  it("HHI errors", () => {
    expect(errorOf(() => data.hhi(2019)).message).toBe(
      "No sourced production figures for 2019; years with data: 2020–2025",
    );
    expect(errorOf(() => data.hhi(20.5)).code).toBe("invalidValue");
  });
});

describe("price(oxide, year)", () => {
  const salient = readCsvRecords(join(seedsDir, "curated", "us_salient_mcs2025.csv")).filter(
    (r) => r.metric === "price",
  );
  const curatedPrice = (prefix: string, year: number) =>
    Number(salient.find((r) => r.item.startsWith(prefix) && Number(r.year) === year)!.value);

  it.each(["Neodymium oxide", "Nd2O3", "neodymium", "Nd", " ND2O3 "])(
    "price(%j, 2024) is the MCS2025 figure",
    (name) => {
      expect(data.price(name, 2024, "MCS2025")).toBe(curatedPrice("Neodymium oxide", 2024));
    },
  );
  it("terbium by Tb4O7 or TbO2; mischmetal; omitted year is the latest", () => {
    expect(data.price("Tb4O7", 2022, "MCS2025")).toBe(curatedPrice("Terbium oxide", 2022));
    expect(data.price("TbO2", null, "MCS2025")).toBe(curatedPrice("Terbium oxide", 2024));
    expect(data.price("mischmetal", 2021, "MCS2025")).toBe(curatedPrice("Mischmetal", 2021));
  });
  it("newest edition wins: Dy 2023 is MCS2025's, and 2019 comes from the MCS2024 salient file", () => {
    expect(data.price("Dy", 2023)).toBe(curatedPrice("Dysprosium oxide", 2023));
    const mcs2024 = readCsvRecords(join(seedsDir, "usgs", "mcs2024-raree_salient.csv"));
    expect(Number(mcs2024.find((r) => r.Year === "2023")!.Price_Dy2O3_dkg)).not.toBe(
      curatedPrice("Dysprosium oxide", 2023),
    );
    expect(data.price("Dy", 2019)).toBe(Number(mcs2024.find((r) => r.Year === "2019")!.Price_Dy2O3_dkg));
  });
  it("an element USGS does not price is #N/A 'no sourced price'", () => {
    for (const name of ["Thulium", "Tm", "Tm2O3"]) {
      const e = errorOf(() => data.price(name, null));
      expect(e.code).toBe("notAvailable");
      expect(e.message).toMatch(/^No sourced price for/);
    }
  });
  it("year without data, bad year, unknown, blank", () => {
    expect(errorOf(() => data.price("Nd", 2010)).message).toContain("years with data: 2017–2025");
    expect(errorOf(() => data.price("Nd", 3000)).code).toBe("invalidValue");
    expect(errorOf(() => data.price("Neodymium oxyde", null)).message).toContain("Did you mean Neodymium oxide?");
    expect(errorOf(() => data.price(" ", null)).code).toBe("invalidValue");
  });
});

describe("reserves(country)", () => {
  it("newest edition that lists the country", () => {
    const row = curated.find((r) => r.country === "Vietnam" && r.edition === "MCS2025" && r.year === "2024")!;
    expect(data.reserves("Viet Nam")).toBe(Number(row.reserves_t_REO));
  });
  it("a lower bound comes back as the report prints it, as text, never as a bare number", () => {
    const revisions = readCsvRecords(join(seedsDir, "usgs-revisions.csv"));
    const world = revisions.find((r) => r.country === "World total" && r.statistic === "Reserves")!;
    expect(world.report_value).toMatch(/^>/);
    expect(data.reserves("World")).toBe(world.report_value);
    expect(typeof data.reserves("China")).toBe("number");
  });
  it("NA in the newest edition is #N/A (no fallback to an older figure)", () => {
    expect(errorOf(() => data.reserves("Myanmar")).code).toBe("notAvailable");
    expect(errorOf(() => data.reserves("Other countries")).message).toContain("NA");
  });
  it("unknown and blank", () => {
    expect(errorOf(() => data.reserves("Atlantis")).code).toBe("notAvailable");
    expect(errorOf(() => data.reserves("")).code).toBe("invalidValue");
  });
});

describe("version()", () => {
  it("is the compiled dataset's version", () => {
    expect(data.version()).toBe(data.dataset.version);
    expect(data.version()).toMatch(/^\d{4}-\d{2}-\d{2}\+[0-9a-f]{12}$/);
  });
});
