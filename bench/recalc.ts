/**
 * Recalculation through the BUILT bundle: dist/functions.js loaded into a fresh realm with
 * ordinary globals (plain-realm.ts says why), its associated functions called with matrices
 * made in that realm, exactly as Excel passes them. Argument matrices are built before
 * timing (Excel builds them, not us). Medians are of warm runs, as when a sheet recalculates
 * again; the first pass over a freshly loaded bundle (nothing memoised, nothing optimised)
 * and the same calls through test/support's vm sandbox are reported for information.
 */
import { loadFunctionsBundle, type Associated } from "../test/support/functions-bundle";
import type { Figure } from "./figures";
import { mixedCalls, shareArgs, shareCalls, type Args, type MixedCall } from "./inputs";
import { loadInPlainRealm } from "./plain-realm";
import { consume, median, timed } from "./stats";

const SECTION = "Recalculation (dist/functions.js)";
const TARGET_MS_PER_10K = 10;
const IDS = ["SHARE", "RISK", "PRODUCTION", "PRICE", "COUNTRYSHARE"] as const;

/** Calls `fn` once per argument list, as Excel does for single-cell formulas. */
function recalc(fn: Associated, argLists: readonly Args[]): number {
  let acc = 0;
  for (let i = 0; i < argLists.length; i++) {
    const a = argLists[i];
    const v = (fn(a[0], a[1]) as unknown[][])[0][0];
    acc += typeof v === "number" ? v : 1;
  }
  return acc;
}

function recalcMixed(byId: Record<string, Associated>, calls: readonly MixedCall[]): number {
  let acc = 0;
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i];
    const v = (byId[c.id](c.args[0], c.args[1]) as unknown[][])[0][0];
    acc += typeof v === "number" ? v : 1;
  }
  return acc;
}

interface Measured {
  ms: number;
  runs: number;
}

/**
 * Median of up to `runs` timings after one untimed warm-up, stopping early once `capMs` of
 * timed work is spent, so a pathologically slow case cannot stall the whole suite.
 */
function warmMedian(runs: number, work: () => number, capMs = 3000): Measured {
  const warm = timed(work);
  consume(warm.value);
  if (warm.ms > capMs) return { ms: warm.ms, runs: 1 };
  const times: number[] = [];
  let spent = 0;
  while (times.length < runs && spent < capMs) {
    const { ms, value } = timed(work);
    consume(value);
    times.push(ms);
    spent += ms;
  }
  return { ms: median(times), runs: times.length };
}

const runsNote = (m: Measured): string => `median of ${m.runs} warm run${m.runs === 1 ? "" : "s"}`;

export function runRecalcBench(): Figure[] {
  // First pass: a fresh bundle, so name resolution and memos start empty.
  const cold = loadInPlainRealm();
  const coldArgs = cold.inRealm(shareCalls(10_000, 11).map(shareArgs));
  const first = timed(() => recalc(cold.byId.SHARE, coldArgs));
  consume(first.value);

  const { byId, inRealm, kind } = loadInPlainRealm();
  const share10k = inRealm(shareCalls(10_000, 11).map(shareArgs));
  const share100k = inRealm(shareCalls(100_000, 12).map(shareArgs));
  const rangeOf = (cells: number): unknown[][] => inRealm(shareCalls(cells, 13).map((c) => [c.element]));
  const rangeCall = (column: unknown[][]) => (): number => {
    const out = byId.SHARE(column, null) as unknown[][];
    if (out.length !== column.length) throw new Error(`SHARE over a range gave ${out.length} rows`);
    return typeof out[0][0] === "number" ? out[0][0] : 1;
  };

  const ms10k = warmMedian(15, () => recalc(byId.SHARE, share10k));
  const ms100k = warmMedian(7, () => recalc(byId.SHARE, share100k));
  const range1k = warmMedian(9, rangeCall(rangeOf(1_000)));
  const range10k = warmMedian(9, rangeCall(rangeOf(10_000)));
  const mixedArgs = inRealm(mixedCalls(10_000));
  const mixed = warmMedian(9, () => recalcMixed(byId, mixedArgs));
  const perFunction = IDS.map((id): Figure => {
    const own = inRealm(
      mixedCalls(50_000, 21)
        .filter((c) => c.id === id)
        .slice(0, 10_000),
    );
    const m = warmMedian(9, () => recalcMixed(byId, own));
    return {
      section: SECTION,
      name: `${id} alone: 10,000 single-cell calls`,
      value: m.ms,
      unit: "ms",
      digits: 2,
      note: "for information: ~10 % of calls give an error",
    };
  });

  const sandbox = loadFunctionsBundle();
  const sandboxArgs = shareCalls(10_000, 11).map(shareArgs);
  const sandbox10k = warmMedian(9, () => recalc(sandbox.byId.SHARE, sandboxArgs));

  const realm = kind === "plain" ? "fresh realm, ordinary globals" : "vm sandbox (this Node has no DONT_CONTEXTIFY)";
  return [
    {
      section: SECTION,
      name: "SHARE: 10,000 single-cell calls",
      value: ms10k.ms,
      unit: "ms",
      digits: 2,
      max: TARGET_MS_PER_10K,
      note: `${runsNote(ms10k)}; ${realm}`,
    },
    {
      section: SECTION,
      name: "SHARE: 100,000 single-cell calls",
      value: ms100k.ms,
      unit: "ms",
      digits: 1,
      max: 10 * TARGET_MS_PER_10K,
      note: `${runsNote(ms100k)} (10 ms per 10,000)`,
    },
    {
      section: SECTION,
      name: "SHARE: first 10,000 calls after a fresh load",
      value: first.ms,
      unit: "ms",
      digits: 2,
      note: "for information: memos empty, code not yet optimised",
    },
    {
      section: SECTION,
      name: "SHARE: one call over a 10,000 × 1 range",
      value: range10k.ms,
      unit: "ms",
      digits: 1,
      max: TARGET_MS_PER_10K,
      note: `${runsNote(range10k)}; held to the same 10 ms per 10,000 cells`,
    },
    {
      section: SECTION,
      name: "SHARE: one call over a 1,000 × 1 range",
      value: range1k.ms,
      unit: "ms",
      digits: 2,
      note: `for information (${runsNote(range1k)}): 10× the cells should cost 10× the time`,
    },
    {
      section: SECTION,
      name: "mix of 5 functions: 10,000 single-cell calls",
      value: mixed.ms,
      unit: "ms",
      digits: 2,
      note: `for information: ${IDS.join(", ")} interleaved`,
    },
    ...perFunction,
    {
      section: SECTION,
      name: "SHARE: 10,000 single-cell calls in loadFunctionsBundle's vm sandbox",
      value: sandbox10k.ms,
      unit: "ms",
      digits: 2,
      note: "for information: every global lookup there goes through the sandbox interceptor",
    },
  ];
}
