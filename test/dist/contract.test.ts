/**
 * Contract test against the built artefact: dist/functions.js evaluated in a Node vm with
 * a recording CustomFunctions stub, exactly as Excel's runtime would load it. Every id in
 * dist/functions.json is associated exactly once, and the associated functions give the
 * same answers as the source modules the unit tests exercise.
 */
import { readFileSync } from "fs";
import { join } from "path";
import Papa from "papaparse";
import { bundled } from "../../src/data/bundled";
import { loadFunctionsBundle, isRecordedError, type FunctionsBundle } from "../support/functions-bundle";
import { distDir, seedsDir } from "../support/paths";

const metadata = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as { functions: Array<{ id: string }> };
let bundle: FunctionsBundle;
beforeAll(() => {
  bundle = loadFunctionsBundle();
});

const call = (id: string, ...args: unknown[]) => bundle.byId[id](...args);
const m = (v: unknown) => [[v]];

describe("associations", () => {
  it("associates every id in functions.json exactly once, and nothing else", () => {
    const associated = bundle.associations.map(([id]) => id).sort();
    expect(associated).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(new Set(associated).size).toBe(associated.length);
  });
});

describe("the built bundle answers what the sources say", () => {
  it.each(["Neodymium", " neodymium ", "Nd", "NEODYMIUM", "neodymium"])("SHARE(%j) = 0.8", (name) => {
    expect(call("SHARE", m(name), null)).toEqual([[0.8]]);
  });

  it("RISK('Export Quotas') is the seed article's impact text", () => {
    // Read the risk table from the source article itself (copied verbatim), not from the curated tables.
    const article = readFileSync(join(seedsDir, "articles", "002_fc3b1e59ab176a5c.txt"), "utf8");
    const row = article.split("\n").find((line) => line.startsWith("| Export Quotas |"))!;
    const [, , impact, mitigation] = row.split("|").map((s) => s.trim());
    expect(call("RISK", m("Export Quotas"), null)).toEqual([[impact]]);
    expect(call("RISK", m("export quotas"), m("mitigation"))).toEqual([[mitigation]]);
  });

  it("PRODUCTION('China', 2024) equals the USGS figure in seeds/curated", () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(seedsDir, "curated", "production.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
    const usgs = rows.find((r) => r.country === "China" && r.year === "2024" && r.edition === "MCS2025");
    expect(usgs).toBeDefined();
    expect(call("PRODUCTION", m("China"), m(2024))).toEqual([[Number(usgs!.mine_production_t_REO)]]);
  });

  it("an unknown name gives #N/A with a suggestion", () => {
    const [[cell]] = call("SHARE", m("Neodymum"), null) as unknown[][];
    expect(isRecordedError(cell)).toBe(true);
    expect(cell).toMatchObject({ code: "#N/A" });
    expect((cell as { message: string }).message).toMatch(/Did you mean Neodymium\?/);
  });

  it("errors are the runtime's CustomFunctions.Error, with their messages", () => {
    const [[cell]] = call("PRODUCTION", m("China"), m(2024.5)) as unknown[][];
    expect(isRecordedError(cell)).toBe(true);
    expect(cell).toMatchObject({ code: "#VALUE!" });
  });

  it("spills a range argument cell by cell", () => {
    const out = call("SHARE", [["Neodymium"], ["Dy"], ["Unobtainium"]], null) as unknown[][];
    expect(out[0][0]).toBe(0.8);
    expect(out[1][0]).toBe(0.85);
    expect(out[2][0]).toMatchObject({ code: "#N/A" });
  });

  const cases: Array<[string, unknown[], (string | number | null)[]]> = [
    ["SHARE", [m("Lanthanum"), null], ["Lanthanum", null]],
    ["SHARE", [m("Neodymium"), m("refining")], ["Neodymium", "refining"]],
    ["RISK", [m("Market Volatility"), m("mitigation")], ["Market Volatility", "mitigation"]],
    ["USE", [m("Dysprosium")], ["Dysprosium"]],
    ["STRATEGY", [m("Recycling Programs"), m("challenge")], ["Recycling Programs", "challenge"]],
    ["PRODUCTION", [m("USA"), null], ["USA", null]],
    ["RESERVES", [m("Brazil")], ["Brazil"]],
    ["COUNTRYSHARE", [m("China"), m(2024)], ["China", 2024]],
    ["PRICE", [m("Nd2O3"), m(2023)], ["Nd2O3", 2023]],
    ["HHI", [null], [null]],
  ];
  it.each(cases)("%s gives the same answer as the source module", (id, args, scalars) => {
    const method = { SHARE: "share", RISK: "risk", USE: "use", STRATEGY: "strategy", PRODUCTION: "production", RESERVES: "reserves", COUNTRYSHARE: "countryShare", PRICE: "price", HHI: "hhi" }[id] as keyof typeof bundled;
    const expected = (bundled[method] as (...a: unknown[]) => unknown).apply(bundled, scalars);
    expect(call(id, ...args)).toEqual([[expected]]);
  });

  it("LIST and TABLE spill what the source module lists", () => {
    expect(call("LIST", m("elements"))).toEqual(bundled.list("elements").map((v) => [v]));
    const table = call("TABLE", m("risks")) as unknown[][];
    expect(table).toEqual(bundled.table("risks"));
  });

  it("SOURCE and VERSION match the source module", () => {
    expect(call("SOURCE", m("share"), m("Neodymium"), null)).toEqual([[bundled.source("share", "Neodymium", null)]]);
    expect(call("VERSION")).toBe(bundled.version());
  });
});
