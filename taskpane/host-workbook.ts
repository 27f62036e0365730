/**
 * The Workbook the views work on: Office.js inside Excel, the in-memory preview outside,
 * rendered below the pane (preview-host.ts). The preview and its formula engine are a
 * separate chunk (preview.js, about half the pane's code) loaded only when the pane runs
 * outside Excel: Excel never fetches it, and the preview's pane is usable before it is in.
 */
import type { Workbook } from "../src/workbook/workbook";
import type { RareRuntime } from "../functions/runtime-bridge";
import { createExcelWorkbook } from "./hosts/excel";
import type { PreviewWorkbook } from "./hosts/preview";
import type { HostKind } from "./office-host";

export interface HostWorkbook {
  workbook: Workbook;
  preview?: PreviewWorkbook;
}

export async function createHostWorkbook(
  host: HostKind,
  runtime: RareRuntime,
  previewContainer: HTMLElement,
): Promise<HostWorkbook> {
  if (host === "excel") return { workbook: createExcelWorkbook() };
  const { createPreviewHost } = await import(/* webpackChunkName: "preview" */ "./preview-host");
  return createPreviewHost(runtime, previewContainer);
}
