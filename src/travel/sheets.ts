/** The sheets the workbook actions write, and how a scan treats the user's sheets. */
import { sameName } from "../excel/naming-rules";
import type { SheetInfo } from "../workbook/workbook";

/** Undo data of "Prepare a copy to share" (very hidden; see README, "Workbook view"). */
export const UNDO_SHEET = "RARE_share_undo";
/** The RARE values recorded at the last pane recalculation (very hidden). */
export const RECORD_SHEET = "RARE_refresh_record";
export const AUDIT_SHEET = "RARE audit";
export const CHANGES_SHEET = "RARE what changed";

const OWN = [UNDO_SHEET, RECORD_SHEET, AUDIT_SHEET, CHANGES_SHEET];

export function isOwnSheet(name: string): boolean {
  return OWN.some((own) => sameName(own, name) || sameName(`${own} (new)`, name));
}

/** "Sheet1", or "Sheet1 (hidden, protected)". */
export function describeSheet(info: SheetInfo): string {
  const states = [info.visibility !== "visible" && "hidden", info.protected && "protected"].filter(Boolean);
  return states.length ? `${info.name} (${states.join(", ")})` : info.name;
}
