/**
 * A tokenizer for Excel formula text as Office.js `Range.formulas` returns it (English
 * function names, comma argument separators, semicolons only inside array constants).
 * It knows enough of the grammar to find function calls and their arguments, whatever
 * they are nested in: strings with doubled quotes, quoted sheet names ('Q1 ''24'!A1),
 * structured references (Table1[[#This Row],[Cut]]), array constants, error literals,
 * operators and parentheses. It does not evaluate anything.
 *
 * Text it cannot read (an unclosed string or sheet name, unbalanced parentheses or
 * braces) throws FormulaSyntaxError with the position, so a caller can name the cell.
 */

export type TokenKind =
  | "string"
  | "number"
  | "bool"
  | "error"
  /** A cell or range reference, maybe sheet-qualified: A1, $B$2:C9, 'My sheet'!A1, 3:3, A1#. */
  | "ref"
  /** A defined name or table reference: Cut, Table1[Col]. */
  | "name"
  /** A function name; the "open" token follows it. */
  | "func"
  | "open"
  | "close"
  /** An argument separator (or the union operator) at this level. */
  | "sep"
  | "op"
  | "arrayOpen"
  | "arrayClose"
  /** "," or ";" inside an array constant. */
  | "arraySep"
  | "space";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offsets into the formula text (end exclusive). */
  readonly start: number;
  readonly end: number;
}

export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = "FormulaSyntaxError";
  }
}

const ERRORS = [
  "#GETTING_DATA",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#DIV/0!",
  "#VALUE!",
  "#SPILL!",
  "#FIELD!",
  "#NAME?",
  "#NULL!",
  "#CALC!",
  "#BUSY!",
  "#NUM!",
  "#REF!",
  "#N/A",
];

const OPERATOR_CHARS = "+-*/^&=<>%@#:";
const TWO_CHAR_OPERATORS = ["<=", ">=", "<>"];
/** Characters that end a word (a reference, a name or a function name). */
const WORD_END = new Set([..." +-*/^&=<>%,;(){}\"'@#!\t\r\n"]);
const NUMBER = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;
const CELL = "\\$?[A-Za-z]{1,3}\\$?\\d{1,7}";
const COLUMN = "\\$?[A-Za-z]{1,3}";
const ROW = "\\$?\\d{1,7}";
const REFERENCE = new RegExp(`^(${CELL}(:${CELL})?|${COLUMN}:${COLUMN}|${ROW}:${ROW})$`);

/** True for an A1-style cell, range, column or row reference (no sheet part). */
export function isA1Reference(text: string): boolean {
  return REFERENCE.test(text);
}

