/**
 * The Workbook view's promise for failures, not only cancels: an action that fails part-way
 * leaves the workbook as it was (issue 14). Failures are injected at Excel's boundary, a
 * sync (`spyWorkbook`'s failAtSync), or as a lost connection (every request after a point
 * fails), on the preview workbook computing with the real RARE functions.
 */
import { auditWorkbook } from "../../../src/travel/audit";
import { TravelCancelled } from "../../../src/travel/progress";
import { recordRefresh } from "../../../src/travel/refresh-record";
import { prepareShareCopy, restoreFormulas } from "../../../src/travel/share-copy";
import { AUDIT_SHEET, RECORD_SHEET, UNDO_SHEET } from "../../../src/travel/sheets";
import { bundled } from "../../../src/data/bundled";
import type { Workbook } from "../../../src/workbook/workbook";
import type { PreviewWorkbook } from "../../../taskpane/hosts/preview";
import { rareModel, saved } from "./support/rare-model";
import { spyWorkbook } from "../workbook/support/spy-workbook";

const VERSION = "test-version";
const cite = (k: string, key: string, f: string | number | null) => bundled.source(k, key, f);

const model = () => rareModel({ nestedCall: false });

type Batch = Parameters<Parameters<Workbook["run"]>[0]>[0];

/** The workbook whose batches have `overrides` in place of their own operations (Excel refusing some). */
function refusing(wb: PreviewWorkbook, overrides: (batch: Batch) => Partial<Batch>): Workbook {
  const bound = <T extends object>(target: T, replaced: Partial<T>) =>
    new Proxy(target, {
      get(t, key) {
        if (key in replaced) return replaced[key as keyof T];
        const value = Reflect.get(t, key) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(t) : value;
      },
    });
  return bound(
    wb as Workbook,
    {
      run: (work) => wb.run((batch) => work(bound(batch, overrides(batch)))),
    } as Partial<Workbook>,
  );
}

describe("Prepare a copy to share", () => {
  it("a failure while writing the undo data leaves the workbook as it was, with a message", async () => {
    const wb = await model();
    const before = saved(wb);
    // Sync 1 adds the undo sheet; sync 2 (its rows) fails.
    const spy = spyWorkbook(wb, { failAtSync: 2 });
    await expect(prepareShareCopy(spy, { datasetVersion: VERSION })).rejects.toThrow(/Injected failure at sync 2/);
    expect(saved(wb)).toEqual(before);
    expect(await wb.hasSheet(UNDO_SHEET)).toBe(false);
  });

  it("every freeze refused by Excel: nothing frozen, each block named, no undo data left behind", async () => {
    const wb = await model();
    const before = saved(wb);
    const locked = refusing(wb, (batch) => ({
      writeValues: (sheet, at, values) => {
        if (!sheet.startsWith(UNDO_SHEET)) throw new Error("This operation is not permitted on a locked cell.");
        batch.writeValues(sheet, at, values);
      },
    }));
    const outcome = await prepareShareCopy(locked, { datasetVersion: VERSION });
    expect(outcome.frozen).toBe(0);
    expect(outcome.notChanged).toHaveLength(6); // the block B3:B4 and the five cells of Other
    for (const line of outcome.notChanged) expect(line).toMatch(/could not be changed \(.*locked cell/);
    expect(saved(wb)).toEqual(before);
  });
});

describe("Restore RARE formulas", () => {
  it("a cancel while restoring freezes again what it had restored and keeps the undo data", async () => {
    const wb = await model();
    await prepareShareCopy(wb, { datasetVersion: VERSION });
    const prepared = saved(wb);
    const controller = new AbortController();
    await expect(
      restoreFormulas(wb, {
        signal: controller.signal,
        budgetBytes: 8_192,
        onProgress: (p) => {
          if (p.step === "Restoring RARE formulas") controller.abort();
        },
      }),
    ).rejects.toBeInstanceOf(TravelCancelled);
    expect(saved(wb)).toEqual(prepared);
    expect((await restoreFormulas(wb)).restored).toBe(7); // the undo data still works
  });

  it("a failure while removing the undo data freezes the formulas again, with a message", async () => {
    const wb = await model();
    await prepareShareCopy(wb, { datasetVersion: VERSION });
    const prepared = saved(wb);
    const refusingDelete = refusing(wb, (batch) => ({
      deleteSheet: (name) => {
        if (name === UNDO_SHEET) throw new Error("The workbook is protected.");
        batch.deleteSheet(name);
      },
    }));
    await expect(restoreFormulas(refusingDelete)).rejects.toThrow(
      /undo data could not be removed \(The workbook is protected\.\); the restored formulas were frozen again/,
    );
    expect(saved(wb)).toEqual(prepared);
  });
});

describe("Audit and the refresh record", () => {
  it("a failure while writing the first audit leaves no audit sheet", async () => {
    const wb = await model();
    const before = saved(wb);
    const spy = spyWorkbook(wb, { failAtSync: 2 });
    await expect(auditWorkbook(spy, { cite, datasetVersion: "v1" })).rejects.toThrow(/Injected failure/);
    expect(await wb.hasSheet(AUDIT_SHEET)).toBe(false);
    expect(saved(wb)).toEqual(before);
  });

  it("a failure while rewriting the record keeps the previous record", async () => {
    const wb = await model();
    await recordRefresh(wb, { version: "v1", overrides: "" });
    const recorded = saved(wb);
    const spy = spyWorkbook(wb, { failAtSync: 2 });
    await expect(recordRefresh(spy, { version: "v2", overrides: "" })).rejects.toThrow(/Injected failure/);
    expect(saved(wb)).toEqual(recorded);
    expect(await wb.hasSheet(RECORD_SHEET)).toBe(true);
  });
});
