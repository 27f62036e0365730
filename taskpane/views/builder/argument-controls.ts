import type { AssociatedFunction } from "../../../functions/runtime-bridge";

/**
 * Which control suits each argument of a RARE function, read from functions.json (the
 * metadata Excel's autocomplete shows) and from RARE.LIST, never from a list of function ids.
 * Every parameter in functions.json has type "any" (a cell, a literal or a range), so the
 * kind of value is read from its help text, in this order:
 *
 * 1. A closed set: the help names the accepted values after a colon, as "a, b or c"
 *    ("Optional column: impact, mitigation or factor; …"). test/dist/function-table.test.ts
 *    holds every such list to exactly the names the code accepts. When a RARE.LIST kind
 *    holds the same names (stages, kinds), the picker takes them from RARE.LIST.
 * 2. A set of names: the RARE.LIST kind that holds the most of the help's quoted examples
 *    (`Element name or symbol, e.g. "Neodymium"` → elements; `"MCS2025"` → editions).
 *    A tie (SOURCE's key: "Neodymium" or "China") means no one list: a text box.
 * 3. A year (the parameter's name says so): a whole-number box.
 * 4. A fraction "0 to 1" (a cut, a mitigation): a percent box.
 * 5. A number ("greater than 0", or a number right after "Optional:"): a number box.
 * 6. Anything else: a text box.
 */

export interface ParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly optional?: boolean;
}

export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly ParameterMetadata[];
}

export type ArgumentControl =
  | { readonly kind: "pick"; readonly names: readonly string[]; readonly from: string }
  | { readonly kind: "number"; readonly whole: boolean }
  | { readonly kind: "percent" }
  | { readonly kind: "text" };

/** RARE.LIST's kinds and the names each lists (from the functions themselves). */
export type NameLists = ReadonlyMap<string, readonly string[]>;

/** RARE.LIST's own kinds, each with its names, read through the function Excel runs. */
export function nameLists(associated: Readonly<Record<string, AssociatedFunction>>): NameLists {
  const column = (kind: string): string[] => {
    const out = associated.LIST?.([[kind]]);
    return Array.isArray(out) ? out.map((row: unknown[]) => String(row[0])) : [];
  };
  return new Map(column("kinds").map((kind) => [kind, column(kind)]));
}

const fold = (s: string) => s.trim().toLowerCase();

/**
 * "a, b or c" after a colon, up to the end of that clause; null unless every item is a plain
 * word or phrase (quotes and parenthesised remarks dropped) and there are at least two.
 */
export function closedSet(description: string): string[] | null {
  const colon = description.indexOf(":");
  if (colon < 0) return null;
  const clause = description
    .slice(colon + 1)
    .replace(/\([^)]*\)/g, "")
    .split(/;|\.(?:\s|$)/)[0];
  const items = clause
    .split(/,|\bor\b/)
    .map((item) => item.trim().replace(/^"(.*)"$/, "$1"))
    .filter((item) => item !== "");
  if (items.length < 2 || !/\bor\b/.test(clause)) return null;
  return items.every((item) => /^[A-Za-z][A-Za-z0-9 :-]*$/.test(item)) ? items : null;
}

/** The quoted examples in a help text: `e.g. "Neodymium" or "Nd"` → Neodymium, Nd. */
export function quotedExamples(description: string): string[] {
  return Array.from(description.matchAll(/"([^"]+)"/g), (m) => m[1]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map(fold));
  const right = new Set(b.map(fold));
  return left.size === right.size && [...left].every((x) => right.has(x));
}

/** The list kind holding the most of `examples`, or null when none does or two tie. */
function listOfExamples(examples: readonly string[], lists: NameLists): string | null {
  let best: string | null = null;
  let bestCount = 0;
  let tie = false;
  for (const [kind, names] of lists) {
    const held = new Set(names.map(fold));
    const count = examples.filter((e) => held.has(fold(e))).length;
    if (count > bestCount) [best, bestCount, tie] = [kind, count, false];
    else if (count === bestCount && count > 0) tie = true;
  }
  return bestCount > 0 && !tie ? best : null;
}

export function argumentControl(param: ParameterMetadata, lists: NameLists): ArgumentControl {
  const help = param.description ?? "";
  const closed = closedSet(help);
  if (closed) {
    for (const [kind, names] of lists) {
      if (sameSet(names, closed)) return { kind: "pick", names, from: `RARE.LIST("${kind}")` };
    }
    return { kind: "pick", names: closed, from: "the function's help" };
  }
  const kind = listOfExamples(quotedExamples(help), lists);
  if (kind) return { kind: "pick", names: lists.get(kind) ?? [], from: `RARE.LIST("${kind}")` };
  if (/year/i.test(param.name)) return { kind: "number", whole: true };
  if (/\b0 to 1\b/.test(help)) return { kind: "percent" };
  if (/greater than \d|^Optional:\s*\d/i.test(help)) return { kind: "number", whole: false };
  return { kind: "text" };
}
