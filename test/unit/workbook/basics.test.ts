import { parseAddress } from "../../../src/workbook/address";
import { WorkbookError, messageOf } from "../../../src/workbook/errors";
import { gridSize, checkRect } from "../../../src/workbook/grid";
import { cellBytes, rowBytes, stringBytes, utf8Length } from "../../../src/workbook/payload";
import fc from "fast-check";

describe("range addresses given to the port", () => {
  it("parses addresses, in either corner order, with or without $", () => {
    expect(parseAddress("B2:D4")).toEqual({ row: 1, col: 1, rows: 3, cols: 3 });
    expect(parseAddress("$D$4:b2")).toEqual({ row: 1, col: 1, rows: 3, cols: 3 });
    expect(parseAddress("C3")).toEqual({ row: 2, col: 2, rows: 1, cols: 1 });
    expect(() => parseAddress("Sheet1!A1")).toThrow(WorkbookError);
    expect(() => parseAddress("A0")).toThrow(/rows start at 1/);
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
