/**
 * Prepare a copy to share / Restore RARE formulas on the preview workbook computing with the
 * real RARE functions: values frozen, formulas back, edits kept, protected sheets named,
 * cancels and failures leaving the workbook as it was.
 */
import { prepareShareCopy, restoreFormulas } from "../../../src/travel/share-copy";
import { TravelCancelled } from "../../../src/travel/progress";
import { UNDO_SHEET } from "../../../src/travel/sheets";
import type { PreviewWorkbook } from "../../../taskpane/hosts/preview";
import { rareModel, saved } from "./support/rare-model";
import { spyWorkbook } from "../workbook/support/spy-workbook";
import { articleElement } from "../../support/seed-facts";

const seedShare = (element: string): number => articleElement(element).share;

const VERSION = "test-version";

const model = () => rareModel({ nestedCall: true });

const cell = (wb: PreviewWorkbook, sheet: string, a1: string) => wb.readRange(sheet, a1).then((r) => r);

it("freezes every RARE formula cell to its value, keeps formats and the undo data, and restores", async () => {
  const wb = await model();
  const nd = seedShare("Neodymium");
  const outcome = await prepareShareCopy(wb, { datasetVersion: VERSION, now: new Date("2026-12-01T00:00:00Z") });
  expect(outcome.frozen).toBe(8);
  expect(outcome.bySheet).toEqual([
    { sheet: "Sheet1", cells: 3 },
    { sheet: "Other", cells: 5 },
  ]);
  expect((await cell(wb, "Other", "C3")).formulas[0][0]).toBe(articleElement("Dysprosium").use);
  expect(outcome.notChanged).toEqual([]);
  const b3 = await cell(wb, "Sheet1", "B3:D3");
  expect(b3.formulas[0]).toEqual([nd * 0.5, Math.round(nd * 100), "=B1*2"]);
  expect(b3.numberFormats[0][0]).toBe("0.0%");
  await wb.writeValues("Sheet1", { row: 0, col: 1 }, [[0.9]]);
  expect((await cell(wb, "Sheet1", "B3")).values[0][0]).toBe(nd * 0.5);
  const undo = (await wb.listSheetInfo()).find((s) => s.name === UNDO_SHEET);
  expect(undo?.visibility).toBe("veryHidden");
  await expect(wb.deleteSheet(UNDO_SHEET)).rejects.toThrow(/very hidden/); // as Excel refuses to
  await expect(prepareShareCopy(wb, { datasetVersion: VERSION })).rejects.toThrow(/already a copy prepared to share/);

  await wb.writeValues("Sheet1", { row: 3, col: 1 }, [[0.123]]); // the user edits B4
  const restored = await restoreFormulas(wb);
  expect(restored.restored).toBe(7);
  expect(restored.edited).toEqual([
    expect.stringMatching(/^Sheet1!B4: now 0\.123, was .* \(frozen from =RARE\.GAP\(A4,\$B\$1\)\)\. Kept\.$/),
  ]);
  expect(restored.undoRemoved).toBe(true);
  const after = await cell(wb, "Sheet1", "B3:B4");
  expect(after.formulas.map((r) => r[0])).toEqual(["=RARE.GAP(A3,$B$1)", 0.123]);
  expect(after.values[0][0]).toBeCloseTo(nd * 0.9, 12);
  expect((await cell(wb, "Other", "A1")).formulas[0][0]).toBe('=RARE.PRODUCTION("China",2024)');
  expect(await wb.hasSheet(UNDO_SHEET)).toBe(false);
  await expect(restoreFormulas(wb)).rejects.toThrow(/nothing to restore/);
});

it("names a hidden sheet the user protected and leaves its formulas live", async () => {
  const wb = await model();
  await wb.run(async (b) => b.setSheetVisibility("Other", "hidden"));
  wb.protectSheet("Other");
  const outcome = await prepareShareCopy(wb, { datasetVersion: VERSION });
  expect(outcome.frozen).toBe(3);
  expect(outcome.notChanged).toEqual([
    expect.stringMatching(/^Other \(hidden, protected\): the sheet is protected, so its 5 RARE formulas stay live/),
  ]);
  expect((await cell(wb, "Other", "A1")).formulas[0][0]).toBe('=RARE.PRODUCTION("China",2024)');
});

it("reports a formula it cannot read and leaves it alone", async () => {
  const wb = await model();
  await wb.writeFormulas("Other", { row: 1, col: 0 }, [['=RARE.SHARE("Nd"']]);
  const outcome = await prepareShareCopy(wb, { datasetVersion: VERSION });
  expect(outcome.notChanged).toEqual([
    'Other!A2: RARE cannot read this formula: the "(" at character 12 is never closed. Left as it is.',
  ]);
  expect((await cell(wb, "Other", "A2")).formulas[0][0]).toBe('=RARE.SHARE("Nd"');
});

it("a cancel while freezing puts every formula back and removes the undo data", async () => {
  const wb = await model();
  const before = saved(wb);
  const controller = new AbortController();
  const steps: string[] = [];
  // The smallest budget: a few blocks per request; cancel once the first frozen ones are in.
  await expect(
    prepareShareCopy(wb, {
      datasetVersion: VERSION,
      signal: controller.signal,
      budgetBytes: 8_192,
      onProgress: (p) => {
        steps.push(`${p.step} ${p.done}/${p.total}`);
        if (p.step === "Freezing RARE formulas") controller.abort();
      },
    }),
  ).rejects.toBeInstanceOf(TravelCancelled);
  expect(steps[steps.length - 1]).toMatch(/^Freezing RARE formulas [1-7]\/8$/); // cancelled part-way
  expect(saved(wb)).toEqual(before);
});

it("a sheet deleted between the scan and the write is named; the rest is frozen", async () => {
  const wb = await model();
  const spy = spyWorkbook(wb, {
    afterSync: () => {
      if (wb.sheetNames().includes(UNDO_SHEET) && wb.sheetNames().includes("Other")) wb.opDeleteSheet("Other");
    },
  });
  const outcome = await prepareShareCopy(spy, { datasetVersion: VERSION });
  expect(outcome.frozen).toBe(3);
  expect(outcome.notChanged).toEqual(
    ["A1", "C3", "E3", "G3", "I3"].map((a) => `Other!${a}: could not be changed (There is no sheet named "Other".).`),
  );
  const restored = await restoreFormulas(wb);
  expect(restored.restored).toBe(3);
  expect(restored.notRestored).toEqual([
    "Other: the sheet no longer exists, so its 5 frozen cells cannot be restored.",
  ]);
  expect(restored.undoRemoved).toBe(false);
});
