/**
 * RARE.PRICEIMPACT through the built dist/functions.js, called as Excel calls it (matrices
 * in, matrix out): the constant-elasticity default, the "linear" model, and a total loss of
 * supply. Expected figures: Neodymium's China share 0.8 (seeds/article-tables/elements.csv),
 * gap 0.8 × 0.5 × (1 − 0.25) = 0.3; constant 0.7^−2 − 1 = 1.0408…; linear 0.3 ÷ 0.5 = 0.6.
 */
import { isRecordedError, loadFunctionsBundle } from "../support/functions-bundle";

const bundle = loadFunctionsBundle();
const priceimpact = bundle.byId.PRICEIMPACT;
const one = (result: unknown) => (result as unknown[][])[0][0];

describe("RARE.PRICEIMPACT in the built bundle", () => {
  it('PRICEIMPACT("Neodymium",50%,0.5,25%) is 1.0408… (constant elasticity, the default)', () => {
    const value = one(priceimpact([["Neodymium"]], [[0.5]], [[0.5]], [[0.25]], null));
    expect(value).toBeCloseTo(1 / 0.49 - 1, 12);
    expect((value as number).toFixed(4)).toBe("1.0408");
  });

  it('PRICEIMPACT("Neodymium",50%,0.5,25%,"linear") is 0.6', () => {
    expect(one(priceimpact([["Neodymium"]], [[0.5]], [[0.5]], [[0.25]], [["linear"]]))).toBeCloseTo(0.6, 12);
  });

  it("a supply gap of 1 is #NUM! with a message", () => {
    // No bundled element has a 100 % share, so the data behind the functions is swapped
    // for one that has, as the pane does for workbook overrides.
    const runtime = bundle.global.RareRuntime as {
      bundled: object;
      useQueries(q: object | null): void;
    };
    const total = Object.create(runtime.bundled) as Record<string, unknown>;
    total.tryShare = () => 1;
    total.share = () => 1;
    runtime.useQueries(total);
    try {
      const result = one(priceimpact([["Neodymium"]], [[1]], [[0.5]], null, null));
      expect(isRecordedError(result)).toBe(true);
      expect(result).toMatchObject({ code: "#NUM!", message: expect.stringMatching(/no finite price clears/) });
      expect(one(priceimpact([["Neodymium"]], [[1]], [[0.5]], null, [["linear"]]))).toBe(2);
    } finally {
      runtime.useQueries(null);
    }
  });
});
