/**
 * A fake dataset and fake RARE functions for the scenario tests. Shares are the seed
 * article's (seeds/002: Nd 80 %, Dy 85 %, La 70 %); prices are USGS MCS2025 2024 oxide
 * prices (Nd 56, Dy 260, La 1 USD/kg, curated/elements.csv). Praseodymium stands for a known
 * element with neither a share nor a price in the sources. Texts and sources are fixtures.
 *
 * The RARE.GAP and RARE.PRICEIMPACT fakes call the real model, so the sheet's formulas are
 * checked against the same code RARE's custom functions will run.
 */
import type { RareQueries } from "../../../../src/data/api";
import { invalidValue, notAvailable } from "../../../../src/data/errors";
import { requirePriceModel } from "../../../../src/model/price-model";
import { gap, priceImpact } from "../../../../src/model/scenario";
import type { EngineFunction } from "../../../../src/scenario/ffp-adapter";

const SHARES: Record<string, number> = { neodymium: 0.8, dysprosium: 0.85, lanthanum: 0.7 };
const PRICES: Record<string, number> = { neodymium: 56, dysprosium: 260, lanthanum: 1 };
const KNOWN = new Set([...Object.keys(SHARES), "praseodymium"]);

function known(element: string): string {
  const key = element.trim().toLowerCase();
  if (!KNOWN.has(key))
    throw notAvailable(`Unknown element "${element}". Known: Neodymium, Dysprosium, Lanthanum, Praseodymium.`);
  return key;
}

export const fakeQueries: Pick<RareQueries, "share" | "price"> = {
  share(element) {
    const key = known(element);
    if (!(key in SHARES)) throw notAvailable(`${element}: the sources give no China share for this element.`);
    return SHARES[key];
  },
  price(element) {
    const key = known(element);
    if (!(key in PRICES)) throw notAvailable(`${element}: USGS lists no oxide price for this element.`);
    return PRICES[key];
  },
};

const RISKS: Record<string, { impact: string; mitigation: string }> = {
  "export quotas": { impact: "Supply shortages, delayed production", mitigation: "Build alternative supply chains" },
};

// The lifting functions/ does, reduced to what these tests need.
function text(v: unknown, what: string): string {
  if (typeof v !== "string" || v.trim() === "") throw invalidValue(`${what} must be text.`);
  return v;
}
function num(v: unknown, what: string): number {
  if (typeof v !== "number") throw invalidValue(`${what} must be a number.`);
  return v;
}
const optNum = (v: unknown, what: string) => (v === null ? null : num(v, what));

export const fakeFunctions: Record<string, EngineFunction> = {
  "RARE.SHARE": (element) => fakeQueries.share(text(element, "Element"), null),
  "RARE.PRICE": (element, year) => {
    if (year !== null && year !== undefined) num(year, "Year");
    return fakeQueries.price(text(element, "Element"), null);
  },
  "RARE.GAP": (element, cut, mitigation) =>
    gap(fakeQueries, text(element, "Element"), num(cut, "Cut"), optNum(mitigation ?? null, "Mitigation")),
  "RARE.PRICEIMPACT": (element, cut, elasticity, mitigation, model) =>
    priceImpact(
      fakeQueries,
      text(element, "Element"),
      num(cut, "Cut"),
      optNum(elasticity ?? null, "Elasticity"),
      optNum(mitigation ?? null, "Mitigation"),
      model === null || model === undefined || model === "" ? null : requirePriceModel(model),
    ),
  "RARE.RISK": (factor, field) => {
    const risk = RISKS[text(factor, "Risk factor").toLowerCase()];
    if (!risk) throw notAvailable(`Unknown risk factor "${String(factor)}".`);
    const f = field === null || field === undefined ? "impact" : text(field, "Field");
    if (f !== "impact" && f !== "mitigation") throw invalidValue(`Unknown field "${f}".`);
    return risk[f];
  },
  "RARE.STRATEGY": (name) => `Benefit of ${text(name, "Strategy")}`,
  "RARE.SOURCE": (kind, key, field) =>
    `Source of ${text(kind, "Kind")} ${text(key, "Key")}${field === null || field === undefined ? "" : ` ${String(field)}`}`,
};
