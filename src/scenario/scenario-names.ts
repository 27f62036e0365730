/**
 * Names a scenario sheet needs: the sheet name itself (Excel's rules), and the keys that
 * make its defined names and table name unique in the workbook.
 */
import { invalidValue } from "../data/errors";
import { SHEET_NAME_MAX_LENGTH, replaceForbiddenSheetChars, sheetNameProblem } from "../excel/naming-rules";

/** Throws #VALUE! unless Excel would accept `name` as a sheet name. */
export function requireSheetName(name: string): string {
  const problem = typeof name === "string" ? sheetNameProblem(name) : "A sheet name must not be blank.";
  if (problem) throw invalidValue(problem);
  return name;
}

/**
 * "Scenario Export Quotas": a valid sheet name for a risk factor's scenario, plain enough
 * that its names read well (RARE_Scenario_Export_Quotas_Cut). Running the same risk factor
 * again finds the same sheet and updates it.
 */
export function defaultScenarioSheetName(riskFactor: string): string {
  const cleaned = replaceForbiddenSheetChars(riskFactor, " ").replace(/'/g, " ").replace(/\s+/g, " ").trim();
  return `Scenario ${cleaned}`.slice(0, SHEET_NAME_MAX_LENGTH).trim();
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable tag, not security. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * The part of an Excel name that stands for `text` (a sheet or strategy name), readable
 * where it can be: text made only of ASCII letters, digits and spaces maps to itself with
 * each space turned into "_" ("Scenario Export Quotas" → "Scenario_Export_Quotas"), which
 * can be undone, so different texts get different keys. Anything else (an "_", "-", "é", …)
 * could meet a spaced name, so its key gets "_" + a hash of the lower-cased text:
 * "Scenario_1" → "Scenario_1_3f2a…", distinct from "Scenario 1" → "Scenario_1". Lower-cased,
 * because Excel compares sheet names and defined names case-insensitively; the same sheet
 * always gets the same key.
 */
export function nameKey(text: string): string {
  if (/^[A-Za-z0-9 ]+$/.test(text)) return text.replace(/ /g, "_");
  const safe = text.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  return `${safe}${safe ? "_" : ""}${fnv1a(text.toLowerCase())}`;
}

/** A string literal for a formula: quotes doubled, as Excel reads them. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
