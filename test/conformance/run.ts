/** Runs the script on a host, one fresh sheet per check, and formats the per-check table. */
import { CHECKS } from "./checks";
import { ConformanceFailure } from "./expect";
import type { Check, CheckResult, ConformanceHost, ConformanceReport } from "./types";

export async function runConformance(
  host: ConformanceHost,
  checks: readonly Check[] = CHECKS,
  now: () => number = () => Date.now(),
): Promise<ConformanceReport> {
  const startedAt = new Date().toISOString();
  const results: CheckResult[] = [];
  for (const check of checks) {
    const sheet = `RAREconf ${results.length + 1}`;
    const started = now();
    let result: CheckResult;
    try {
      await host.workbook.addSheet(sheet);
      const observed = await check.run(host, sheet);
      result = { id: check.id, title: check.title, passed: true, observed, ms: now() - started, docs: check.docs };
    } catch (e) {
      result = {
        id: check.id,
        title: check.title,
        passed: false,
        message: e instanceof Error ? e.message : String(e),
        observed: e instanceof ConformanceFailure ? e.observed : undefined,
        ms: now() - started,
        docs: check.docs,
      };
    }
    await host.workbook.deleteSheet(sheet).catch(() => undefined);
    results.push(result);
  }
  return { format: "rare-conformance", version: 1, host: host.name, platform: host.platform, startedAt, results };
}

/** One line per check, then the count: what `npm run test:excel` and the pane print. */
export function formatReport(report: ConformanceReport): string {
  const width = Math.max(...report.results.map((r) => r.id.length), 5);
  const lines = report.results.map(
    (r) =>
      `${r.passed ? "pass" : "FAIL"}  ${r.id.padEnd(width)}  ${String(r.ms).padStart(6)} ms  ${r.passed ? r.title : r.message}`,
  );
  const failed = report.results.filter((r) => !r.passed).length;
  return [
    `RARE conformance on ${report.host} (${report.platform}), ${report.startedAt}`,
    ...lines,
    `${report.results.length - failed} passed, ${failed} failed`,
  ].join("\n");
}
