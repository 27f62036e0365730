/**
 * The conformance host CI runs: the preview workbook computing with the real RARE functions,
 * called as Excel calls them under the given functions.json.
 */
import { engineFunctions } from "../../src/formula/associated-functions";
import { createFfpEvaluator } from "../../src/scenario/ffp-evaluator";
import { PreviewWorkbook } from "../../taskpane/hosts/preview";
import { associated } from "../unit/scenario/support/rare-preview";
import { functionOptionsOf, type FunctionsJson } from "./metadata";
import type { CellValue } from "../../src/excel/values";
import type { ConformanceHost } from "./types";

export function previewConformanceHost(metadata: FunctionsJson): ConformanceHost {
  const functionOptions = functionOptionsOf(metadata);
  const functions = engineFunctions(associated, "RARE", (id) => functionOptions(id).allowErrorForDataTypeAny === true);
  const workbook = new PreviewWorkbook({ evaluator: createFfpEvaluator(functions) });
  return {
    name: "RARE preview",
    platform: "preview",
    workbook,
    functionOptions,
    // The preview has no data-type cells of its own; this stores the object where a cell
    // value goes, so formulas hand it to functions as Excel does (allowCustomDataForDataTypeAny).
    async writeEntity(sheet, cell, entity) {
      workbook.sheet(sheet).setConstant(cell.row, cell.col, entity as unknown as CellValue);
      workbook.recalculateNow();
    },
  };
}
