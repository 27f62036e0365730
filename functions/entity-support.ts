/**
 * Whether the host takes entity values from custom functions. Excel does from
 * CustomFunctionsRuntime 1.4 ("custom functions integration with data types",
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets),
 * and the value types a card uses (EntityCellValue, its layouts, CellValuePropertyMetadata)
 * are ExcelApi 1.16 (@types/office-js), so both are asked for;
 * older Excel (Office 2021, LTSC) would show an entity as #VALUE!, so the card functions
 * return the plain name there. Inside an Office host `Office.context.requirements` answers;
 * outside one (Node, the browser preview, where office.js reports no host and no
 * requirements) the caller is RARE's own evaluator, which reads the documented shape.
 */
type Requirements = { isSetSupported?: (name: string, version?: string) => boolean };

let answered: boolean | undefined;

export function hostTakesEntities(): boolean {
  if (answered !== undefined) return answered;
  const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
  const requirements = office?.context?.requirements;
  if (typeof requirements?.isSetSupported !== "function") return true;
  // The host cannot change under a running runtime: ask once.
  answered =
    requirements.isSetSupported("CustomFunctionsRuntime", "1.4") === true &&
    requirements.isSetSupported("ExcelApi", "1.16") === true;
  return answered;
}
