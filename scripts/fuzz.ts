/**
 * `npm run fuzz`: the RARE functions' property test at a scale jest is not for, 1,000,000 runs
 * in total by default, split evenly across every function (scripts/fuzz/runner.ts reports).
 * Exits 1 on any failure, 2 on bad settings.
 *
 * Environment:
 *   RARE_FUZZ_RUNS  total runs (default 1000000)
 *   RARE_FUZZ_SEED  base seed (default: random, printed)
 *   RARE_FUZZ_ONLY  comma-separated function names, e.g. "gap,priceimpact"
 *   RARE_FUZZ_PATH  replay path of a reported failure (with its RARE_FUZZ_SEED and RARE_FUZZ_ONLY)
 */
import * as rare from "../functions/functions";
import { exportedFunctions } from "../test/support/function-property";
import { runFuzz } from "./fuzz/runner";

function settings(env: NodeJS.ProcessEnv): { total: number; seed: number; only?: string[]; path?: string } {
  const total = Number(env.RARE_FUZZ_RUNS ?? 1_000_000);
  const seed = Number(env.RARE_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  if (!Number.isInteger(total) || total < 1)
    throw new Error(`RARE_FUZZ_RUNS must be a positive integer, not "${env.RARE_FUZZ_RUNS}".`);
  if (!Number.isInteger(seed)) throw new Error(`RARE_FUZZ_SEED must be an integer, not "${env.RARE_FUZZ_SEED}".`);
  const only = env.RARE_FUZZ_ONLY?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    total,
    seed,
    ...(only?.length ? { only } : {}),
    ...(env.RARE_FUZZ_PATH ? { path: env.RARE_FUZZ_PATH } : {}),
  };
}

try {
  const report = runFuzz(exportedFunctions(rare), settings(process.env));
  process.exitCode = report.failed === 0 ? 0 : 1;
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
}
