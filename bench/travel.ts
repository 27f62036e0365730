/**
 * The Workbook view's three actions on a generated workbook of 100,000 RARE formula cells
 * across 10 sheets (10,000 rows each: an element name, =RARE.SHARE, =RARE.GAP and a plain
 * number), on the preview workbook computing with the BUILT functions bundle
 * (dist/functions.js through fast-formula-parser, as the browser preview does).
 *
 * Each action runs through a meter on the Workbook port that counts what hosts/excel.ts
 * would send Excel for the same calls: each read (readFormulas, usedRect, listSheetInfo,
 * hasSheet, spillRects, readRange) is one Excel.run with one context.sync, each batch sync is
 * one request, suspend/resume of updates one each. It gives the request count and the
 * largest request or response (UTF-8 bytes of the JSON of the values sent or returned),
 * to hold against Excel on the web's 5 MB limit. Times are given as a ratio to the same
 * run's baseline: one plain read of every sheet's used block in 4 MB bands (the least any
 * action that must look at every cell can do).
 */
import { mergeOverrides } from "../src/data/overrides";
import { RareData } from "../src/data/rare-data";
import type { Dataset } from "../src/data/types";
import { engineFunctions, type AssociatedFunction } from "../src/formula/associated-functions";
import { createFfpEvaluator } from "../src/scenario/ffp-evaluator";
import { auditWorkbook } from "../src/travel/audit";
import { readInBands } from "../src/travel/read-chunks";
import { recordRefresh } from "../src/travel/refresh-record";
import { prepareShareCopy, restoreFormulas } from "../src/travel/share-copy";
import { utf8Length } from "../src/workbook/payload";
import type { Workbook, WorkbookBatch } from "../src/workbook/workbook";
import { loadFunctionsBundle } from "../test/support/functions-bundle";
import { PreviewWorkbook } from "../taskpane/hosts/preview";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { Figure } from "./figures";
import { sectionLines, terminalTable } from "./report";
import { machineInfo } from "./stats";

export const TRAVEL_SECTION = "Workbook actions (100,000 RARE cells, 10 sheets)";
const SECTION = TRAVEL_SECTION;
export const TRAVEL_METHOD =
  "Workbook actions: bench/travel.ts generates 10 sheets of 5,000 rows (an element, =RARE.SHARE, =RARE.GAP, a number) on the preview workbook computing with dist/functions.js; each action runs through a meter on the Workbook port counting the requests hosts/excel.ts would send for the same calls (one per read, per batch sync, per suspend or resume) and the largest one's JSON bytes, sent or returned; times are ratios to one plain read of every sheet in 4 MB bands in the same run. Each action's result is checked (100,000 cells frozen, restored and audited; 40,000 changes after the override) or the bench fails.";
const SHEETS = 10;
const ROWS = 5_000; // two RARE formulas a row
const LIMIT_BYTES = 5_000_000;
const ELEMENTS = ["Neodymium", "Dysprosium", "Lanthanum", "nd", " Dy "];

interface Meter {
  requests: number;
  largest: number;
}

/** The port with every Excel request counted and sized (see the header). */
function metered(inner: Workbook, meter: Meter): Workbook {
  const size = (x: unknown) => utf8Length(JSON.stringify(x) ?? "");
  const note = (bytes: number) => {
    meter.requests++;
    meter.largest = Math.max(meter.largest, bytes);
  };
  const reads = new Set([
    "readFormulas",
    "readRange",
    "usedRect",
    "listSheetInfo",
    "hasSheet",
    "spillRects",
    "listSheets",
  ]);
  const wrapBatch = (batch: WorkbookBatch): WorkbookBatch => {
    let queued = 0;
    return new Proxy(batch, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== "function") return value;
        if (prop === "sync")
          return async () => {
            await target.sync();
            note(queued);
            queued = 0;
          };
        return (...args: unknown[]) => {
          queued += size(args);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  };
  return new Proxy(inner, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== "function") return value;
      const fn = value as (...a: unknown[]) => Promise<unknown>;
      if (prop === "run")
        return (work: (b: WorkbookBatch) => Promise<unknown>) =>
          target.run(async (batch) => {
            const wrapped = wrapBatch(batch);
            const result = await work(wrapped);
            await wrapped.sync(); // the run's closing sync, counted like the others
            return result;
          });
      if (reads.has(String(prop)))
        return async (...args: unknown[]) => {
          const result = await fn.apply(target, args);
          note(size(result));
          return result;
        };
      if (prop === "suspendUpdates" || prop === "resumeUpdates")
        return async () => {
          note(0);
          return fn.apply(target, []);
        };
      return fn.bind(target);
    },
  });
}

async function generated(byId: Record<string, AssociatedFunction>): Promise<PreviewWorkbook> {
  const names = Array.from({ length: SHEETS }, (_, i) => `Model ${i + 1}`);
  const wb = new PreviewWorkbook({ evaluator: createFfpEvaluator(engineFunctions(byId)), sheets: names });
  await wb.suspendUpdates();
  for (const sheet of names) {
    const rows = Array.from({ length: ROWS }, (_, r) => [
      ELEMENTS[r % ELEMENTS.length],
      `=RARE.SHARE(A${r + 1})`,
      `=RARE.GAP(A${r + 1},${((r % 9) + 1) / 10})`,
      r,
    ]);
    await wb.run(async (b) => {
      b.writeFormulas(
        sheet,
        { row: 0, col: 0 },
        rows.map((row) => row.map(String)),
      );
      b.setNumberFormat(sheet, { row: 0, col: 2, rows: ROWS, cols: 1 }, "0.0%");
    });
  }
  await wb.resumeUpdates();
  return wb;
}

