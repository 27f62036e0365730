/**
 * Import benchmark: a ~50 MB CSV made in memory (10 columns: site codes with leading zeros,
 * countries, quoted numbers with thousand separators, percents, decimals, ISO and d/m/y dates,
 * booleans, quoted notes with commas and doubled quotes) parsed by
 *   (a) bare Papa.parse(text), the baseline (strings only, delimiter guessed);
 *   (b) importCsv(text): the pane's full path (dialect, type sampling, typed columns, async slices);
 * and, for information, analyseAsync(text), the full-scan analysis the pane shows first.
 * Prints medians of RUNS runs, the ratio b/a (median of paired runs; target <= 1.5), MB/s, and memory.
 *
 * The baseline runs on its own instance of the papaparse module. The import reads with
 * papaparse too, and with one shared instance the two runs share V8's feedback and
 * allocation-site decisions: after the baseline has kept 280,000 rows, V8 allocates the rows
 * papaparse makes for the import (dropped at once there) straight into the old generation.
 * Measured: the import then ran ~1.5x slower and peaked ~100 MB higher than on its own, as
 * it runs in the pane, where no bare Papa.parse runs beside it.
 *
 * Memory method: heapUsed is read after a forced GC before the text exists (base), then sampled
 * at every progress callback (each ~25 ms slice) and at the end with the result still referenced.
 * "peak" = max sample - base, so it includes the text itself (target <= 3x the file size);
 * "result" = heap held by the result after a GC. RSS is sampled the same way. Samples between
 * callbacks are not seen, so peak is a lower bound for very short-lived spikes.
 *
 * Run: npx tsx bench/import.ts   (figures only: not a pass/fail test)
 */
import type Papa from "papaparse";
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { analyseAsync, importCsv, isRefusal } from "../src/csv";

export interface ImportBenchResult {
  sizeMB: number;
  rows: number;
  columns: number;
  runs: number;
  papaMedianMs: number;
  importMedianMs: number;
  /** analyseAsync: the full-scan analysis the pane runs before importing (informative). */
  analyseMedianMs: number;
  /** Median of per-pair ratios importCsv / Papa.parse (the target's figure). */
  ratio: number;
  /** importMedianMs / papaMedianMs, for information. */
  ratioOfMedians: number;
  papaMBps: number;
  importMBps: number;
  /** Heap + ArrayBuffers above the pre-text baseline at the sampled peak of an import (text included), MB. */
  peakHeapMB: number;
  peakRssMB: number;
  /** Heap the imported result keeps after a GC, MB. */
  resultHeapMB: number;
  /** Heap Papa's result keeps after a GC, MB (for comparison). */
  papaResultHeapMB: number;
  peakOverFile: number;
  method: string;
}

/**
 * Papa and import runs alternate, so each pair sees about the same machine load; the ratio is
 * the median of the pairs' ratios, which a load change between pairs moves less than the
 * ratio of the medians (both are reported).
 */
const RUNS = 7;
const TARGET_CHARS = 50 * 1024 * 1024;

const COUNTRIES = [
  "China",
  "United States",
  "Australia",
  "Burma",
  '"Korea, Republic of"',
  "Brazil",
  "India",
  "Viet Nam",
  "Thailand",
  "Madagascar",
];
const ELEMENTS = ["Neodymium", "Praseodymium", "Dysprosium", "Terbium", "Lanthanum", "Cerium", "Yttrium", "Samarium"];
const HEADER = "site_code,country,element,production_t,share,price_usd,reported_on,survey_date,verified,notes";

/** Deterministic pseudo-random numbers (xorshift), so every run sees the same file. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

export function makeCsv(targetChars = TARGET_CHARS): { text: string; rows: number } {
  const rand = rng(42);
  const parts: string[] = [HEADER];
  let size = HEADER.length;
  let rows = 0;
  while (size < targetChars) {
    const i = rows++;
    const code = String(Math.floor(rand() * 1e6)).padStart(6, "0");
    const production = Math.floor(rand() * 5e6).toLocaleString("en-US");
    const share = (Math.floor(rand() * 1000) / 10).toFixed(1);
    const price = (rand() * 2000).toFixed(2);
    const y = 2000 + Math.floor(rand() * 24);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const dmy = `${d}/${m}/${y}`;
    const note =
      i % 7 === 0
        ? `"Output ""estimated"" from company reports, rounded; site ${i} includes tailings, concentrate and mixed carbonate"`
        : `"Mine, processing and refining at site ${i}: figures from annual reports, cross-checked with customs data"`;
    const line = `${code},${COUNTRIES[i % 10]},${ELEMENTS[i % 8]},"${production}",${share}%,${price},${iso},${dmy},${i % 3 === 0 ? "TRUE" : "FALSE"},${note}`;
    parts.push(line);
    size += line.length + 1;
  }
  return { text: parts.join("\n"), rows };
}

function getGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const MB = 1024 * 1024;

/** Heap plus ArrayBuffer memory: typed column arrays live outside the JS heap. */
function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** A papaparse module instance of the baseline's own (see the top comment), not the import's. */
function separatePapa(): typeof Papa {
  const path = require.resolve("papaparse");
  const shared = require.cache[path];
  delete require.cache[path];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("papaparse") as typeof Papa;
  } finally {
    if (shared) require.cache[path] = shared;
    else delete require.cache[path];
  }
}

