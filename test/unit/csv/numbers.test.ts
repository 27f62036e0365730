import fc from "fast-check";
import { NumberReader } from "../../../src/csv/numbers";

const point = new NumberReader(false);
const comma = new NumberReader(true);
const read = (r: NumberReader, s: string): number => r.read(s, 0, s.length);

describe("NumberReader with a decimal point", () => {
  it.each([
    ["7,900", 7900],
    ["10,200", 10200],
    ["12,345,678.25", 12345678.25],
    ["-12", -12],
    ["-0", 0],
    ["0", 0],
    ["0.5", 0.5],
    [".5", 0.5],
    ["5.", 5],
    ["4.5", 4.5],
    ["1.234567", 1.234567],
    ["  42  ", 42],
    ["1e3", 1000],
    ["1.5E-3", 0.0015],
    ["20140102", 20140102],
    ["123456789012345", 123456789012345],
    ["0.000000000000000000000000123", 1.23e-25],
  ])("%j → %d", (text, value) => {
    expect(read(point, text)).toBe(value);
  });

  it.each([
    ["08123", "a leading zero makes it a code"],
    ["01", "leading zero"],
    ["00.11", "leading zero"],
    ["0,123", "0 cannot lead a thousands group"],
    ["1,7", "not a thousands group"],
    ["1,2345", "group of four"],
    ["12,34,567", "Indian grouping is not accepted"],
    ["1, 234", "mixed separators"],
    ["200.000.000", "two decimal points"],
    ["9007199254740992", "2^53: more than 15 digits"],
    ["9007199254740991", "16 digits: Excel would change it"],
    ["1234567890123456789", "19 digits"],
    ["0.1234567890123456", "16 significant digits"],
    ["+1", "a leading + is formula-like text"],
    ["--1", "double sign"],
    ["-", "sign only"],
    [".", "point only"],
    ["", "empty"],
    ["E", "a letter"],
    [">95", "a qualifier"],
    ["1e", "no exponent digits"],
    ["1e400", "overflow"],
    ["12abc", "trailing text"],
    ["1 234", "spaces group thousands only with a decimal comma"],
    ["1\u00a0234\u00a0567", "no-break spaces neither"],
    ["1e-400", "below the smallest normal double: Excel would store 0"],
    ["2e-308", "subnormal"],
    ["(12", "an unclosed parenthesis"],
    ["($)", "a symbol alone"],
    ["$12%", "a currency and a percent sign"],
    ["Infinity", "not a number a user types"],
    ["0x1F", "hex"],
  ])("%j is not a number (%s)", (text) => {
    expect(read(point, text)).toBeNaN();
  });

  it("reads accounting negatives and currency amounts, and says which symbol", () => {
    expect(read(point, "(1,234)")).toBe(-1234);
    expect(read(point, "$1,000")).toBe(1000);
    expect([point.currency, point.currencyAfter, point.grouped]).toEqual(["$", false, true]);
    expect(read(point, "-$5")).toBe(-5);
    expect(read(point, "($1,234.50)")).toBe(-1234.5);
    expect(point.decimals).toBe(2);
    expect(read(point, "£12")).toBe(12);
    expect(point.currency).toBe("£");
    expect(read(point, "12")).toBe(12);
    expect(point.currency).toBe("");
  });

  it("reads percents as fractions, exactly as the decimal would be", () => {
    expect(read(point, "80%")).toBe(0.8);
    expect(point.percent).toBe(true);
    expect(read(point, "12.5%")).toBe(0.125);
    expect(point.decimals).toBe(1);
    expect(read(point, "7.3%")).toBe(0.073);
    expect(read(point, "-5%")).toBe(-0.05);
    expect(read(point, "80 %")).toBe(0.8);
    expect(read(point, "1,250%")).toBe(12.5);
    expect(read(point, "%")).toBeNaN();
  });

  it("records decimals and grouping for the number format", () => {
    read(point, "1,234.50");
    expect([point.decimals, point.grouped, point.percent]).toEqual([2, true, false]);
    read(point, "12");
    expect([point.decimals, point.grouped]).toEqual([0, false]);
  });

  it("reads a slice of a longer text without copying it", () => {
    const t = 'x,"7,900",y';
    expect(point.read(t, 3, 8)).toBe(7900);
  });

  it("agrees with Number() on every number of up to 15 significant digits", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 15 }), (x, digits) => {
        const text = x.toPrecision(digits);
        fc.pre(isFinite(Number(text))); // rounding to fewer digits can overflow: that is text
        fc.pre(Number(text) === 0 || Math.abs(Number(text)) >= 2.2250738585072014e-308); // subnormals are text
        const v = read(point, text.replace(/e\+/, "e"));
        expect(v).toBe(Number(text) === 0 ? 0 : Number(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("NumberReader with a decimal comma (semicolon files)", () => {
  it.each([
    ["3,5", 3.5],
    ["-3,5", -3.5],
    ["1.234,5", 1234.5],
    ["1 234,5", 1234.5],
    ["200.000.000", 200000000],
    ["7,900", 7.9],
    ["12,5%", 0.125],
    ["1 234", 1234],
    ["1\u00a0234\u00a0567", 1234567],
    ["€1.234,50", 1234.5],
    ["1 000 €", 1000],
    ["12,50 €", 12.5],
    ["(1.234)", -1234],
  ])("%j → %d", (text, value) => {
    expect(read(comma, text)).toBe(value);
  });

  it("reports spaces used as thousand separators, and a symbol after the number", () => {
    read(comma, "1 000 €");
    expect([comma.spaced, comma.currency, comma.currencyAfter]).toEqual([true, "€", true]);
    read(comma, "1.000");
    expect(comma.spaced).toBe(false);
  });

  it.each(["1,2,3", "1.23", "3.5", "1,234.5"])("%j is not a number", (text) => {
    expect(read(comma, text)).toBeNaN();
  });
});
