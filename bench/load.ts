/**
 * Load time of the custom functions: evaluating dist/functions.js in a fresh vm context until
 * every function is associated (the script associates them as its last statements, so the
 * end of the evaluation is that moment). Each run evaluates a copy with a unique trailing
 * comment, so V8's in-isolate compilation cache cannot hand a later run the first run's
 * compiled code: every run parses and compiles as Excel's runtime does on a cold start.
 * For information: the same file re-evaluated (cache allowed), and the part of the load
 * spent unpacking the dataset and building its indexes (measured on src/ in process).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import packed from "../src/data/generated/dataset.json";
import { unpackDataset, type PackedDataset } from "../src/data/pack";
import { RareData } from "../src/data/rare-data";
import { loadFunctionsBundle } from "../test/support/functions-bundle";
import { distDir } from "../test/support/paths";
import type { Figure } from "./figures";
import { consume, median, timed } from "./stats";

const RUNS = 15;
const SECTION = "Load (dist/functions.js)";
const TARGET_MS = 20;

export function runLoadBench(): Figure[] {
  const file = join(distDir, "functions.js");
  const source = readFileSync(file, "utf8");
  const expected = (JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as { functions: unknown[] })
    .functions.length;
  const dir = mkdtempSync(join(tmpdir(), "rare-load-bench-"));
  const fresh: number[] = [];
  const cached: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const copy = join(dir, `functions-${run}.js`);
      writeFileSync(copy, `${source}\n// run ${run}: unique source, no compilation cache\n`);
      const bundle = loadFunctionsBundle(copy);
      if (bundle.associations.length !== expected) {
        throw new Error(
          `load bench: ${bundle.associations.length} functions associated, functions.json lists ${expected}`,
        );
      }
      fresh.push(bundle.loadMs);
      cached.push(loadFunctionsBundle(file).loadMs);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const data: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { ms, value } = timed(() => new RareData(unpackDataset(packed as unknown as PackedDataset)));
    consume(value.dataset.elements.length);
    data.push(ms);
  }

  return [
    {
      section: SECTION,
      name: "evaluate until all functions are associated",
      value: median(fresh),
      unit: "ms",
      digits: 2,
      max: TARGET_MS,
      note: `median of ${RUNS} runs, fresh vm context and unique source each (${expected} functions)`,
    },
    {
      section: SECTION,
      name: "slowest of those runs",
      value: Math.max(...fresh),
      unit: "ms",
      digits: 2,
      note: "for information: usually the first run, which also warms up the vm module",
    },
    {
      section: SECTION,
      name: "same, compilation cache allowed",
      value: median(cached),
      unit: "ms",
      digits: 2,
      note: "for information: the same file re-evaluated",
    },
    {
      section: SECTION,
      name: "of which: unpack dataset + build indexes",
      value: median(data),
      unit: "ms",
      digits: 2,
      note: `for information: src/ in process, median of ${RUNS}`,
    },
  ];
}