const BaselinePapa = separatePapa();

/** One run each, in its own function so the previous result is garbage before the next run. */
function papaOnce(text: string, rows: number, gc: () => void): { ms: number; kept: number } {
  gc();
  const before = used();
  const t0 = performance.now();
  const parsed = BaselinePapa.parse<string[]>(text);
  const ms = performance.now() - t0;
  gc();
  const kept = used() - before;
  if (parsed.data.length !== rows + 1) throw new Error(`Papa read ${parsed.data.length} rows`);
  return { ms, kept };
}

async function importOnce(
  text: string,
  rows: number,
  gc: () => void,
  sample: () => void,
): Promise<{ ms: number; kept: number; columns: number }> {
  gc();
  const before = used();
  const t0 = performance.now();
  const result = await importCsv(text, {}, { onProgress: sample });
  const ms = performance.now() - t0;
  sample();
  if (isRefusal(result)) throw new Error(result.message);
  if (result.rowCount !== rows) throw new Error(`import read ${result.rowCount} rows`);
  gc();
  const kept = used() - before;
  if (result.columns[3].values.get(0) === null) throw new Error("production should be a number");
  return { ms, kept, columns: result.columns.length };
}

export async function runImportBench(): Promise<ImportBenchResult> {
  const gc = getGc();
  gc();
  const base = used();
  const rssBase = process.memoryUsage().rss;
  const { text, rows } = makeCsv();
  const sizeMB = text.length / MB;

  let peak = 0;
  let peakRss = 0;
  const sample = (): void => {
    peak = Math.max(peak, used() - base);
    peakRss = Math.max(peakRss, process.memoryUsage().rss - rssBase);
  };
  const papa: Array<{ ms: number; kept: number }> = [];
  const imports: Array<{ ms: number; kept: number; columns: number }> = [];
  for (let r = 0; r < RUNS; r++) {
    papa.push(papaOnce(text, rows, gc));
    imports.push(await importOnce(text, rows, gc, sample));
  }

  const analyseTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const a = await analyseAsync(text);
    analyseTimes.push(performance.now() - t0);
    if (isRefusal(a) || a.rowCount !== rows) throw new Error("analysis failed");
  }

  const papaMedianMs = median(papa.map((p) => p.ms));
  const importMedianMs = median(imports.map((p) => p.ms));
  return {
    sizeMB,
    rows,
    columns: imports[0].columns,
    runs: RUNS,
    papaMedianMs,
    importMedianMs,
    analyseMedianMs: median(analyseTimes),
    ratio: median(imports.map((p, run) => p.ms / papa[run].ms)),
    ratioOfMedians: importMedianMs / papaMedianMs,
    papaMBps: sizeMB / (papaMedianMs / 1000),
    importMBps: sizeMB / (importMedianMs / 1000),
    peakHeapMB: peak / MB,
    peakRssMB: peakRss / MB,
    resultHeapMB: median(imports.map((p) => p.kept)) / MB,
    papaResultHeapMB: median(papa.map((p) => p.kept)) / MB,
    peakOverFile: peak / MB / sizeMB,
    method:
      "heapUsed + arrayBuffers sampled at each progress callback (~25 ms) minus a post-GC baseline taken before the text was built; RSS growth is reported but includes the generator's freed pages",
  };
}

export function formatImportBench(r: ImportBenchResult): string {
  const f = (n: number, d = 0): string => n.toFixed(d);
  const lines = [
    `CSV import: ${f(r.sizeMB, 1)} MB, ${r.rows} rows x ${r.columns} columns, median of ${r.runs} runs`,
    "",
    "| path                     | median ms |  MB/s |",
    "|--------------------------|----------:|------:|",
    `| Papa.parse(text)         | ${f(r.papaMedianMs).padStart(9)} | ${f(r.papaMBps, 1).padStart(5)} |`,
    `| importCsv (parse + type) | ${f(r.importMedianMs).padStart(9)} | ${f(r.importMBps, 1).padStart(5)} |`,
    `| analyseAsync (full scan) | ${f(r.analyseMedianMs).padStart(9)} | ${f(r.sizeMB / (r.analyseMedianMs / 1000), 1).padStart(5)} |`,
    "",
    `ratio importCsv / Papa: ${f(r.ratio, 2)}x, median of the ${r.runs} paired runs (target <= 1.5x); ratio of the medians ${f(r.ratioOfMedians, 2)}x`,
    `peak heap + ArrayBuffers during import (text included): ${f(r.peakHeapMB)} MB = ${f(r.peakOverFile, 2)}x file size (target <= 3x); peak RSS growth ${f(r.peakRssMB)} MB`,
    `heap + ArrayBuffers kept by the result: ${f(r.resultHeapMB)} MB (Papa's string rows: ${f(r.papaResultHeapMB)} MB)`,
    `memory method: ${r.method}`,
  ];
  return lines.join("\n");
}

if (require.main === module) {
  runImportBench().then(
    (r) => console.log(formatImportBench(r)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
