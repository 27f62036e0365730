/**
 * The RARE calls in a formula, wherever they are nested. A RARE function appears in
 * `Range.formulas` as RARE.NAME(…) while the add-in is loaded, and as _xldudf_RARE_NAME(…)
 * (sometimes behind an external-workbook prefix, [2]!_xldudf_…) when Excel has not yet
 * matched it to the add-in (office-js issues 3558, 5611, 2568): both count.
 */
import { FormulaSyntaxError, tokenize, type Token } from "./formula-tokens";

export interface RareCall {
  /** The function without namespace, upper case: "SHARE", "GAP". */
  readonly fn: string;
  /** The call's text as written, e.g. RARE.GAP(A17,$B$8,$B$14). */
  readonly text: string;
  /** Each argument's tokens (spaces dropped); an omitted argument is []. */
  readonly args: readonly (readonly Token[])[];
  /** Inside another function call or an operation, not the whole formula. */
  readonly nested: boolean;
}

export type FormulaReading =
  | { readonly ok: true; readonly calls: readonly RareCall[]; readonly tokens: readonly Token[] }
  | { readonly ok: false; readonly problem: string };

const PREFIXES = [/^RARE\./i, /^(\[\d+\]!)?_xldudf_RARE_/i];

/** The RARE function a function token names ("SHARE"), or null for any other function. */
export function rareFunctionName(name: string): string | null {
  for (const p of PREFIXES) if (p.test(name)) return name.replace(p, "").toUpperCase();
  return null;
}

/** Cheap pre-check before tokenizing: can this text contain a RARE call at all? */
export function mentionsRare(formula: string): boolean {
  return /RARE[._]/i.test(formula);
}

/** Reads a formula (text starting with "="); a constant or non-RARE formula gives no calls. */
export function readFormula(formula: string): FormulaReading {
  let tokens: Token[];
  try {
    tokens = tokenize(formula);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { ok: false, problem: `RARE cannot read this formula: ${e.message}.` };
    throw e;
  }
  return { ok: true, calls: rareCalls(formula, tokens), tokens };
}

function rareCalls(formula: string, tokens: readonly Token[]): RareCall[] {
  const calls: RareCall[] = [];
  const significant = tokens.filter((t) => t.kind !== "space");
  for (let i = 0; i < significant.length; i++) {
    const t = significant[i];
    if (t.kind !== "func") continue;
    const fn = rareFunctionName(t.text);
    if (fn === null) continue;
    const { args, close } = argumentsOf(significant, i + 1);
    const end = significant[close].end;
    calls.push({
      fn,
      text: formula.slice(t.start, end),
      args,
      nested: i !== 0 || close !== significant.length - 1,
    });
  }
  return calls;
}

/** The arguments of the call whose "(" is at `open`, and the index of its ")". */
function argumentsOf(tokens: readonly Token[], open: number): { args: Token[][]; close: number } {
  const args: Token[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === "open" || t.kind === "arrayOpen") depth++;
    else if (t.kind === "close" && depth === 0) {
      return { args: args.length === 1 && args[0].length === 0 ? [] : args, close: i };
    } else if (t.kind === "close" || t.kind === "arrayClose") depth--;
    if (t.kind === "sep" && depth === 0) args.push([]);
    else args[args.length - 1].push(t);
  }
  // tokenize() has checked the parentheses balance, so the loop always returns.
  throw new Error("unbalanced parentheses after tokenizing");
}
