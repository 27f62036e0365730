/**
 * The model workbook the Workbook view's tests act on, on the preview computing with the real
 * RARE functions. Sheet1: B1 a cut, A3:A4 elements, B3:B4 =RARE.GAP (formatted 0.0%), D3 a
 * plain formula, and with `nestedCall` C3 a RARE call inside the user's own arithmetic.
 * Other: A1 =RARE.PRODUCTION and four scattered =RARE.USE cells, one block each, so a small
 * request budget needs several freeze requests.
 */
import type { PreviewWorkbook } from "../../../../taskpane/hosts/preview";
import { rarePreview } from "../../scenario/support/rare-preview";

export async function rareModel(options: { nestedCall?: boolean } = {}): Promise<PreviewWorkbook> {
  const wb = rarePreview(["Sheet1", "Other"]);
  await wb.writeValues("Sheet1", { row: 0, col: 1 }, [[0.5]]);
  await wb.writeValues("Sheet1", { row: 2, col: 0 }, [["Neodymium"], ["Dysprosium"]]);
  await wb.writeFormulas("Sheet1", { row: 2, col: 1 }, [["=RARE.GAP(A3,$B$1)"], ["=RARE.GAP(A4,$B$1)"]]);
  if (options.nestedCall) await wb.writeFormulas("Sheet1", { row: 2, col: 2 }, [['=ROUND(RARE.SHARE("Nd")*100,0)']]);
  await wb.writeFormulas("Sheet1", { row: 2, col: 3 }, [["=B1*2"]]);
  await wb.writeFormulas("Other", { row: 0, col: 0 }, [['=RARE.PRODUCTION("China",2024)']]);
  for (const col of [2, 4, 6, 8]) await wb.writeFormulas("Other", { row: 2, col }, [['=RARE.USE("Dy")']]);
  await wb.setNumberFormat("Sheet1", { row: 2, col: 1, rows: 2, cols: 1 }, "0.0%");
  return wb;
}

/** The saved workbook, with each sheet's formulas in cell order (the map's insertion order is not content). */
export function saved(wb: PreviewWorkbook): unknown {
  const data = JSON.parse(wb.serialise()) as { sheets: Array<{ formulas: Array<[number, string]> }> };
  for (const sheet of data.sheets) sheet.formulas.sort((a, b) => a[0] - b[0]);
  return data;
}
