/**
 * Workbook overrides live in the workbook itself (add-in data: Excel's workbook.settings),
 * so they travel with the file and apply again when it is reopened. Several imports can
 * be in use at once, one layer per kind; a newer import of a kind replaces the older one.
 */
import type { Overrides } from "../data/overrides";
import type { OverrideKind } from "./detect-overrides";

export const OVERRIDES_KEY = "rare.overrides";

export interface StoredLayer {
  kind: OverrideKind;
  /** e.g. "workbook import: suppliers.csv, 2026-11-23" — what RARE.SOURCE shows. */
  source: string;
  overrides: Overrides;
}

export interface StoredOverrides {
  format: "rare-overrides";
  version: 1;
  layers: StoredLayer[];
}

export const emptyOverrides = (): StoredOverrides => ({ format: "rare-overrides", version: 1, layers: [] });

/** Reads what the workbook holds; anything unreadable is treated as no overrides (and said). */
export function parseStored(text: string | null): { stored: StoredOverrides; problem?: string } {
  if (text === null || text === "") return { stored: emptyOverrides() };
  try {
    const value = JSON.parse(text) as Partial<StoredOverrides>;
    if (value.format !== "rare-overrides" || value.version !== 1 || !Array.isArray(value.layers))
      throw new Error("unknown format");
    return { stored: value as StoredOverrides };
  } catch (e) {
    return {
      stored: emptyOverrides(),
      problem: `The workbook's stored RARE overrides could not be read (${e instanceof Error ? e.message : String(e)}); the bundled data is used.`,
    };
  }
}

export function withLayer(stored: StoredOverrides, layer: StoredLayer): StoredOverrides {
  return { ...stored, layers: [...stored.layers.filter((l) => l.kind !== layer.kind), layer] };
}
