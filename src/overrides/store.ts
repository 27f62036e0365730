/**
 * Workbook overrides live in the workbook itself (add-in data: Excel's workbook.settings),
 * so they travel with the file and apply again when it is reopened. Several imports can
 * be in use at once, one layer per kind; a newer import of a kind replaces the older one.
 * What is read back is checked field by field first (validate-stored.ts).
 */
import type { Overrides } from "../data/overrides";
import { ADDIN_DATA_LIMIT_BYTES, addinDataBytes, megabytes } from "../workbook/addin-data";
import type { OverrideKind } from "./detect-overrides";

export const OVERRIDES_KEY = "rare.overrides";

/**
 * The share of the add-in's settings the overrides may take. Settings hold about 2 MB per
 * add-in and workbook in total; RARE also keeps a manifest of a few kB per scenario sheet
 * and small markers there, so a quarter of a megabyte stays free for those.
 */
export const OVERRIDES_BUDGET_BYTES = ADDIN_DATA_LIMIT_BYTES - 256 * 1024;

export interface StoredLayer {
  kind: OverrideKind;
  /** e.g. "workbook import: suppliers.csv, 2026-11-23" — what RARE.SOURCE shows. */
  source: string;
  overrides: Overrides;
  /**
   * The workbook table the layer was read from, when it was: Refresh data (or a change of
   * that table) reads it again, so the override follows the table.
   */
  table?: string;
}

export interface StoredOverrides {
  format: "rare-overrides";
  version: 1;
  layers: StoredLayer[];
}

export const emptyOverrides = (): StoredOverrides => ({ format: "rare-overrides", version: 1, layers: [] });

export function withoutLayer(stored: StoredOverrides, kind: OverrideKind): StoredOverrides {
  return { ...stored, layers: stored.layers.filter((l) => l.kind !== kind) };
}

export function withLayer(stored: StoredOverrides, layer: StoredLayer): StoredOverrides {
  return { ...stored, layers: [...stored.layers.filter((l) => l.kind !== layer.kind), layer] };
}

/** The text to store, or a message giving the size and the limit when it would not fit. */
export function serialiseWithinBudget(stored: StoredOverrides): { text: string } | { refused: string } {
  const text = JSON.stringify(stored);
  const bytes = addinDataBytes(OVERRIDES_KEY, text);
  if (bytes <= OVERRIDES_BUDGET_BYTES) return { text };
  return {
    refused: `These overrides would take ${megabytes(bytes)} of the workbook's add-in settings, above RARE's limit of ${megabytes(OVERRIDES_BUDGET_BYTES)} (Excel keeps about ${megabytes(ADDIN_DATA_LIMIT_BYTES)} of settings per add-in and workbook). Nothing was stored and the figures in force are unchanged; import fewer rows.`,
  };
}
