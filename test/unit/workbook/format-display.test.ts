import { isErrorValue } from "../../../src/excel/values";
import { formatForDisplay, general, serialToDate } from "../../../src/workbook/format-display";

describe("formatForDisplay", () => {
  it.each([
    [1234.567, "0.00", "1234.57"],
    [1.005, "0.00", "1.01"],
    [1234567.8, "#,##0", "1,234,568"],
    [1234.5, "#,##0.00", "1,234.50"],
    [7, "000", "007"],
    [0.4, "#.##", ".4"],
    [3.14159, "0.###", "3.142"],
    [1234567, "#,##0.0,,", "1.2"],
    [0.1234, "0.0%", "12.3%"],
    [0.25, "0%", "25%"],
    [-0.5, "0.0%", "-50.0%"],
    [12345, "0.00E+00", "1.23E+04"],
    [0.000123, "0.0E+00", "1.2E-04"],
    [-5, "$#,##0.00", "-$5.00"],
    [1234.5, "[$€-407]#,##0.00", "€1,234.50"],
    [5, '0.0 "t"', "5.0 t"],
    [-5, "#,##0;(#,##0)", "(5)"],
    [2.5, "#,##0.00_);(#,##0.00)", "2.50 "],
    [-1.5, "[Red]0.00", "-1.50"],
    [0, '0.00;-0.00;"zero"', "zero"],
    [123, "@", "123"],
    [0.5, "# ?/?", "0.5"],
  ])("%p with %p is %p", (value, format, text) => {
    expect(formatForDisplay(value, format)).toBe(text);
  });

  const SUNDAY_31_DECEMBER_2023 = 45291;
  it.each([
    ["yyyy-mm-dd", "2023-12-31"],
    ["d-mmm-yy", "31-Dec-23"],
    ["mmm yyyy", "Dec 2023"],
    ["mmmm d, yyyy", "December 31, 2023"],
    ["dddd", "Sunday"],
  ])("the date 45291 with %p is %p", (format, text) => {
    expect(formatForDisplay(SUNDAY_31_DECEMBER_2023, format)).toBe(text);
  });

  it.each([
    [45291.75, "m/d/yyyy h:mm AM/PM", "12/31/2023 6:00 PM"],
    [0.5, "hh:mm", "12:00"],
    [45291.5, "hh:mm:ss", "12:00:00"],
    [-1, "yyyy-mm-dd", "-1"],
  ])("date and time %p with %p is %p", (value, format, text) => {
    expect(formatForDisplay(value, format)).toBe(text);
  });

  // The 1900 date system counts a 29 February 1900 that never was, so serial 61 is 1 March:
  // https://learn.microsoft.com/office/troubleshoot/excel/wrongly-assumes-1900-is-leap-year
  it.each([
    [1, "1900-01-01"],
    [60, "1900-02-29"],
    [61, "1900-03-01"],
  ])("serial %p is %p in the 1900 date system", (serial, text) => {
    expect(formatForDisplay(serial, "yyyy-mm-dd")).toBe(text);
  });

  it("General: at most 11 characters, scientific when long", () => {
    expect(general(0.1 + 0.2)).toBe("0.3");
    expect(general(42)).toBe("42");
    expect(general(1e12)).toBe("1E+12");
    expect(general(123456789012)).toBe("1.23457E+11");
    expect(general(0.000123)).toBe("0.000123");
    expect(general(1e-10)).toBe("1E-10");
    expect(general(2 / 3)).toBe("0.666666667"); // 11 characters, as in a default-width column
    expect(formatForDisplay(-2.5)).toBe("-2.5");
  });

  it("text, blanks, booleans and errors", () => {
    expect(formatForDisplay("abc", "0.00")).toBe("abc");
    expect(formatForDisplay("abc", '0;-0;0;"Note: "@')).toBe("Note: abc");
    expect(formatForDisplay(null, "0.00")).toBe("");
    expect(formatForDisplay(undefined)).toBe("");
    expect(formatForDisplay(true)).toBe("TRUE");
    expect(formatForDisplay({ error: "#N/A", message: "no figure" }, "0.0%")).toBe("#N/A");
    expect(isErrorValue({ error: "#N/A" })).toBe(true);
    expect(isErrorValue("#N/A")).toBe(false);
  });

  it("serialToDate rejects out-of-range serials", () => {
    expect(serialToDate(2958466)).toBeNull();
    expect(serialToDate(2958465)).toMatchObject({ y: 9999, m: 12, d: 31 });
  });
});
