/**
 * `npm run test:excel`: runs the conformance script (test/conformance) in real Excel.
 * Builds the test build, serves it on https://localhost:3000, starts office-addin-test-server
 * (port 4201), sideloads the test build's manifest (desktop: `npx office-addin-debugging`,
 * not a dependency because it does not install on Linux; web: the same tool with the
 * workbook's URL, or by hand through Upload My Add-in), waits for the pane to post its
 * report, prints the per-check table and writes the report as JSON under
 * test-artifacts/conformance/, ready to commit as a fixture. Exits 1 if any check failed,
 * no results came, or no Excel is reachable from this machine.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import { get } from "https";
import { join } from "path";
import { TestServer } from "office-addin-test-server";
import { formatReport } from "../test/conformance/run";
import type { ConformanceReport } from "../test/conformance/types";
import { ensureDevCerts } from "./dev-certs";
import { excelTarget } from "./test-excel/target";

const root = join(__dirname, "..");
const buildDir = join(root, "test-artifacts", "conformance-build");
const manifest = join(buildDir, "manifest.xml");
const resultsDir = join(root, "test-artifacts", "conformance");
const port = 4201;
const timeoutMs = Number(process.env.RARE_EXCEL_TIMEOUT_MS ?? 10 * 60_000);

function fail(message: string): never {
  console.error(`\nnpm run test:excel: ${message}\n`);
  process.exit(1);
}

function waitUntilServing(url: string, ms: number): Promise<boolean> {
  const started = Date.now();
  return new Promise((resolve) => {
    const attempt = () =>
      get(url, { rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      }).on("error", () => (Date.now() - started > ms ? resolve(false) : setTimeout(attempt, 1000)));
    attempt();
  });
}

function officeAddinDebugging(args: string[]): number | null {
  return spawnSync("npx", ["--yes", "office-addin-debugging", ...args], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  }).status;
}

async function main(): Promise<void> {
  const target = excelTarget(process.platform, process.argv.slice(2));
  if (target.kind === "none") fail(target.reason);

  await ensureDevCerts();
  console.log("Building and serving the test build on https://localhost:3000 …");
  const server: ChildProcess = spawn(
    process.execPath,
    [
      require.resolve("webpack/bin/webpack.js"),
      "serve",
      "--mode",
      "development",
      "--config",
      "test/conformance/webpack.config.js",
    ],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
  );
  const stopAll = () => server.kill();
  process.on("exit", stopAll);
  if (!(await waitUntilServing("https://localhost:3000/conformance.html", 180_000)))
    fail("the test build was not served on https://localhost:3000 within 3 minutes.");

  const testServer = new TestServer(port);
  await testServer.startTestServer().catch((e) => fail(`office-addin-test-server did not start: ${e}`));
  const results = testServer.getTestResults() as unknown as Promise<ConformanceReport>;

  if (target.kind === "desktop") {
    if (officeAddinDebugging(["start", manifest, "desktop", "--app", "excel", "--no-debug"]) !== 0)
      fail("npx office-addin-debugging could not sideload the test build into desktop Excel.");
  } else {
    const status =
      process.platform === "linux"
        ? 1
        : officeAddinDebugging([
            "start",
            manifest,
            "web",
            "--app",
            "excel",
            "--document",
            target.document,
            "--no-debug",
          ]);
    if (status !== 0)
      console.log(
        `\nSideload by hand: open ${target.document}, choose Home > Add-ins > More Add-ins > Upload My Add-in,\n` +
          `and pick ${manifest} (also served at https://localhost:3000/manifest.xml).\n` +
          `Then open the RARE pane button on the Home tab: the script runs when the runtime page loads.`,
      );
  }
  console.log(`Waiting up to ${Math.round(timeoutMs / 60_000)} min for the results …`);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const report = await Promise.race([results, timeout]);
  await testServer.stopTestServer();
  if (target.kind === "desktop") officeAddinDebugging(["stop", manifest]);
  stopAll();
  if (!report) fail(`no results arrived within ${Math.round(timeoutMs / 60_000)} min: did the add-in load in Excel?`);

  console.log(`\n${formatReport(report)}`);
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `excel-${report.platform}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  console.log(`\nReport written to ${file}. Send it back (or commit it under test/fixtures/conformance/).`);
  process.exit(report.results.every((r) => r.passed) ? 0 : 1);
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
