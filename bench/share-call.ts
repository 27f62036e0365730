/**
 * Per-call cost of SHARE in src/ against the cheapest conceivable lookup: a bare Map.get of
 * keys normalised ahead of time. Same calls, same count, same accumulation, same process;
 * the three loops run interleaved (order rotated each run) so drift and GC hit them alike.
 *
 * - tryShare: the hot path the custom functions use (returns the RareError, never throws);
 * - share in try/catch: for information, what a throwing API would cost on the same mix;
 * - first call per distinct argument: a fresh RareData per pass, so every call misses the
 *   memo (name normalisation, resolution, and for unknown names the suggestions).
 */
import { bundled, bundledDataset } from "../src/data/bundled";
import { normalizeName } from "../src/data/names";
import { RareData } from "../src/data/rare-data";
import type { Figure } from "./figures";
import { distinctShareCalls, shareCalls, type ShareCall } from "./inputs";
import { consume, median, timed } from "./stats";

const RUNS = 15;
const WARMUP_RUNS = 2;
const CALLS = 200_000;
const FRESH_PASSES = 40;
const SECTION = "SHARE per call (src)";

type Loop = () => number;

function baselineLoop(table: Map<string, number>, keys: readonly string[]): Loop {
  return () => {
    let acc = 0;
    for (let i = 0; i < keys.length; i++) {
      const v = table.get(keys[i]);
      acc += v === undefined ? 1 : v;
    }
    return acc;
  };
}

function tryShareLoop(data: RareData, elements: readonly string[], stages: readonly (string | null)[]): Loop {
  return () => {
    let acc = 0;
    for (let i = 0; i < elements.length; i++) {
      const r = data.tryShare(elements[i], stages[i]);
      acc += typeof r === "number" ? r : 1;
    }
    return acc;
  };
}

function throwingShareLoop(data: RareData, elements: readonly string[], stages: readonly (string | null)[]): Loop {
  return () => {
    let acc = 0;
    for (let i = 0; i < elements.length; i++) {
      try {
        acc += data.share(elements[i], stages[i]);
      } catch {
        acc += 1;
      }
    }
    return acc;
  };
}

/** The baseline's key: what a caller that had already normalised the arguments would look up. */
const keyOf = (c: ShareCall): string =>
  c.stage === null ? normalizeName(c.element) : `${normalizeName(c.element)}\u0000${normalizeName(c.stage)}`;

interface Comparison {
  baselineNs: number;
  tryShareNs: number;
  throwingNs: number;
  /** Median over runs of each run's tryShare / baseline time: pairing cancels drift between runs. */
  tryRatio: number;
  throwRatio: number;
}

/** The three loops over the same calls, interleaved, order rotated each run. */
function compare(calls: readonly ShareCall[]): Comparison {
  const elements = calls.map((c) => c.element);
  const stages = calls.map((c) => c.stage);
  // One key string per distinct argument pair, as the pool repeats one string per input.
  const interned = new Map<string, string>();
  const keys = calls.map((c) => {
    const k = keyOf(c);
    return interned.get(k) ?? (interned.set(k, k), k);
  });
  const table = new Map<string, number>();
  for (const c of distinctShareCalls()) {
    const r = bundled.tryShare(c.element, c.stage);
    if (typeof r === "number") table.set(keyOf(c), r);
  }

  const loops: Array<[string, Loop]> = [
    ["baseline", baselineLoop(table, keys)],
    ["tryShare", tryShareLoop(bundled, elements, stages)],
    ["share", throwingShareLoop(bundled, elements, stages)],
  ];
  const times: Record<string, number[]> = { baseline: [], tryShare: [], share: [] };
  const sums: Record<string, number> = {};
  for (let run = 0; run < WARMUP_RUNS + RUNS; run++) {
    for (let j = 0; j < loops.length; j++) {
      const [name, loop] = loops[(run + j) % loops.length];
      const { ms, value } = timed(loop);
      consume(value);
      sums[name] = value;
      if (run >= WARMUP_RUNS) times[name].push(ms);
    }
  }
  // Same results from all three loops, or the baseline is not doing the same job.
  if (Math.abs(sums.baseline - sums.tryShare) > 1e-6 || Math.abs(sums.share - sums.tryShare) > 1e-6) {
    throw new Error(`SHARE bench: loops disagree (${sums.baseline}, ${sums.tryShare}, ${sums.share})`);
  }
  const ns = (name: string): number => (median(times[name]) * 1e6) / calls.length;
  const paired = (name: string): number => median(times[name].map((t, run) => t / times.baseline[run]));
  return {
    baselineNs: ns("baseline"),
    tryShareNs: ns("tryShare"),
    throwingNs: ns("share"),
    tryRatio: paired("tryShare"),
    throwRatio: paired("share"),
  };
}

