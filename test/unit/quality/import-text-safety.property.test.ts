/**
 * The corpus checks known payloads; this checks arbitrary ones. Any CSV built from hostile
 * pieces (formula leads, quotes, delimiters, mixed line breaks, numbers, dates, booleans),
 * with arbitrary column types forced by the user, is either refused or written with every
 * string stored verbatim under "@" and no formula, the existing sheet untouched.
 */
import fc from "fast-check";
import type { ColumnType } from "../../../src/csv";
import { toImportData } from "../../../src/csv";
import { importIntoWorkbook } from "./support/import-flow";
import { EXISTING_SHEET, snapshot, textSafetyProblems, workbookWithData } from "./support/workbook-state";

const runs = Number(process.env.RARE_PROPERTY_RUNS ?? 300);

const piece = fc.oneof(
  fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", "\r\n", ",", ";", '"', '""', " ", "|", "'"),
  fc.constantFrom(
    "=1+1",
    "cmd|' /C calc'!A0",
    "HYPERLINK(",
    "SUM(A1:A2)",
    "<script>",
    "TRUE",
    "false",
    "NA",
    "#N/A",
    "1e5",
    "2024-01-02",
    "03/04/2024",
    "80%",
    "1,234.5",
    "00123",
    "-3",
  ),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.string({ maxLength: 6 }),
);
const cell = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(""));
const csv = fc
  .array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 })
  .map((rows) => rows.map((r) => r.join(",")).join("\n"));
const types = fc.array(fc.constantFrom<ColumnType | null>(null, null, "text", "number", "percent", "date", "boolean"), {
  maxLength: 6,
});

describe("arbitrary hostile CSV through the whole import", () => {
  it("is refused, or written as inert literal text with the rest of the workbook untouched", async () => {
    await fc.assert(
      fc.asyncProperty(csv, types, async (text, columns) => {
        const wb = await workbookWithData();
        const before = snapshot(wb);
        const flow = await importIntoWorkbook(wb, new TextEncoder().encode(text), {
          fileName: "fuzz.csv",
          csv: { columns },
        });
        if (flow.stage !== "written") {
          expect(await wb.listSheets()).toEqual([EXISTING_SHEET]);
        } else {
          const data = toImportData(flow.result);
          expect(textSafetyProblems(wb, flow.outcome.sheetName, data.headers, data.rows)).toEqual([]);
        }
        expect(snapshot(wb, flow.stage === "written" ? [flow.outcome.sheetName] : [])).toEqual(before);
      }),
      { numRuns: runs },
    );
  }, 60_000);
});
