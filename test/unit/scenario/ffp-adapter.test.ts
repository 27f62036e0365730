import type { ComputedValue } from "../../../src/excel/values";
import { invalidNumber, invalidValue, notAvailable } from "../../../src/data/errors";
import { createFormulaEngine, type EngineFunction } from "../../../src/scenario/ffp-adapter";

// A small sheet "S": A1 Neodymium, B1 0.5, C1 #N/A (a cell holding an error), D1 5, E1 empty.
const cells: Record<string, ComputedValue> = {
  "1,1": "Neodymium",
  "1,2": 0.5,
  "1,3": { error: "#N/A", message: "no price" },
  "1,4": 5,
};
const at = { sheet: "S", row: 10, col: 1 };

function engineWith(
  functions: Record<string, EngineFunction>,
  names: Record<string, { row: number; col: number; rows?: number; cols?: number }> = {},
) {
  return createFormulaEngine({
    functions,
    getCell: (sheet, row, col) => (sheet === "S" ? cells[`${row},${col}`] : undefined),
    getRange: (sheet, from, to) =>
      Array.from({ length: to.row - from.row + 1 }, (_, r) =>
        Array.from({ length: to.col - from.col + 1 }, (_, c) =>
          sheet === "S" ? cells[`${from.row + r},${from.col + c}`] : undefined,
        ),
      ),
    resolveName: (name) => names[name.toLowerCase()] ?? null,
  });
}

describe("createFormulaEngine", () => {
  it("calls dotted custom function names, whatever their case in the formula or the registry", () => {
    const engine = engineWith({ "rare.echo": (x) => `got ${String(x)}` });
    expect(engine.evaluate('=RARE.ECHO("a")', at)).toBe("got a");
    expect(engine.evaluate('Rare.Echo("b")', at)).toBe("got b");
  });

  it("passes plain values: cell values, null for an empty cell or an omitted argument, 2-D arrays for ranges", () => {
    const seen: unknown[][] = [];
    const engine = engineWith({ "RARE.ARGS": (...args) => (seen.push(args), 1) });
    engine.evaluate("=RARE.ARGS(A1,B1,E1,,D1:E1,TRUE)", at);
    expect(seen[0]).toEqual(["Neodymium", 0.5, null, null, [[5, null]], true]);
  });

  it("passes a data-type cell (an entity) as its object, alone or in a range (allowCustomDataForDataTypeAny)", () => {
    const entity = { type: "Entity", text: "Neodymium", properties: {} };
    const seen: unknown[][] = [];
    const engine = createFormulaEngine({
      functions: { "RARE.ARGS": (...args) => (seen.push(args), 1) },
      getCell: (_s, row, col) => (row === 1 && col === 1 ? (entity as unknown as ComputedValue) : 2),
      getRange: () => [[entity as unknown as ComputedValue, 2]],
    });
    expect(engine.evaluate("=RARE.ARGS(A1,A1:B1)", at)).toBe(1);
    expect(seen[0]).toEqual([entity, [[entity, 2]]]);
  });

  it("passes errors inside ranges as error values", () => {
    const seen: unknown[] = [];
    engineWith({ "RARE.ARGS": (r) => (seen.push(r), 1) }).evaluate("=RARE.ARGS(B1:C1)", at);
    expect(seen[0]).toEqual([[0.5, { error: "#N/A", message: "no price" }]]);
  });

  it("does not call a function with an error argument: the error is the result, as in Excel", () => {
    const fn = jest.fn(() => 1);
    const engine = engineWith({ "RARE.F": fn });
    expect(engine.evaluate("=RARE.F(A1,C1)", at)).toEqual({ error: "#N/A", message: "no price" });
    expect(engine.evaluate("=RARE.F(NA())", at)).toMatchObject({ error: "#N/A" });
    expect(fn).not.toHaveBeenCalled();
  });

  it.each([
    [notAvailable("No sourced share."), "#N/A"],
    [invalidValue("Unknown field."), "#VALUE!"],
    [invalidNumber("Cut 80 is outside 0..1."), "#NUM!"],
  ])("maps a thrown %p to %s with its message", (error, code) => {
    const engine = engineWith({
      "RARE.FAIL": () => {
        throw error;
      },
    });
    expect(engine.evaluate("=RARE.FAIL()", at)).toEqual({ error: code, message: error.message });
    // …and Excel's own functions see a real error value.
    expect(engine.evaluate("=ISERROR(RARE.FAIL())", at)).toBe(true);
    expect(engine.evaluate('=IFERROR(RARE.FAIL(),"none")', at)).toBe("none");
  });

  it("maps any other exception, and a missing result, to #VALUE!", () => {
    const engine = engineWith({
      "RARE.BUG": () => {
        throw new TypeError("oops");
      },
      "RARE.NOTHING": () => undefined,
    });
    expect(engine.evaluate("=RARE.BUG()", at)).toEqual({ error: "#VALUE!", message: "oops" });
    expect(engine.evaluate("=RARE.NOTHING()", at)).toMatchObject({ error: "#VALUE!" });
  });

  it("returns errors, not exceptions, for text it cannot parse and for unknown functions", () => {
    const engine = engineWith({});
    expect(engine.evaluate("=SUM(1))", at)).toMatchObject({ error: "#ERROR!" });
    expect(engine.evaluate("=", at)).toMatchObject({ error: "#ERROR!" });
    expect(engine.evaluate("=RARE.MISSING(1)", at)).toMatchObject({ error: expect.stringMatching(/^#/) });
  });

  it("propagates errors through SUM, AVERAGE and PRODUCT as Excel does", () => {
    const engine = engineWith({});
    for (const f of ["SUM", "AVERAGE", "PRODUCT"]) {
      expect(engine.evaluate(`=${f}(B1:D1)`, at)).toMatchObject({ error: "#N/A" });
      expect(engine.evaluate(`=${f}(D1,C1)`, at)).toMatchObject({ error: "#N/A" });
    }
    expect(engine.evaluate("=SUM(B1,D1)", at)).toBe(5.5);
    expect(engine.evaluate("=SUM(B1:B1,D1:E1)", at)).toBe(5.5);
    expect(engine.evaluate("=PRODUCT(B1,D1)", at)).toBe(2.5);
  });

  it("treats an empty cell as Excel does in arithmetic and tests", () => {
    const engine = engineWith({});
    expect(engine.evaluate("=E1*1000", at)).toBe(0);
    expect(engine.evaluate('=IF(ISNUMBER(E1),1,"")', at)).toBe("");
  });

  it("resolves defined names (case-insensitive) through resolveName, and #NAME? otherwise", () => {
    const engine = engineWith(
      {},
      { rare_s_cut: { row: 1, col: 2 }, rare_s_block: { row: 1, col: 2, rows: 1, cols: 3 } },
    );
    expect(engine.evaluate("=RARE_S_Cut*2", at)).toBe(1);
    expect(engine.evaluate("=IFERROR(SUM(RARE_S_Block),-1)", at)).toBe(-1);
    expect(engine.evaluate("=Unknown_Name", at)).toMatchObject({ error: "#NAME?" });
  });

  it("never returns NaN or Infinity", () => {
    const engine = engineWith({ "RARE.NAN": () => NaN, "RARE.INF": () => Infinity });
    expect(engine.evaluate("=RARE.NAN()", at)).toMatchObject({ error: "#VALUE!" });
    expect(engine.evaluate("=RARE.INF()", at)).toMatchObject({ error: "#NUM!" });
    expect(engine.evaluate("=1/0", at)).toMatchObject({ error: "#DIV/0!" });
  });
});
