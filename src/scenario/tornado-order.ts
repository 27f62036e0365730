/**
 * The order the comparison sheet writes its tornado rows in: widest swing first, computed with
 * the model (src/model/tornado.ts) over the data's shares and prices and the exposures already
 * typed in the sheet, so the order matches the outcome the sheet's live formulas show (total
 * cost once an exposure is typed, else the mean price change). A live sort would need array
 * formulas the preview's engine cannot evaluate, so the order is fixed when the sheet is written.
 */
import type { RareQueries } from "../data/api";
import { requirePriceModel } from "../model/price-model";
import { defaultBounds, tornadoRows } from "../model/tornado";
import type { ComparisonInput } from "./compare-layout";
import { readExposures } from "./keep-exposures";

const norm = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

function priceOrNull(queries: Pick<RareQueries, "price">, element: string): number | null {
  try {
    const price = queries.price(element, null);
    // A price printed as a range ("660–670") is no single number to multiply by.
    return typeof price === "number" ? price : null;
  } catch {
    return null; // no sourced price: the sheet shows #N/A for its cost
  }
}

/** Element (normalised) → the number typed in the Exposure (t) column of a sheet's values. */
export function typedExposures(values: ReadonlyArray<ReadonlyArray<unknown>>): Map<string, number> {
  const typed = new Map<string, number>();
  for (const { element, value } of readExposures(values).rows)
    if (typeof value === "number" && !typed.has(norm(element))) typed.set(norm(element), value);
  return typed;
}

/** Tornado row keys ("cut", "elasticity", "offset:<i>") widest swing first. */
export function tornadoOrder(
  input: ComparisonInput,
  queries: Pick<RareQueries, "share" | "price">,
  exposures: ReadonlyMap<string, number> = new Map(),
): string[] {
  const unsourced = new Set((input.unsourced ?? []).map(norm));
  const elements = input.elements
    .filter((e) => !unsourced.has(norm(e)))
    .map((e) => ({
      share: queries.share(e, null),
      price: priceOrNull(queries, e),
      exposure: exposures.get(norm(e)) ?? null,
    }));
  const s = input.scenarios[0];
  const bounds = new Map([
    ["cut", input.bounds?.get("cut") ?? defaultBounds("cut", s.cut)],
    ["elasticity", input.bounds?.get("elasticity") ?? defaultBounds("elasticity", s.elasticity)],
    ...s.offsets.map(
      (o, j) => [`offset:${j}`, input.bounds?.get(`offset:${j}`) ?? defaultBounds("offset", o)] as const,
    ),
  ]);
  return tornadoRows(elements, { ...s, model: requirePriceModel(input.model ?? "constant") }, bounds).map((r) => r.key);
}
