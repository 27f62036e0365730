/**
 * Formula test through a third-party engine (fast-formula-parser, MIT): the functions
 * associated by the built dist/functions.js are registered as RARE.<id> for every id in
 * dist/functions.json, and real formula strings are evaluated over cell values, as a user
 * would type them.
 */
import type { ComputedValue } from "../../src/excel/values";
import { readFileSync } from "fs";
import { join } from "path";
import { engineFunctions } from "../../src/formula/associated-functions";
import { createFormulaEngine } from "../../src/scenario/ffp-adapter";
import { loadFunctionsBundle } from "../support/functions-bundle";
import { distDir } from "../support/paths";

const ids = (JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as { functions: Array<{ id: string }> }).functions.map((f) => f.id);
const bundle = loadFunctionsBundle();
const registered = engineFunctions(Object.fromEntries(ids.map((id) => [id, bundle.byId[id]])));

// Sheet1: A1:A3 element names, A4 an error, A5 empty, B1 a year, C1 a misspelt name, D1:D2 cut and mitigation.
const cells: Record<string, ComputedValue> = { A1: "Neodymium", A2: "Dy", A3: "lanthanum", A4: { error: "#DIV/0!" }, B1: 2024, C1: "Neodymum", D1: 0.5, D2: 0.25 };
const address = (row: number, col: number) => `${String.fromCharCode(64 + col)}${row}`;
const engine = createFormulaEngine({
  functions: registered,
  getCell: (_sheet, row, col) => cells[address(row, col)] ?? null,
  getRange: (_sheet, from, to) => {
    const out: ComputedValue[][] = [];
    for (let r = from.row; r <= to.row; r++) {
      const line: ComputedValue[] = [];
      for (let c = from.col; c <= to.col; c++) line.push(cells[address(r, c)] ?? null);
      out.push(line);
    }
    return out;
  },
});
const evaluate = (formula: string) => engine.evaluate(formula, { sheet: "Sheet1", row: 10, col: 10 });

describe("RARE functions in formulas", () => {
  it("COUNTRYSHARE is production over the sum of every country with a 2024 figure", () => {
    const countries = bundle.byId.LIST([["countries"]]) as unknown[][];
    const figures = countries.map(([c]) => evaluate(`=RARE.PRODUCTION("${String(c)}",2024)`)).filter((v) => typeof v === "number");
    const total = (figures as number[]).reduce((a, b) => a + b, 0);
    expect(evaluate('=RARE.COUNTRYSHARE("China",2024)') as number).toBeCloseTo((evaluate('=RARE.PRODUCTION("China",2024)') as number) / total, 3);
  });

  it("registers every function of functions.json", () => {
    expect(Object.keys(registered).sort()).toEqual(ids.map((id) => `RARE.${id}`).sort());
  });

  it.each([
    ['=RARE.SHARE("Neodymium")*100', 80],
    ['=RARE.SHARE(" nd ")+RARE.SHARE("Dysprosium")', 1.65],
    ['=RARE.RISK("export quotas","mitigation")', "Build alternative supply chains"],
    ['=RARE.RISK("Export Quotas")', "Supply shortages, delayed production"],
    ['=RARE.PRODUCTION("China",B1)', 270000],
    ['=RARE.PRODUCTION("China")', 270000],
    ['=RARE.PRODUCTION("Myanmar",2024)=RARE.PRODUCTION("Burma",2024)', true],
    ["=INDEX(RARE.SHARE(A1:A3),2,1)", 0.85],
    // An error cell in a range gives its own result cell that error; an empty cell an empty result.
    ["=INDEX(RARE.SHARE(A1:A5),2,1)", 0.85],
    ["=ISERROR(INDEX(RARE.SHARE(A1:A5),4,1))", true],
    // As in Excel, an error cell of an array result propagates through SUM.
    ["=ISNA(SUM(RARE.SHARE(A1:A3,\"magnets\")))", true],
    ["=ERROR.TYPE(INDEX(RARE.SHARE(A1:A5),4,1))", 2],
    ['=INDEX(RARE.SHARE(A1:A5),5,1)=""', true],
    ["=SUM(RARE.SHARE(A1:A3))", 2.35],
    ['=RARE.GAP("Neodymium",D1,D2)', 0.8 * 0.5 * 0.75],
    ['=RARE.GAP("Neodymium",D1)', 0.4],
    ["=ISNA(RARE.SHARE(C1))", true],
    ['=IFERROR(RARE.PRICE("Thulium"),"no sourced price")', "no sourced price"],
  ])("%s", (formula, expected) => {
    const value = evaluate(formula);
    if (typeof expected === "number") expect(value).toBeCloseTo(expected, 10);
    else expect(value).toEqual(expected);
  });

  it("omitted optional arguments behave as documented (latest year)", () => {
    // 2025 is the newest year in the bundled USGS editions (MCS2026).
    expect(evaluate("=RARE.HHI()=RARE.HHI(2025)")).toBe(true);
    expect(evaluate('=RARE.PRICE("Nd2O3")=RARE.PRICE("Nd2O3",2025)')).toBe(true);
    expect(evaluate('=RARE.STRATEGY("Recycling Programs")')).toBe("Resource sustainability");
  });

  it("an unknown name is #N/A with the suggestion as its message", () => {
    expect(evaluate("=RARE.SHARE(C1)")).toEqual({ error: "#N/A", message: expect.stringContaining("Did you mean Neodymium?") });
  });

  it("a wrong type is #VALUE!", () => {
    expect(evaluate('=RARE.PRODUCTION("China",TRUE)')).toMatchObject({ error: "#VALUE!" });
    expect(evaluate('=RARE.GAP("Neodymium",2)')).toMatchObject({ error: "#NUM!" });
  });
});
