/**
 * Whole columns and big ranges through the BUILT bundle, as Excel calls a function whose
 * argument is a range: one call with a matrix made in the bundle's realm.
 *
 * `=RARE.SHARE(A:A)`: 1,048,576 rows holding 2,000 names and blanks below them, against
 * the same call where every row holds a name (the baseline). Each case runs in its own
 * child process, so its peak memory (maxRSS over the RSS before the call, the column
 * already built) is its own and not a high-water mark left by another bench. Empty cells
 * are passed as null (Excel's empty cell); the "" variant is measured for information.
 *
 * Every other function with parameters (ids from dist/functions.json) over a
 * 100,000-cell column of its own kind of names, against SHARE over the same size.
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { distDir } from "../test/support/paths";
import type { Figure } from "./figures";
import { shareCalls } from "./inputs";
import { loadInPlainRealm } from "./plain-realm";
import { consume, median, timed } from "./stats";

const SECTION = "Big ranges (dist/functions.js)";
const COLUMN_ROWS = 1_048_576;
const NAMES = 2_000;
const RANGE_CELLS = 100_000;
const MAX_RATIO = 1.5;
const MAX_MB = 250;

type ColumnCase = "blank-null" | "blank-empty-string" | "full";

interface ColumnResult {
  medianMs: number;
  /** CPU time of the call (user + system), less sensitive than wall time to other processes on a shared machine. */
  medianCpuMs: number;
  runs: number;
  peakMB: number;
}

/** The 2,000 names a user would have at the top of the column (SHARE's seeded mix). */
function names(): string[] {
  return shareCalls(NAMES, 7).map((c) => c.element);
}

function column(kind: ColumnCase): unknown[][] {
  const top = names();
  const blank = kind === "blank-empty-string" ? "" : null;
  const rows: unknown[][] = new Array(COLUMN_ROWS);
  for (let r = 0; r < COLUMN_ROWS; r++) rows[r] = [kind === "full" || r < NAMES ? top[r % NAMES] : blank];
  return rows;
}

/** In the child: one case, first call's peak memory, then the median of warm calls. */
function measureColumn(kind: ColumnCase): ColumnResult {
  const bundle = loadInPlainRealm();
  const share = bundle.byId.SHARE;
  const arg = bundle.inRealm(column(kind));
  const before = process.memoryUsage().rss;
  const first = share(arg, null) as unknown[][];
  const peakMB = Math.max(0, process.resourceUsage().maxRSS * 1024 - before) / 1024 ** 2;
  consume(first.length);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const startCpu = process.cpuUsage();
    const { ms, value } = timed(() => (share(arg, null) as unknown[][]).length);
    const used = process.cpuUsage(startCpu);
    consume(value);
    times.push(ms);
    cpu.push((used.user + used.system) / 1000);
  }
  return { medianMs: median(times), medianCpuMs: median(cpu), runs: times.length, peakMB };
}

function inChild(kind: ColumnCase): ColumnResult {
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--column", kind], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as ColumnResult;
}

/** A column of names of the kind a parameter takes, from the bundle's own LIST (the first parameter's name decides). */
const LIST_FOR: Record<string, string> = {
  element: "elements",
  country: "countries",
  factor: "risks",
  name: "strategies",
  oxide_or_element: "oxides",
  year: "years",
  kind: "kinds",
};
/** Scalar values for the other required parameters. */
const SCALAR_FOR: Record<string, unknown> = { key: "Neodymium", cut: 0.5 };

interface Metadata {
  functions: Array<{ id: string; parameters: Array<{ name: string; optional?: boolean }> }>;
}

