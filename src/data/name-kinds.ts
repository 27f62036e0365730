import { notAvailable, RareError } from "./errors";
import { BoundedMemo } from "./memo";
import type { Indexes } from "./indexes";
import { normalizeName } from "./names";
import { USGS_OXIDES } from "./vocab";

/**
 * Names of one kind given where another is asked for. "NdPr" to SHARE, "China" to SHARE or
 * "Nd" to PRODUCTION are names RARE knows, so the answer says what the name is and where its
 * figures are, never "unknown". Only consulted when the name is not one of the kind asked
 * for, so the common path stays one memoised lookup.
 */

/** A priced product of several elements (NdPr oxide, mischmetal) by any of its spellings. */
export interface Compound {
  readonly name: string;
  readonly parts: readonly string[];
}

export function buildCompounds(): Map<string, Compound> {
  const compounds = new Map<string, Compound>();
  for (const o of USGS_OXIDES.filter((x) => x.element === "")) {
    const compound = { name: o.name, parts: o.parts ?? [] };
    for (const name of [o.name, o.formula, ...(o.aliases ?? [])]) compounds.set(normalizeName(name), compound);
  }
  return compounds;
}

const known = (ix: Indexes, raw: string) => {
  const element = ix.elementNames.lookup(raw);
  const country = ix.countryNames.lookup(raw);
  return {
    element: typeof element === "string" ? element : undefined,
    country: typeof country === "string" ? country : undefined,
    compound: ix.compounds.get(normalizeName(raw)),
  };
};

const isUnknownName = (e: RareError): boolean => e.code === "notAvailable";

const compoundMessage = (c: Compound, asked: string): string =>
  `${c.name} is a priced product of several rare earths${c.parts.length > 0 ? ` (${c.parts.join(" and ")})` : ""}, ` +
  `${asked === "element" ? "not one element" : `not a ${asked}`}: PRICE("${c.name}") has its figures` +
  (asked === "element" && c.parts.length > 0 ? `; give one of its elements, e.g. ${c.parts[0]}` : "");

/**
 * Answers for names not of the kind asked, per dataset and kind, by the raw text: a column
 * of countries given to an element function must not rebuild its message per cell.
 */
const otherKindMemos = new WeakMap<Indexes, Map<string, BoundedMemo<string | RareError>>>();

function memoised(ix: Indexes, kind: string, raw: string, compute: () => string | RareError): string | RareError {
  let byKind = otherKindMemos.get(ix);
  if (!byKind) otherKindMemos.set(ix, (byKind = new Map()));
  let memo = byKind.get(kind);
  if (!memo) byKind.set(kind, (memo = new BoundedMemo<string | RareError>(2048)));
  const hit = memo.get(raw);
  return hit !== undefined ? hit : memo.set(raw, compute());
}

export type NameKind = "element" | "country" | "oxide";

const namesOf = (ix: Indexes, kind: NameKind) =>
  ({ element: ix.elementNames, country: ix.countryNames, oxide: ix.oxideNames })[kind];

type Known = ReturnType<typeof known>;

const NOT_BY_ELEMENT =
  "USGS reports mine production and reserves by country for rare earths as a whole, not by element";

/** Why a name RARE knows as something else is not of the kind asked for; undefined when it knows no other kind. */
const OTHER_KIND: Record<NameKind, (other: Known) => string | undefined> = {
  element: ({ compound, country }) => {
    if (compound) return compoundMessage(compound, "element");
    if (country)
      return `${country} is a country, not an element: PRODUCTION, RESERVES, COUNTRYSHARE and COUNTRY take countries`;
    return undefined;
  },
  country: ({ element, compound }) => {
    if (element) return `${element} is an element, not a country: ${NOT_BY_ELEMENT}`;
    if (compound) return `${compoundMessage(compound, "country")}; ${NOT_BY_ELEMENT}`;
    return undefined;
  },
  oxide: ({ country }) => {
    if (country)
      return (
        `${country} is a country, not an oxide: PRICE takes an oxide or element, e.g. "NdPr oxide" or "Nd"; ` +
        `USGS prices are world prices, not by country`
      );
    return undefined;
  },
};

/**
 * The canonical element, country or oxide (PRICE) for `raw`, or the error to throw: unknown,
 * or known as something else.
 */
export function resolveName(ix: Indexes, kind: NameKind, raw: string): string | RareError {
  const found = namesOf(ix, kind).lookup(raw);
  if (typeof found === "string" || typeof raw !== "string" || !isUnknownName(found)) return found;
  return memoised(ix, kind, raw, () => {
    const why = OTHER_KIND[kind](known(ix, raw));
    return why === undefined ? found : notAvailable(why);
  });
}

export function must(result: string | RareError): string {
  if (typeof result === "string") return result;
  throw result;
}
