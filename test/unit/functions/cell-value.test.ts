/**
 * Rich cell values as Excel passes them to a function whose metadata sets
 * allowCustomDataForDataTypeAny, in the shapes @types/office-js documents (Excel.CellValue):
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts
 */
import { readCell } from "../../../functions/cell-value";
import { PreviewError } from "../../../functions/excel-error";
import { caughtRareError } from "../../support/rare-error";

const entity: Excel.EntityCellValue = { type: "Entity", text: "China", properties: {} };
const linked: Excel.LinkedEntityCellValue = {
  type: "LinkedEntity",
  text: "China",
  id: { entityId: "c1", domainId: "Geography", serviceId: 268, culture: "en-US" },
};
const formatted: Excel.FormattedNumberCellValue = { type: "FormattedNumber", basicValue: 2024, numberFormat: "0" };
const double: Excel.DoubleCellValue = { type: "Double", basicValue: 0.5 };
const str: Excel.StringCellValue = { type: "String", basicValue: "Neodymium" };
const bool: Excel.BooleanCellValue = { type: "Boolean", basicValue: true };
const empty: Excel.EmptyCellValue = { type: "Empty", basicValue: "" };
const image: Excel.WebImageCellValue = { type: "WebImage", address: "https://example.com/a.png" };
const array: Excel.ArrayCellValue = { type: "Array", elements: [[str]] };
const error: Excel.NotAvailableErrorCellValue = { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" };

describe("readCell", () => {
  it("reads entities and linked entities by their text", () => {
    expect(readCell(entity, "country")).toBe("China");
    expect(readCell(linked, "country")).toBe("China");
  });
  it("reads formatted numbers, doubles, strings and logicals by their basic value", () => {
    expect(readCell(formatted, "year")).toBe(2024);
    expect(readCell(double, "cut")).toBe(0.5);
    expect(readCell(str, "element")).toBe("Neodymium");
    expect(readCell(bool, "element")).toBe(true);
  });
  it("reads an empty value as an empty cell", () => {
    expect(readCell(empty, "element")).toBeNull();
  });
  it("hands an error value back as that error", () => {
    const e = readCell(error, "element") as PreviewError;
    expect(e).toBeInstanceOf(PreviewError);
    expect(e.code).toBe("#N/A");
  });
  it.each([
    [image, /element must be text or a number, not an image/],
    [array, /element must be text or a number, not an array/],
    [{ type: "Entity", properties: {} } as Excel.EntityCellValue, /element is a data type with no text/],
    [{ type: "Something new" }, /element must be text or a number, not a value of another type/],
  ])("refuses %j with #VALUE! naming the argument", (value, message) => {
    const e = caughtRareError(() => readCell(value, "element"));
    expect(e.code).toBe("invalidValue");
    expect(e.message).toMatch(message);
  });
  it("passes plain values through", () => {
    expect([readCell("x", "a"), readCell(3, "a"), readCell(false, "a"), readCell(null, "a")]).toEqual([
      "x",
      3,
      false,
      null,
    ]);
  });
});
