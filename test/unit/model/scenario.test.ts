import fc from "fast-check";
import type { RareQueries } from "../../../src/data/api";
import { RareError, notAvailable } from "../../../src/data/errors";
import { caughtRareError as rareError } from "../../support/rare-error";
import {
  combineMitigation,
  costImpact,
  evaluateScenario,
  gap,
  priceChange,
  priceImpact,
  supplyGap,
} from "../../../src/model/scenario";

// A tiny fake `share` so the model is tested alone. Neodymium 0.8 is the seed article's
// figure; "Holmium" stands for a known element with no sourced share; "Override" for a
// workbook override typed as 80 instead of 80 %.
const unknownElement = notAvailable('Unknown element "Unobtainium". Did you mean: Neodymium?');
const queries: Pick<RareQueries, "share"> = {
  share(element) {
    switch (element) {
      case "Neodymium":
        return 0.8;
      case "Dysprosium":
        return 0.85;
      case "Holmium":
        throw notAvailable("Holmium: the sources give no China share for this element.");
      case "Override":
        return 80;
      default:
        throw unknownElement;
    }
  },
};

describe("supplyGap", () => {
  it("is share × cut × (1 − mitigation)", () => {
    // 0.8 × 0.5 × (1 − 0.25) = 0.8 × 0.5 × 0.75 = 0.3
    expect(supplyGap(0.8, 0.5, 0.25)).toBeCloseTo(0.3, 12);
    // 0.85 × 1 × (1 − 0) = 0.85
    expect(supplyGap(0.85, 1, 0)).toBeCloseTo(0.85, 12);
  });

  it("is 0 at the edges: no cut, or full mitigation", () => {
    expect(supplyGap(0.8, 0, 0)).toBe(0);
    expect(supplyGap(0.8, 0.5, 1)).toBe(0);
  });
});

describe("gap (RARE.GAP)", () => {
  it("uses the dataset share", () => {
    // 0.8 × 0.5 × 0.75 = 0.3
    expect(gap(queries, "Neodymium", 0.5, 0.25)).toBeCloseTo(0.3, 12);
  });

  it("defaults mitigation to 0 when omitted (null)", () => {
    // 0.8 × 0.5 × 1 = 0.4
    expect(gap(queries, "Neodymium", 0.5, null)).toBeCloseTo(0.4, 12);
  });

  it("accepts the bounds 0 and 1 for cut and mitigation", () => {
    expect(gap(queries, "Neodymium", 0, null)).toBe(0);
    expect(gap(queries, "Neodymium", 1, null)).toBeCloseTo(0.8, 12);
    expect(gap(queries, "Neodymium", 1, 1)).toBe(0);
  });

  it("passes the dataset's error for an unknown element through unchanged (#N/A with suggestions)", () => {
    expect(rareError(() => gap(queries, "Unobtainium", 0.5, null))).toBe(unknownElement);
  });

  it("passes the dataset's #N/A for an element with no sourced share", () => {
    const e = rareError(() => gap(queries, "Holmium", 0.5, null));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toMatch(/no China share/);
  });

  it("reports the element before a bad cut (arguments checked in order)", () => {
    expect(rareError(() => gap(queries, "Unobtainium", 80, null))).toBe(unknownElement);
  });

  it("rejects a cut typed as 80 with a hint to enter 80% or 0.8 (#NUM!)", () => {
    const e = rareError(() => gap(queries, "Neodymium", 80, null));
    expect(e.code).toBe("invalidNumber");
    expect(e.message).toBe("Cut 80 (8000%) is outside 0..1 (0% to 100%). If you meant 80%, enter 80% or 0.8.");
  });

  it.each([
    [-0.1, "Cut -0.1 (-10%) is outside 0..1 (0% to 100%)."],
    [150, "Cut 150 (15000%) is outside 0..1 (0% to 100%)."],
    // 150% typed into a percent cell reaches the function as 1.5: the hint must not say "1.5, not 150%".
    [1.5, "Cut 1.5 (150%) is outside 0..1 (0% to 100%). If you meant 1.5%, enter 1.5% or 0.015."],
    [
      1.0000001,
      "Cut 1.0000001 (100.00001%) is outside 0..1 (0% to 100%). If you meant 1.0000001%, enter 1.0000001% or 0.010000001.",
    ],
  ])("rejects cut %p (#NUM!)", (cut, message) => {
    const e = rareError(() => gap(queries, "Neodymium", cut, null));
    expect(e.code).toBe("invalidNumber");
    expect(e.message).toBe(message);
  });

  it.each([NaN, Infinity, -Infinity])("rejects a non-finite cut %p (#NUM!)", (cut) => {
    expect(rareError(() => gap(queries, "Neodymium", cut, null)).code).toBe("invalidNumber");
  });

  it("rejects a cut of the wrong type (#VALUE!)", () => {
    const e = rareError(() => gap(queries, "Neodymium", "half" as unknown as number, null));
    expect(e.code).toBe("invalidValue");
    expect(e.message).toBe('Cut must be a number, got "half".');
  });

  it.each([
    [25, "Mitigation 25 (2500%) is outside 0..1 (0% to 100%). If you meant 25%, enter 25% or 0.25."],
    [-0.5, "Mitigation -0.5 (-50%) is outside 0..1 (0% to 100%)."],
  ])("rejects mitigation %p (#NUM!)", (mitigation, message) => {
    const e = rareError(() => gap(queries, "Neodymium", 0.5, mitigation));
    expect(e.code).toBe("invalidNumber");
    expect(e.message).toBe(message);
  });

  it("rejects a dataset share outside 0..1 (an override typed as 80) rather than returning 40", () => {
    const e = rareError(() => gap(queries, "Override", 0.5, null));
    expect(e.code).toBe("invalidNumber");
    expect(e.message).toMatch(/^China share of Override 80 \(8000%\) is outside 0\.\.1/);
  });
});

