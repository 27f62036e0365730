/**
 * The Workbook the views work on: Office.js inside Excel, the in-memory preview outside,
 * rendered below the pane. The preview evaluates formulas with fast-formula-parser and
 * the very functions associated with Excel (from the shared runtime bridge).
 */
import { engineFunctions } from "../src/formula/associated-functions";
import { createFfpEvaluator } from "../src/scenario/ffp-evaluator";
import type { Workbook } from "../src/workbook/workbook";
import type { RareRuntime } from "../functions/runtime-bridge";
import { createExcelWorkbook } from "./hosts/excel";
import { PreviewWorkbook, renderPreview } from "./hosts/preview";
import type { HostKind } from "./office-host";

export interface HostWorkbook {
  workbook: Workbook;
  preview?: PreviewWorkbook;
}

export function createHostWorkbook(host: HostKind, runtime: RareRuntime, previewContainer: HTMLElement): HostWorkbook {
  if (host === "excel") return { workbook: createExcelWorkbook() };
  const preview = new PreviewWorkbook({ evaluator: createFfpEvaluator(engineFunctions(runtime.associated)) });
  previewContainer.hidden = false;
  renderPreview(preview, previewContainer);
  return { workbook: preview, preview };
}
