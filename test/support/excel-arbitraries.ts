/**
 * fast-check arbitraries for what Excel can hand a custom function: numbers (including
 * -0, huge and tiny values), strings (empty, whitespace, unicode, real names in odd
 * casing, 32,767 characters), booleans, blanks, and 2-D ranges of all of these,
 * ragged ones included. Shared by the property tests and `npm run fuzz`.
 */
import fc from "fast-check";

const realNames = [
  "Neodymium",
  "nd",
  " DYSPROSIUM ",
  "Lanthanum",
  "Terbium",
  "China",
  "usa",
  "Myanmar",
  "Burma",
  "World total (rounded)",
  "Export Quotas",
  "market volatility",
  "Recycling Programs",
  "mining",
  "refining",
  "magnets",
  "mitigation",
  "impact",
  "challenge",
  "elements",
  "countries",
  "risks",
  "prices",
  "production",
  "share",
  "Nd2O3",
  "Mischmetal",
  "2024",
  "80%",
];

export const excelNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    2023,
    2024,
    1899,
    2101,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
  ),
  fc.integer({ min: -100000, max: 100000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const excelString = fc.oneof(
  fc.constantFrom("", " ", "\u00a0", "\t", "\u3000", "x".repeat(32767), "=1+1", "Ne\u00a0odymium", "ñ", "😀"),
  fc.constantFrom(...realNames),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

export const excelScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: excelString },
  { weight: 2, arbitrary: excelNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A range as Excel passes it; ragged rows model malformed callers. */
export const excelMatrix: fc.Arbitrary<unknown[][]> = fc.oneof(
  { weight: 4, arbitrary: excelScalar.map((v) => [[v]]) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 1, max: 4 })
      .chain((cols) =>
        fc.array(fc.array(excelScalar, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 4 }),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.array(fc.array(excelScalar, { minLength: 0, maxLength: 3 }), { minLength: 0, maxLength: 3 }),
  },
);

/** An argument: omitted (null) or a range. */
export const excelArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: excelMatrix },
);