describe("priceChange", () => {
  it("is (1 − gap)^(−1/elasticity) − 1 by default (constant elasticity)", () => {
    // (1 − 0.3)^(−1/0.5) − 1 = 0.7^−2 − 1 = 1/0.49 − 1 = 0.51/0.49 = 1.040816…
    expect(priceChange(0.3, 0.5)).toBeCloseTo(0.51 / 0.49, 12);
    expect(priceChange(0.3, 0.5, "constant")).toBeCloseTo(0.51 / 0.49, 12);
    // (1 − 0.5)^(−1/2) − 1 = √2 − 1
    expect(priceChange(0.5, 2)).toBeCloseTo(Math.SQRT2 - 1, 12);
    // The figure: a 30 % gap at 0.5 is +104 % against +60 % linear.
    expect(Math.round(priceChange(0.3, 0.5) * 100)).toBe(104);
  });

  it('is gap ÷ elasticity with "linear"', () => {
    // 0.3 ÷ 0.5 = 0.6 (+60 %); 0.4 ÷ 2 = 0.2
    expect(priceChange(0.3, 0.5, "linear")).toBeCloseTo(0.6, 12);
    expect(priceChange(0.4, 2, "linear")).toBeCloseTo(0.2, 12);
  });

  it("agrees with the linear rule for small gaps and lies above it for larger ones", () => {
    // d/dg [(1 − g)^(−1/ε) − 1] at g = 0 is 1/ε: the linear rule is the tangent.
    expect(priceChange(1e-6, 0.5) / priceChange(1e-6, 0.5, "linear")).toBeCloseTo(1, 5);
    for (const g of [0.1, 0.2, 0.4, 0.8]) expect(priceChange(g, 0.5)).toBeGreaterThan(priceChange(g, 0.5, "linear"));
  });

  it("has no cap: the linear rule gives 8 for 0.8 ÷ 0.1", () => {
    expect(priceChange(0.8, 0.1, "linear")).toBeCloseTo(8, 12);
  });

  it("refuses a 100 % gap under constant elasticity (#NUM!), which linear can still price", () => {
    const e = rareError(() => priceChange(1, 0.5));
    expect(e.code).toBe("invalidNumber");
    expect(e.message).toMatch(/no finite price clears a market with no supply/);
    expect(priceChange(1, 0.5, "linear")).toBe(2);
  });

  it("refuses a result too large for a number (#NUM!), never Infinity", () => {
    expect(rareError(() => priceChange(0.4, 1e-320, "linear")).message).toMatch(/too large to compute/);
    expect(rareError(() => priceChange(0.9, 0.001)).message).toMatch(/too large to compute/);
  });

  it("is 0 for no gap, whatever the elasticity", () => {
    expect(priceChange(0, 1e-320)).toBe(0);
    expect(priceChange(0, 1e-320, "linear")).toBe(0);
  });

  it("rejects elasticity 0 (#NUM!)", () => {
    const e = rareError(() => priceChange(0.3, 0));
    expect(e.code).toBe("invalidNumber");
    expect(e.message).toMatch(/^Elasticity 0 /);
  });

  it("rejects a negative elasticity and names the magnitude to enter (#NUM!)", () => {
    const e = rareError(() => priceChange(0.3, -0.5));
    expect(e.code).toBe("invalidNumber");
    expect(e.message).toBe(
      "Elasticity -0.5: enter its magnitude, greater than 0 (e.g. 0.5 for an elasticity of -0.5).",
    );
  });

  it.each([NaN, Infinity])("rejects a non-finite elasticity %p (#NUM!)", (e) => {
    expect(rareError(() => priceChange(0.3, e)).code).toBe("invalidNumber");
  });
});

