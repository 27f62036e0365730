/**
 * A sheet name Excel accepts for an imported file: at most 31 characters, none of : \ / ? * [ ],
 * not blank, no apostrophe at either end, not the reserved "History", and not already used
 * (Excel compares sheet names without case): "data (2)", "data (3)", ...
 */
import {
  RESERVED_SHEET_NAME,
  SHEET_NAME_MAX_LENGTH as MAX_LENGTH,
  replaceForbiddenSheetChars,
} from "../excel/naming-rules";

const RESERVED = RESERVED_SHEET_NAME.toUpperCase();

export function safeSheetName(fileName: string, existingNames: readonly string[] = []): string {
  const taken = new Set(existingNames.map((n) => n.toUpperCase()));
  taken.add(RESERVED);
  const base = cleanBase(fileName);
  if (!taken.has(base.toUpperCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = tidyEnds(cut(base, MAX_LENGTH - suffix.length)) + suffix;
    if (!taken.has(name.toUpperCase())) return name;
  }
}

function cleanBase(fileName: string): string {
  const file = fileName.split(/[\\/]/).pop() ?? "";
  const dot = file.lastIndexOf(".");
  const stem = dot >= 0 ? file.slice(0, dot) : file;
  // Forbidden characters and control characters become "_"; runs of spaces shrink to one.
  const cleaned = replaceForbiddenSheetChars(stem, "_")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, "_")
    .replace(/\s+/g, " ");
  const name = tidyEnds(cut(tidyEnds(cleaned), MAX_LENGTH));
  return name === "" ? "Import" : name;
}

/** Trims spaces and apostrophes at both ends (Excel refuses a name starting or ending with '). */
function tidyEnds(s: string): string {
  return s.replace(/^[\s']+|[\s']+$/g, "");
}

/** At most n UTF-16 units without splitting a surrogate pair. */
function cut(s: string, n: number): string {
  if (s.length <= n) return s;
  const c = s.charCodeAt(n - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n);
}
