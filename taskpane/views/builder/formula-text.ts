/**
 * The builder's formula: what the user put in each argument's control, read as Excel would
 * read it in the formula, the formula text itself, and the values the function receives.
 *
 * - A picked or typed name is a text constant (`"Neodymium"`, quotes doubled inside).
 * - A number box takes a plain number (`2024`, `0.5`, `-1`, `1e3`); a year must be whole.
 * - A percent box takes `50` or `50%`, written `50%` (the constant 0.5).
 * - A text box that holds a plain number gives a number (SOURCE's field: `2025`), else text.
 * - An empty optional argument is omitted: dropped at the end (`=RARE.SHARE("Nd")`), left
 *   empty in the middle (`=RARE.PRICEIMPACT("Nd",50%,,25%)`), where Excel passes the function
 *   null, as for an omitted argument ("Custom functions parameter options",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options).
 */
import {
  EXCEL_MAX_FORMULA_CHARS,
  EXCEL_MAX_FORMULA_TEXT_CHARS,
  numberLiteral,
  percentLiteral,
  stringLiteral,
} from "../../../src/excel/formula-literals";
import type { ArgumentControl } from "./argument-controls";

export const NAMESPACE = "RARE";

export interface BuilderArgument {
  readonly name: string;
  readonly optional: boolean;
  readonly control: ArgumentControl;
  /** What the control holds, as typed or picked; "" is nothing. */
  readonly input: string;
}

/** One argument read: its literal in the formula and the value the function gets, or omitted. */
export type ReadArgument =
  { readonly omitted: true } | { readonly omitted: false; readonly literal: string; readonly value: string | number };

export interface Problem {
  /** Index of the argument at fault, or -1 for the whole formula. */
  readonly argument: number;
  readonly message: string;
}

export interface BuiltFormula {
  /** `=RARE.SHARE("Neodymium")`; always shown, also while there are problems. */
  readonly text: string;
  /** The values passed to the function, null where omitted (as Excel passes an omitted argument). */
  readonly values: readonly (string | number | null)[];
  /** Empty when the formula can be evaluated and inserted. */
  readonly problems: readonly Problem[];
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

function readNumber(text: string): number | null {
  const t = text.trim();
  if (!PLAIN_NUMBER.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Reads one argument; a string is the problem with it. */
export function readArgument(arg: BuilderArgument): ReadArgument | string {
  const input = arg.input.trim();
  if (input === "") {
    if (arg.optional) return { omitted: true };
    return arg.control.kind === "pick"
      ? `${arg.name} is required: pick one.`
      : `${arg.name} is required: type a ${arg.control.kind === "text" ? "value" : "number"}.`;
  }
  switch (arg.control.kind) {
    case "number": {
      const n = readNumber(input);
      if (n === null)
        return `${arg.name} must be a number such as ${arg.control.whole ? "2024" : "0.5"}, not "${input}".`;
      if (arg.control.whole && !Number.isInteger(n))
        return `${arg.name} must be a whole number such as 2024, not ${input}.`;
      return { omitted: false, literal: numberLiteral(n), value: n };
    }
    case "percent": {
      const n = readNumber(input.replace(/\s*%$/, ""));
      if (n === null) return `${arg.name} must be a percentage such as 50 or 50%, not "${input}".`;
      return { omitted: false, literal: percentLiteral(n), value: n / 100 };
    }
    case "text": {
      const n = readNumber(input);
      if (n !== null) return { omitted: false, literal: numberLiteral(n), value: n };
      return textArgument(arg.name, input);
    }
    case "pick":
      return textArgument(arg.name, input);
  }
}

function textArgument(name: string, text: string): ReadArgument | string {
  if (text.length > EXCEL_MAX_FORMULA_TEXT_CHARS) {
    return `${name} is ${text.length} characters long; Excel takes at most ${EXCEL_MAX_FORMULA_TEXT_CHARS} characters of text in a formula (put it in a cell and refer to the cell).`;
  }
  return { omitted: false, literal: stringLiteral(text), value: text };
}

export function buildFormula(functionName: string, args: readonly BuilderArgument[]): BuiltFormula {
  const problems: Problem[] = [];
  const read = args.map((arg, i) => {
    const r = readArgument(arg);
    if (typeof r === "string") {
      problems.push({ argument: i, message: r });
      return null;
    }
    return r;
  });
  // Literals as far as the last argument given; a problem argument shows as typed.
  const literals = read.map((r, i) => (r === null ? args[i].input.trim() : r.omitted ? "" : r.literal));
  let last = literals.length;
  while (last > 0 && literals[last - 1] === "") last--;
  const text = `=${NAMESPACE}.${functionName}(${literals.slice(0, last).join(",")})`;
  if (problems.length === 0 && text.length > EXCEL_MAX_FORMULA_CHARS) {
    problems.push({
      argument: -1,
      message: `The formula is ${text.length} characters long; Excel takes at most ${EXCEL_MAX_FORMULA_CHARS}.`,
    });
  }
  const values = read.map((r) => (r === null || r.omitted ? null : r.value));
  return { text, values, problems };
}
