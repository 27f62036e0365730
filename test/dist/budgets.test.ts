/**
 * Size budgets of the built bundles (bench/budgets.ts says how each was set). Sizes are
 * deterministic for a given source, so they are tested; `npm run bench` reports the same
 * figures with the timings. Run after `npm run build` (a development build fails these).
 */
import { BUNDLE_BUDGETS } from "../../bench/budgets";
import { measureDistFile } from "../../bench/bundle";

describe.each(BUNDLE_BUDGETS)("dist/$file", (budget) => {
  const size = measureDistFile(budget.file);

  it(`is at most ${budget.maxBytes.toLocaleString("en-US")} bytes minified`, () => {
    expect(size.bytes).toBeLessThanOrEqual(budget.maxBytes);
  });

  if (budget.maxGzipBytes !== undefined) {
    const maxGzip = budget.maxGzipBytes;
    it(`is at most ${maxGzip.toLocaleString("en-US")} bytes gzipped (level 9)`, () => {
      expect(size.gzipBytes).toBeLessThanOrEqual(maxGzip);
    });
  }
});
