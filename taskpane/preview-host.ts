/**
 * The browser preview's workbook: in-memory, rendered below the pane, formulas evaluated by
 * fast-formula-parser with the very functions associated with Excel (from the shared
 * runtime bridge). Loaded only outside Excel (host-workbook.ts imports it on demand), so
 * Excel never downloads the preview or its formula engine.
 */
import { engineFunctions } from "../src/formula/associated-functions";
import { createFfpEvaluator } from "../src/scenario/ffp-evaluator";
import type { RareRuntime } from "../functions/runtime-bridge";
import { PreviewWorkbook, renderPreview } from "./hosts/preview";

export function createPreviewHost(
  runtime: RareRuntime,
  previewContainer: HTMLElement,
): { workbook: PreviewWorkbook; preview: PreviewWorkbook } {
  const preview = new PreviewWorkbook({ evaluator: createFfpEvaluator(engineFunctions(runtime.associated)) });
  previewContainer.hidden = false;
  renderPreview(preview, previewContainer);
  return { workbook: preview, preview };
}
