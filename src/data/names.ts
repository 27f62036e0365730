import { invalidValue, notAvailable, RareError } from "./errors";
import { BoundedMemo } from "./memo";

/**
 * Forgiving name resolution: any case, any run of spaces (including NBSP and other Unicode
 * spaces, which pasted web text carries), symbols and aliases. An unknown name gets the
 * closest valid names in its message, so the cell tooltip says how to fix it.
 */

const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

export function normalizeName(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(SPACES, " ")
    .trim()
    .toLowerCase();
}

/** Second-chance key: punctuation and spaces dropped ("U.S." ~ "US", "export-quotas" ~ "Export Quotas"). */
function looseKey(normalized: string): string {
  return normalized.replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), giving up
 * once it must exceed `max`: suggestions only want small distances, and unknown names
 * can be 32,767 characters long, so the work stays proportional to the short side.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let row = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[b.length];
}

/** An alias shown with the name it stands for, unless it names it already ("Myanmar (Burma)"). */
const withName = (alias: string, name: string): string =>
  normalizeName(alias).includes(normalizeName(name)) ? alias : `${alias} (${name})`;

/** "A", "A or B", "A, B or C". */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

export interface NameEntry {
  name: string;
  aliases?: readonly string[];
}

export interface NameIndexOptions {
  /** Singular noun for messages: "element", "country", "stage". */
  what: string;
  /** Plural noun: "elements", "countries". */
  plural: string;
  /**
   * Unknown names of data (elements, countries) are #N/A; unknown words from a fixed
   * vocabulary (stages, fields, kinds) are #VALUE! and list every valid word.
   */
  vocabulary?: boolean;
}

export class NameIndex {
  private readonly exact = new Map<string, string>();
  /** Normalised alias → the alias as written, so a suggestion near an alias shows it ("Myanmar (Burma)"). */
  private readonly aliasText = new Map<string, string>();
  private readonly loose = new Map<string, string | null>();
  private readonly memo = new BoundedMemo<string | RareError>(2048);
  readonly names: readonly string[];

  constructor(
    entries: readonly NameEntry[],
    private readonly options: NameIndexOptions,
  ) {
    this.names = entries.map((e) => e.name);
    for (const { name, aliases = [] } of entries) {
      const own = normalizeName(name);
      for (const alias of aliases) {
        const key = normalizeName(alias);
        if (key !== own && !this.aliasText.has(key)) this.aliasText.set(key, alias);
      }
      for (const key of [name, ...aliases].map(normalizeName)) {
        if (!this.exact.has(key)) this.exact.set(key, name);
        const lk = looseKey(key);
        const prior = this.loose.get(lk);
        // A loose key two names share is ambiguous: only exact spelling resolves those.
        this.loose.set(lk, prior === undefined || prior === name ? name : null);
      }
    }
  }

  /** The canonical name, or the RareError to throw. Memoised by the raw string. */
  lookup(raw: string): string | RareError {
    const hit = this.memo.get(raw);
    return hit !== undefined ? hit : this.memo.set(raw, this.resolveUncached(raw));
  }

  resolve(raw: string): string {
    const result = this.lookup(raw);
    if (typeof result === "string") return result;
    throw result;
  }

  private resolveUncached(raw: string): string | RareError {
    const { what, plural, vocabulary } = this.options;
    if (typeof raw !== "string") return invalidValue(`The ${what} must be text, not ${typeof raw}`);
    const key = normalizeName(raw);
    if (key === "")
      return invalidValue(`The ${what} is blank: give one of the ${plural}, e.g. ${this.names.slice(0, 3).join(", ")}`);
    const found = this.exact.get(key) ?? this.loose.get(looseKey(key));
    if (found) return found;

    const spaced = raw.replace(SPACES, " ").trim();
    // Messages land in a cell tooltip: quote long junk by its start only.
    const shown = spaced.length > 60 ? `${spaced.slice(0, 60)}…` : spaced;
    const suggestions = this.suggest(key);
    const hint = suggestions.length > 0 ? ` Did you mean ${orList(suggestions)}?` : "";
    if (vocabulary) return invalidValue(`Unknown ${what} "${shown}".${hint} Valid ${plural}: ${this.names.join(", ")}`);
    if (hint) return notAvailable(`Unknown ${what} "${shown}".${hint}`);
    const few = this.names.slice(0, 5).join(", ");
    return notAvailable(
      `Unknown ${what} "${shown}". Valid ${plural} include: ${few}${this.names.length > 5 ? ", …" : ""}`,
    );
  }

  /**
   * Up to three names closest to the input (prefixes count as close), aliases included: a
   * name nearest one of its aliases is shown as that alias with the name, "Myanmar (Burma)".
   */
  suggest(normalized: string): string[] {
    // Two-letter inputs are mostly symbols and codes: one edit away is a different thing ("UK" is not "US").
    const limit = normalized.length <= 2 ? 0 : normalized.length <= 4 ? 1 : normalized.length <= 7 ? 2 : 3;
    // Per name: the distance, then 0 for the name itself or 1 for an alias, so a tie shows the name.
    const best = new Map<string, { d: number; alias: number; shown: string }>();
    for (const [key, name] of this.exact) {
      const d =
        normalized.length >= 3 && key.startsWith(normalized)
          ? Math.min(1, limit)
          : editDistance(normalized, key, limit);
      if (d > limit) continue;
      const aliasText = this.aliasText.get(key);
      const alias = aliasText === undefined || this.exact.get(key) !== name ? 0 : 1;
      const prior = best.get(name);
      if (prior === undefined || d < prior.d || (d === prior.d && alias < prior.alias))
        best.set(name, { d, alias, shown: alias === 1 ? withName(aliasText!, name) : name });
    }
    return [...best.entries()]
      .sort((a, b) => a[1].d - b[1].d || a[1].alias - b[1].alias || a[0].localeCompare(b[0], "en"))
      .slice(0, 3)
      .map(([, s]) => s.shown);
  }
}