export function runShareCallBench(): Figure[] {
  const calls = shareCalls(CALLS);
  const all = compare(calls);
  const withStage = compare(calls.filter((c) => c.stage !== null));
  const withoutStage = compare(calls.filter((c) => c.stage === null));

  const distinct = new Set(calls.map((c) => `${c.element}\u0000${c.stage}`)).size;
  const method = `median of ${RUNS} interleaved runs × ${CALLS.toLocaleString("en-US")} calls, ${distinct} distinct arguments`;
  const count = (keep: (c: ShareCall) => boolean): number => calls.filter(keep).length;
  const pct = (n: number): string => `${((100 * n) / CALLS).toFixed(0)} %`;
  const errors = count((c) => typeof bundled.tryShare(c.element, c.stage) !== "number");
  const mix = `${pct(count((c) => c.kind === "unknown"))} unknown names/stages, ${pct(errors)} of calls return an error`;
  const staged = count((c) => c.stage !== null);
  const fresh = firstCallCosts();

  return [
    {
      section: SECTION,
      name: "Map.get baseline (pre-normalised keys)",
      value: all.baselineNs,
      unit: "ns/call",
      digits: 1,
      note: method,
    },
    {
      section: SECTION,
      name: "bundled.tryShare (functions' hot path)",
      value: all.tryShareNs,
      unit: "ns/call",
      digits: 1,
      note: mix,
    },
    {
      section: SECTION,
      name: "tryShare / Map.get",
      value: all.tryRatio,
      unit: "×",
      digits: 2,
      max: 2,
      note: "median of per-run ratios; same process, same calls",
    },
    {
      section: SECTION,
      name: "bundled.share in try/catch",
      value: all.throwingNs,
      unit: "ns/call",
      digits: 1,
      note: "for information: the throwing API on the same mix",
    },
    { section: SECTION, name: "share (throwing) / Map.get", value: all.throwRatio, unit: "×", digits: 2 },
    {
      section: SECTION,
      name: "tryShare / Map.get, calls without a stage",
      value: withoutStage.tryRatio,
      unit: "×",
      digits: 2,
      note: `for information: ${pct(CALLS - staged)} of the mix, tryShare ${withoutStage.tryShareNs.toFixed(1)} ns/call`,
    },
    {
      section: SECTION,
      name: "tryShare / Map.get, calls with a stage",
      value: withStage.tryRatio,
      unit: "×",
      digits: 2,
      note: `for information: ${pct(staged)} of the mix, tryShare ${withStage.tryShareNs.toFixed(1)} ns/call`,
    },
    {
      section: SECTION,
      name: "first call, valid argument (memo miss)",
      value: fresh.validUs,
      unit: "µs/call",
      digits: 2,
      note: `median of ${FRESH_PASSES} passes, each on a fresh RareData`,
    },
    {
      section: SECTION,
      name: "first call, unknown name (memo miss + suggestions)",
      value: fresh.unknownUs,
      unit: "µs/call",
      digits: 2,
    },
  ];
}

/** Cost of the first call of each distinct argument, when nothing is memoised yet. */
function firstCallCosts(): { validUs: number; unknownUs: number } {
  const distinct = distinctShareCalls();
  const valid = distinct.filter((c) => c.kind !== "unknown");
  const unknown = distinct.filter((c) => c.kind === "unknown");
  const validUs: number[] = [];
  const unknownUs: number[] = [];
  for (let pass = 0; pass < FRESH_PASSES + 2; pass++) {
    const data = new RareData(bundledDataset);
    const validLoop = tryShareLoop(
      data,
      valid.map((c) => c.element),
      valid.map((c) => c.stage),
    );
    const unknownLoop = tryShareLoop(
      data,
      unknown.map((c) => c.element),
      unknown.map((c) => c.stage),
    );
    const v = timed(validLoop);
    const u = timed(unknownLoop);
    consume(v.value + u.value);
    if (pass < 2) continue; // the first passes also compile the code paths
    validUs.push((v.ms * 1000) / valid.length);
    unknownUs.push((u.ms * 1000) / unknown.length);
  }
  return { validUs: median(validUs), unknownUs: median(unknownUs) };
}
