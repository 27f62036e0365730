/**
 * Spilled results and text Excel would retype. A spill is modelled two ways: a host answering
 * spillRects as Excel does over values written next to the anchor (the shape Excel reports),
 * and the preview itself, which spills dynamic arrays as Excel 365 does. A text result Excel
 * would retype when written back (a printed range "5-10" would become a date) stays text.
 */
import { engineFunctions } from "../../../src/formula/associated-functions";
import { createFfpEvaluator } from "../../../src/scenario/ffp-evaluator";
import { AUDIT_HEADERS, auditWorkbook } from "../../../src/travel/audit";
import { prepareShareCopy, restoreFormulas, wouldRetype } from "../../../src/travel/share-copy";
import { readUndoData } from "../../../src/travel/undo-data";
import { AUDIT_SHEET } from "../../../src/travel/sheets";
import type { Workbook } from "../../../src/workbook/workbook";
import { PreviewWorkbook } from "../../../taskpane/hosts/preview";
import { associated } from "../scenario/support/rare-preview";

const LIST = ["share", "risk", "strategy"];

/** A preview whose RARE.LIST spills as Excel's would: three cells down from the anchor B2. */
async function spilling(): Promise<{ wb: PreviewWorkbook; host: Workbook }> {
  const wb = new PreviewWorkbook({ evaluator: createFfpEvaluator(engineFunctions(associated)) });
  // The preview would show only the first of the list at B2: keep what Excel shows instead.
  wb.recalculateNow = () => ({ passes: 0, stable: true });
  await wb.writeFormulas("Sheet1", { row: 1, col: 1 }, [['=RARE.LIST("kinds")']]);
  wb.sheet("Sheet1").setResult(1, 1, LIST[0]); // the anchor shows the first value
  await wb.writeValues("Sheet1", { row: 2, col: 1 }, [[LIST[1]], [LIST[2]]]); // what the spill shows below
  const spill = { row: 1, col: 1, rows: 3, cols: 1 };
  const host = new Proxy(wb, {
    get(target, prop) {
      if (prop === "spillRects")
        return async (_sheet: string, cells: { row: number; col: number }[]) =>
          cells.map((c) => (c.row === 1 && c.col === 1 ? spill : null));
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as Workbook;
  return { wb, host };
}

it("freezes a spill as the block it shows and restores the anchor, clearing the block", async () => {
  const { wb, host } = await spilling();
  const outcome = await prepareShareCopy(host, { datasetVersion: "v" });
  expect(outcome.frozen).toBe(1);
  expect((await wb.readRange("Sheet1", "B2:B4")).formulas.map((r) => r[0])).toEqual(LIST);
  const undo = await readUndoData(wb);
  expect(undo?.cells.map((c) => [c.row, c.formula, c.value, c.anchor ?? "", c.spill ?? ""])).toEqual([
    [1, '=RARE.LIST("kinds")', "share", "", "B2:B4"],
    [2, "", "risk", "B2", ""],
    [3, "", "strategy", "B2", ""],
  ]);
  await restoreFormulas(host);
  expect((await wb.readRange("Sheet1", "B2:B4")).formulas.map((r) => r[0])).toEqual(['=RARE.LIST("kinds")', "", ""]);
});

it("restores no part of a spill one of whose cells was edited, and names the cell", async () => {
  const { wb, host } = await spilling();
  await prepareShareCopy(host, { datasetVersion: "v" });
  await wb.writeValues("Sheet1", { row: 3, col: 1 }, [["mine"]]);
  const outcome = await restoreFormulas(host);
  expect(outcome.restored).toBe(0);
  expect(outcome.edited).toEqual(['Sheet1!B4: now "mine", was "strategy" (shown by the spill of B2). Kept.']);
  expect((await wb.readRange("Sheet1", "B2:B4")).formulas.map((r) => r[0])).toEqual(["share", "risk", "mine"]);
});

it("in the preview's own spill: freezes the block, restores the formula, and the result spills again", async () => {
  const wb = new PreviewWorkbook({ evaluator: createFfpEvaluator(engineFunctions(associated)) });
  await wb.writeFormulas("Sheet1", { row: 1, col: 1 }, [['=RARE.LIST("kinds")']]);
  const spill = (await wb.spillRects("Sheet1", [{ row: 1, col: 1 }]))[0]!;
  expect(spill).toMatchObject({ row: 1, col: 1, cols: 1 });
  expect(spill.rows).toBeGreaterThan(2);
  const shown = (await wb.readRange("Sheet1", spill)).values.map((r) => r[0]);
  expect(shown.every((v) => typeof v === "string" && v !== "")).toBe(true);
  const outcome = await prepareShareCopy(wb, { datasetVersion: "v" });
  expect(outcome.frozen).toBe(1);
  const frozen = await wb.readRange("Sheet1", spill);
  expect(frozen.formulas.map((r) => r[0])).toEqual(shown); // values only, the block as it showed
  expect(await wb.spillRects("Sheet1", [{ row: 1, col: 1 }])).toEqual([null]);
  await restoreFormulas(wb);
  expect((await wb.readRange("Sheet1", "B2")).formulas[0][0]).toBe('=RARE.LIST("kinds")');
  expect(await wb.spillRects("Sheet1", [{ row: 1, col: 1 }])).toEqual([spill]);
  expect((await wb.readRange("Sheet1", spill)).values.map((r) => r[0])).toEqual(shown);
});

it("gives the audit one row for the spill's anchor, with the spill size", async () => {
  const { wb, host } = await spilling();
  await auditWorkbook(host, { cite: () => "", datasetVersion: "v" });
  const { values } = await wb.readRange(AUDIT_SHEET, (await wb.usedRect(AUDIT_SHEET))!);
  expect(values.length).toBe(2);
  expect(values[1][AUDIT_HEADERS.indexOf("Spill")]).toBe("3 × 1");
  expect(values[1][AUDIT_HEADERS.indexOf("Citation")]).toBe("RARE's list of valid names: no external figure.");
});

it("keeps a text result Excel would retype as text, and puts its format back on restore", async () => {
  const printedRange = () => [["5-10"]];
  const wb = new PreviewWorkbook({
    evaluator: createFfpEvaluator(engineFunctions({ ...associated, USE: printedRange })),
  });
  await wb.setNumberFormat("Sheet1", { row: 0, col: 0, rows: 1, cols: 1 }, "0.0");
  await wb.writeFormulas("Sheet1", { row: 0, col: 0 }, [['=RARE.USE("Dy")']]);
  expect(wouldRetype("5-10")).toBe(true);
  expect(wouldRetype("High-temperature magnets")).toBe(false);
  await prepareShareCopy(wb, { datasetVersion: "v" });
  const frozen = await wb.readRange("Sheet1", "A1");
  expect([frozen.formulas[0][0], frozen.numberFormats[0][0]]).toEqual(["5-10", "@"]);
  await restoreFormulas(wb);
  const back = await wb.readRange("Sheet1", "A1");
  expect([back.formulas[0][0], back.values[0][0], back.numberFormats[0][0]]).toEqual([
    '=RARE.USE("Dy")',
    "5-10",
    "0.0",
  ]);
});
