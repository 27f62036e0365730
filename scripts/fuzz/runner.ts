/**
 * Runs the functions' property (test/support/function-property.ts) over a list of functions,
 * `total` runs split evenly, and reports as it goes: one line per function (runs, failures,
 * time; on a failure the shrunk counterexample and how to replay it), then a summary line.
 * Separate from the CLI so a test can hand it a deliberately broken function.
 */
import fc from "fast-check";
import { RareFunction, wellTypedTotalDeterministic } from "../../test/support/function-property";

export interface FuzzOptions {
  /** Runs across all functions. */
  readonly total: number;
  /** Base seed; the function at index i of the full list uses seed + i, so a subset replays the same inputs. */
  readonly seed: number;
  /** fast-check replay path of a reported failure. */
  readonly path?: string;
  /** Names to run (default: all). */
  readonly only?: readonly string[];
  readonly log?: (line: string) => void;
}

export interface FunctionReport {
  readonly name: string;
  readonly runs: number;
  readonly failures: number;
  readonly ms: number;
  readonly counterexample?: string;
  readonly error?: string;
  /** fast-check's replay path of the failure. */
  readonly path?: string;
}

export interface FuzzReport {
  readonly runs: number;
  readonly failed: number;
  readonly ms: number;
  readonly functions: readonly FunctionReport[];
}

/** `total` split across `n` as evenly as integers allow (the first ones get the remainder). */
export function splitRuns(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total % n ? 1 : 0));
}

const group = (n: number): string => n.toLocaleString("en-US");
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function runFuzz(all: ReadonlyArray<readonly [string, RareFunction]>, options: FuzzOptions): FuzzReport {
  const log = options.log ?? ((line: string) => console.log(line));
  const only = options.only?.map((n) => n.toLowerCase());
  const chosen = only ? all.filter(([name]) => only.includes(name.toLowerCase())) : all;
  if (chosen.length === 0) throw new Error(`No function matches ${only?.join(", ")}`);
  const shares = splitRuns(options.total, chosen.length);
  const width = Math.max(...chosen.map(([name]) => name.length));
  log(`RARE fuzz: ${group(options.total)} runs across ${chosen.length} functions, seed ${options.seed}`);

  const started = performance.now();
  const reports: FunctionReport[] = chosen.map(([name, fn], i) => {
    const t0 = performance.now();
    const seed = (options.seed + all.findIndex(([n]) => n === name)) | 0;
    const details = fc.check(wellTypedTotalDeterministic(fn), {
      numRuns: shares[i],
      seed,
      ...(options.path ? { path: options.path } : {}),
    });
    const ms = performance.now() - t0;
    const failures = details.failed ? 1 : 0;
    log(
      `  ${name.padEnd(width)}  ${group(details.numRuns).padStart(9)} runs  ${failures} ${failures === 1 ? "failure " : "failures"}  ${seconds(ms).padStart(8)}`,
    );
    if (!details.failed) return { name, runs: details.numRuns, failures, ms };
    // fast-check stops at the first failing input and shrinks it: the remaining runs are not made.
    const error = (
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
    ).split("\n")[0];
    const counterexample = fc.stringify(details.counterexample?.[0]);
    log(`      counterexample (shrunk ${details.numShrinks} times): ${counterexample}`);
    log(`      error: ${error}`);
    log(
      `      replay: RARE_FUZZ_SEED=${options.seed} RARE_FUZZ_ONLY=${name} RARE_FUZZ_PATH="${details.counterexamplePath}" npm run fuzz`,
    );
    return {
      name,
      runs: details.numRuns,
      failures,
      ms,
      counterexample,
      error,
      path: details.counterexamplePath ?? undefined,
    };
  });

  const runs = reports.reduce((sum, r) => sum + r.runs, 0);
  const failed = reports.reduce((sum, r) => sum + r.failures, 0);
  const ms = performance.now() - started;
  log(
    `fuzz: ${group(runs)} runs, ${reports.length - failed} functions passed, ${failed} failed, ${seconds(ms)} (seed ${options.seed})`,
  );
  return { runs, failed, ms, functions: reports };
}
