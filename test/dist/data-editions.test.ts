/**
 * MCS2026, pinned editions, US statistics, HISTORY and dated event statuses, through the built
 * dist/functions.js as Excel loads it. Expected figures are read from the seed files here
 * (papaparse for the CSVs, exceljs for DS140), never from the compile code.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import Papa from "papaparse";
import { isRecordedError, loadFunctionsBundle, type FunctionsBundle } from "../support/functions-bundle";
import { repoRoot } from "../support/paths";

const seeds = join(repoRoot, "seeds");
let bundle: FunctionsBundle;
const call = (id: string, ...args: unknown[]): unknown => {
  const out = bundle.byId[id](...args.map((a) => (a === undefined ? null : [[a]])));
  return Array.isArray(out) && out.length === 1 && Array.isArray(out[0]) && out[0].length === 1 ? out[0][0] : out;
};
const errorOf = (v: unknown) => {
  if (!isRecordedError(v)) throw new Error(`expected an error, got ${JSON.stringify(v)}`);
  return v;
};

/** The MCS2026 release as printed (its bytes are Windows-1252; every figure is ASCII). */
type Row = Record<string, string>;
const mcs2026: Row[] = Papa.parse<Row>(
  readFileSync(join(seeds, "usgs", "mcs2026", "usgs_mcs2026_commodities_data.csv"), "latin1"),
  { header: true, skipEmptyLines: true },
).data;
const num = (text: string) => Number(text.replace(/,/g, ""));
const world = (country: string, stat: string, year: string) =>
  mcs2026.find(
    (r) =>
      r["MCS chapter"] === "RARE EARTHS" &&
      r.Section === "World Mine Production and Reserves" &&
      r.Country === country &&
      r.Statistics === stat &&
      r.Year === year,
  )!.Value;
const price = (detailStart: string, year: string) =>
  num(mcs2026.find((r) => r.Statistics === "Price" && r.Statistics_detail.includes(detailStart) && r.Year === year)!.Value);
const csv = (path: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(seeds, path), "utf8").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true })
    .data;

beforeAll(() => {
  bundle = loadFunctionsBundle();
});

