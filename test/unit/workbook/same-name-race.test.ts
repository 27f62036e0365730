/**
 * Two writers creating the same sheet name at the same moment (an import and a scenario, or
 * two imports): both pass their "is the name free?" check, then one add wins. The later
 * writer must fail clearly and undo only what it made: the winner's sheet, its table and its
 * defined names stay whole, and no name is left pointing at #REF!.
 */
import { writeScenarioSheet } from "../../../src/scenario/writer";
import { buildScenarioSheet } from "../../../src/scenario/scenario-layout";
import { ImportError, writeImport } from "../../../src/workbook/import-writer";
import type { ImportData } from "../../../src/workbook/write-plan";
import { rarePreview } from "../scenario/support/rare-preview";
import { exportQuotasInput } from "../scenario/support/scenario-input";
import { SHARES_IMPORT } from "./support/import-data";

const plan = buildScenarioSheet(exportQuotasInput);
const SHEET = exportQuotasInput.sheetName;

describe("the same sheet name taken by two writers at once", () => {
  it("import vs scenario: the scenario's sheet and names stay right; the import fails clearly, deleting nothing", async () => {
    const wb = rarePreview(["Sheet1"]);
    await wb.writeValues("Sheet1", { row: 0, col: 0 }, [["keep me"]]);
    const [scenario, imported] = await Promise.allSettled([
      writeScenarioSheet(wb, plan, { mode: "create" }),
      writeImport(wb, SHARES_IMPORT, { sheetName: SHEET }),
    ]);
    const outcomes = [scenario.status, imported.status].sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    const loser = (scenario.status === "rejected" ? scenario : imported) as PromiseRejectedResult;
    expect(String(loser.reason.message)).toMatch(/was created while .* starting.*Nothing was written/);

    expect(await wb.listSheets()).toEqual(["Sheet1", SHEET]);
    expect(wb.sheet("Sheet1").value(0, 0)).toBe("keep me");
    const names = await wb.listNames();
    expect(names.filter((n) => n.broken)).toEqual([]);
    if (scenario.status === "fulfilled") {
      expect(loser.reason).toBeInstanceOf(ImportError);
      expect(names.map((n) => n.name).sort()).toEqual(plan.namedRanges.map((n) => n.name).sort());
      expect(wb.tablesOn(SHEET).map((t) => t.name)).toEqual([plan.table.name]);
      expect(wb.sheet(SHEET).value(0, 0)).toBe(plan.cells.find((c) => c.row === 1 && c.col === 1)?.value);
    } else {
      expect(wb.sheet(SHEET).value(1, 0)).toBe("Neodymium");
      expect(names).toEqual([]);
    }
  });

  it("the other order: the import wins, the scenario fails clearly, the import's sheet stays", async () => {
    const wb = rarePreview(["Sheet1"]);
    const [imported, scenario] = await Promise.allSettled([
      writeImport(wb, SHARES_IMPORT, { sheetName: SHEET }),
      writeScenarioSheet(wb, plan, { mode: "create" }),
    ]);
    expect([imported.status, scenario.status].sort()).toEqual(["fulfilled", "rejected"]);
    const loser = (scenario.status === "rejected" ? scenario : imported) as PromiseRejectedResult;
    expect(String(loser.reason.message)).toMatch(/was created while .* starting.*Nothing was written/);
    expect(await wb.listSheets()).toEqual(["Sheet1", SHEET]);
    expect((await wb.listNames()).filter((n) => n.broken)).toEqual([]);
    expect(wb.tablesOn(SHEET)).toHaveLength(1);
  });

  it("two imports: one sheet with the first file's rows, one clear failure", async () => {
    const wb = rarePreview(["Sheet1"]);
    const other: ImportData = { ...SHARES_IMPORT, rows: [["Terbium", 0.1]] };
    const results = await Promise.allSettled([
      writeImport(wb, SHARES_IMPORT, { sheetName: "Import" }),
      writeImport(wb, other, { sheetName: "import" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const winner = results.findIndex((r) => r.status === "fulfilled");
    const loser = results[1 - winner] as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: "importFailed", restored: true });
    expect(loser.reason.message).toMatch(/a sheet of that name was created while the import was starting/);
    expect(await wb.listSheets()).toHaveLength(2);
    const sheet = (await wb.listSheets())[1];
    expect(wb.sheet(sheet).value(1, 0)).toBe((winner === 0 ? SHARES_IMPORT : other).rows[0][0]);
  });
});
