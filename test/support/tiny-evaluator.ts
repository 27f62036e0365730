/**
 * A tiny FormulaEvaluator for preview tests (the product uses fast-formula-parser through
 * src/scenario/ffp-evaluator.ts). Understands: =A1, =A1*2, =A1+B2, =SUM(A1:B3), =Name,
 * =ERR("msg") (throws), =Sheet!A1. Records what it was asked.
 */
import { parseAddress } from "../../src/workbook/address";
import type { ComputedValue } from "../../src/excel/values";
import type { FormulaEvaluator, FormulaLookup } from "../../src/workbook/formula-evaluator";

export function tinyEvaluator(calls: string[] = []): FormulaEvaluator {
  const num = (v: ComputedValue): number => (typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : 0);
  const operand = (text: string, sheet: string, lookup: FormulaLookup): ComputedValue => {
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    const [s, ref] = text.includes("!") ? text.split("!") : [sheet, text];
    if (/^[A-Z]+\d+$/.test(ref)) {
      const { row, col } = parseAddress(ref);
      return lookup.cell(s, row, col);
    }
    const named = lookup.name(text);
    if (named) return lookup.cell(named.sheet, named.rect.row, named.rect.col);
    return { error: "#NAME?", message: `Unknown name ${text}` };
  };
  return {
    evaluate(formula, at, lookup) {
      calls.push(`${at.sheet}!${at.row},${at.col} ${formula}`);
      const body = formula.slice(1);
      const err = /^ERR\("(.*)"\)$/.exec(body);
      if (err) throw new Error(err[1]);
      const sum = /^SUM\(([A-Z]+\d+:[A-Z]+\d+)\)$/.exec(body);
      if (sum)
        return lookup
          .range(at.sheet, parseAddress(sum[1]))
          .flat()
          .reduce<number>((a, v) => a + num(v), 0);
      const bin = /^([^*+]+)([*+])([^*+]+)$/.exec(body);
      if (bin) {
        const a = operand(bin[1], at.sheet, lookup);
        const b = operand(bin[3], at.sheet, lookup);
        return bin[2] === "*" ? num(a) * num(b) : num(a) + num(b);
      }
      return operand(body, at.sheet, lookup);
    },
  };
}
