/**
 * A PreviewWorkbook computing with the real RARE functions (functions/functions.ts over the
 * bundled dataset), wired the way taskpane/host-workbook.ts wires the browser preview:
 * functions by id → engineFunctions → fast-formula-parser. Node only, no DOM.
 */
import * as rare from "../../../../functions/functions";
import { engineFunctions, type AssociatedFunction } from "../../../../src/formula/associated-functions";
import { createFfpEvaluator } from "../../../../src/scenario/ffp-evaluator";
import { PreviewWorkbook } from "../../../../taskpane/hosts/preview";

/** The exports of functions.ts under their ids (share → SHARE), as CustomFunctions.associate gets them. */
export const associated: Record<string, AssociatedFunction> = Object.fromEntries(
  Object.entries(rare as Record<string, unknown>)
    .filter((entry): entry is [string, AssociatedFunction] => typeof entry[1] === "function")
    .map(([name, fn]) => [name.toUpperCase(), fn]),
);

export function rarePreview(sheets: readonly string[] = ["Sheet1"]): PreviewWorkbook {
  return new PreviewWorkbook({ evaluator: createFfpEvaluator(engineFunctions(associated)), sheets });
}
