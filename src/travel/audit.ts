/**
 * "Audit RARE figures": writes the sheet "RARE audit", an Excel table with one row per RARE
 * formula cell (a spill's anchor, with its size): sheet, address, formula, value, the
 * citation of what the cell asks (RARE.SOURCE's text, and the RARE.SOURCE call that gives
 * it), the edition, and the dataset version in force.
 *
 * The sheet holds values only: it is a record of what the workbook showed when audited,
 * and it reads the same where RARE is not installed (an auditor's copy). A cell whose
 * formula does more than one RARE call (RARE inside the user's own arithmetic) is not
 * attributed: its row says so and lists every RARE call it contains with the citation
 * request of each.
 */
import { cellAddress } from "../excel/a1";
import { messageOf } from "../workbook/errors";
import type { CellValue } from "../excel/values";
import type { Workbook } from "../workbook/workbook";
import { argumentOf, readReferencedCells, resolveArgument } from "./arguments";
import { citationRequest, editionOf, sourceCallText, type ArgValue } from "./citation-request";
import { withUpdatesSuspended, type TravelOptions } from "./progress";
import { readFormula, type RareCall } from "./rare-calls";
import { scanWorkbook, type RareCell } from "./scan";
import { AUDIT_SHEET } from "./sheets";
import { textTable, writeOwnSheet } from "./own-sheets";

export interface AuditDeps {
  /** RARE.SOURCE as the functions compute it now (throws a RareError for a bad request). */
  readonly cite: (kind: string, key: string, field: string | number | null) => string;
  readonly datasetVersion: string;
}

export interface AuditOutcome {
  readonly sheet: string;
  readonly rows: number;
  readonly unattributed: number;
  readonly problems: string[];
}

export const AUDIT_HEADERS = [
  "Sheet",
  "Address",
  "Formula",
  "Value",
  "Citation",
  "Cite with",
  "Edition",
  "Dataset version",
  "Spill",
  "RARE calls",
];

export interface AuditOptions extends TravelOptions {
  readonly budgetBytes?: number;
}

export function auditWorkbook(workbook: Workbook, deps: AuditDeps, options: AuditOptions = {}): Promise<AuditOutcome> {
  return withUpdatesSuspended(workbook, () => audit(workbook, deps, options));
}

async function audit(workbook: Workbook, deps: AuditDeps, options: AuditOptions): Promise<AuditOutcome> {
  const scan = await scanWorkbook(workbook, options);
  const parsed = scan.cells.map((cell) => {
    const reading = readFormula(cell.formula);
    const calls = reading.ok ? reading.calls : [];
    return { cell, calls, args: calls.map((call) => call.args.map((a) => argumentOf(a, cell.sheet))) };
  });
  const values = await readReferencedCells(
    workbook,
    parsed.flatMap((p) => p.args.flat()),
    options,
  );
  const resolve = (a: Parameters<typeof resolveArgument>[0]) => resolveArgument(a, values);

  // Many cells ask the same thing: each citation is worked out once.
  const citations = new Map<string, string>();
  const memo: AuditDeps = {
    datasetVersion: deps.datasetVersion,
    cite: (kind, key, field) => {
      const k = JSON.stringify([kind, key, field]);
      let text = citations.get(k);
      if (text === undefined) citations.set(k, (text = deps.cite(kind, key, field)));
      return text;
    },
  };
  const rows: CellValue[][] = [];
  let unattributed = 0;
  for (const { cell, calls, args } of parsed) {
    const cited = calls.map((call, i) => cite(call, args[i].map(resolve), memo));
    const single = calls.length === 1 && !calls[0].nested;
    if (!single) unattributed++;
    rows.push([
      cell.sheet,
      cellAddress(cell),
      cell.formula,
      cell.value,
      single
        ? cited[0].citation
        : `Not attributable to one source: the formula combines ${calls.length === 1 ? "a RARE call" : `${calls.length} RARE calls`} with its own calculation. See RARE calls.`,
      single ? cited[0].callText : "",
      single ? cited[0].edition : [...new Set(cited.map((c) => c.edition).filter(Boolean))].join("; "),
      deps.datasetVersion,
      spillText(cell),
      single ? "" : calls.map((c, i) => `${c.text} → ${cited[i].callText || cited[i].citation}`).join("; "),
    ]);
  }
  const problems = scan.problems.map((p) => `${p.sheet}!${p.address}: ${p.message}`);
  await writeOwnSheet(workbook, AUDIT_SHEET, textTable(AUDIT_HEADERS, rows), {
    ...options,
    step: `Writing ${AUDIT_SHEET}`,
  });
  return { sheet: AUDIT_SHEET, rows: rows.length, unattributed, problems };
}

function cite(
  call: RareCall,
  args: readonly (ArgValue | undefined)[],
  deps: AuditDeps,
): { citation: string; callText: string; edition: string } {
  const unresolved = args.findIndex((a) => a === undefined);
  if (unresolved >= 0)
    return {
      citation: `Not cited: argument ${unresolved + 1} of ${call.text} is computed (a range, a name or an expression); cite it with RARE.SOURCE on its value.`,
      callText: "",
      edition: "",
    };
  const request = citationRequest(call.fn, args as ArgValue[]);
  if (request.kind === "fixed") return { citation: request.text, callText: "", edition: "" };
  const callText = sourceCallText(request);
  try {
    const field = request.field === null || typeof request.field === "boolean" ? null : request.field;
    const citation = deps.cite(request.sourceKind, String(request.key ?? ""), field);
    return {
      citation: request.note ? `${citation}. Note: ${request.note}` : citation,
      callText,
      edition: editionOf(citation),
    };
  } catch (e) {
    return { citation: `No citation: ${messageOf(e)}`, callText, edition: "" };
  }
}

function spillText(cell: RareCell): string {
  return cell.spill ? `${cell.spill.rows} × ${cell.spill.cols}` : "";
}
