/** Ranges given to the Workbook port as an address ("B2:D4") or as a 0-based block. */
import { parseAddress as parseA1, type ZeroBasedRect } from "../excel/a1";
import { WorkbookError } from "./errors";

/** "B2:D4" or "C3" (optionally with $) → 0-based block. No sheet prefix. */
export function parseAddress(address: string): ZeroBasedRect {
  const rect = parseA1(address);
  if (typeof rect === "string") throw new WorkbookError("invalidArgument", rect);
  return rect;
}

export function toRect(range: ZeroBasedRect | string): ZeroBasedRect {
  return typeof range === "string" ? parseAddress(range) : range;
}
