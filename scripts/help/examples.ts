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
  PRODUCTION: [
    { args: ["China", 2025] },
    { args: ["Australia", 2024, "MCS2025"], note: "pinned to an edition: MCS2026 revised it" },
  ],
  RESERVES: [{ args: ["Brazil"] }],
  COUNTRYSHARE: [{ args: ["China", 2024] }],
  PRICE: [{ args: ["NdPr oxide", 2025] }, { args: ["Scandium oxide", 2024], note: "a range, as USGS prints it" }],
  HHI: [{ args: [] }, { args: [2020] }],
  LIST: [{ args: ["countries"] }, { args: ["kinds"], note: "every kind LIST and TABLE accept" }],
  TABLE: [{ args: ["risks"] }],
  SOURCE: [{ args: ["production", "China", 2024] }],
  VERSION: [{ args: [] }],
  GAP: [{ args: ["Neodymium", 0.5, 0.25] }],
  PRICEIMPACT: [
    { args: ["Neodymium", 0.5, 0.5, 0.25] },
    { args: ["Neodymium", 0.5, 0.5, 0.25, "linear"], note: "the linear approximation, for comparison" },
  ],
  USSTAT: [
    { args: ["net import reliance", 2024] },
    { args: ["net import reliance", 2021], note: "a qualified figure comes back as printed, as text" },
  ],
  HISTORY: [{ args: ["production", "World", 1960, 1962] }],
  ELEMENT: [
    { args: ["Nd"], note: 'a data type: with it in A2, =A2.[China share] gives 0.8 and =A2.Symbol gives "Nd"' },
    { args: ["Nd2O3"], note: "an oxide names its element" },
  ],
  COUNTRY: [{ args: ["Myanmar (Burma)"], note: "a data type: =A2.[Latest production] reads its card" }],
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