describe("MCS2026 is the newest edition, and older editions can be pinned", () => {
  it("PRODUCTION: China 2025, Australia 2024 as revised, and as MCS2025 printed it", () => {
    expect(call("PRODUCTION", "China", 2025)).toBe(num(world("China", "Production", "2025")));
    expect(call("PRODUCTION", "China", 2025)).toBe(270000);
    expect(call("PRODUCTION", "Australia", 2024)).toBe(num(world("Australia", "Production", "2024")));
    expect(call("PRODUCTION", "Australia", 2024)).toBe(29000);
    const mcs2025 = csv("curated/production.csv").find(
      (r) => r.edition === "MCS2025" && r.country === "Australia" && r.year === "2024",
    )!;
    expect(call("PRODUCTION", "Australia", 2024, "MCS2025")).toBe(Number(mcs2025.mine_production_t_REO));
    expect(call("PRODUCTION", "Australia", 2024, "MCS2025")).toBe(13000);
  });

  it("an edition that does not cover the year is #N/A naming the edition that does", () => {
    const e = errorOf(call("PRODUCTION", "Australia", 2025, "MCS2025"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("MCS2026");
    expect(errorOf(call("PRODUCTION", "China", 2025, "MCS2030")).code).toBe("#VALUE!");
  });

  it("RESERVES: Brazil as revised in report v1.3 (the data release still prints 21 Mt)", () => {
    const revision = csv("usgs-revisions.csv").find((r) => r.country === "Brazil")!;
    expect(world("Brazil", "Reserves", "2025")).toBe(revision.data_release_value);
    expect(call("RESERVES", "Brazil")).toBe(num(revision.report_value));
    expect(call("RESERVES", "Brazil")).toBe(11000000);
    expect(call("RESERVES", "Brazil", "MCS2026")).toBe(11000000);
    expect(call("SOURCE", "reserves", "Brazil")).toMatch(/v1\.3/);
  });

  it("the report's v1.1 footnote move is applied and cited: off China's 2024 production, onto India's reserves", () => {
    const moves = csv("usgs-revisions.csv").filter((r) => r.revision === "v1.1");
    const removed = moves.find((r) => r.country === "China")!.note_removed;
    const added = moves.find((r) => r.country === "India")!.note_added;
    const china = call("SOURCE", "production", "China", 2024, "full") as string;
    expect(china).toContain("report v1.1 (2026-03-05): p. 153: footnote 14 was removed from China's 2024 mine production");
    expect(china).not.toContain(removed);
    const india = errorOf(call("RESERVES", "India"));
    expect([india.code, india.message]).toEqual(["#N/A", expect.stringContaining(added)]);
  });

  it("COUNTRYSHARE and HHI for 2025 are recomputed from MCS2026's country rows (world total left out)", () => {
    const rows = mcs2026.filter(
      (r) =>
        r["MCS chapter"] === "RARE EARTHS" &&
        r.Section === "World Mine Production and Reserves" &&
        r.Statistics === "Production" &&
        r.Year === "2025" &&
        r.Country !== "World total" &&
        /\d/.test(r.Value),
    );
    const total = rows.reduce((sum, r) => sum + num(r.Value), 0);
    const china = num(rows.find((r) => r.Country === "China")!.Value);
    expect(call("COUNTRYSHARE", "China", 2025)).toBeCloseTo(china / total, 12);
    const hhi = rows.reduce((sum, r) => sum + ((100 * num(r.Value)) / total) ** 2, 0);
    expect(call("HHI", 2025)).toBeCloseTo(hhi, 8);
    expect(call("HHI")).toBeCloseTo(hhi, 8);
  });

  it("LIST('editions') names every edition, oldest first", () => {
    expect(bundle.byId.LIST([["editions"]])).toEqual([["DS140"], ["MCS2022"], ["MCS2023"], ["MCS2024"], ["MCS2025"], ["MCS2026"]]);
  });
});

describe("prices of every oxide USGS reports, under the names users type", () => {
  it("NdPr oxide, Tb4O7 and Dy2O3 are MCS2026's figures", () => {
    expect(call("PRICE", "NdPr oxide", 2025)).toBe(price("(NdPr) oxide", "2025"));
    expect(call("PRICE", "NdPr oxide", 2025)).toBe(69);
    expect(call("PRICE", "NdPr", 2025)).toBe(69);
    expect(call("PRICE", "Tb4O7", 2025)).toBe(price("Terbium oxide", "2025"));
    expect(call("PRICE", "Tb4O7", 2025)).toBe(1010);
    expect(call("PRICE", "Dy2O3", 2024)).toBe(257);
    expect(call("PRICE", "Dy2O3", 2024, "MCS2025")).toBe(260);
    expect(call("PRICE", "neodymium oxide", 2025)).toBe(price("Neodymium oxide", "2025"));
    expect(call("PRICE", "Y2O3", 2024)).toBe(price("Y2O3", "2024"));
  });

  it("every oxide the editions price has a figure, 2017 to 2025 for the oldest seven", () => {
    for (const oxide of ["La2O3", "CeO2", "Pr6O11", "Nd2O3", "NdPr", "Sm2O3", "Eu2O3", "Gd2O3", "Tb4O7", "Dy2O3", "Ho2O3"])
      expect(typeof call("PRICE", oxide, 2025)).toBe("number");
    for (const oxide of ["Er2O3", "Yb2O3", "Lu2O3", "Y2O3", "Mischmetal"]) expect(typeof call("PRICE", oxide, 2024)).toBe("number");
    for (const oxide of ["La2O3", "CeO2", "Nd2O3", "Eu2O3", "Tb4O7", "Dy2O3", "Mischmetal"])
      expect(typeof call("PRICE", oxide, 2017)).toBe("number");
  });

  it("scandium oxide's range comes back as printed text, never a midpoint", () => {
    const printed = mcs2026.find((r) => r.Statistics_detail.includes("Scandium oxide") && r.Year === "2024")!.Value;
    expect(printed).toMatch(/^660.670$/);
    expect(call("PRICE", "Scandium oxide", 2024)).toBe("660\u2013670");
    expect(call("SOURCE", "price", "Sc2O3", 2024, "full")).toContain("no midpoint");
  });

  it("SOURCE gives each price's grade and basis", () => {
    const source = call("SOURCE", "price", "NdPr oxide", 2025) as string;
    expect(source).toContain("99% minimum");
    expect(source).toMatch(/Free on board/);
    expect(source.length).toBeLessThan(300);
  });
});

describe("names people type", () => {
  it("Myanmar (Burma) and Burma (Myanmar) are Burma", () => {
    expect(call("PRODUCTION", "Myanmar (Burma)", 2025)).toBe(num(world("Burma", "Production", "2025")));
    expect(call("PRODUCTION", "Burma (Myanmar)", 2025)).toBe(num(world("Burma", "Production", "2025")));
  });

  it("oxide names resolve to the element for SHARE; NdPr is known but has no share", () => {
    expect(call("SHARE", "Nd2O3")).toBe(call("SHARE", "Neodymium"));
    expect(call("SHARE", "neodymium oxide")).toBe(call("SHARE", "Neodymium"));
    const e = errorOf(call("SHARE", "NdPr"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/not one element/);
    expect(e.message).not.toMatch(/Unknown/);
    expect(errorOf(call("PRODUCTION", "Myanmr")).message).toContain("Did you mean Myanmar (Burma)?");
  });
});

describe("US statistics and import sources", () => {
  const salient = (detailStart: string, year: string) =>
    mcs2026.find(
      (r) =>
        r["MCS chapter"] === "RARE EARTHS" && r.Section.startsWith("Salient") && r.Statistics_detail.startsWith(detailStart) && r.Year === year,
    )!.Value;

  it("USSTAT gives MCS2026's net import reliance, and qualified figures as printed text", () => {
    expect(call("USSTAT", "net import reliance", 2024)).toBe(num(salient("Net import reliance as a percentage of apparent consumption: Compounds", "2024")));
    expect(call("USSTAT", "net import reliance", 2021)).toBe(salient("Net import reliance as a percentage of apparent consumption: Compounds", "2021"));
    expect(call("USSTAT", "net import reliance", 2021)).toBe(">95");
    expect(call("USSTAT", "net import reliance: concentrates", 2024)).toBe("E");
    expect(call("USSTAT", "mine production", 2025)).toBe(num(salient("Production: Mineral concentrates", "2025")));
  });

  it("SHARE(element, 'us imports') is the element's own USGS figure, else the sector-wide one", () => {
    const china = (element: string) =>
      num(mcs2026.find((r) => r.Section === "Import Sources" && r.Commodity === element && r.Country === "China")!.Value) / 100;
    expect(call("SHARE", "Tb", "us imports")).toBe(china("Terbium"));
    expect(call("SHARE", "Erbium", "us imports")).toBe(china("Erbium"));
    expect(call("SHARE", "Yb", "us imports")).toBe(china("Ytterbium"));
    expect(call("SHARE", "Nd", "us imports")).toBe(china("Rare Earths"));
  });

  it("stage shares are #N/A for scandium, which the stage figures' sources exclude", () => {
    const e = errorOf(call("SHARE", "Scandium", "mining"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/exclude scandium/);
  });
});

describe("HISTORY, shaped like STOCKHISTORY", () => {
  let ds140: Map<number, number>;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(seeds, "usgs", "ds140", "ds140-rare-earths-2020.xlsx"));
    const ws = wb.worksheets[0];
    ds140 = new Map();
    ws.eachRow((row) => {
      const [year, worldProduction] = [row.getCell(1).value, row.getCell(8).value];
      if (typeof year === "number" && typeof worldProduction === "number") ds140.set(year, worldProduction);
    });
  });

  it("world production in 1960 is DS140's figure, with no header row when headers is 0", () => {
    expect(bundle.byId.HISTORY([["production"]], [["World"]], [[1960]], [[1960]], [[0]])).toEqual([[1960, ds140.get(1960)]]);
  });

  it("where DS140 and an MCS edition overlap, the MCS edition wins (what PRODUCTION returns)", () => {
    const mcs2022 = csv("usgs/rare_earths_mcs2022-raree_world.csv").find((r) => /World/.test(r.Country))!;
    expect(ds140.get(2020)).not.toBe(Number(mcs2022.Prod_t_2020.replace(/,/g, "")));
    const table = bundle.byId.HISTORY([["production"]], [["World"]], [[2019]], [[2020]], null) as unknown[][];
    expect(table).toEqual([
      ["Year", "Value"],
      [2019, ds140.get(2019)],
      [2020, Number(mcs2022.Prod_t_2020.replace(/,/g, ""))],
    ]);
    expect(call("SOURCE", "production", "World", 2019)).toContain("[DS140]");
  });

  it("DS140 can be pinned for the world total it gives, and is named where it covers a year", () => {
    expect(call("PRODUCTION", "World", 1960, "DS140")).toBe(ds140.get(1960));
    const e = errorOf(call("PRODUCTION", "World", 2019, "MCS2022"));
    expect(e.message).toMatch(/MCS2022 does not cover 2019; the edition that does is DS140/);
    expect(errorOf(call("HHI", 1960, "DS140")).message).toMatch(/world total only/);
  });

  it("a year without a sourced figure is left out", () => {
    const table = bundle.byId.HISTORY([["us mine production"]], null, [[1955]], [[1957]], [[0]]) as unknown[][];
    expect(table.map((r) => r[0])).toEqual([1955, 1956, 1957]);
    expect(table[1][1]).toBe("W"); // withheld, as printed
    const prices = bundle.byId.HISTORY([["price"]], [["NdPr oxide"]], null, null, [[0]]) as unknown[][];
    expect(prices.map((r) => r[0])).toEqual([2021, 2022, 2023, 2024, 2025]);
  });
});

describe("events as of the dataset's date", () => {
  const statuses = csv("event-status.csv");
  const asOf = (JSON.parse(readFileSync(join(seeds, "dataset.json"), "utf8")) as { asOf: string }).asOf;

  it("no status claims to be in force past its end date", () => {
    const ended = statuses.filter((s) => s.ends !== "" && s.ends < asOf);
    expect(ended.map((s) => s.event_id)).toEqual(expect.arrayContaining(["E9", "E10"]));
    const table = bundle.byId.TABLE([["events"]]) as unknown[][];
    const statusColumn = (table[0] as string[]).indexOf("status");
    for (const s of ended) {
      const row = table.find((r) => r[0] === s.event_id)!;
      expect(row[statusColumn]).not.toMatch(/in effect|in force/);
      expect(row[statusColumn]).toContain("what followed is not in the bundled sources");
      expect(call("SOURCE", "event", s.event_id)).not.toMatch(/in effect/);
    }
    expect(call("SOURCE", "event", "E9")).toContain("suspended until 10 Nov 2026 (Announcement No. 70 [2025])");
  });

  it("every status says the date it is as of", () => {
    const table = bundle.byId.TABLE([["events"]]) as string[][];
    const status = table[0].indexOf("status");
    for (const row of table.slice(1).filter((r) => /^E\d+$/.test(r[0]) && r[status] !== ""))
      expect(`${row[0]}: ${row[status]}`).toMatch(/\(as of \d{4}-\d\d-\d\d\)$|\(dataset as of \d{4}-\d\d-\d\d\)$/);
  });

  it("reads the dataset's own date, not the clock: the same answers on a day before the suspensions ended", () => {
    const day = Date.UTC(2025, 11, 1); // 1 Dec 2025, before 10 and 27 Nov 2026
    class EarlierDate extends Date {
      constructor(...args: ConstructorParameters<typeof Date>) {
        super(...((args.length ? args : [day]) as [number]));
      }
      static override now() {
        return day;
      }
    }
    const earlier = loadFunctionsBundle(undefined, { Date: EarlierDate });
    for (const kind of ["events", "elements"])
      expect(earlier.byId.TABLE([[kind]])).toEqual(bundle.byId.TABLE([[kind]]));
    expect(earlier.byId.SOURCE([["event"]], [["E9"]], null, null)).toEqual(bundle.byId.SOURCE([["event"]], [["E9"]], null, null));
  });

  it("the elements table's export-control column says when a suspension has ended", () => {
    const table = bundle.byId.TABLE([["elements"]]) as unknown[][];
    const column = (table[0] as string[]).indexOf("China export control");
    for (const element of ["Europium", "Holmium", "Erbium", "Thulium", "Ytterbium"])
      expect(table.find((r) => r[0] === element)![column]).toMatch(/ended on 2026-11-10.*not in the bundled sources/);
    // Every text that calls a control suspended says when the suspension ended.
    for (const row of table.slice(1).filter((r) => /suspended/.test(String(r[column]))))
      expect(`${row[0]}: ${row[column]}`).toMatch(/ended on 2026-11-\d\d: what followed is not in the bundled sources/);
  });

  it("E11-E16 are there; E8 and E10 carry their corrections", () => {
    const ids = (bundle.byId.LIST([["events"]]) as string[][]).map((r) => r[0]);
    expect(ids).toEqual(expect.arrayContaining(["E11", "E12", "E13", "E14", "E15", "E16"]));
    expect(call("SOURCE", "event", "E8", null, "full")).toContain("2025-11-08");
    const table = bundle.byId.TABLE([["events"]]) as unknown[][];
    expect(table.find((r) => r[0] === "E10")![4]).toContain("Announcement No. 72 [2025]");
  });
});

describe("citations a reader can use", () => {
  const asked: [string, string, unknown][] = [
    ["share", "Nd", null],
    ["share", "Dy", "refining"],
    ["production", "China", 2024],
    ["production", "Burundi", null],
    ["reserves", "World", null],
    ["price", "Tb4O7", 2025],
    ["hhi", "2025", null],
    ["event", "E12", null],
    ["use", "Europium", null],
    ["usstat", "net import reliance", 2024],
  ];

  it("the default is under 300 characters; no text names a repository file", () => {
    for (const [kind, key, field] of asked) {
      const short = call("SOURCE", kind, key, field) as string;
      expect(`${kind} ${key}: ${short.length}`).toBe(`${kind} ${key}: ${Math.min(short.length, 299)}`);
      const full = call("SOURCE", kind, key, field, "full") as string;
      expect(full.length).toBeGreaterThan(short.length - 60);
      for (const text of [short, full]) expect(text).not.toMatch(/seeds\/|\.csv|\.txt|README|GitHub [\w-]+\/[\w.-]+/);
    }
    for (const kind of ["sources", "events", "elements", "production", "stages"])
      // A source's own web address may name its file; the text around it must not name ours.
      expect(JSON.stringify(bundle.byId.TABLE([[kind]])).replace(/https?:\/\/[^"\s]+/g, "")).not.toMatch(
        /seeds\/|\.csv\b|README/,
      );
  });

  it("article shares say the article states no stage, year or source", () => {
    expect(call("SOURCE", "share", "Neodymium")).toContain("the article states no stage, year or source");
  });

  it("USE backed only by low-authority sources is flagged; a stale country says its latest year", () => {
    expect(call("SOURCE", "use", "Europium")).toMatch(/low-authority/);
    expect(call("PRODUCTION", "Burundi")).toBeGreaterThan(0);
    expect(call("SOURCE", "production", "Burundi")).toMatch(/latest figure for Burundi is 2021/);
  });

  it("the MCS2024 DOI conflict is in the full provenance", () => {
    expect(call("SOURCE", "production", "China", 2022, "full")).toMatch(/DOI conflict/);
  });
});

describe("pinned editions, for each function that takes one", () => {
  const editions = () => (bundle.byId.LIST([["editions"]]) as string[][]).map((r) => r[0]);
  /** The editions a #N/A names after "does that" ("… is MCS2022" / "…: MCS2022 or MCS2023"). */
  const named = (message: string) =>
    /(?:the edition that does is|editions that do:)\s*(.*)$/.exec(message)![1].split(/,\s*|\s+or\s+/);

  it.each<[string, (edition: string) => unknown]>([
    ["PRODUCTION Australia 2021", (e) => call("PRODUCTION", "Australia", 2021, e)],
    ["PRODUCTION China 2024", (e) => call("PRODUCTION", "China", 2024, e)],
    ["COUNTRYSHARE China 2022", (e) => call("COUNTRYSHARE", "China", 2022, e)],
    ["HHI 2023", (e) => call("HHI", 2023, e)],
    ["RESERVES Brazil", (e) => call("RESERVES", "Brazil", e)],
    ["PRICE Nd2O3 2020", (e) => call("PRICE", "Nd2O3", 2020, e)],
    ["PRICE Dy2O3 2024", (e) => call("PRICE", "Dy2O3", 2024, e)],
  ])("%s: an edition that does not cover it is #N/A naming exactly the editions that do, oldest first", (_, ask) => {
    const covering = editions().filter((e) => typeof ask(e) === "number");
    const missing = editions().filter((e) => !covering.includes(e));
    expect(covering.length).toBeGreaterThan(0);
    expect(missing.length).toBeGreaterThan(0);
    for (const edition of missing) {
      const e = errorOf(ask(edition));
      expect(e.code).toBe("#N/A");
      expect(e.message).toContain(`${edition} does not cover`);
      expect(named(e.message!)).toEqual(covering);
    }
  });

  it("COUNTRYSHARE and HHI pinned to MCS2025 are recomputed from MCS2025's own 2024 country rows", () => {
    const rows = csv("curated/production.csv").filter(
      (r) => r.edition === "MCS2025" && r.year === "2024" && !/^World/.test(r.country),
    );
    const total = rows.reduce((sum, r) => sum + Number(r.mine_production_t_REO), 0);
    const china = Number(rows.find((r) => r.country === "China")!.mine_production_t_REO);
    expect(call("COUNTRYSHARE", "China", 2024, "MCS2025")).toBeCloseTo(china / total, 12);
    const hhi = rows.reduce((sum, r) => sum + ((100 * Number(r.mine_production_t_REO)) / total) ** 2, 0);
    expect(call("HHI", 2024, "MCS2025")).toBeCloseTo(hhi, 8);
    expect(call("HHI", 2024)).not.toBeCloseTo(hhi, 2); // MCS2026's revision moved it
  });

  it("SOURCE names the edition and report revision a value came from", () => {
    expect(call("SOURCE", "production", "Australia", 2024)).toContain("MCS2026, report v1.3");
    expect(call("SOURCE", "reserves", "Brazil")).toMatch(/MCS2026, report v1\.3[\s\S]*v1\.3/);
    expect(call("SOURCE", "price", "Dy2O3", 2023)).toMatch(/\[MCS20\d\d\]/);
  });
});

describe("US import sources, element by element", () => {
  it("SHARE(element,'us imports') is China's share in MCS2026's import sources for every element it lists", () => {
    const chapters = ["RARE EARTHS", "RARE EARTHS (Heavy)", "YTTRIUM", "SCANDIUM"];
    const chinaRows = mcs2026.filter(
      (r) =>
        chapters.includes(r["MCS chapter"]) &&
        r.Section === "Import Sources" &&
        r.Country === "China" &&
        r.Commodity !== "Rare Earths",
    );
    expect(chinaRows.map((r) => r.Commodity).sort()).toEqual(
      ["Erbium", "Holmium", "Lutetium", "Scandium", "Terbium", "Yttrium", "Ytterbium"].sort(),
    );
    for (const r of chinaRows) expect(`${r.Commodity} ${call("SHARE", r.Commodity, "us imports")}`).toBe(`${r.Commodity} ${num(r.Value) / 100}`);
    // An element without its own figure gets the sector-wide one, and SOURCE says so.
    const sector = mcs2026.find((r) => r.Section === "Import Sources" && r.Commodity === "Rare Earths" && r.Country === "China")!;
    expect(call("SHARE", "Dysprosium", "us imports")).toBe(num(sector.Value) / 100);
    expect(call("SOURCE", "share", "Dysprosium", "us imports")).toMatch(/sector-wide .* not specific to Dysprosium/);
  });
});

describe("the events MCS2026's period added, as the curated file gives them", () => {
  it("E11-E16: announced date, instrument, authority and materials as in events_2025_2026.csv", () => {
    const table = bundle.byId.TABLE([["events"]]) as string[][];
    const col = (name: string) => table[0].indexOf(name);
    const rows = csv("curated/events_2025_2026.csv");
    expect(rows.map((r) => r.event_id)).toEqual(["E11", "E12", "E13", "E14", "E15", "E16"]);
    for (const r of rows) {
      const got = table.find((t) => t[0] === r.event_id)!;
      expect([got[col("date")], got[col("title")], got[col("authority")], got[col("materials")]]).toEqual([
        r.date_announced,
        r.instrument,
        r.authority,
        r.materials,
      ]);
    }
  });

  it("E8's effective dates and E10's announcement number carry the corrections, with their evidence", () => {
    const corrections = csv("event-corrections.csv");
    const e8 = corrections.find((c) => c.event_id === "E8" && c.field === "date_effective")!;
    const e10 = corrections.find((c) => c.event_id === "E10")!;
    expect(e8.value).toContain("2025-11-08 (Nos. 55-58");
    const table = bundle.byId.TABLE([["events"]]) as string[][];
    const col = (name: string) => table[0].indexOf(name);
    expect(table.find((t) => t[0] === "E8")![col("date note")]).toContain(e8.value);
    expect(table.find((t) => t[0] === "E10")![col("title")]).toBe(e10.value);
    expect(call("SOURCE", "event", "E8", null, "full")).toContain("[SC8]");
    expect(call("SOURCE", "event", "E10", null, "full")).toContain("[SC10]");
    // The curated summary's "unconfirmed" date sentence is corrected too, by the same evidence.
    const e8Summary = table.find((t) => t[0] === "E8")![col("summary")];
    expect(e8Summary).toBe(corrections.find((c) => c.event_id === "E8" && c.field === "summary")!.value);
    expect(e8Summary).toContain("2025-11-08");
    expect(e8Summary).not.toMatch(/unconfirmed|particle\.news/);
  });
});
