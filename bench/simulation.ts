/**
 * The pane's seeded simulation: 10,000 runs × 5 elements (src/model/simulation.ts, the code
 * the pane bundles), against a baseline measured in the same run: the same 50,000 price
 * changes asked of RARE.PRICEIMPACT in the built dist/functions.js, one call per element and
 * run as Excel would call it for a sheet of formulas. The target is the issue's: under 1 s.
 */
import { articleElements } from "../test/support/seed-facts";
import { simulate, type SimulationInput } from "../src/model/simulation";
import type { Figure } from "./figures";
import { loadInPlainRealm } from "./plain-realm";
import { consume, median, nowNs } from "./stats";

const SECTION = "Simulation (bench/simulation.ts)";
const RUNS = 10_000;
const REPEATS = 7;

export async function runSimulationBench(): Promise<Figure[]> {
  // Five elements: the seed article's three sourced shares, then two of them again under other names.
  const shares = articleElements.map((e) => e.share);
  const elements = Array.from({ length: 5 }, (_, i) => ({ name: `E${i + 1}`, share: shares[i % shares.length] }));
  const input: SimulationInput = {
    elements,
    cut: { min: 0.1, mode: 0.3, max: 0.6 },
    elasticity: { min: 0.3, mode: 0.5, max: 0.9 },
    mitigation: 0.2,
    model: "constant",
    runs: RUNS,
    seed: 42,
  };
  const { byId, inRealm } = loadInPlainRealm();
  const priceimpact = byId.PRICEIMPACT;
  const names = articleElements.map((e) => inRealm([[e.element]]));
  const args = Array.from({ length: 64 }, (_, i) =>
    inRealm([[[0.1 + (i % 50) / 100]], [[0.3 + (i % 7) / 10]], [[0.2]], [["constant"]]]),
  );
  const ms = (start: bigint) => Number(nowNs() - start) / 1e6;

  const sim: number[] = [];
  const base: number[] = [];
  await simulate({ ...input, runs: 1000 }); // warm-up
  for (let r = 0; r < REPEATS; r++) {
    let start = nowNs();
    const result = await simulate(input);
    sim.push(ms(start));
    consume(result.elements[0].change.p50);
    start = nowNs();
    let acc = 0;
    for (let run = 0; run < RUNS; run++) {
      for (let e = 0; e < 5; e++) {
        const [cut, elasticity, mitigation, model] = args[(run + e) & 63];
        const out = priceimpact(names[e % names.length], cut, elasticity, mitigation, model) as number[][];
        acc += out[0][0];
      }
    }
    base.push(ms(start));
    consume(acc);
  }
  const simMs = median(sim);
  const baseMs = median(base);
  return [
    {
      section: SECTION,
      name: "50,000 PRICEIMPACT calls through dist/functions.js, baseline",
      value: baseMs,
      unit: "ms",
      digits: 0,
      note: `median of ${REPEATS}`,
    },
    {
      section: SECTION,
      name: "simulate: 10,000 runs × 5 elements, seed 42",
      value: simMs,
      unit: "ms",
      digits: 0,
      max: 1000,
      note: `median of ${REPEATS}, percentiles and histogram included`,
    },
    { section: SECTION, name: "simulate / baseline", value: simMs / baseMs, unit: "×", digits: 2 },
  ];
}
