/**
 * The help page's worked examples, by function id. Only the calls live here: the results
 * shown on the page are computed by the built functions.js at build time, so an example
 * cannot drift from what Excel gets. The generator fails the build if a function in
 * functions.json has no example here, or an example names no function.
 */
export type ExampleArg = string | number | boolean;

export interface Example {
  readonly args: readonly ExampleArg[];
  /** Why this call is worth showing, when the result alone does not say. */
  readonly note?: string;
}

export const EXAMPLES: Readonly<Record<string, readonly Example[]>> = {
  SHARE: [
    { args: ["Neodymium"] },
    { args: ["Nd", "refining"], note: "a stage share covers rare earths as a whole" },
    { args: ["Lanthanum", "magnets"] },
  ],
  RISK: [{ args: ["Export Quotas"] }, { args: ["geopolitical tensions", "mitigation"] }],
  USE: [{ args: ["Dy"] }],
  STRATEGY: [{ args: ["Recycling Programs", "challenge"] }],
  PRODUCTION: [{ args: ["China", 2024] }, { args: ["USA", 2023] }],
  RESERVES: [{ args: ["Brazil"] }],
  COUNTRYSHARE: [{ args: ["China", 2024] }],
  PRICE: [{ args: ["Dy2O3", 2022] }, { args: ["Praseodymium"] }],
  HHI: [{ args: [] }, { args: [2020] }],
  LIST: [{ args: ["countries"] }, { args: ["kinds"], note: "every kind LIST and TABLE accept" }],
  TABLE: [{ args: ["risks"] }],
  SOURCE: [{ args: ["production", "China", 2024] }],
  VERSION: [{ args: [] }],
  GAP: [{ args: ["Neodymium", 0.5, 0.25] }],
  PRICEIMPACT: [{ args: ["Neodymium", 0.5, 0.5, 0.25] }],
};

/** One call per error kind, so the errors section shows each message as Excel gets it. */
export const ERROR_EXAMPLES: ReadonlyArray<{
  readonly when: string;
  readonly id: string;
  readonly args: readonly ExampleArg[];
}> = [
  { when: "a name matches nothing", id: "SHARE", args: ["Neodymum"] },
  { when: "a known name has no sourced figure", id: "SHARE", args: ["Terbium"] },
  {
    when: "a wrong type, a blank required argument, an unknown field or kind, a year that is not a whole number between 1900 and 2100",
    id: "PRODUCTION",
    args: ["China", true],
  },
  {
    when: "a scenario number out of range (cut or mitigation outside 0–100 %, elasticity ≤ 0)",
    id: "GAP",
    args: ["Neodymium", 1.5],
  },
];
