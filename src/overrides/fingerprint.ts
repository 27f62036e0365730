/**
 * Which data a workbook's RARE formulas were last calculated with. A full recalculation
 * recalculates every add-in's formulas and marks the workbook changed (a save prompt on
 * each open), so the pane recalculates at start only when the data now in force differs
 * from what the workbook records here. The fingerprint covers the bundled dataset's
 * version and the overrides layers in force, which is all the functions answer from.
 */
import { sha256Hex } from "../data/sha256";
import type { StoredOverrides } from "./store";

export const CALCULATED_WITH_KEY = "rare.calculatedWith";

const FINGERPRINT = /^rare-data:[0-9a-f]{64}$/;

export function dataFingerprint(bundledVersion: string, stored: StoredOverrides): string {
  const text = JSON.stringify({ bundled: bundledVersion, layers: stored.layers });
  return `rare-data:${sha256Hex(new TextEncoder().encode(text))}`;
}

/** The recorded fingerprint; a value of another shape is reported and treated as unknown. */
export function readFingerprint(text: string | null): { fingerprint: string | null; notice?: string } {
  if (text === null || text === "") return { fingerprint: null };
  if (FINGERPRINT.test(text)) return { fingerprint: text };
  return {
    fingerprint: null,
    notice: `The workbook's record of the data it was calculated with (setting "${CALCULATED_WITH_KEY}") was not readable and was ignored; RARE recalculated to be sure.`,
  };
}

/**
 * Recalculate at start? Yes when the record differs from what is in force. With no record,
 * only when overrides are in force: a workbook that never had any was calculated with the
 * bundled data, or has no RARE formulas at all.
 */
export function needsRecalculation(recorded: string | null, current: string, hasOverrides: boolean): boolean {
  return recorded === null ? hasOverrides : recorded !== current;
}
