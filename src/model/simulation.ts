/**
 * A seeded Monte Carlo run of the scenario model. Each run draws one export cut and one
 * elasticity from triangular distributions (min, most likely, max), shared by every element
 * (one disruption hits all of them), and computes each element's supply gap and price change
 * with the same functions RARE.GAP and RARE.PRICEIMPACT use. The summary gives P5, P50 and
 * P95 (Excel's PERCENTILE.INC: linear between the closest ranks) and a histogram of price
 * change on bins shared by all elements. Same seed, same inputs → the same numbers anywhere.
 */
import { invalidNumber, invalidValue } from "../data/errors";
import { prng } from "./prng";
import type { PriceModel } from "./price-model";
import { priceChange, supplyGap } from "./scenario";
import { formatNumber, requireElasticity, requireFraction } from "./scenario-inputs";

export interface Triangular {
  readonly min: number;
  readonly mode: number;
  readonly max: number;
}

export interface SimulationInput {
  readonly elements: ReadonlyArray<{ readonly name: string; readonly share: number }>;
  readonly cut: Triangular;
  readonly elasticity: Triangular;
  /** Combined mitigation offset, fixed across runs. */
  readonly mitigation: number;
  readonly model: PriceModel;
  readonly runs: number;
  readonly seed: number;
  /** Histogram bins (default 10). */
  readonly bins?: number;
}

export interface Percentiles {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

export interface ElementResult {
  readonly element: string;
  readonly gap: Percentiles;
  readonly change: Percentiles;
  /** Runs with a price change (a run whose gap has no finite price is left out and counted). */
  readonly counted: number;
  /** Runs per histogram bin. */
  readonly histogram: readonly number[];
}

export interface SimulationResult {
  readonly runs: number;
  readonly seed: number;
  readonly model: PriceModel;
  /** Bin edges: bins + 1 ascending values, shared by every element. */
  readonly binEdges: readonly number[];
  readonly elements: readonly ElementResult[];
}

export const DEFAULT_RUNS = 10_000;
export const MAX_RUNS = 1_000_000;

/** Inverse CDF of the triangular distribution at u ∈ [0, 1). */
export function triangular(u: number, { min, mode, max }: Triangular): number {
  if (max === min) return min;
  const f = (mode - min) / (max - min);
  return u < f
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** PERCENTILE.INC over an ascending array: rank p × (n − 1), linear between neighbours. */
export function percentileInc(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
}

function requireRange(range: Triangular, what: string, check: (v: number) => number): Triangular {
  const [min, mode, max] = [range.min, range.mode, range.max].map(check);
  if (!(min <= mode && mode <= max))
    throw invalidNumber(
      `${what}: the minimum (${formatNumber(min)}), most likely (${formatNumber(mode)}) and maximum (${formatNumber(max)}) must be in that order.`,
    );
  return { min, mode, max };
}

export function requireSimulationInput(input: SimulationInput): SimulationInput {
  if (input.elements.length === 0) throw invalidValue("Choose at least one element with a sourced China share.");
  if (!Number.isInteger(input.runs) || input.runs < 1 || input.runs > MAX_RUNS)
    throw invalidNumber(`Runs must be a whole number from 1 to ${MAX_RUNS.toLocaleString("en-US")}.`);
  if (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > 0xffffffff)
    throw invalidNumber("Seed must be a whole number from 0 to 4294967295.");
  return {
    ...input,
    cut: requireRange(input.cut, "Export cut", (v) => requireFraction(v, "Cut")),
    elasticity: requireRange(input.elasticity, "Elasticity", requireElasticity),
    mitigation: requireFraction(input.mitigation, "Mitigation"),
  };
}

export interface RunOptions {
  /** Runs computed between two yields to the event loop (progress and cancel points). */
  readonly chunk?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export class SimulationCancelled extends Error {
  constructor(readonly done: number) {
    super(`The simulation was cancelled after ${done.toLocaleString("en-US")} runs; nothing was written.`);
    this.name = "SimulationCancelled";
  }
}

/** Runs the simulation, yielding between chunks so a long run shows progress and can be cancelled. */
export async function simulate(raw: SimulationInput, options: RunOptions = {}): Promise<SimulationResult> {
  const input = requireSimulationInput(raw);
  const { runs, elements } = input;
  const rand = prng(input.seed);
  const gaps = elements.map(() => new Float64Array(runs));
  const changes = elements.map(() => new Float64Array(runs));
  const counts = elements.map(() => 0);
  const chunk = options.chunk ?? 50_000;
  for (let done = 0; done < runs;) {
    const end = Math.min(runs, done + chunk);
    for (let r = done; r < end; r++) {
      // Two draws per run, in a fixed order, whatever the element count.
      const cut = triangular(rand(), input.cut);
      const elasticity = triangular(rand(), input.elasticity);
      for (let e = 0; e < elements.length; e++) {
        const gap = supplyGap(elements[e].share, cut, input.mitigation);
        gaps[e][r] = gap;
        try {
          changes[e][counts[e]++] = priceChange(gap, elasticity, input.model);
        } catch {
          counts[e]--; // a 100 % gap under constant elasticity has no price: left out, counted
        }
      }
    }
    done = end;
    if (done < runs) {
      options.onProgress?.(done, runs);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (options.signal?.aborted) throw new SimulationCancelled(done);
    }
  }
  options.onProgress?.(runs, runs);
  return summarise(input, gaps, changes, counts);
}

function summarise(
  input: SimulationInput,
  gaps: Float64Array[],
  changes: Float64Array[],
  counts: number[],
): SimulationResult {
  const sorted = changes.map((c, e) => c.slice(0, counts[e]).sort());
  const bins = input.bins ?? 10;
  const all = sorted.filter((s) => s.length > 0);
  const lo = Math.min(...all.map((s) => s[0]));
  const hi = Math.max(...all.map((s) => s[s.length - 1]));
  const width = hi > lo ? (hi - lo) / bins : 1;
  const binEdges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  const pct = (s: Float64Array): Percentiles => ({
    p5: percentileInc(s, 0.05),
    p50: percentileInc(s, 0.5),
    p95: percentileInc(s, 0.95),
  });
  return {
    runs: input.runs,
    seed: input.seed,
    model: input.model,
    binEdges,
    elements: input.elements.map((el, e) => {
      const histogram = Array<number>(bins).fill(0);
      for (const v of sorted[e]) histogram[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
      return {
        element: el.name,
        gap: pct(gaps[e].sort()),
        change: pct(sorted[e]),
        counted: counts[e],
        histogram,
      };
    }),
  };
}
