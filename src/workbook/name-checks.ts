/** Excel's naming rules (src/excel/naming-rules.ts) as the port's WorkbookError. */
import { definedNameProblem, sheetNameProblem } from "../excel/naming-rules";
import { WorkbookError } from "./errors";

export function checkSheetName(name: string): void {
  const problem = sheetNameProblem(name);
  if (problem) throw new WorkbookError("invalidArgument", problem);
}

export function checkDefinedName(name: string): void {
  const problem = definedNameProblem(name);
  if (problem) throw new WorkbookError("invalidArgument", problem);
}
