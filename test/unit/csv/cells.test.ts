import { excelSerial, isFormulaLike } from "../../../src/csv";
import {
  CellClassifier,
  CELL_BOOLEAN,
  CELL_CURRENCY,
  Evidence,
  CELL_NUMBER,
  CELL_PERCENT,
  isMissing,
  readBoolean,
} from "../../../src/csv/cells";
import { DATE_DMY, DATE_ISO, DATE_MDY, DateReader } from "../../../src/csv/dates";
import { COMMA_SHIFT } from "../../../src/csv/types/bits";

const whole =
  <T>(f: (t: string, s: number, e: number) => T) =>
  (t: string) =>
    f(t, 0, t.length);

describe("Excel serial dates (1900 system)", () => {
  it.each([
    [2024, 1, 1, 45292],
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 3, 1, 61],
    [2014, 1, 2, 41641],
    [2012, 12, 31, 41274],
    [9999, 12, 31, 2958465],
  ])("%i-%i-%i is serial %i", (y, m, d, serial) => {
    expect(excelSerial(y, m, d)).toBe(serial);
  });
});

describe("DateReader", () => {
  const dates = new DateReader();
  const classify = whole((t, s, e) => dates.classify(t, s, e));

  it("classifies ISO dates as fitting either order", () => {
    expect(classify("2024-01-01")).toBe(DATE_ISO | DATE_DMY | DATE_MDY);
    expect(classify("2024/02/29")).toBe(DATE_ISO | DATE_DMY | DATE_MDY);
    expect(dates.read("2024-01-01", 0, 10, "dmy")).toBe(45292);
  });

  it("tells day/month from month/day when a part is over 12", () => {
    expect(classify("31/12/2012")).toBe(DATE_DMY);
    expect(classify("12/31/2012")).toBe(DATE_MDY);
    expect(classify("02/01/2014")).toBe(DATE_DMY | DATE_MDY);
    expect(classify("2.1.2014")).toBe(DATE_DMY | DATE_MDY);
    expect(classify("2-1-2014")).toBe(DATE_DMY | DATE_MDY);
  });

  it("reads d/m/y and m/d/y by the chosen order", () => {
    expect(dates.read("02/01/2014", 0, 10, "dmy")).toBe(41641); // 2 January 2014
    expect(dates.read("02/01/2014", 0, 10, "mdy")).toBe(excelSerial(2014, 2, 1));
    expect(dates.read("31/12/2012", 0, 10, "mdy")).toBeNaN();
  });

  it.each([
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "31/02/2024",
    "1/2/24",
    "1899-12-31",
    "1/2/20245",
    "2024-1-5",
    "12/1/2014x",
    "a/b/cdef",
    "20140102",
  ])("%j is not a date", (t) => expect(classify(t)).toBe(0));
});

describe("cells", () => {
  it("reads TRUE/FALSE in any case, not yes/no", () => {
    const b = whole(readBoolean);
    expect([b("TRUE"), b("false"), b("True"), b(" FALSE ")]).toEqual([true, false, true, false]);
    expect([b("yes"), b("no"), b("1"), b("T"), b("truth")]).toEqual([null, null, null, null, null]);
  });

  it("treats empty, spaces, NA, N/A, n/a and #N/A as missing", () => {
    const m = whole(isMissing);
    expect(["", "  ", "NA", "N/A", "n/a", "#N/A", " NA "].map(m)).toEqual([true, true, true, true, true, true, true]);
    expect(["na", "NAN", "-", "0", "None", "NAM"].map(m)).toEqual([false, false, false, false, false, false]);
  });

  it("classifies cells into type bits, under both decimal conventions", () => {
    const c = new CellClassifier();
    const k = whole((t, s, e) => c.classify(t, s, e));
    const both = (bits: number) => bits | (bits << COMMA_SHIFT);
    expect(k("7,900")).toBe(both(CELL_NUMBER | CELL_CURRENCY));
    expect(c.evidence).toBe(Evidence.Ambiguous); // 7900 or 7.9
    expect(k("12")).toBe(both(CELL_NUMBER | CELL_CURRENCY));
    expect(c.evidence).toBe(Evidence.None);
    expect(k("0.125")).toBe(CELL_NUMBER | CELL_CURRENCY);
    expect(c.evidence).toBe(Evidence.Dot);
    expect(k("3,5")).toBe((CELL_NUMBER | CELL_CURRENCY) << COMMA_SHIFT);
    expect(c.evidence).toBe(Evidence.Comma);
    expect(k("100 200")).toBe((CELL_NUMBER | CELL_CURRENCY) << COMMA_SHIFT);
    expect(c.evidence).toBe(Evidence.Spaced);
    expect(k("80%")).toBe(both(CELL_PERCENT | CELL_NUMBER));
    expect(k("$5")).toBe(both(CELL_CURRENCY));
    expect(k("TRUE")).toBe(CELL_BOOLEAN);
    expect(k("2024-01-01")).toBe(DATE_ISO | DATE_DMY | DATE_MDY);
    expect([k("08123"), k(">95"), k("E"), k("XX"), k("+1")]).toEqual([0, 0, 0, 0, 0]);
    expect(k("1e-400")).toBe(0);
    expect(c.outOfRange).toBe(true);
  });

  it("flags text Excel would read as a formula", () => {
    for (const t of ["=cmd|' /C calc'!A0", "+1", "-x", "@SUM(A1)", "\tfoo", "\rfoo", "=1+1", "-"]) {
      expect(isFormulaLike(t)).toBe(true);
    }
    for (const t of ["", "foo", " =1", "1-2", "a=b", "E", "08123"]) {
      expect(isFormulaLike(t)).toBe(false);
    }
  });
});
