/**
 * Realistic, deterministic arguments for the RARE functions: what a worksheet hands them.
 * Users type names in any case, paste them from web pages (NBSP, stray spaces), use symbols
 * and aliases, make typos, and point many cells at the same few names, so a sheet of
 * thousands of calls has a few dozen distinct arguments. Each bench draws from these pools
 * with a seeded generator, so every run and every machine sees the same calls.
 */

import { prng } from "../test/support/prng";

const NBSP = "\u00a0";

export interface ShareCall {
  readonly element: string;
  readonly stage: string | null;
  readonly kind: ShareKind;
}

export type ShareKind = "figure" | "noFigure" | "stage" | "unknown";

/** Elements with a sourced seed share, as people write them. */
const WITH_FIGURE = [
  "Neodymium",
  "neodymium",
  "NEODYMIUM",
  " Neodymium",
  "Neodymium ",
  `Neodymium${NBSP}`,
  `${NBSP}neodymium${NBSP}`,
  "Nd",
  "nd",
  "ND",
  " Nd ",
  "Dysprosium",
  "dysprosium",
  "DYSPROSIUM",
  `Dysprosium${NBSP}`,
  "Dy",
  "dy",
  " Dy",
  "Lanthanum",
  "lanthanum",
  "Lanthanum  ",
  "La",
  "la",
  `La${NBSP}`,
];
/** Valid elements the sources give no seed share for: a #N/A that says so, not a typo. */
const NO_FIGURE = [
  "Praseodymium",
  "praseodymium",
  "Pr",
  "Terbium",
  "Tb",
  "Cerium",
  "ce",
  "Yttrium",
  "Samarium",
  "Europium",
];
/** Element × stage: sector-wide figures, stage aliases, one non-magnet element asking for magnets. */
const WITH_STAGE: ReadonlyArray<readonly [string, string]> = [
  ["Neodymium", "mining"],
  ["Nd", "Refining"],
  ["neodymium", "magnets"],
  ["Dy", "magnets"],
  ["Dysprosium", "processing"],
  ["Pr", "magnet manufacturing"],
  ["Tb", "Magnets"],
  ["La", "US imports"],
  ["Cerium", "mining"],
  ["Cerium", "magnets"],
  ["Nd", `${NBSP}MINING `],
  ["Samarium", "refining"],
];
/** Typos, near misses and things that are not elements (about one call in ten). */
const UNKNOWN: ReadonlyArray<readonly [string, string | null]> = [
  ["Neodymum", null],
  ["Dysprosum", null],
  ["Lanthanium", null],
  ["Nd2", null],
  ["Unobtainium", null],
  ["Neodymium oxide", null],
  ["NdFeB", null],
  ["Nd", "smelting"],
  ["Dy", "recycling"],
  ["Rare earths", null],
];

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)];
}

/** `count` SHARE calls: ~70 % with a figure, ~10 % valid without one, ~10 % with a stage, ~10 % unknown. */
export function shareCalls(count: number, seed = 1): ShareCall[] {
  const rand = prng(seed);
  const calls: ShareCall[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const u = rand();
    if (u < 0.7) calls[i] = { element: pick(rand, WITH_FIGURE), stage: null, kind: "figure" };
    else if (u < 0.8) calls[i] = { element: pick(rand, NO_FIGURE), stage: null, kind: "noFigure" };
    else if (u < 0.9) {
      const [element, stage] = pick(rand, WITH_STAGE);
      calls[i] = { element, stage, kind: "stage" };
    } else {
      const [element, stage] = pick(rand, UNKNOWN);
      calls[i] = { element, stage, kind: "unknown" };
    }
  }
  return calls;
}

