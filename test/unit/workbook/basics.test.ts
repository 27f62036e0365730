import { cellAddress, columnName, parseAddress, rectAddress } from "../../../src/workbook/a1";
import { WorkbookError, messageOf } from "../../../src/workbook/errors";
import { gridSize, checkRect } from "../../../src/workbook/grid";
import { definedNameProblem, sameName, sheetNameProblem } from "../../../src/workbook/names";
import { cellBytes, rowBytes, stringBytes, utf8Length } from "../../../src/workbook/payload";
import { isFormulaLike, isGeneralFormat } from "../../../src/workbook/text-safety";
import fc from "fast-check";

describe("A1 addresses", () => {
  it("names columns and cells, 0-based in, 1-based out", () => {
    expect([0, 25, 26, 701, 702, 16_383].map(columnName)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    expect(cellAddress({ row: 7, col: 1 })).toBe("B8");
    expect(rectAddress({ row: 0, col: 0, rows: 3, cols: 2 })).toBe("A1:B3");
    expect(rectAddress({ row: 2, col: 2, rows: 1, cols: 1 })).toBe("C3");
  });

  it("parses addresses back, in either corner order, with or without $", () => {
    expect(parseAddress("B2:D4")).toEqual({ row: 1, col: 1, rows: 3, cols: 3 });
    expect(parseAddress("$D$4:b2")).toEqual({ row: 1, col: 1, rows: 3, cols: 3 });
    expect(parseAddress("C3")).toEqual({ row: 2, col: 2, rows: 1, cols: 1 });
    expect(() => parseAddress("Sheet1!A1")).toThrow(WorkbookError);
    expect(() => parseAddress("A0")).toThrow(/rows start at 1/);
  });

  it("round-trips any block", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 16_000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (row, col, rows, cols) => {
          expect(parseAddress(rectAddress({ row, col, rows, cols }))).toEqual({ row, col, rows, cols });
        },
      ),
    );
  });
});

describe("names", () => {
  it.each([
    ["Import", null],
    ["", /blank/],
    ["x".repeat(32), /31 characters/],
    ["a:b", /cannot contain/],
    ["[x]", /cannot contain/],
    ["'quoted'", /apostrophe/],
    ["history", /reserved/],
  ])("sheet name %j", (name, problem) => {
    const p = sheetNameProblem(name);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });

  it.each([
    ["RARE_Cut", null],
    ["_x.y", null],
    ["Élément", null],
    ["A1", /cell reference/],
    ["XFD1048576", /not a valid name|cell reference/],
    ["R1C1", /cell reference/],
    ["r", /cell reference/],
    ["has space", /not a valid name/],
    ["1abc", /not a valid name/],
    ["", /blank/],
  ])("defined name %j", (name, problem) => {
    const p = definedNameProblem(name);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });

  it("compares without case", () => {
    expect(sameName("Data", "DATA")).toBe(true);
    expect(sameName("Data", "Data2")).toBe(false);
  });
});

describe("grid checks", () => {
  it("sizes rectangular arrays and refuses ragged or empty ones", () => {
    expect(
      gridSize([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual({ rows: 2, cols: 2 });
    expect(() => gridSize([])).toThrow(/empty/);
    expect(() => gridSize([[1], [2, 3]])).toThrow(/row 2 has 2 cells, row 1 has 1/);
  });

  it("refuses blocks off the sheet", () => {
    expect(() => checkRect({ row: 1_048_576, col: 0, rows: 1, cols: 1 })).toThrow(/not on the sheet/);
    expect(() => checkRect({ row: 0, col: 0, rows: 0, cols: 1 })).toThrow(/not on the sheet/);
    expect(() => checkRect({ row: 0, col: 16_383, rows: 1, cols: 1 })).not.toThrow();
  });

  it("messageOf reads any thrown thing", () => {
    expect(messageOf(new Error("a"))).toBe("a");
    expect(messageOf({ message: "b", code: "GeneralException" })).toBe("b");
    expect(messageOf(3)).toBe("3");
  });
});

describe("payload estimate", () => {
  it("is an upper bound on the UTF-8 bytes of the JSON, for any row", () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string({ unit: "binary", maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 12 }), (row) => {
        expect(utf8Length(JSON.stringify(row))).toBeLessThanOrEqual(rowBytes(row));
      }),
      { numRuns: 500 },
    );
  });

  it("counts escapes and non-ASCII conservatively", () => {
    expect(stringBytes('a"b')).toBe(2 + 1 + 2 + 1);
    expect(stringBytes("\u0001")).toBe(2 + 6);
    expect(stringBytes("é")).toBe(2 + 6);
    expect(cellBytes(12.5)).toBe(4 + 1);
    expect(utf8Length("é中😀")).toBe(2 + 3 + 4);
  });
});

describe("text safety", () => {
  it.each([
    ["=cmd|' /C calc'!A0", true],
    ["+1", true],
    ["-", true],
    ["@SUM(A1)", true],
    ["\t=1", true],
    ["\r=1", true],
    [" =1", false],
    ["Neodymium", false],
    ["", false],
    [5, false],
  ])("%j formula-like: %p", (value, expected) => {
    expect(isFormulaLike(value)).toBe(expected);
  });

  it("knows General formats", () => {
    expect([undefined, null, "", "General", "general"].every(isGeneralFormat)).toBe(true);
    expect(isGeneralFormat("0.00")).toBe(false);
  });
});