describe("priceImpact (RARE.PRICEIMPACT)", () => {
  it("chains share → gap → price change", () => {
    // gap 0.8 × 0.5 × 0.75 = 0.3; 0.7^−2 − 1 = 1.0408…; linear 0.3 ÷ 0.5 = 0.6
    expect(priceImpact(queries, "Neodymium", 0.5, 0.5, 0.25)).toBeCloseTo(1 / 0.49 - 1, 12);
    expect(priceImpact(queries, "Neodymium", 0.5, 0.5, 0.25, "linear")).toBeCloseTo(0.6, 12);
    // gap 0.85 × 0.3 × 1 = 0.255; 0.255 ÷ 0.25 = 1.02 linear; 0.745^−4 − 1 constant
    expect(priceImpact(queries, "Dysprosium", 0.3, 0.25, 0, "linear")).toBeCloseTo(1.02, 12);
    expect(priceImpact(queries, "Dysprosium", 0.3, 0.25, 0)).toBeCloseTo(0.745 ** -4 - 1, 12);
  });

  it("defaults elasticity to 0.5, mitigation to 0 and the model to constant when omitted", () => {
    // gap 0.8 × 0.5 = 0.4; 0.6^−2 − 1 = 1/0.36 − 1
    expect(priceImpact(queries, "Neodymium", 0.5, null, null, null)).toBeCloseTo(1 / 0.36 - 1, 12);
  });

  it("reports every bad argument", () => {
    expect(rareError(() => priceImpact(queries, "Unobtainium", 0.5, 0.5, null))).toBe(unknownElement);
    expect(rareError(() => priceImpact(queries, "Holmium", 0.5, 0.5, null)).code).toBe("notAvailable");
    expect(rareError(() => priceImpact(queries, "Neodymium", 50, 0.5, null)).code).toBe("invalidNumber");
    expect(rareError(() => priceImpact(queries, "Neodymium", 0.5, 0, null)).code).toBe("invalidNumber");
    expect(rareError(() => priceImpact(queries, "Neodymium", 0.5, -0.5, null)).code).toBe("invalidNumber");
    expect(rareError(() => priceImpact(queries, "Neodymium", 0.5, 0.5, 1.5)).code).toBe("invalidNumber");
  });

  it("reports cut before elasticity, elasticity before mitigation", () => {
    expect(rareError(() => priceImpact(queries, "Neodymium", 2, 0, 3)).message).toMatch(/^Cut 2/);
    expect(rareError(() => priceImpact(queries, "Neodymium", 0.5, 0, 3)).message).toMatch(/^Elasticity 0/);
  });
});

