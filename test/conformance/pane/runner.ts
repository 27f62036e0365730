/**
 * The pane side of `npm run test:excel`: the test build's runtime page (it loads
 * functions.js too, so RARE formulas compute in this very Excel). Runs the conformance
 * script through the Office.js Workbook host, shows the per-check table and posts the
 * report to office-addin-test-server (pattern of OfficeDev/Excel-Custom-Functions'
 * test/end-to-end), on the port given in the page's ?port= (default 4201).
 */
import { defaultPort, sendTestResults } from "office-addin-test-helpers";
import { createExcelWorkbook } from "../../../taskpane/hosts/excel";
import { functionOptionsOf, type FunctionsJson } from "../metadata";
import { formatReport, runConformance } from "../run";
import type { ConformanceHost, ConformanceReport, HostPlatform } from "../types";

/** The server reads the report from the URL's query: keep what it carries small. */
const MAX_POSTED_CHARS = 12_000;

function platformOf(): HostPlatform {
  switch (Office.context.platform) {
    case Office.PlatformType.OfficeOnline:
      return "web";
    case Office.PlatformType.PC:
      return "desktop";
    case Office.PlatformType.Mac:
      return "mac";
    default:
      return "unknown";
  }
}

function excelHost(metadata: FunctionsJson): ConformanceHost {
  return {
    name: `Excel ${Office.context.diagnostics?.version ?? ""}`.trim(),
    platform: platformOf(),
    workbook: createExcelWorkbook(),
    functionOptions: functionOptionsOf(metadata),
    writeEntity: (sheet, cell, entity) =>
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem(sheet).getCell(cell.row, cell.col);
        range.valuesAsJson = [[entity as unknown as Excel.CellValue]];
        await context.sync();
      }),
  };
}

/** Docs links are in the script; observed values go only while the query stays small. */
function forPosting(report: ConformanceReport): ConformanceReport {
  const results = report.results.map(({ docs: _docs, ...r }) => ({ ...r, docs: [] }));
  const full = { ...report, results };
  if (JSON.stringify(full).length <= MAX_POSTED_CHARS) return full;
  return { ...report, results: results.map(({ observed: _observed, ...r }) => r) };
}

async function main(): Promise<void> {
  const status = document.getElementById("status") as HTMLElement;
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) {
    status.textContent = "Not running inside Excel: sideload this build with `npm run test:excel`.";
    return;
  }
  status.textContent = "Running the conformance script…";
  const metadata = (await (await fetch("functions.json")).json()) as FunctionsJson;
  const report = await runConformance(excelHost(metadata));
  (document.getElementById("report") as HTMLElement).textContent = formatReport(report);
  const port = Number(new URLSearchParams(location.search).get("port")) || defaultPort;
  const sent = await sendTestResults(forPosting(report), port);
  status.textContent = sent
    ? `Done: results sent to the test server on port ${port}.`
    : `Done, but the test server on https://localhost:${port} did not take the results: copy the table below.`;
}

main().catch((e) => {
  const status = document.getElementById("status");
  if (status) status.textContent = `The conformance run stopped: ${e instanceof Error ? e.message : String(e)}`;
});
