import { COL, buildScenarioSheet, type ScenarioSheetInput } from "../../../src/scenario/scenario-layout";
import type { SheetPlan } from "../../../src/scenario/plan";
import { updateScenarioSheet } from "../../../src/scenario/keep-exposures";
import { cellAt, planToGrid } from "./support/plan-grid";
import { exportQuotasInput } from "./support/scenario-input";

/** Export Quotas with its first strategy only, so adding one moves the table down a row. */
const input: ScenarioSheetInput = { ...exportQuotasInput, strategies: exportQuotasInput.strategies.slice(0, 1) };

/** The sheet as the user left it: the old plan written, then exposures typed in. */
function sheetWithExposures(plan: SheetPlan, exposures: Record<string, string | number>) {
  const grid = planToGrid(plan);
  const { row, rows, col } = plan.exposureRange;
  for (let r = row; r < row + rows; r++) {
    const element = grid[r - 1][COL.element - 1] as string;
    if (element in exposures) grid[r - 1][col - 1] = exposures[element];
  }
  return grid;
}

function exposureOf(plan: SheetPlan, element: string) {
  const { row, rows } = plan.exposureRange;
  for (let r = row; r < row + rows; r++) {
    if (cellAt(plan, r, COL.element)?.value === element) return cellAt(plan, r, COL.exposure);
  }
  throw new Error(`${element} not in plan`);
}

describe("updateScenarioSheet", () => {
  const old = buildScenarioSheet(input);
  const existing = sheetWithExposures(old, { Neodymium: 100, Lanthanum: 2.5 });

  it("keeps exposures by element when the same scenario runs again", () => {
    const { plan, recognised, kept, dropped } = updateScenarioSheet(existing, buildScenarioSheet(input));
    expect(recognised).toBe(true);
    expect(exposureOf(plan, "Neodymium")?.value).toBe(100);
    expect(exposureOf(plan, "Dysprosium")?.value).toBeUndefined();
    expect(exposureOf(plan, "Lanthanum")?.value).toBe(2.5);
    expect(kept).toEqual([
      { element: "Neodymium", value: 100 },
      { element: "Lanthanum", value: 2.5 },
    ]);
    expect(dropped).toEqual([]);
  });

  it("follows the element when the order changes and rows move (more strategies push the table down)", () => {
    const next = buildScenarioSheet({
      ...input,
      elements: ["Lanthanum", "Neodymium", "Dysprosium"],
      strategies: [...input.strategies, { name: "International Partnerships", offset: 0.15 }],
    });
    expect(next.exposureRange.row).toBe(old.exposureRange.row + 1);
    const { plan } = updateScenarioSheet(existing, next);
    expect(cellAt(plan, next.exposureRange.row, COL.element)?.value).toBe("Lanthanum");
    expect(cellAt(plan, next.exposureRange.row, COL.exposure)?.value).toBe(2.5);
    expect(exposureOf(plan, "Neodymium")?.value).toBe(100);
  });

  it("reports exposures of elements no longer in the scenario, and leaves new elements empty", () => {
    const next = buildScenarioSheet({ ...input, elements: ["Neodymium", "Terbium"] });
    const { plan, dropped } = updateScenarioSheet(existing, next);
    expect(exposureOf(plan, "Neodymium")?.value).toBe(100);
    expect(exposureOf(plan, "Terbium")?.value).toBeUndefined();
    expect(dropped).toEqual([{ element: "Lanthanum", value: 2.5 }]);
  });

  it("matches element names regardless of case and spacing", () => {
    const next = buildScenarioSheet({ ...input, elements: ["NEODYMIUM"] });
    expect(exposureOf(updateScenarioSheet(existing, next).plan, "NEODYMIUM")?.value).toBe(100);
  });

  it("keeps an exposure typed as a formula as that formula, and text as text", () => {
    const grid = sheetWithExposures(old, { Neodymium: "=Inventory!B4*2", Dysprosium: "about 3" });
    const { plan } = updateScenarioSheet(grid, buildScenarioSheet(input));
    expect(exposureOf(plan, "Neodymium")).toMatchObject({ formula: "=Inventory!B4*2", style: "input" });
    expect(exposureOf(plan, "Neodymium")?.value).toBeUndefined();
    expect(exposureOf(plan, "Dysprosium")?.value).toBe("about 3");
  });

  it("ignores blanks (empty string, null, whitespace)", () => {
    const grid: unknown[][] = sheetWithExposures(old, { Neodymium: "", Lanthanum: "  " });
    grid[old.exposureRange.row][COL.exposure - 1] = null; // Dysprosium
    expect(updateScenarioSheet(grid, buildScenarioSheet(input)).kept).toEqual([]);
  });

  it("finds the table wherever the grid starts (a used range not at A1)", () => {
    const offsetGrid = existing.slice(2).map((row) => row.slice(0));
    expect(updateScenarioSheet(offsetGrid, buildScenarioSheet(input)).kept).toHaveLength(2);
    const shifted = existing.map((row) => ["", ...row]);
    expect(updateScenarioSheet(shifted, buildScenarioSheet(input)).kept).toHaveLength(2);
  });

  it("says when the existing sheet holds no RARE scenario table, and keeps nothing", () => {
    const other = [
      ["Budget", "2025"],
      ["Element", "Amount"],
      ["Neodymium", 5],
    ];
    const next = buildScenarioSheet(input);
    const { plan, recognised, kept } = updateScenarioSheet(other, next);
    expect(recognised).toBe(false);
    expect(kept).toEqual([]);
    expect(plan.cells).toEqual(next.cells);
    expect(updateScenarioSheet([], next).recognised).toBe(false);
  });

  it("does not change the plan it is given, nor anything but exposure cells", () => {
    const next = buildScenarioSheet(input);
    const before = JSON.stringify(next);
    const { plan } = updateScenarioSheet(existing, next);
    expect(JSON.stringify(next)).toBe(before);
    const changed = plan.cells.filter((c, i) => c !== next.cells[i]);
    expect(changed.map((c) => c.col)).toEqual([COL.exposure, COL.exposure]);
  });

  it("takes the pane's new assumptions, not values edited on the old sheet", () => {
    const edited = existing.map((row) => [...row]);
    edited[old.anchors.cut.row - 1][old.anchors.cut.col - 1] = 0.9;
    const { plan } = updateScenarioSheet(edited, buildScenarioSheet({ ...input, cut: 0.4 }));
    expect(cellAt(plan, plan.anchors.cut.row, plan.anchors.cut.col)?.value).toBe(0.4);
  });
});