/** Every distinct SHARE argument pair the pools can produce (for first-call costs). */
export function distinctShareCalls(): ShareCall[] {
  return [
    ...WITH_FIGURE.map((element) => ({ element, stage: null, kind: "figure" as const })),
    ...NO_FIGURE.map((element) => ({ element, stage: null, kind: "noFigure" as const })),
    ...WITH_STAGE.map(([element, stage]) => ({ element, stage, kind: "stage" as const })),
    ...UNKNOWN.map(([element, stage]) => ({ element, stage, kind: "unknown" as const })),
  ];
}

/** Arguments as Excel passes them to a custom function: a 1×1 matrix per value, null when omitted. */
export type Args = unknown[];
const cell = (v: string | number | null): unknown[][] | null => (v === null ? null : [[v]]);

export const shareArgs = (c: ShareCall): Args => [cell(c.element), cell(c.stage)];

/** Each function's arguments as [first, second]: valid ones, and the ~10 % that give an error. */
interface Pool {
  readonly valid: ReadonlyArray<readonly [string, string | number | null]>;
  readonly invalid: ReadonlyArray<readonly [string, string | number | null]>;
}

const COUNTRIES = [
  "China",
  "china",
  "USA",
  "United States",
  "U.S.",
  "Myanmar",
  "Burma",
  "Australia",
  " Australia",
  "Viet Nam",
  "Brazil",
  "India",
  "Russia",
];
const YEARS: ReadonlyArray<number | null> = [null, null, null, 2024, 2023, 2022, 2020];
const withYears = (names: readonly string[]): Array<readonly [string, number | null]> =>
  names.flatMap((n) => YEARS.map((y) => [n, y] as const));

const POOLS: Record<Exclude<MixedCall["id"], "SHARE">, Pool> = {
  RISK: {
    valid: [
      ["Export Quotas", null],
      ["export quotas", "mitigation"],
      ["Geopolitical Tensions", null],
      [`Geopolitical${NBSP}Tensions`, "impact"],
      ["MARKET VOLATILITY", null],
      ["Market  Volatility", "Mitigation"],
    ],
    invalid: [
      ["Tariffs", null],
      ["Export Quotas", "cost"],
      ["Export quota", null],
    ],
  },
  PRODUCTION: {
    valid: withYears(COUNTRIES),
    invalid: [
      ["Atlantis", null],
      ["China", 2019],
      ["Chna", 2024],
      ["Greenland", 2020],
    ],
  },
  PRICE: {
    valid: withYears([
      "Nd2O3",
      "Neodymium oxide",
      "neodymium oxide",
      "Nd",
      "Dy",
      "Dysprosium oxide",
      "Terbium",
      "Tb4O7",
      "Mischmetal",
      "La2O3",
      "CeO2",
    ]),
    invalid: [
      ["Pr", null],
      ["Unobtainium oxide", null],
      ["Nd2O3", 2019],
      ["Neodymium oxide", 2031],
    ],
  },
  COUNTRYSHARE: {
    valid: withYears(COUNTRIES),
    invalid: [
      ["Atlantis", null],
      ["World", null],
      ["China", 2019],
      ["Chna", 2024],
    ],
  },
};

export interface MixedCall {
  readonly id: "SHARE" | "RISK" | "PRODUCTION" | "PRICE" | "COUNTRYSHARE";
  readonly args: Args;
}

/** `count` calls spread evenly over SHARE, RISK, PRODUCTION, PRICE and COUNTRYSHARE, in sheet order; ~10 % of each give an error. */
export function mixedCalls(count: number, seed = 2): MixedCall[] {
  const rand = prng(seed);
  const shares = shareCalls(count, seed + 1);
  const ids = ["SHARE", "RISK", "PRODUCTION", "PRICE", "COUNTRYSHARE"] as const;
  const calls: MixedCall[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const id = ids[i % ids.length];
    if (id === "SHARE") {
      calls[i] = { id, args: shareArgs(shares[i]) };
      continue;
    }
    const pool = POOLS[id];
    const [first, second] = pick(rand, rand() < 0.1 ? pool.invalid : pool.valid);
    calls[i] = { id, args: [cell(first), cell(second)] };
  }
  return calls;
}
