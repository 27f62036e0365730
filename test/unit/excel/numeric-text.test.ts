import { NUMERIC_TEXT, PERCENT_TEXT } from "../../../src/excel/numeric-text";
import { number } from "../../../functions/coerce";
import { coerceYear } from "../../../src/data/years";
import { typedEntry } from "../../../taskpane/hosts/preview-sheet";

describe("text Excel reads as a number", () => {
  it.each(["2024", " 2024 ", "-1.5", "+.5", "1.", "1e3", "1E-3", "\t7\t"])("%j is numeric", (text) => {
    expect(NUMERIC_TEXT.test(text)).toBe(true);
  });

  it.each(["", "1,000", "$5", "1.2.3", "e3", "1e", "12 34", "0x1F", "Infinity", "1%"])("%j is not", (text) => {
    expect(NUMERIC_TEXT.test(text)).toBe(false);
  });

  it("reads a percent sign after the number, spaces allowed", () => {
    expect(PERCENT_TEXT.exec(" 12.5 % ")?.[1]).toBe("12.5");
    expect(PERCENT_TEXT.test("%12")).toBe(false);
  });

  it("is the one rule for function arguments, years and the preview's typed entries", () => {
    for (const text of ["2024", " 2024 ", "2.024e3"]) {
      expect(number(text, "x")).toBe(2024);
      expect(coerceYear(text)).toBe(2024);
      expect(typedEntry(text)).toEqual({ value: 2024 });
    }
    expect(number("80%", "x")).toBe(0.8);
    expect(() => coerceYear("1,000")).toThrow(/whole year/);
    expect(typedEntry("1,000")).toEqual({ value: "1,000" });
  });
});
