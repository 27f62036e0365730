/**
 * Issue 15 item 8: overrides from any table, linked to it. Use for RARE functions reads a
 * table already in the workbook; an edit of the table is followed on Refresh data (and on the
 * table's change event) with the same checks; each layer can be removed; the mixed share
 * column (0.5 and 95%) is accepted as an override.
 */
import { bundled } from "../../../src/data/bundled";
import { analyse, importCsvSync, isRefusal, toImportData } from "../../../src/csv";
import { detectOverrides } from "../../../src/overrides/detect-overrides";
import { OVERRIDES_KEY } from "../../../src/overrides/store";
import { readStoredOverrides } from "../../../src/overrides/validate-stored";
import { installRuntime } from "../../../functions/runtime-bridge";
import { OverridesController } from "../../../taskpane/overrides-controller";
import { PreviewWorkbook } from "../../../taskpane/hosts/preview";

async function setUp() {
  const runtime = installRuntime(bundled, () => undefined);
  const wb = new PreviewWorkbook();
  // A table the user made by hand, not at A1: header in row 3.
  await wb.writeValues("Sheet1", { row: 2, col: 1 }, [
    ["Element", "Share"],
    ["Neodymium", 0.5],
    ["Dysprosium", 0.7],
  ]);
  await wb.addTable("Sheet1", { row: 2, col: 1, rows: 3, cols: 2 }, { hasHeaders: true, name: "MyShares" });
  const controller = new OverridesController(wb, runtime);
  await controller.load();
  return { runtime, wb, controller };
}

describe("overrides from a workbook table", () => {
  it("detects the table's shape and links the layer to it", async () => {
    const { runtime, controller, wb } = await setUp();
    const detected = await controller.detectTable("myshares", "workbook table MyShares");
    expect(detected?.kind).toBe("shares");
    expect(await controller.use(detected!, "MyShares")).toEqual([]);
    expect(runtime.queries().share("Neodymium", null)).toBe(0.5);
    const stored = readStoredOverrides(await wb.getAddinData(OVERRIDES_KEY), OVERRIDES_KEY);
    expect(stored.notices).toEqual([]);
    expect(stored.stored.layers[0].table).toBe("MyShares");
  });

  it("follows an edit of the table on Refresh data, with the same checks and sheet row numbers", async () => {
    const { runtime, controller, wb } = await setUp();
    await controller.use((await controller.detectTable("MyShares", "t"))!, "MyShares");
    wb.editCell("Sheet1", 3, 2, "0.6");
    expect(runtime.queries().share("Neodymium", null)).toBe(0.5); // not before Refresh
    expect(await controller.refreshFromTables()).toEqual([
      { table: "MyShares", kind: "shares", used: 2, rejected: [] },
    ]);
    expect(runtime.queries().share("Neodymium", null)).toBe(0.6);

    wb.editCell("Sheet1", 4, 2, "1.5"); // out of range: that row is rejected, the other kept
    const [report] = await controller.refreshFromTables();
    expect(report.used).toBe(1);
    expect(report.rejected.map((r) => r.row)).toEqual([5]);
    expect(runtime.queries().share("Dysprosium", null)).toBe(0.85); // bundled again for the rejected row
  });

  it("keeps the figures it had when the table is gone or every row is bad, and says so", async () => {
    const { runtime, controller, wb } = await setUp();
    await controller.use((await controller.detectTable("MyShares", "t"))!, "MyShares");
    wb.editCell("Sheet1", 3, 2, "2");
    wb.editCell("Sheet1", 4, 2, "3");
    const [bad] = await controller.refreshFromTables();
    expect(bad.problem).toMatch(/No row of table "MyShares" can be used now; the override keeps/);
    expect(runtime.queries().share("Neodymium", null)).toBe(0.5);
    await wb.deleteTable("MyShares");
    const [gone] = await controller.refreshFromTables();
    expect(gone.problem).toMatch(/Table "MyShares" is gone or no longer looks like China's share by element/);
    expect(runtime.queries().share("Neodymium", null)).toBe(0.5);
  });

  it("re-reads the linked table by itself when the table changes", async () => {
    const { runtime, controller, wb } = await setUp();
    await controller.use((await controller.detectTable("MyShares", "t"))!, "MyShares");
    const reports = new Promise((resolve) => void controller.followTables(resolve));
    wb.editCell("Sheet1", 3, 2, "0.4");
    await reports;
    expect(runtime.queries().share("Neodymium", null)).toBe(0.4);
  });

  it("removes one layer and leaves the others in force", async () => {
    const { runtime, controller } = await setUp();
    await controller.use((await controller.detectTable("MyShares", "t"))!, "MyShares");
    const production = detectOverrides(["Country", "Year", "Production"], [["China", 2024, 1]], "p");
    await controller.use(production!);
    await controller.remove("shares");
    expect(runtime.queries().share("Neodymium", null)).toBe(0.8);
    expect(controller.current.stored.layers.map((l) => l.kind)).toEqual(["production"]);
  });

  it("the mixed share column (0.5 and 95%) imports as fractions and is accepted as an override", async () => {
    const runtime = installRuntime(bundled, () => undefined);
    const controller = new OverridesController(new PreviewWorkbook(), runtime);
    await controller.load();
    const text = "Element,China share\nNeodymium,0.5\nDysprosium,95%\n";
    const a = analyse(text);
    if (isRefusal(a)) throw new Error(a.message);
    const r = importCsvSync(text, { columns: a.columns });
    if (isRefusal(r)) throw new Error(r.message);
    const data = toImportData(r);
    expect(data.rows.map((row) => row[1])).toEqual([0.5, 0.95]);
    expect(await controller.use(detectOverrides(data.headers, data.rows, "mixed.csv")!)).toEqual([]);
    expect(runtime.queries().share("Dysprosium", null)).toBe(0.95);
  });

  it("a stored layer's table link is checked when read back: a bad one leaves the layer out with a notice", () => {
    const layer = { kind: "shares", source: "s", overrides: { source: "s", shares: [{ element: "Nd", share: 0.5 }] } };
    const text = (table: unknown) =>
      JSON.stringify({ format: "rare-overrides", version: 1, layers: [{ ...layer, table }] });
    expect(readStoredOverrides(text("MyShares"), OVERRIDES_KEY).stored.layers[0].table).toBe("MyShares");
    const bad = readStoredOverrides(text(5), OVERRIDES_KEY);
    expect(bad.stored.layers).toEqual([]);
    expect(bad.notices).toEqual([
      "A stored override layer was ignored: layers[0].table is a number, not a table name.",
    ]);
  });
});
