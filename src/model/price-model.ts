/**
 * The price models RARE.PRICEIMPACT offers, and how a model argument is read. docs/SCENARIOS.md
 * derives both.
 */
import { invalidValue } from "../data/errors";

export const PRICE_MODELS = ["constant", "linear"] as const;
export type PriceModel = (typeof PRICE_MODELS)[number];

/** Constant-elasticity demand: exact for that curve at any gap, where "linear" is its tangent at 0. */
export const DEFAULT_PRICE_MODEL: PriceModel = "constant";

/** A model name, case- and space-blind; anything else is #VALUE! naming the choices. */
export function requirePriceModel(value: unknown): PriceModel {
  const name = typeof value === "string" ? value.trim().toLowerCase() : "";
  const model = PRICE_MODELS.find((m) => m === name);
  if (model) return model;
  const shown = typeof value === "string" ? `"${value}"` : String(value);
  throw invalidValue(`Price model ${shown} is not one RARE knows: use "constant" (the default) or "linear".`);
}