function rangeFigures(): Figure[] {
  const bundle = loadInPlainRealm();
  const metadata = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as Metadata;
  const listOf = (kind: string): unknown[] => (bundle.byId.LIST([[kind]]) as unknown[][]).map((row) => row[0]);
  const measure = (id: string, args: unknown[]): number => {
    const fn = bundle.byId[id];
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { ms, value } = timed(() => (fn(...args) as unknown[][]).length);
      consume(value);
      if (i > 0) times.push(ms);
    }
    return median(times);
  };
  const argsFor = (fn: Metadata["functions"][number]): unknown[] =>
    fn.parameters.map((p, i) => {
      if (i === 0) {
        const pool = listOf(LIST_FOR[p.name] ?? "elements");
        const rows: unknown[][] = new Array(RANGE_CELLS);
        for (let r = 0; r < RANGE_CELLS; r++) rows[r] = [pool[r % pool.length]];
        return bundle.inRealm(rows);
      }
      return p.name in SCALAR_FOR ? bundle.inRealm([[SCALAR_FOR[p.name]]]) : null;
    });
  const withParameters = metadata.functions.filter((f) => f.parameters.length > 0);
  const baseline = measure("SHARE", argsFor(withParameters.find((f) => f.id === "SHARE")!));
  return withParameters.map((fn) => {
    const ms = fn.id === "SHARE" ? baseline : measure(fn.id, argsFor(fn));
    return {
      section: SECTION,
      name: `${fn.id} over a ${RANGE_CELLS.toLocaleString("en-US")}-cell column`,
      value: ms,
      unit: "ms",
      digits: 1,
      note: `${(ms / baseline).toFixed(2)}× SHARE over the same size (${baseline.toFixed(1)} ms); first argument: ${LIST_FOR[fn.parameters[0].name] ?? "elements"} from LIST, cycled; median of 3 warm calls`,
    };
  });
}

export function runBigRangesBench(): Figure[] {
  const full = inChild("full");
  const blank = inChild("blank-null");
  const blankText = inChild("blank-empty-string");
  const rows = COLUMN_ROWS.toLocaleString("en-US");
  return [
    {
      section: SECTION,
      name: `SHARE(A:A), ${rows} rows, ${NAMES.toLocaleString("en-US")} names then blanks: time vs every row a name`,
      value: blank.medianMs / full.medianMs,
      unit: "×",
      digits: 2,
      max: MAX_RATIO,
      note: `${blank.medianMs.toFixed(0)} ms vs ${full.medianMs.toFixed(0)} ms (CPU ${blank.medianCpuMs.toFixed(0)} ms vs ${full.medianCpuMs.toFixed(0)} ms), medians of ${blank.runs} warm calls, each case in its own process`,
    },
    {
      section: SECTION,
      name: "SHARE(A:A), names then blanks: peak memory of the first call",
      value: blank.peakMB,
      unit: "MB",
      digits: 0,
      max: MAX_MB,
      note: "maxRSS over the RSS before the call, the column already built",
    },
    {
      section: SECTION,
      name: "SHARE(A:A), every row a name: peak memory of the first call",
      value: full.peakMB,
      unit: "MB",
      digits: 0,
      note: "for information",
    },
    {
      section: SECTION,
      name: 'SHARE(A:A), blanks passed as "": time vs every row a name',
      value: blankText.medianMs / full.medianMs,
      unit: "×",
      digits: 2,
      note: `for information: ${blankText.medianMs.toFixed(0)} ms (CPU ${blankText.medianCpuMs.toFixed(0)} ms), peak ${blankText.peakMB.toFixed(0)} MB`,
    },
    ...rangeFigures(),
  ];
}

if (require.main === module) {
  const at = process.argv.indexOf("--column");
  if (at >= 0) {
    console.log(JSON.stringify(measureColumn(process.argv[at + 1] as ColumnCase)));
  } else {
    for (const f of runBigRangesBench())
      console.log(
        `${f.section} | ${f.name}: ${f.value.toFixed(f.digits)} ${f.unit}${f.max === undefined ? "" : ` (target ≤ ${f.max})`} ${f.note ?? ""}`,
      );
  }
}