describe("evaluateScenario", () => {
  it("returns every step and the model used", () => {
    const outcome = evaluateScenario(queries, "Neodymium", 0.5, 0.5, 0.25);
    expect(outcome).toEqual({
      share: 0.8,
      cut: 0.5,
      mitigation: 0.25,
      elasticity: 0.5,
      gap: expect.closeTo(0.3, 12),
      model: "constant",
      priceChange: expect.closeTo(1 / 0.49 - 1, 12),
    });
    expect(evaluateScenario(queries, "Neodymium", 0.5, 0.5, 0.25, "linear").priceChange).toBeCloseTo(0.6, 12);
  });
});

describe("costImpact", () => {
  it("is exposure (t) × 1,000 × price (USD/kg) × price change", () => {
    // 100 t × 1,000 kg/t × 56 USD/kg × 0.6 = 3,360,000 USD
    expect(costImpact(100, 56, 0.6)).toBeCloseTo(3_360_000, 6);
    // 2.5 t × 1,000 × 260 × 0.2 = 130,000 USD
    expect(costImpact(2.5, 260, 0.2)).toBeCloseTo(130_000, 6);
  });

  it("is negative for a negative exposure (a net seller gains)", () => {
    expect(costImpact(-100, 56, 0.6)).toBeCloseTo(-3_360_000, 6);
  });

  it("rejects a negative price and non-finite inputs", () => {
    expect(rareError(() => costImpact(100, -1, 0.6)).code).toBe("invalidNumber");
    expect(rareError(() => costImpact(NaN, 56, 0.6)).code).toBe("invalidNumber");
    expect(rareError(() => costImpact(100, 56, Infinity)).code).toBe("invalidNumber");
    expect(rareError(() => costImpact("100" as unknown as number, 56, 0.6)).code).toBe("invalidValue");
  });
});

describe("combineMitigation", () => {
  it("compounds offsets: 1 − Π(1 − offset)", () => {
    // 1 − (1 − 0.2)(1 − 0.1) = 1 − 0.8 × 0.9 = 1 − 0.72 = 0.28 (not 0.3: offsets overlap)
    expect(combineMitigation([0.2, 0.1])).toBeCloseTo(0.28, 12);
    // the four presets: 1 − 0.8 × 0.85 × 0.95 × 0.9 = 1 − 0.5814 = 0.4186
    expect(combineMitigation([0.2, 0.15, 0.05, 0.1])).toBeCloseTo(0.4186, 12);
  });

  it("is 0 for no strategies and never exceeds 1", () => {
    expect(combineMitigation([])).toBe(0);
    expect(combineMitigation([0.6, 0.6])).toBeCloseTo(0.84, 12); // adding would give 1.2
    expect(combineMitigation([1, 0.5])).toBe(1);
  });

  it("rejects an offset outside 0..1 and names which one", () => {
    const e = rareError(() => combineMitigation([0.2, 20]));
    expect(e.code).toBe("invalidNumber");
    expect(e.message).toMatch(/^Mitigation offset 2 20 \(2000%\) is outside 0\.\.1/);
  });
});

describe("never NaN or Infinity", () => {
  const anyNumber = fc.oneof(fc.double(), fc.constantFrom(0, 1, -0, 1e-320, 5e-324));

  it("gap and price impact either return a finite number in range or throw a RareError", () => {
    fc.assert(
      fc.property(
        anyNumber,
        fc.option(anyNumber),
        fc.option(anyNumber),
        fc.constantFrom("constant" as const, "linear" as const),
        (cut, elasticity, mitigation, model) => {
          let result: number;
          try {
            result = priceImpact(queries, "Neodymium", cut, elasticity, mitigation, model);
          } catch (e) {
            return e instanceof RareError;
          }
          const g = gap(queries, "Neodymium", cut, mitigation);
          return Number.isFinite(result) && result >= 0 && g >= 0 && g <= 1;
        },
      ),
      { numRuns: 2000 },
    );
  });
});
