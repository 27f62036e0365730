import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, SYNC_BUDGET_BYTES } from "../../../src/excel/limits";
import { columnLetters } from "../../../src/excel/a1";

// Figures from Microsoft's "Excel specifications and limits": 1,048,576 rows by 16,384
// columns (XFD), 32,767 characters in a cell; Office Add-ins resource limits: 5 MB a request
// on Excel on the web.
describe("Excel's limits", () => {
  it("are the published ones", () => {
    expect(EXCEL_MAX_ROWS).toBe(2 ** 20);
    expect(EXCEL_MAX_COLUMNS).toBe(2 ** 14);
    expect(columnLetters(EXCEL_MAX_COLUMNS)).toBe("XFD");
    expect(EXCEL_MAX_CELL_CHARS).toBe(2 ** 15 - 1);
  });

  it("the sync budget leaves a quarter of headroom under the 5 MB cap", () => {
    const cap = 5_000_000;
    expect(SYNC_BUDGET_BYTES).toBeLessThan(cap);
    expect(SYNC_BUDGET_BYTES * 1.25).toBeLessThanOrEqual(cap);
  });
});
