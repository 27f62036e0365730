/**
 * The pane's import flow end to end, as src/csv/index.ts describes it, without the DOM:
 * analyse the bytes (a refusal stops here), import with the analysis' column types plus the
 * user's choices, hand the result to src/workbook's writer, which writes a NEW sheet of the
 * workbook. Hostile files go through exactly what a user's file goes through.
 */
import { analyseAsync, importCsv, isRefusal, safeSheetName, toImportData } from "../../../../src/csv";
import type { CsvOptions, CsvRefusal, ImportResult, RunControl } from "../../../../src/csv";
import { writeImport } from "../../../../src/workbook/import-writer";
import type { ImportOutcome, WriteImportOptions } from "../../../../src/workbook/import-writer";
import type { Workbook } from "../../../../src/workbook/workbook";

export type FlowResult =
  | { readonly stage: "analyse" | "import"; readonly refusal: CsvRefusal }
  | { readonly stage: "written"; readonly result: ImportResult; readonly outcome: ImportOutcome };

export interface FlowOptions {
  readonly fileName: string;
  /** The user's choices; `columns` entries override the analysis' detected types. */
  readonly csv?: CsvOptions;
  readonly control?: RunControl;
  readonly write?: Partial<WriteImportOptions>;
}

export async function importIntoWorkbook(
  workbook: Workbook,
  bytes: Uint8Array,
  options: FlowOptions,
): Promise<FlowResult> {
  const analysis = await analyseAsync(bytes, options.csv, options.control);
  if (isRefusal(analysis)) return { stage: "analyse", refusal: analysis };

  const chosen = options.csv?.columns ?? [];
  const columns = analysis.columns.map((c, i) => chosen[i] ?? c);
  const existingSheetNames = await workbook.listSheets();
  const result = await importCsv(
    bytes,
    { ...options.csv, columns, fileName: options.fileName, existingSheetNames },
    options.control,
  );
  if (isRefusal(result)) return { stage: "import", refusal: result };

  const sheetName = result.sheetName ?? safeSheetName(options.fileName, existingSheetNames);
  const outcome = await writeImport(workbook, toImportData(result), { ...options.write, sheetName });
  return { stage: "written", result, outcome };
}
