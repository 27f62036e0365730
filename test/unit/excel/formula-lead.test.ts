import fc from "fast-check";
import { FORMULA_LEADS, isFormulaLeadCode, isFormulaLike, typedFormula } from "../../../src/excel/formula-lead";
import { TEXT_FORMAT, isGeneralFormat } from "../../../src/excel/number-format";

describe("formula-like text", () => {
  it.each([
    ["=cmd|' /C calc'!A0", true],
    ["+1", true],
    ["-", true],
    ["@SUM(A1)", true],
    ["\t=1", true],
    ["\r=1", true],
    [" =1", false],
    ["\n=1", false],
    ["Neodymium", false],
    ["1=1", false],
    ["", false],
    [5, false],
    [null, false],
  ])("%j formula-like: %p", (value, expected) => {
    expect(isFormulaLike(value)).toBe(expected);
  });

  it("the char-code test and the list of leads agree on every UTF-16 unit", () => {
    const leads = new Set<string>(FORMULA_LEADS);
    for (let c = 0; c < 0x10000; c++) {
      expect([c, isFormulaLeadCode(c)]).toEqual([c, leads.has(String.fromCharCode(c))]);
    }
  });
});

describe("what Excel makes of typed text", () => {
  it.each([
    ["=1+1", "=1+1"],
    ["+1+2", "=+1+2"],
    ["-A1", "=-A1"],
    ["@SUM(A1)", "=SUM(A1)"],
    ["=", null],
    ["\t=1", null],
    [" =1", null],
    ["Neodymium", null],
  ])("%j is the formula %j", (text, formula) => {
    expect(typedFormula(text)).toBe(formula);
  });

  it("every text Excel would read as a formula is one the writers flag", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMULA_LEADS, "a", " "), fc.string(), (lead, rest) => {
        const text = lead + rest;
        if (typedFormula(text) !== null) expect(isFormulaLike(text)).toBe(true);
      }),
    );
  });
});

describe("number formats", () => {
  it("the text format is @", () => {
    expect(TEXT_FORMAT).toBe("@");
  });

  it("knows General formats", () => {
    expect([undefined, null, "", "General", "general"].every(isGeneralFormat)).toBe(true);
    expect(isGeneralFormat("0.00")).toBe(false);
  });
});
