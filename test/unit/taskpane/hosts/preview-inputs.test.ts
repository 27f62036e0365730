/**
 * Inputs as Excel takes them, in the preview with the real RARE functions: automatic percent
 * entry in percent-formatted cells (Microsoft Support, "Format numbers as percentages":
 * typing 10 or 0.1 both give 10.00 %), a blank referenced cell (0 in arithmetic, "blank" to a
 * RARE function), and a number too large for a double (kept as the text typed, so the cell
 * never shows "Infinity" and the RARE function refuses it with a message).
 */
import { formatForDisplay } from "../../../../src/workbook/format-display";
import { percentEntry } from "../../../../taskpane/hosts/preview";
import { rarePreview } from "../../scenario/support/rare-preview";

async function sheetWithCut(format = "0.0%") {
  const wb = rarePreview();
  await wb.run(async (batch) => {
    batch.setNumberFormats("Sheet1", { row: 0, col: 1 }, [[format]]);
    batch.writeValues("Sheet1", { row: 0, col: 0 }, [["Neodymium"]]);
    batch.writeFormulas("Sheet1", { row: 1, col: 0 }, [["=RARE.GAP(A1,B1)", "=C1+1", "=RARE.GAP(A1,C1)"]]);
  });
  return wb;
}

describe("preview inputs", () => {
  it.each([
    ["80", 0.8],
    ["0.8", 0.8],
    ["80%", 0.8],
    ["30", 0.3],
    ["1", 0.01],
    ["0", 0],
  ])("typing %s into a percent cell stores %p", async (typed, stored) => {
    const wb = await sheetWithCut();
    expect(wb.editCell("Sheet1", 0, 1, typed)).toBeCloseTo(stored, 12);
    // gap = 0.8 × cut: 80 no longer gives 8000 % and #NUM!
    expect(wb.sheet("Sheet1").value(1, 0)).toBeCloseTo(0.8 * stored, 12);
  });

  it("leaves numbers in General cells as typed (80 is 80, and the function explains)", async () => {
    const wb = await sheetWithCut("General");
    expect(wb.editCell("Sheet1", 0, 1, "80")).toBe(80);
    expect(wb.sheet("Sheet1").value(1, 0)).toMatchObject({ error: "#NUM!", message: expect.stringMatching(/80%/) });
    expect(percentEntry(80, "80", '0.0" %"')).toBe(80); // a % inside quotes is literal text, not a percent format
  });

  it("a blank referenced cell is 0 in arithmetic and #VALUE! '… is blank' in a RARE function", async () => {
    const wb = await sheetWithCut();
    expect(wb.sheet("Sheet1").value(1, 1)).toBe(1);
    expect(wb.sheet("Sheet1").value(1, 2)).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/blank/) });
  });

  it("refuses a number beyond a double with a message, never showing Infinity", async () => {
    const wb = await sheetWithCut();
    expect(wb.editCell("Sheet1", 0, 1, "1e400")).toBe("1e400");
    const gap = wb.sheet("Sheet1").value(1, 0);
    expect(gap).toMatchObject({ error: "#NUM!", message: "Cut must be a finite number, got Infinity." });
    expect(formatForDisplay(wb.sheet("Sheet1").value(0, 1), "0.0%")).not.toMatch(/Infinity/);
  });
});
