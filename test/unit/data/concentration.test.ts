import { RareError } from "../../../src/data/errors";
import { hhi, shares } from "../../../src/data/concentration";

describe("hhi", () => {
  it("is 10,000 for a single producer and 10,000/n for n equal producers", () => {
    expect(hhi([42])).toBe(10000);
    expect(hhi([5, 5])).toBeCloseTo(5000, 9);
    expect(hhi([1, 1, 1, 1])).toBeCloseTo(2500, 9);
  });

  it("sums squared percentage shares of the total", () => {
    // 60/30/10 → 3600 + 900 + 100
    expect(hhi([600, 300, 100])).toBeCloseTo(4600, 9);
  });

  it("zero producers add nothing; order does not matter", () => {
    expect(hhi([600, 0, 300, 100, 0])).toBeCloseTo(hhi([100, 300, 600]), 9);
  });

  it("rejects negative, non-finite and all-zero input as #NUM!", () => {
    for (const bad of [[-1, 2], [Number.NaN], [Infinity, 1], [0, 0], []]) {
      expect(() => hhi(bad)).toThrow(RareError);
      try {
        hhi(bad);
      } catch (e) {
        expect((e as RareError).code).toBe("invalidNumber");
      }
    }
  });
});

describe("shares", () => {
  it("each value over the total, summing to 1", () => {
    const s = shares([270000, 45000, 78950]);
    expect(s[0]).toBeCloseTo(270000 / 393950, 12);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
