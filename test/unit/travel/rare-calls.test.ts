/** The formula tokenizer and the RARE calls it finds, nested or not, and the messages for text it cannot read. */
import { isA1Reference, tokenize } from "../../../src/travel/formula-tokens";
import { readFormula, rareFunctionName } from "../../../src/travel/rare-calls";

const kinds = (formula: string) => tokenize(formula).map((t) => `${t.kind}:${t.text}`);

describe("tokenize", () => {
  it("reads strings with doubled quotes, quoted sheet names, numbers, errors and operators", () => {
    expect(kinds(`=RARE.SHARE("say ""Nd""")&'Q1 ''24'!$B$2:C3+1.5E+3%<>#N/A`)).toEqual([
      "func:RARE.SHARE",
      "open:(",
      'string:"say ""Nd"""',
      "close:)",
      "op:&",
      "ref:'Q1 ''24'!$B$2:C3",
      "op:+",
      "number:1.5E+3",
      "op:%",
      "op:<>",
      "error:#N/A",
    ]);
  });

  it("tells names, table references, row and column ranges and array constants apart", () => {
    expect(kinds("=SUM(Cut,Table1[[#This Row],[Gap]],3:3,A:B,{1,2;3,4})")).toEqual([
      "func:SUM",
      "open:(",
      "name:Cut",
      "sep:,",
      "name:Table1[[#This Row],[Gap]]",
      "sep:,",
      "ref:3:3",
      "sep:,",
      "ref:A:B",
      "sep:,",
      "arrayOpen:{",
      "number:1",
      "arraySep:,",
      "number:2",
      "arraySep:;",
      "number:3",
      "arraySep:,",
      "number:4",
      "arrayClose:}",
      "close:)",
    ]);
    expect(isA1Reference("XFD1048576")).toBe(true);
    expect(isA1Reference("RARE.SHARE")).toBe(false);
  });

  it.each([
    ['=RARE.SHARE("Nd)', /text starting at character 13 has no closing quote/],
    ['=RARE.SHARE("Nd"', /the "\(" at character 12 is never closed/],
    ["=A1)", /the "\)" at character 4 closes nothing/],
    ["='Sheet1!A1", /sheet name starting at character 2 has no closing quote/],
    ["={1,2", /array constant at character 2 is never closed/],
    ['=RARE.SHARE("Nd";1)', /";" at character 17 is not an English-locale separator/],
  ])("refuses %s with a message naming the place", (formula, message) => {
    expect(() => tokenize(formula)).toThrow(message);
    const reading = readFormula(formula);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.problem).toMatch(/^RARE cannot read this formula: /);
  });
});

describe("readFormula", () => {
  it("finds a lone call, not nested, with its arguments", () => {
    const reading = readFormula("=RARE.GAP(A17, $B$8 ,$B$14)");
    if (!reading.ok) throw new Error(reading.problem);
    expect(reading.calls).toHaveLength(1);
    const [call] = reading.calls;
    expect(call).toMatchObject({ fn: "GAP", text: "RARE.GAP(A17, $B$8 ,$B$14)", nested: false });
    expect(call.args.map((a) => a.map((t) => t.text).join(""))).toEqual(["A17", "$B$8", "$B$14"]);
  });

  it("finds calls nested in other functions and in RARE calls, each marked nested", () => {
    const reading = readFormula('=IFERROR(ROUND(RARE.SHARE("Nd")*100,0),RARE.PRICE(RARE.LIST("oxides"),2024))');
    if (!reading.ok) throw new Error(reading.problem);
    expect(reading.calls.map((c) => [c.fn, c.text, c.nested])).toEqual([
      ["SHARE", 'RARE.SHARE("Nd")', true],
      ["PRICE", 'RARE.PRICE(RARE.LIST("oxides"),2024)', true],
      ["LIST", 'RARE.LIST("oxides")', true],
    ]);
  });

  it("counts arithmetic around a call as nesting, and an empty call as no arguments", () => {
    const reading = readFormula("=RARE.VERSION()&RARE.HHI()");
    if (!reading.ok) throw new Error(reading.problem);
    expect(reading.calls.map((c) => [c.fn, c.args.length, c.nested])).toEqual([
      ["VERSION", 0, true],
      ["HHI", 0, true],
    ]);
  });

  it("recognises the _xldudf_ form Excel shows before it has matched the add-in", () => {
    expect(rareFunctionName("_xldudf_RARE_SHARE")).toBe("SHARE");
    expect(rareFunctionName("[2]!_xldudf_RARE_GAP")).toBe("GAP");
    expect(rareFunctionName("RAREST.SHARE")).toBeNull();
    const reading = readFormula('=[2]!_xldudf_RARE_SHARE("Nd")');
    if (!reading.ok) throw new Error(reading.problem);
    expect(reading.calls.map((c) => c.fn)).toEqual(["SHARE"]);
  });

  it("finds nothing in other formulas or in text that only mentions RARE", () => {
    for (const f of ["=SUM(A1:A3)", '="RARE.SHARE(1)"', "=RARE_NAME*2"]) {
      const reading = readFormula(f);
      expect(reading.ok && reading.calls).toEqual([]);
    }
  });
});
