/**
 * Workbook overrides end to end, without a browser: an imported table is detected, applied
 * to the RARE functions through the shared-runtime bridge, stored in the workbook (so it
 * survives saving and reopening), cited by RARE.SOURCE, and cleared again; each change
 * recalculates the workbook.
 */
import { bundled } from "../../../src/data/bundled";
import { detectOverrides } from "../../../src/overrides/detect-overrides";
import { OVERRIDES_KEY } from "../../../src/overrides/store";
import { installRuntime, type RareRuntime } from "../../../functions/runtime-bridge";
import { OverridesController } from "../../../taskpane/overrides-controller";
import { PreviewWorkbook } from "../../../taskpane/hosts/preview";

function freshRuntime(): RareRuntime {
  return installRuntime(bundled, () => undefined);
}

const sharesTable = {
  headers: ["Element", "China share"],
  rows: [
    ["Neodymium", 0.5],
    ["Unobtainium", 0.3],
    ["Dysprosium", 1.5],
    ["Terbium", 0.9],
  ] as Array<[string, number]>,
};

describe("workbook overrides", () => {
  it("detects the shape, applies accepted rows, lists rejected ones, and cites the import", async () => {
    const runtime = freshRuntime();
    const workbook = new PreviewWorkbook();
    const recalcs = jest.spyOn(workbook, "recalculate");
    const controller = new OverridesController(workbook, runtime);
    await controller.load();
    expect(runtime.queries().share("Neodymium", null)).toBe(0.8);

    const detected = detectOverrides(sharesTable.headers, sharesTable.rows, "workbook import: shares.csv, 2026-11-23");
    expect(detected?.kind).toBe("shares");
    const rejected = await controller.use(detected!);

    expect(rejected.map((r) => r.row).sort()).toEqual([3, 4]); // Unobtainium, 1.5 (sheet rows; header is row 1)
    expect(rejected.find((r) => r.row === 3)!.reason).toMatch(/Unknown element/);
    expect(rejected.find((r) => r.row === 4)!.reason).toMatch(/0..1|outside/);
    expect(runtime.queries().share("Neodymium", null)).toBe(0.5);
    expect(runtime.queries().share("Terbium", null)).toBe(0.9); // a figure the sources lack, now the workbook's own
    expect(runtime.queries().share("Dysprosium", null)).toBe(0.85); // rejected row: bundled figure stays
    expect(runtime.queries().source("share", "Neodymium", null)).toMatch(/workbook import: shares\.csv, 2026-11-23/);
    expect(recalcs).toHaveBeenCalledWith(true);
    expect(await workbook.getAddinData(OVERRIDES_KEY)).toContain("shares.csv");
  });

  it("travels with the workbook: reopening applies the stored overrides", async () => {
    const workbook = new PreviewWorkbook();
    await new OverridesController(workbook, freshRuntime()).use(
      detectOverrides(sharesTable.headers, sharesTable.rows, "workbook import: shares.csv, 2026-11-23")!,
    );
    const reopened = PreviewWorkbook.deserialise(workbook.serialise(), {});
    const runtime = freshRuntime();
    expect(runtime.queries().share("Neodymium", null)).toBe(0.8);
    await new OverridesController(reopened, runtime).load();
    expect(runtime.queries().share("Neodymium", null)).toBe(0.5);
  });

  it("Clear overrides restores the bundled data and recalculates", async () => {
    const workbook = new PreviewWorkbook();
    const runtime = freshRuntime();
    const controller = new OverridesController(workbook, runtime);
    await controller.use(
      detectOverrides(sharesTable.headers, sharesTable.rows, "workbook import: shares.csv, 2026-11-23")!,
    );
    const recalcs = jest.spyOn(workbook, "recalculate");
    await controller.clear();
    expect(runtime.queries().share("Neodymium", null)).toBe(0.8);
    expect(runtime.queries().source("share", "Neodymium", null)).not.toMatch(/workbook import/);
    expect(recalcs).toHaveBeenCalledWith(true);
    expect(controller.current.stored.layers).toEqual([]);
  });

  it("production and price tables are recognised; unknown shapes are not", () => {
    expect(detectOverrides(["Country", "Year", "Mine production (t)"], [["China", 2024, 1]], "x")?.kind).toBe(
      "production",
    );
    expect(detectOverrides(["Oxide", "Year", "Price (USD/kg)"], [["Nd2O3", 2024, 60]], "x")?.kind).toBe("prices");
    expect(detectOverrides(["Supplier", "Tonnes"], [["A", 1]], "x")).toBeNull();
  });

  it("a table with no usable row changes nothing", async () => {
    const workbook = new PreviewWorkbook();
    const runtime = freshRuntime();
    const controller = new OverridesController(workbook, runtime);
    const rejected = await controller.use(
      detectOverrides(["Element", "Share"], [["Unobtainium", 0.2]], "workbook import: bad.csv, 2026-11-23")!,
    );
    expect(rejected).toHaveLength(1);
    expect(controller.current.stored.layers).toEqual([]);
    expect(await workbook.getAddinData(OVERRIDES_KEY)).toBeNull();
  });

  it("unreadable stored overrides fall back to the bundled data, saying so", async () => {
    const workbook = new PreviewWorkbook();
    await workbook.setAddinData(OVERRIDES_KEY, "{not json");
    const runtime = freshRuntime();
    const state = await new OverridesController(workbook, runtime).load();
    expect(state.notices.join(" ")).toMatch(/not valid JSON/);
    expect(runtime.queries().share("Neodymium", null)).toBe(0.8);
  });
});
