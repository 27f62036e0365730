import fc from "fast-check";
import type { RareQueries } from "../../../src/data/api";
import { RareError, notAvailable } from "../../../src/data/errors";
import { caughtRareError as rareError } from "../../support/rare-error";
import {
  MAX_PRICE_CHANGE,
  combineMitigation,
  costImpact,
  evaluateScenario,
  gap,
  isPriceChangeCapped,
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
    expect(e.message).toBe("Cut 80 is outside 0..1. Enter a fraction or a percentage: 80% or 0.8, not 80.");
  });

  it.each([
    [-0.1, "Cut -0.1 is outside 0..1 (0% to 100%)."],
    [150, "Cut 150 is outside 0..1 (0% to 100%)."],
    [
      1.0000001,
      "Cut 1.0000001 is outside 0..1. Enter a fraction or a percentage: 1.0000001% or 0.010000001, not 1.0000001.",
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
    [25, "Mitigation 25 is outside 0..1. Enter a fraction or a percentage: 25% or 0.25, not 25."],
    [-0.5, "Mitigation -0.5 is outside 0..1 (0% to 100%)."],
  ])("rejects mitigation %p (#NUM!)", (mitigation, message) => {
    const e = rareError(() => gap(queries, "Neodymium", 0.5, mitigation));
    expect(e.code).toBe("invalidNumber");
    expect(e.message).toBe(message);
  });

  it("rejects a dataset share outside 0..1 (an override typed as 80) rather than returning 40", () => {
    const e = rareError(() => gap(queries, "Override", 0.5, null));
    expect(e.code).toBe("invalidNumber");
    expect(e.message).toMatch(/^China share of Override 80 is outside 0\.\.1/);
  });
});

describe("priceChange", () => {
  it("is gap ÷ elasticity", () => {
    // 0.3 ÷ 0.5 = 0.6 (+60 %)
    expect(priceChange(0.3, 0.5)).toBeCloseTo(0.6, 12);
    // 0.4 ÷ 2 = 0.2
    expect(priceChange(0.4, 2)).toBeCloseTo(0.2, 12);
  });

  it("is exactly the bound at the bound and not capped there", () => {
    // 1 ÷ 0.2 = 5 = MAX_PRICE_CHANGE (+500 %)
    expect(MAX_PRICE_CHANGE).toBe(5);
    expect(priceChange(1, 0.2)).toBe(5);
    expect(isPriceChangeCapped(1, 0.2)).toBe(false);
  });

  it("caps at +500 % beyond the bound", () => {
    // 0.8 ÷ 0.1 = 8 > 5 → 5
    expect(priceChange(0.8, 0.1)).toBe(MAX_PRICE_CHANGE);
    expect(isPriceChangeCapped(0.8, 0.1)).toBe(true);
    // 1 ÷ 0.19 = 5.26… > 5 → 5
    expect(priceChange(1, 0.19)).toBe(MAX_PRICE_CHANGE);
  });

  it("stays finite when gap ÷ elasticity overflows", () => {
    // 0.4 ÷ 1e-320 = Infinity in doubles → capped to 5
    expect(priceChange(0.4, 1e-320)).toBe(MAX_PRICE_CHANGE);
  });

  it("is 0 for no gap, whatever the elasticity", () => {
    expect(priceChange(0, 1e-320)).toBe(0);
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
    // gap 0.8 × 0.5 × 0.75 = 0.3; 0.3 ÷ 0.5 = 0.6
    expect(priceImpact(queries, "Neodymium", 0.5, 0.5, 0.25)).toBeCloseTo(0.6, 12);
    // gap 0.85 × 0.3 × 1 = 0.255; 0.255 ÷ 0.25 = 1.02
    expect(priceImpact(queries, "Dysprosium", 0.3, 0.25, 0)).toBeCloseTo(1.02, 12);
  });

  it("defaults elasticity to 0.5 and mitigation to 0 when omitted", () => {
    // gap 0.8 × 0.5 = 0.4; 0.4 ÷ 0.5 = 0.8
    expect(priceImpact(queries, "Neodymium", 0.5, null, null)).toBeCloseTo(0.8, 12);
  });

  it("caps at +500 %", () => {
    // gap 0.8 × 1 = 0.8; 0.8 ÷ 0.01 = 80 → 5
    expect(priceImpact(queries, "Neodymium", 1, 0.01, null)).toBe(5);
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
  it("returns every step and says when the price change was capped", () => {
    const outcome = evaluateScenario(queries, "Neodymium", 0.5, 0.5, 0.25);
    expect(outcome).toEqual({
      share: 0.8,
      cut: 0.5,
      mitigation: 0.25,
      elasticity: 0.5,
      gap: expect.closeTo(0.3, 12),
      priceChange: expect.closeTo(0.6, 12),
      priceChangeCapped: false,
    });
    expect(evaluateScenario(queries, "Neodymium", 1, 0.1, null).priceChangeCapped).toBe(true);
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
    expect(e.message).toMatch(/^Mitigation offset 2 20 is outside 0\.\.1/);
  });
});

describe("never NaN or Infinity", () => {
  const anyNumber = fc.oneof(fc.double(), fc.constantFrom(0, 1, -0, 1e-320, 5e-324));

  it("gap and price impact either return a finite number in range or throw a RareError", () => {
    fc.assert(
      fc.property(anyNumber, fc.option(anyNumber), fc.option(anyNumber), (cut, elasticity, mitigation) => {
        let result: number;
        try {
          result = priceImpact(queries, "Neodymium", cut, elasticity, mitigation);
        } catch (e) {
          return e instanceof RareError;
        }
        const g = gap(queries, "Neodymium", cut, mitigation);
        return Number.isFinite(result) && result >= 0 && result <= MAX_PRICE_CHANGE && g >= 0 && g <= 1;
      }),
      { numRuns: 2000 },
    );
  });
});
