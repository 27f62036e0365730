/**
 * `npm run bench` (= npm run build && tsx bench/run.ts): every bench, one table, and
 * bench/RESULTS.md. Figures, not tests: a MISS is reported, the exit code stays 0 (the size
 * budgets, which are deterministic, are enforced by test/dist/budgets.test.ts instead).
 *
 * The CSV import bench runs first, on a fresh heap, so its memory figures match a run of
 * bench/import.ts alone. Run alone: `npx tsx bench/run.ts` after `npm run build`.
 */
import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import { distDir } from "../test/support/paths";
import { runBigRangesBench } from "./big-ranges";
import { runBundleBench } from "./bundle";
import type { Figure } from "./figures";
import { formatImportBench, runImportBench } from "./import";
import { IMPORT_SECTION, importFigures } from "./import-figures";
import { runLoadBench } from "./load";
import { runPaneLoadBench } from "./pane-load";
import { runRecalcBench } from "./recalc";
import { resultsMarkdown, summaryLine, terminalTable } from "./report";
import { runShareCallBench } from "./share-call";
import { runSimulationBench } from "./simulation";
import { machineInfo, sink } from "./stats";
import { TRAVEL_METHOD, runTravelBench } from "./travel";
import { runWritePlanBench } from "./write-plan";

const METHODS = [
  "Timings are medians of N runs (N given per figure) after untimed warm-up runs, all in one process; the table is one run of the suite. On the shared 2-core machine these were taken on, the same figure moved by up to ±30 % between runs (tryShare / Map.get between 1.4× and 2.6× across processes, the CSV import's peak memory between 2.4× and 4.6× the file), more when the load average was high: read a MISS near its target as a reason to re-run, a MISS far from it as real.",
  "SHARE per call: the Map.get baseline (keys normalised before timing, one interned string per distinct argument), tryShare and share in try/catch run over the same 200,000 calls, interleaved with the order rotated each run; every loop adds each result into an accumulator kept in a module-level sink (no dead-code elimination), and the three sums must agree or the bench fails.",
  "The SHARE mix: ~70 % names with a sourced figure written as users write them (any case, stray spaces, NBSP, symbols Nd/Dy/La), ~10 % valid elements without a figure (#N/A), ~10 % with a stage (including aliases and a non-magnet element asking for magnets), ~10 % unknown names or stages (typos, oxides, made-up words); seeded, so every run sees the same calls.",
  "Recalculation: dist/functions.js is evaluated in a fresh realm with an ordinary global object (vm.constants.DONT_CONTEXTIFY), as Excel's JavaScript runtime has, and arguments are 1×1 matrices (null when omitted) made in that realm before timing. test/support's loadFunctionsBundle gives its sandbox an intercepted global, which makes every global lookup (Array.isArray per cell) ~10× dearer; its figure is reported for information.",
  "Big ranges: one call with a matrix made in the bundle's realm, as Excel passes a range. SHARE(A:A) is 1,048,576 rows (2,000 names from the SHARE mix, then empty cells passed as null; \"\" for information) against every row a name; each case runs in its own child process (median of 5 warm calls; peak memory is maxRSS over the RSS before the first call, the column already built). Every other function with parameters (ids from dist/functions.json) runs over a 100,000-cell column of names of its first parameter's kind from the bundle's own LIST, other required arguments scalar (median of 3 warm calls), against SHARE over the same size.",
  "Load: each run evaluates a copy of dist/functions.js with a unique trailing comment in a fresh vm context (loadFunctionsBundle), so V8's compilation cache cannot serve it; the time runs from the start of evaluation to its end, when the appended associate calls have run; the number associated is checked against dist/functions.json.",
  "Pane load: headless Chromium (playwright-core, /usr/bin/chromium) on dist/ served locally with no-store; the pane (taskpane.html, preview mode) against a bare page with taskpane.html's own CSP and office.js <script> and nothing else, in the same run, alternating, a fresh browser context each run after one untimed warm-up of each. Times are performance.now() in the page (origin: navigation start): bare page until Office.onReady resolves; functions associated at the end of functions.js's evaluation (an init script catches globalThis.RareRuntime and counts its functions in the next microtask, checked against functions.json); usable when the Functions view's builder select (labelled Function) exists and is enabled (MutationObserver). Ratios are of the medians.",
  "Bundle sizes: bytes of dist/*.js as built by webpack --mode production, and zlib.gzipSync level 9 of the same bytes; budgets in bench/budgets.ts, enforced by test/dist/budgets.test.ts.",
  "Write plan: the import bench's CSV generator cut to 200,000 data rows, typed by importCsvSync and handed to planImport by toImportData (the pane's path); the minimum is ceil(estimated bytes / 4,000,000); the largest sync is given both as the planner's upper-bound estimate and as the UTF-8 length of JSON.stringify of its operations.",
  "Simulation: src/model/simulation.ts (the code the pane bundles) for 10,000 runs × 5 elements (the seed article's three shares, two of them twice), percentiles and histogram included, interleaved with its baseline, 50,000 RARE.PRICEIMPACT calls through dist/functions.js in a plain realm, one 1×1 call per element and run.",
  TRAVEL_METHOD,
  "CSV import: bench/import.ts's own method (its report is reproduced under its table).",
];

function requireBuild(): void {
  const missing = ["functions.js", "functions.json", "taskpane.js"].filter((f) => !existsSync(join(distDir, f)));
  if (missing.length > 0) {
    console.error(
      `dist/ lacks ${missing.join(", ")}: run \`npm run build\` first (\`npm run bench\` builds, then runs this).`,
    );
    process.exit(1);
  }
}

async function main(): Promise<void> {
  requireBuild();
  const machine = machineInfo();
  const figures: Figure[] = [];
  const durations: Array<[string, number]> = [];
  const details = new Map<string, string>();
  const step = async (name: string, run: () => Figure[] | Promise<Figure[]>): Promise<void> => {
    process.stdout.write(`${name}... `);
    const start = Date.now();
    const got = await run();
    const seconds = (Date.now() - start) / 1000;
    console.log(`${seconds.toFixed(1)} s`);
    durations.push([name, seconds]);
    figures.push(...got);
  };

  await step("CSV import", async () => {
    const result = await runImportBench();
    details.set(IMPORT_SECTION, formatImportBench(result));
    return importFigures(result);
  });
  await step("bundle sizes", runBundleBench);
  await step("load", runLoadBench);
  await step("pane load", runPaneLoadBench);
  await step("SHARE per call", runShareCallBench);
  await step("recalculation", runRecalcBench);
  await step("big ranges", runBigRangesBench);
  await step("write plan", runWritePlanBench);
  await step("simulation", runSimulationBench);
  await step("workbook actions", runTravelBench);

  console.log(
    `\n${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform}, load average ${machine.loadAverage} at start\n`,
  );
  console.log(terminalTable(figures));
  console.log(`\n${summaryLine(figures)}`);
  const file = join(__dirname, "RESULTS.md");
  writeFileSync(file, resultsMarkdown({ machine, figures, durations, details, methods: METHODS }));
  console.log(`Wrote ${file} (sink ${sink() > 0 ? "live" : "empty"}).`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
