/**
 * The conformance script against the preview host, as CI runs it: every check must pass,
 * under the functions.json the build generates (the golden copy, which the dist tests
 * keep equal to it). `npm run test:excel` runs the same script in real Excel.
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { CHECKS } from "../../conformance/checks";
import type { FunctionsJson } from "../../conformance/metadata";
import { previewConformanceHost } from "../../conformance/preview-host";
import { formatReport, runConformance } from "../../conformance/run";
import type { ConformanceReport } from "../../conformance/types";
import { artifactsDir, repoRoot } from "../../support/paths";

jest.setTimeout(60_000);

const metadata = JSON.parse(readFileSync(join(repoRoot, "test", "golden", "functions.json"), "utf8")) as FunctionsJson;
let report: ConformanceReport;
beforeAll(async () => {
  report = await runConformance(previewConformanceHost(metadata));
  // The same JSON npm run test:excel writes for Excel, so the two can be compared.
  mkdirSync(join(artifactsDir, "conformance"), { recursive: true });
  writeFileSync(join(artifactsDir, "conformance", "preview.json"), JSON.stringify(report, null, 2) + "\n");
});

it("runs every check of the script", () => {
  expect(report.results.map((r) => r.id)).toEqual(CHECKS.map((c) => c.id));
  expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
  for (const check of CHECKS) expect(check.docs.every((d) => d.startsWith("https://learn.microsoft.com/"))).toBe(true);
});

it.each(CHECKS.map((c) => [c.id]))("%s passes on the preview", (id) => {
  const result = report.results.find((r) => r.id === id);
  expect(result?.message).toBeUndefined();
  expect(result?.passed).toBe(true);
});

it("leaves the workbook as it found it: no sheets or names of its own", async () => {
  const host = previewConformanceHost(metadata);
  const before = await host.workbook.listSheets();
  await runConformance(host);
  expect(await host.workbook.listSheets()).toEqual(before);
  expect(await host.workbook.listNames()).toEqual([]);
});

it("prints one line per check and the count", () => {
  const table = formatReport(report).split("\n");
  expect(table).toHaveLength(CHECKS.length + 2);
  expect(table[table.length - 1]).toBe(`${CHECKS.length} passed, 0 failed`);
});

describe("a failing host is reported, not thrown", () => {
  it("names the check and what differed", async () => {
    const host = previewConformanceHost(metadata);
    // The preview passes error cells (the golden functions.json allows them); a host whose
    // metadata said otherwise must see Excel refuse to call the function.
    const lying = { ...host, functionOptions: () => ({}) };
    const result = (
      await runConformance(
        lying,
        CHECKS.filter((c) => c.id === "error-in-range"),
      )
    ).results[0];
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/RARE\.SHARE\(A1:A3\) with A2 = #N\/A, first cell \(allowErrorForDataTypeAny off\)/);
  });
});