async function timedMs<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export async function runTravelBench(): Promise<Figure[]> {
  const bundle = loadFunctionsBundle();
  const runtime = bundle.global.RareRuntime as {
    bundled: { dataset: Dataset; version(): string };
    useQueries(q: unknown): void;
  };
  const wb = await generated(bundle.byId as Record<string, AssociatedFunction>);
  const version = runtime.bundled.version();
  const sheets = wb.sheetNames();

  const baseline = await timedMs(async () => {
    let cells = 0;
    for (const sheet of sheets) {
      const used = (await wb.usedRect(sheet))!;
      await readInBands(wb, sheet, used, (band) => void (cells += band.rect.rows * band.rect.cols));
    }
    return cells;
  });

  const figures: Figure[] = [];
  const measure = async (name: string, work: (w: Workbook) => Promise<unknown>) => {
    const meter: Meter = { requests: 0, largest: 0 };
    const t = await timedMs(() => work(metered(wb, meter)));
    figures.push(
      {
        section: SECTION,
        name: `${name}: time ÷ one plain read of the workbook`,
        value: t.ms / baseline.ms,
        unit: "×",
        digits: 1,
        note: `${(t.ms / 1000).toFixed(1)} s against ${(baseline.ms / 1000).toFixed(2)} s (preview, built bundle)`,
      },
      { section: SECTION, name: `${name}: Excel requests`, value: meter.requests, unit: "requests", digits: 0 },
      {
        section: SECTION,
        name: `${name}: largest request or response`,
        value: meter.largest / 1e6,
        unit: "MB",
        digits: 2,
        max: LIMIT_BYTES / 1e6,
        note: "Excel on the web refuses a request over 5 MB",
      },
    );
    return t.value;
  };

  const frozen = (await measure("Prepare a copy to share", (w) =>
    prepareShareCopy(w, { datasetVersion: version }),
  )) as { frozen: number };
  if (frozen.frozen !== SHEETS * ROWS * 2) throw new Error(`travel bench: froze ${frozen.frozen} cells`);
  const restored = (await measure("Restore RARE formulas", (w) => restoreFormulas(w))) as { restored: number };
  if (restored.restored !== SHEETS * ROWS * 2) throw new Error(`travel bench: restored ${restored.restored} cells`);
  const audit = (await measure("Audit RARE figures", (w) =>
    auditWorkbook(w, {
      cite: (k, key, f) => (bundle.byId.SOURCE([[k]], [[key]], [[f]]) as unknown[][])[0][0] as string,
      datasetVersion: version,
    }),
  )) as { rows: number };
  if (audit.rows !== SHEETS * ROWS * 2) throw new Error(`travel bench: audited ${audit.rows} cells`);

  await recordRefresh(wb, { version, overrides: "" });
  const { dataset } = mergeOverrides(runtime.bundled.dataset, {
    source: "workbook import: bench.csv",
    shares: [{ element: "Neodymium", share: 0.5 }],
  });
  runtime.useQueries(new RareData(dataset));
  await wb.recalculate(true);
  const changed = (await measure("What changed (record + compare)", (w) =>
    recordRefresh(w, { version, overrides: "bench" }),
  )) as { report: { changes: unknown[] } | null };
  const expected = (SHEETS * ROWS * 2 * 2) / ELEMENTS.length; // nd and Neodymium rows, share and gap
  if (changed.report?.changes.length !== expected)
    throw new Error(`travel bench: ${changed.report?.changes.length} changes, ${expected} expected`);
  return figures;
}

/**
 * `npx tsx bench/travel.ts` after `npm run build`: this bench alone, its section of
 * RESULTS.md replaced (or added) with the machine and date of this run; the other
 * sections keep the figures of their last full run.
 */
async function alone(): Promise<void> {
  const machine = machineInfo();
  const figures = await runTravelBench();
  console.log(terminalTable(figures));
  const file = join(__dirname, "RESULTS.md");
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# RARE benchmark results\n\n## Method\n";
  const machineLine = `Measured alone by \`npx tsx bench/travel.ts\` on ${machine.date}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}, load average ${machine.loadAverage} at start.`;
  const lines = sectionLines(SECTION, figures);
  const block = [...lines.slice(0, 2), machineLine, "", TRAVEL_METHOD, "", ...lines.slice(2)].join("\n");
  const start = text.indexOf(`## ${SECTION}`);
  const next = start < 0 ? -1 : text.indexOf("\n## ", start + 3);
  const updated =
    start >= 0
      ? text.slice(0, start) + block + (next >= 0 ? text.slice(next + 1) : "")
      : text.replace("## Method", `${block}\n## Method`);
  writeFileSync(file, updated);
  console.log(`Wrote the "${SECTION}" section of ${file}.`);
}

if (require.main === module)
  alone().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
