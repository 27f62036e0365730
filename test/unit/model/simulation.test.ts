import { combineMitigation, priceChange, supplyGap } from "../../../src/model/scenario";
import {
  SimulationCancelled,
  percentileInc,
  simulate,
  triangular,
  type SimulationInput,
} from "../../../src/model/simulation";
import { articleSimulationInput } from "./support/simulation-input";

const input: SimulationInput = { ...articleSimulationInput, mitigation: combineMitigation([0.2, 0.1]) };
const { elements } = input;

describe("triangular", () => {
  it("maps 0, the mode's share of the range and 1 to min, mode and max", () => {
    const t = { min: 1, mode: 2, max: 5 };
    expect(triangular(0, t)).toBe(1);
    expect(triangular(0.25, t)).toBeCloseTo(2, 12); // F(mode) = (2 − 1)/(5 − 1)
    expect(triangular(1 - 1e-15, t)).toBeCloseTo(5, 6);
    expect(triangular(0.5, { min: 3, mode: 3, max: 3 })).toBe(3);
  });
});

describe("percentileInc", () => {
  it("interpolates between ranks as Excel's PERCENTILE.INC", () => {
    // PERCENTILE.INC({1,2,3,4}, 0.5) = 2.5; (…, 0.05): rank 0.15 → 1.15; (…, 0.95): rank 2.85 → 3.85
    const s = Float64Array.from([1, 2, 3, 4]);
    expect(percentileInc(s, 0.5)).toBeCloseTo(2.5, 12);
    expect(percentileInc(s, 0.05)).toBeCloseTo(1.15, 12);
    expect(percentileInc(s, 0.95)).toBeCloseTo(3.85, 12);
  });
});

describe("simulate", () => {
  it("gives the same numbers for the same seed, and others for another", async () => {
    const a = await simulate(input);
    expect(await simulate(input)).toEqual(a);
    expect((await simulate({ ...input, seed: 43 })).elements[0].change.p50).not.toBe(a.elements[0].change.p50);
  });

  it("puts the percentiles in order, inside what the ranges allow, and every run in the histogram", async () => {
    const result = await simulate(input);
    result.elements.forEach((r, e) => {
      const share = elements[e].share;
      expect(r.gap.p5).toBeLessThanOrEqual(r.gap.p50);
      expect(r.gap.p50).toBeLessThanOrEqual(r.gap.p95);
      expect(r.gap.p5).toBeGreaterThanOrEqual(supplyGap(share, input.cut.min, input.mitigation));
      expect(r.gap.p95).toBeLessThanOrEqual(supplyGap(share, input.cut.max, input.mitigation));
      expect(r.change.p95).toBeLessThanOrEqual(
        priceChange(supplyGap(share, input.cut.max, input.mitigation), input.elasticity.min),
      );
      expect(r.histogram.reduce((a, b) => a + b, 0)).toBe(input.runs);
      expect(r.counted).toBe(input.runs);
    });
    // A degenerate range is the deterministic model.
    const fixed = await simulate({
      ...input,
      runs: 5,
      cut: { min: 0.3, mode: 0.3, max: 0.3 },
      elasticity: { min: 0.5, mode: 0.5, max: 0.5 },
    });
    expect(fixed.elements[0].change.p50).toBe(priceChange(supplyGap(elements[0].share, 0.3, input.mitigation), 0.5));
  });

  it("reports progress, and stops when cancelled, writing nothing", async () => {
    const seen: number[] = [];
    const controller = new AbortController();
    const run = simulate(
      { ...input, runs: 100_000 },
      {
        chunk: 10_000,
        signal: controller.signal,
        onProgress: (done) => {
          seen.push(done);
          if (done >= 30_000) controller.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(SimulationCancelled);
    expect(seen).toEqual([10_000, 20_000, 30_000]);
  });

  it("refuses ranges out of order or out of the model's domain", async () => {
    await expect(simulate({ ...input, cut: { min: 0.5, mode: 0.3, max: 0.6 } })).rejects.toThrow(/in that order/);
    await expect(simulate({ ...input, elasticity: { min: 0, mode: 0.5, max: 1 } })).rejects.toThrow(/Elasticity 0/);
    await expect(simulate({ ...input, runs: 0 })).rejects.toThrow(/Runs must be/);
  });
});