export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number) =>
    tokens.push({ kind, text: formula.slice(start, end), start, end });
  const parens: number[] = [];
  const braces: number[] = [];
  let i = formula.startsWith("=") ? 1 : 0;

  while (i < formula.length) {
    const ch = formula[i];
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      let j = i + 1;
      while (j < formula.length && " \n\r\t".includes(formula[j])) j++;
      push("space", i, j);
      i = j;
    } else if (ch === '"') {
      const end = closingQuote(formula, i, '"');
      if (end < 0) throw new FormulaSyntaxError(`the text starting at character ${i + 1} has no closing quote (")`, i);
      push("string", i, end + 1);
      i = end + 1;
    } else if (ch === "'") {
      // A quoted sheet name: the reference continues after the "!".
      const end = closingQuote(formula, i, "'");
      if (end < 0 || formula[end + 1] !== "!")
        throw new FormulaSyntaxError(
          `the sheet name starting at character ${i + 1} has no closing quote followed by "!"`,
          i,
        );
      const stop = wordEnd(formula, end + 2);
      push(formula[stop] === "(" ? "func" : classifyQualified(formula.slice(end + 2, stop)), i, stop);
      i = stop;
    } else if (ch === "#" && errorAt(formula, i)) {
      const text = errorAt(formula, i)!;
      push("error", i, i + text.length);
      i += text.length;
    } else if (ch === "(") {
      parens.push(i);
      push("open", i, i + 1);
      i++;
    } else if (ch === ")") {
      if (parens.pop() === undefined)
        throw new FormulaSyntaxError(`the ")" at character ${i + 1} closes nothing that was opened`, i);
      push("close", i, i + 1);
      i++;
    } else if (ch === "{") {
      if (braces.length) throw new FormulaSyntaxError(`an array constant cannot contain another ("{" at ${i + 1})`, i);
      braces.push(i);
      push("arrayOpen", i, i + 1);
      i++;
    } else if (ch === "}") {
      if (braces.pop() === undefined)
        throw new FormulaSyntaxError(`the "}" at character ${i + 1} closes no array constant`, i);
      push("arrayClose", i, i + 1);
      i++;
    } else if (ch === "," || ch === ";") {
      if (braces.length) push("arraySep", i, i + 1);
      else if (ch === ",") push("sep", i, i + 1);
      else throw new FormulaSyntaxError(`";" at character ${i + 1} is not an English-locale separator`, i);
      i++;
    } else if (TWO_CHAR_OPERATORS.includes(formula.slice(i, i + 2))) {
      push("op", i, i + 2);
      i += 2;
    } else if (OPERATOR_CHARS.includes(ch)) {
      push("op", i, i + 1);
      i++;
    } else {
      const number = NUMBER.exec(formula.slice(i));
      const afterNumber = number ? formula[i + number[0].length] : undefined;
      const endsNumber = afterNumber === undefined || (WORD_END.has(afterNumber) && afterNumber !== ":");
      if (number && endsNumber) {
        push("number", i, i + number[0].length);
        i += number[0].length;
        continue;
      }
      const stop = wordEnd(formula, i);
      if (stop === i) throw new FormulaSyntaxError(`unexpected "${ch}" at character ${i + 1}`, i);
      if (formula[stop] === "!") {
        // Unquoted sheet name (or [1]Sheet for an external workbook): qualify what follows.
        const refEnd = wordEnd(formula, stop + 1);
        push(formula[refEnd] === "(" ? "func" : classifyQualified(formula.slice(stop + 1, refEnd)), i, refEnd);
        i = refEnd;
        continue;
      }
      const word = formula.slice(i, stop);
      if (formula[stop] === "(") push("func", i, stop);
      else if (/^(TRUE|FALSE)$/i.test(word)) push("bool", i, stop);
      else push(isA1Reference(word) ? "ref" : "name", i, stop);
      i = stop;
    }
  }
  if (parens.length) throw new FormulaSyntaxError(`the "(" at character ${parens[0] + 1} is never closed`, parens[0]);
  if (braces.length)
    throw new FormulaSyntaxError(`the array constant at character ${braces[0] + 1} is never closed`, braces[0]);
  return tokens;
}

function closingQuote(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] !== quote) continue;
    if (text[i + 1] === quote) i++;
    else return i;
  }
  return -1;
}

/** Where a word starting at `from` ends; square brackets (table and workbook parts) nest. */
function wordEnd(text: string, from: number): number {
  let depth = 0;
  let i = from;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === "[") depth++;
    else if (ch === "]") depth = Math.max(0, depth - 1);
    else if (depth === 0 && WORD_END.has(ch) && !(ch === ":" && i > from)) break;
    else if (depth > 0 && ch === "'" && text[i + 1] !== undefined) i++; // ' escapes inside [ ]
  }
  // A range's second half may be sheet-qualified or a plain reference: "A1:B2" stays one word.
  return i;
}

function classifyQualified(rest: string): TokenKind {
  return isA1Reference(rest.replace(/#$/, "")) ? "ref" : "name";
}

function errorAt(text: string, i: number): string | undefined {
  const rest = text.slice(i, i + 14).toUpperCase();
  return ERRORS.find((e) => rest.startsWith(e));
}
