/**
 * The sentences the Scenarios view shows after a write or a refresh. Plain strings, no
 * DOM, so the wording is tested without a browser.
 */
import type { KeptExposure } from "../../src/scenario/keep-exposures";
import type { SheetPlan } from "../../src/scenario/plan";
import type { ScenarioWriteOutcome } from "../../src/scenario/writer";

const list = (items: readonly KeptExposure[]) => items.map((k) => `${k.element} (${String(k.value)})`).join(", ");
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function outcomeMessage(outcome: ScenarioWriteOutcome, plan: SheetPlan): { text: string; details: string[] } {
  const elements = plan.exposureRange.rows;
  const strategies = plan.anchors.offsets.length;
  const names = `RARE_${plan.sheetKey}_Cut, _Elasticity, _Mitigation and _Exposure`;
  if (outcome.mode === "create") {
    return {
      text: `Created the sheet "${outcome.sheetName}": ${plural(elements, "element", "elements")}, ${plural(strategies, "strategy", "strategies")}, every figure a live RARE formula.`,
      details: [
        "Change the input cells (cut, elasticity, offsets) or type your exposures in tonnes: the sheet recalculates.",
        `Table ${outcome.tableName}; the names ${names} are there for your own formulas.`,
      ],
    };
  }
  return {
    text: `Updated the sheet "${outcome.sheetName}" in place with the choices above.`,
    details: [
      outcome.kept.length
        ? `Kept the exposures you typed: ${list(outcome.kept)}.`
        : "No exposures had been typed, so none were kept.",
      ...(outcome.dropped.length
        ? [`Removed with their elements, which are no longer chosen: ${list(outcome.dropped)}.`]
        : []),
      ...(outcome.rebuilt
        ? [
            `The layout changed, so the table, the chart and the names were rebuilt for ${plural(elements, "element", "elements")} and ${plural(strategies, "strategy", "strategies")}.`,
          ]
        : []),
    ],
  };
}

/** "2026-11-23+b6a9… + 1 workbook override", as the pane's header shows it. */
export function datasetVersionText(version: string, overrideLayers: number): string {
  return `${version}${overrideLayers ? ` + ${overrideLayers} workbook ${overrideLayers === 1 ? "override" : "overrides"}` : ""}`;
}

/** "Recalculated at 09:05." in the user's local time. */
export function recalculatedAt(when: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `Recalculated at ${two(when.getHours())}:${two(when.getMinutes())}.`;
}
