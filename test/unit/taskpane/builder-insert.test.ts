/**
 * Insert into cell (taskpane/views/builder/insert.ts) through the Workbook port, on the
 * preview host with the functions' own table as its formula engine: the formula lands in
 * the selected cell; no selection writes nothing; a cell holding anything is never
 * overwritten unasked, and a confirmed replacement is refused when the selection or the
 * cell changed since.
 */
import { bundled } from "../../../src/data/bundled";
import { engineFunctions } from "../../../src/formula/associated-functions";
import { createFfpEvaluator } from "../../../src/scenario/ffp-evaluator";
import { functionTable } from "../../../functions/table";
import type { AssociatedFunction } from "../../../functions/runtime-bridge";
import { PreviewWorkbook } from "../../../taskpane/hosts/preview";
import { insertFormula, type Occupied } from "../../../taskpane/views/builder/insert";

const associated = functionTable(() => bundled) as unknown as Record<string, AssociatedFunction>;
const preview = () =>
  new PreviewWorkbook({ sheets: ["Sheet1", "Other"], evaluator: createFfpEvaluator(engineFunctions(associated)) });
const FORMULA = '=RARE.SHARE("Neodymium")';
const cellOf = async (wb: PreviewWorkbook, sheet: string, row: number, col: number) => {
  const read = await wb.readFormulas(sheet, { row, col, rows: 1, cols: 1 });
  return { formula: read.formulas[0][0], value: read.values[0][0] };
};

it("writes the formula to the selected cell, which then shows the function's value", async () => {
  const wb = preview();
  wb.select("Other", { row: 2, col: 1 });
  const outcome = await insertFormula(wb, FORMULA);
  const share = bundled.share("Neodymium", null);
  expect(outcome).toEqual({ kind: "inserted", target: { sheet: "Other", cell: { row: 2, col: 1 } }, value: share });
  expect(await cellOf(wb, "Other", 2, 1)).toEqual({ formula: FORMULA, value: share });
});

it("writes nothing when no cell is selected", async () => {
  const wb = preview();
  const syncs = wb.syncCount;
  expect(await insertFormula(wb, FORMULA)).toEqual({ kind: "no-selection" });
  expect(wb.syncCount).toBe(syncs);
});

it.each([
  ["a value", 42],
  ["text", "my note"],
  ["a formula", "=1+1"],
])("does not overwrite a cell holding %s: it says what the cell holds", async (_, held) => {
  const wb = preview();
  await wb.writeFormulas("Sheet1", { row: 0, col: 0 }, [[String(held)]]);
  if (typeof held === "number") await wb.writeValues("Sheet1", { row: 0, col: 0 }, [[held]]);
  wb.select("Sheet1", { row: 0, col: 0 });
  const before = await cellOf(wb, "Sheet1", 0, 0);
  const outcome = await insertFormula(wb, FORMULA);
  expect(outcome).toEqual({
    kind: "occupied",
    occupied: { target: { sheet: "Sheet1", cell: { row: 0, col: 0 } }, ...before },
  });
  expect(await cellOf(wb, "Sheet1", 0, 0)).toEqual(before);
});

it("replaces it once the user confirmed, if nothing changed since", async () => {
  const wb = preview();
  await wb.writeValues("Sheet1", { row: 0, col: 0 }, [["old"]]);
  wb.select("Sheet1", { row: 0, col: 0 });
  const asked = await insertFormula(wb, FORMULA);
  if (asked.kind !== "occupied") throw new Error(asked.kind);
  expect(await insertFormula(wb, FORMULA, asked.occupied)).toMatchObject({ kind: "inserted" });
  expect((await cellOf(wb, "Sheet1", 0, 0)).formula).toBe(FORMULA);
});

it("refuses a confirmed replacement when the cell changed or another cell is selected", async () => {
  const wb = preview();
  await wb.writeValues("Sheet1", { row: 0, col: 0 }, [["old"], ["below"]]);
  wb.select("Sheet1", { row: 0, col: 0 });
  const asked = (await insertFormula(wb, FORMULA)) as { kind: "occupied"; occupied: Occupied };

  await wb.writeValues("Sheet1", { row: 0, col: 0 }, [["edited meanwhile"]]);
  expect(await insertFormula(wb, FORMULA, asked.occupied)).toMatchObject({ kind: "changed" });
  expect((await cellOf(wb, "Sheet1", 0, 0)).value).toBe("edited meanwhile");

  await wb.writeValues("Sheet1", { row: 0, col: 0 }, [["old"]]);
  wb.select("Sheet1", { row: 1, col: 0 });
  expect(await insertFormula(wb, FORMULA, asked.occupied)).toMatchObject({ kind: "changed" });
  expect((await cellOf(wb, "Sheet1", 1, 0)).value).toBe("below");
});

it("passes on the host's refusal (a protected sheet) without writing", async () => {
  const wb = preview();
  wb.protectSheet("Sheet1");
  wb.select("Sheet1", { row: 0, col: 0 });
  await expect(insertFormula(wb, FORMULA)).rejects.toThrow();
  expect(await cellOf(wb, "Sheet1", 0, 0)).toEqual({ formula: "", value: "" });
});
