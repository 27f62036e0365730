import fc from "fast-check";
import {
  a1,
  cellAddress,
  columnLetters,
  parseAddress,
  rectA1,
  rectAddress,
  toZeroBased,
  toZeroBasedCell,
  type A1Cell,
  type A1Rect,
  type ZeroBasedCell,
  type ZeroBasedRect,
} from "../../../src/excel/a1";
import { EXCEL_MAX_COLUMNS } from "../../../src/excel/limits";

describe("column letters", () => {
  it("follow Excel's A..Z, AA..ZZ, AAA.. sequence up to XFD, the last column", () => {
    expect([1, 26, 27, 52, 702, 703].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
    expect(columnLetters(EXCEL_MAX_COLUMNS)).toBe("XFD");
  });
});

describe("1-based A1 references", () => {
  it("pin the row, the column or both", () => {
    expect(a1(8, 2)).toBe("B8");
    expect(a1(8, 2, true)).toBe("$B$8");
    expect(a1(8, 2, { row: true, col: false })).toBe("B$8");
    expect(a1(8, 2, { row: false, col: true })).toBe("$B8");
  });

  it("name a block by its corners, a single cell by itself", () => {
    expect(rectA1({ row: 12, col: 1, rows: 3, cols: 3 })).toBe("A12:C14");
    expect(rectA1({ row: 12, col: 1, rows: 3, cols: 3 }, true)).toBe("$A$12:$C$14");
    expect(rectA1({ row: 5, col: 4, rows: 1, cols: 1 })).toBe("D5");
  });
});

describe("0-based addresses", () => {
  it("name the same cells as their 1-based counterparts", () => {
    expect(cellAddress({ row: 7, col: 1 })).toBe("B8");
    expect(rectAddress({ row: 0, col: 0, rows: 3, cols: 2 })).toBe("A1:B3");
    expect(rectAddress({ row: 2, col: 2, rows: 1, cols: 1 })).toBe("C3");
  });

  it("parse back from text, or say why the text is not an address", () => {
    expect(parseAddress("$D$4:b2")).toEqual({ row: 1, col: 1, rows: 3, cols: 3 });
    expect(parseAddress("Sheet1!A1")).toMatch(/not a cell address/);
    expect(parseAddress("A1:B2:C3")).toMatch(/not a range address/);
    expect(parseAddress("B0")).toMatch(/rows start at 1/);
  });

  it("round-trip any block, and agree with the 1-based form shifted by one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_048_575 }),
        fc.integer({ min: 0, max: 16_383 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (row, col, rows, cols) => {
          const zero: ZeroBasedRect = { row, col, rows, cols };
          const one: A1Rect = { row: row + 1, col: col + 1, rows, cols };
          expect(parseAddress(rectAddress(zero))).toEqual(zero);
          expect(rectA1(one)).toBe(rectAddress(zero));
          expect(toZeroBased(one)).toEqual(zero);
          expect(toZeroBasedCell(one)).toEqual({ row, col });
        },
      ),
    );
  });
});

describe("the two bases are different types", () => {
  it("so the compiler refuses one where the other is expected", () => {
    const planCell: A1Cell = { row: 1, col: 1 };
    const portCell: ZeroBasedCell = { row: 0, col: 0 };
    const takesPort = (cell: ZeroBasedCell) => cellAddress(cell);
    const takesPlan = (cell: A1Cell) => a1(cell.row, cell.col);
    // ts-jest type-checks this file: each line below fails to compile if the bases merge.
    // @ts-expect-error a 1-based cell is not a 0-based one
    expect(takesPort(planCell)).toBe("B2");
    // @ts-expect-error a 0-based cell is not a 1-based one
    expect(takesPlan(portCell)).toBe("0"); // row 0, no column: no such cell
    expect(takesPort(toZeroBasedCell(planCell))).toBe("A1");
  });
});
