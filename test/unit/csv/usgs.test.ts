/** The real USGS Mineral Commodity Summaries files the product is built around. */
import * as path from "path";
import { analyse, isRefusal } from "../../../src/csv";
import { seedHeaders } from "../../support/seed-headers";
import { column, imported, readBytes, USGS_DIR } from "./support";

const usgs = (name: string): Uint8Array => readBytes(path.join(USGS_DIR, name));

describe("mcs2024-raree_world.csv", () => {
  const r = imported(usgs("mcs2024-raree_world.csv"));

  it("has the 8 named columns, the byte order mark gone from the first", () => {
    expect(r.encoding).toBe("utf-8");
    expect(r.headers).toEqual(seedHeaders("usgs/mcs2024-raree_world.csv"));
    expect(r.headers).toHaveLength(8);
    expect(r.headers[0].charCodeAt(0)).toBe(0x53);
  });

  it("gives 16 rows: 15 countries and the world total; China 2023 = 240,000 t", () => {
    expect(r.rowCount).toBe(16);
    const countries = column(r, "Country");
    expect(countries.slice(0, 3)).toEqual(["United States", "Australia", "Brazil"]);
    expect(countries[15]).toBe("World total (rounded)");
    const china = countries.indexOf("China");
    expect(column(r, "Prod_t_est_2023")[china]).toBe(240000);
    expect(column(r, "Prod_t_est_2022")[china]).toBe(210000);
    expect(column(r, "Reserves_t")[china]).toBe(44000000);
    expect(column(r, "Prod_notes")[china]).toBe("Production quota; does not include undocumented production.");
    expect(column(r, "Prod_t_est_2023")[15]).toBe(350000);
  });

  it("types the columns: counts are numbers, NA is blank", () => {
    expect(r.columns.map((c) => c.type)).toEqual([
      "text",
      "text",
      "text",
      "number",
      "number",
      "text",
      "number",
      "text",
    ]);
    const reserves = column(r, "Reserves_t");
    const countries = column(r, "Country");
    // USGS's NA (not available) is kept as printed, never turned into a number or a blank.
    for (const country of ["Burma", "Madagascar", "Malaysia"]) expect(reserves[countries.indexOf(country)]).toBe("NA");
    expect(r.columns[6].textCount).toBe(3);
  });

  it("drops the 36 empty trailing columns and the 22 blank rows, and says so", () => {
    expect(r.dropped.columns).toEqual({ count: 36, from: 9, to: 44 });
    expect(r.dropped.blankRows.count).toBe(22);
    expect(r.dropped.blankRows.rows).toEqual(Array.from({ length: 22 }, (_, i) => 18 + i));
    expect(r.warnings.map((w) => w.message)).toEqual([
      "Left out 22 blank rows (rows 18-39).",
      "Left out 36 empty columns at the end (columns 9-44, I:AR): no name and no data.",
      'column 7 (G) "Reserves_t" holds numbers, but 3 cells do not (rows 5, 10, 11): kept as text.',
    ]);
    expect(r.ragged.count).toBe(0);
  });

  it("keeps the no-break spaces inside the notes", () => {
    const notes = column(r, "Reserves_notes");
    expect(notes[0]).toBe(
      "Reserves for Australia, Russia, Thailand, and the United\u00a0States were revised based on company and Government reports.",
    );
    expect(notes[1]).toContain("3.3\u00a0million tons");
  });

  it("analysis agrees with the import and previews the rows", () => {
    const a = analyse(usgs("mcs2024-raree_world.csv"));
    if (isRefusal(a)) throw new Error(a.message);
    expect(a.rowCount).toBe(16);
    expect(a.columns.map((c) => c.type)).toEqual(r.columns.map((c) => c.type));
    expect(a.previewRows.length).toBe(16);
    expect(a.previewRows[5].slice(1, 5)).toEqual([
      "China",
      "Rare earths, mine production, rare-earth-oxide equivalent, metric tons",
      210000,
      240000,
    ]);
    expect(a.previewText[3][6]).toBe("NA");
    expect(a.previewRows[3][6]).toBe("NA");
  });
});

describe("mcs2024-raree_salient.csv", () => {
  const r = imported(usgs("mcs2024-raree_salient.csv"));

  it('reads "7,900" as 7900 with a thousands format', () => {
    const consumption = r.columns.find((c) => c.name === "Consump_Compounds-Metals_t");
    expect(consumption?.type).toBe("number");
    expect(consumption?.numberFormat).toBe("#,##0");
    expect(column(r, "Consump_Compounds-Metals_t")).toEqual([11800, 6490, 7900, 10200, 8800]);
  });

  it("keeps >95 and E as text (and so the whole of those columns)", () => {
    expect(column(r, "NIR_Compounds-Metals_t")).toEqual(["100", "100", ">95", ">95", ">95"]);
    expect(column(r, "NIR_Concentrate_t")).toEqual(["E", "E", "E", "E", "E"]);
    expect(r.columns.find((c) => c.name === "NIR_Concentrate_t")?.numberFormat).toBe("@");
  });

  it("types years and prices as numbers", () => {
    expect(column(r, "Year")).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(column(r, "Price_Nd2O3_dkg")).toEqual([45, 49, 98, 134, 80]);
    expect(r.headers[0]).toBe("DataSource");
    expect(r.textCells).toEqual([]);
  });
});

describe("the other USGS editions", () => {
  it.each([
    "mcs2023-raree_world.csv",
    "mcs2023-raree_salient.csv",
    "rare_earths_mcs2022-raree_world.csv",
    "rare_earths_mcs2022-raree_salient.csv",
  ])("%s imports with a numeric year or production column", (name) => {
    const r = imported(usgs(name));
    expect(r.rowCount).toBeGreaterThan(3);
    expect(r.columns.some((c) => c.type === "number")).toBe(true);
    expect(r.ragged.count).toBe(0);
  });
});
