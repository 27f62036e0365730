import { dataBody, expandStructuredRefs, specifierRect, type TableRef } from "../../../src/excel/structured-refs";

const t: TableRef = {
  name: "Sales",
  sheet: "My data",
  rect: { row: 2, col: 1, rows: 4, cols: 3 }, // B3:D6, header in row 3
  hasHeaders: true,
  headers: ["Region", "Value", "Note [x]"],
};

describe("structured references (Excel's rules, Microsoft Support)", () => {
  it("a bare table name is its data rows", () => {
    expect(dataBody(t)).toEqual({ row: 3, col: 1, rows: 3, cols: 3 });
    expect(expandStructuredRefs("=ROWS(Sales)", [t])).toBe("=ROWS('My data'!$B$4:$D$6)");
  });
  it("column, #Data, #All and #Headers specifiers; column names in any case; escaped brackets", () => {
    expect(expandStructuredRefs("=SUM(Sales[Value])", [t])).toBe("=SUM('My data'!$C$4:$C$6)");
    expect(expandStructuredRefs("=SUM(sales[[value]])", [t])).toBe("=SUM('My data'!$C$4:$C$6)");
    expect(expandStructuredRefs("=ROWS(Sales[#All])", [t])).toBe("=ROWS('My data'!$B$3:$D$6)");
    expect(expandStructuredRefs("=ROWS(Sales[#Data])", [t])).toBe("=ROWS('My data'!$B$4:$D$6)");
    expect(specifierRect(t, "#Headers")).toEqual({ row: 2, col: 1, rows: 1, cols: 3 });
    expect(specifierRect(t, "Note '[x']")).toEqual({ row: 3, col: 3, rows: 3, cols: 1 });
  });
  it("leaves text, other names, functions, sheet prefixes and forms it does not expand alone", () => {
    expect(expandStructuredRefs('="Sales[Value]"&SalesX', [t])).toBe('="Sales[Value]"&SalesX');
    expect(expandStructuredRefs("=Sales!A1+SALES(1)", [t])).toBe("=Sales!A1+SALES(1)");
    expect(expandStructuredRefs("=Sales[[#This Row],[Value]]", [t])).toBe("=Sales[[#This Row],[Value]]");
    expect(expandStructuredRefs("=Sales[Missing]", [t])).toBe("=Sales[Missing]");
  });
});
