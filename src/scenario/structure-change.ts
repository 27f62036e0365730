/**
 * What an update in place has to change besides the cells: the old sheet's structure (from
 * its manifest) against the new plan's. Only what differs is removed and added again, so a
 * name the user's formulas use (RARE_<sheet>_Cut) stays put when it does not move, and the
 * table and chart are left alone when the layout keeps them.
 *
 * The table moves or resizes with the number of strategies (it sits below their rows) and of
 * elements; its cells then change places too, so the block is cleared (old fills, input
 * marks) and the table rebuilt. Tables and defined names share one case-blind namespace in
 * Excel: names are compared case-blind.
 */
import type { ScenarioStructure } from "./manifest";
import type { A1Rect } from "../excel/a1";
import type { NamedRange } from "./plan";

export interface StructureChange {
  /** Extent, inputs or table differ: clear the block, rebuild the table. */
  readonly rebuild: boolean;
  /** The chart differs: delete it, add the new one. */
  readonly chart: boolean;
  /** Old names that are gone or move. */
  readonly namesToDelete: readonly NamedRange[];
  /** New names that are new or moved. */
  readonly namesToAdd: readonly NamedRange[];
  /** Nothing but the cells' contents differs. */
  readonly none: boolean;
}

const sameRect = (a: A1Rect, b: A1Rect) => a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
const rectOf = (n: NamedRange): A1Rect => ({ row: n.row, col: n.col, rows: n.rows ?? 1, cols: n.cols ?? 1 });
const key = (name: string) => name.toUpperCase();

function namesMissingFrom(names: readonly NamedRange[], other: readonly NamedRange[]): NamedRange[] {
  const at = new Map(other.map((n) => [key(n.name), rectOf(n)]));
  return names.filter((n) => {
    const there = at.get(key(n.name));
    return !there || !sameRect(there, rectOf(n));
  });
}

export function structureChange(was: ScenarioStructure, next: ScenarioStructure): StructureChange {
  const rebuild =
    !sameRect(was.extent, next.extent) ||
    !sameRect(was.table.rect, next.table.rect) ||
    key(was.table.name) !== key(next.table.name) ||
    JSON.stringify(was.inputs.map((c) => [c.row, c.col])) !== JSON.stringify(next.inputs.map((c) => [c.row, c.col]));
  const a = was.chart;
  const b = next.chart;
  // A chart recorded without a name (older manifests) counts as the same chart if it sits the same.
  const chart =
    (a.name !== undefined && key(a.name) !== key(b.name ?? "")) ||
    a.type !== b.type ||
    a.title !== b.title ||
    !sameRect(a.dataRect, b.dataRect) ||
    a.anchorRow !== b.anchorRow ||
    a.anchorCol !== b.anchorCol;
  const namesToDelete = namesMissingFrom(was.namedRanges, next.namedRanges);
  const namesToAdd = namesMissingFrom(next.namedRanges, was.namedRanges);
  return {
    rebuild,
    chart,
    namesToDelete,
    namesToAdd,
    none: !rebuild && !chart && namesToDelete.length === 0 && namesToAdd.length === 0,
  };
}
