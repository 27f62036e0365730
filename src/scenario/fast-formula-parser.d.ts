/**
 * The part of fast-formula-parser 1.0.19 (MIT, no bundled types) that ffp-adapter.ts uses.
 * Written from its grammar/hooks.js and formulas/error.js.
 */
declare module "fast-formula-parser" {
  namespace FormulaParser {
    interface CellAddress {
      sheet?: string;
      row: number;
      col: number;
    }
    interface RangeAddress {
      sheet?: string;
      from: { row: number; col: number };
      to: { row: number; col: number };
    }
    /** How the parser hands an argument to a function registered in `functions`. */
    interface Argument {
      value: unknown;
      isArray: boolean;
      isRangeRef?: boolean;
      isCellRef?: boolean;
      /** Present (true) for an argument left empty between commas: RARE.X(a,,c). */
      omitted?: boolean;
    }
    interface Config {
      functions?: Record<string, (...args: Argument[]) => unknown>;
      onVariable?: (name: string, sheet: string | undefined, position: unknown) => CellAddress | RangeAddress | null;
      onCell?: (ref: CellAddress & { sheet: string }) => unknown;
      onRange?: (ref: RangeAddress & { sheet: string }) => unknown[][];
    }
    class FormulaError extends Error {
      constructor(error: string, msg?: string, details?: unknown);
      readonly error: string;
      readonly details: unknown;
      static readonly DIV0: FormulaError;
      static readonly NA: FormulaError;
      static readonly NAME: FormulaError;
      static readonly NULL: FormulaError;
      static readonly NUM: FormulaError;
      static readonly REF: FormulaError;
      static readonly VALUE: FormulaError;
    }
  }
  class FormulaParser {
    constructor(config?: FormulaParser.Config);
    /** Built-in and registered functions by upper-case name (an undocumented but stable field). */
    functions: Record<string, (...args: FormulaParser.Argument[]) => unknown>;
    /** Throws a FormulaError ("#ERROR!") for text it cannot parse; returns errors as values. */
    parse(formula: string, position: { sheet: string; row: number; col: number }, allowReturnArray?: boolean): unknown;
    static FormulaError: typeof FormulaParser.FormulaError;
  }
  export = FormulaParser;
}
