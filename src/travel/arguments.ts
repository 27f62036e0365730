/**
 * A RARE call's arguments as values: literals directly, single-cell references (on the
 * cell's sheet or another) by reading the cell, so RARE.SHARE(A17) is cited for the
 * element A17 holds. Anything else (a range, a name, an expression) is not resolved, and
 * the audit says so rather than guessing.
 */
import { parseAddress } from "../workbook/address";
import type { ZeroBasedCell } from "../excel/a1";
import type { Workbook } from "../workbook/workbook";
import type { Token } from "./formula-tokens";
import { asArg, type ArgValue } from "./citation-request";
import { cellKey, readCells } from "./read-chunks";

export type ArgumentOf =
  | { readonly kind: "value"; readonly value: ArgValue }
  | { readonly kind: "cell"; readonly sheet: string; readonly cell: ZeroBasedCell }
  | { readonly kind: "unresolved"; readonly text: string };

export function argumentOf(tokens: readonly Token[], sheet: string): ArgumentOf {
  const text = tokens.map((t) => t.text).join("");
  if (tokens.length === 0) return { kind: "value", value: null };
  const [a, b] = tokens;
  if (tokens.length === 1) {
    if (a.kind === "string") return { kind: "value", value: a.text.slice(1, -1).replace(/""/g, '"') };
    if (a.kind === "number") return { kind: "value", value: Number(a.text) };
    if (a.kind === "bool") return { kind: "value", value: a.text.toUpperCase() === "TRUE" };
    if (a.kind === "ref") {
      const ref = cellRef(a.text, sheet);
      if (ref) return { kind: "cell", ...ref };
    }
  }
  if (tokens.length === 2 && a.kind === "op" && (a.text === "-" || a.text === "+") && b.kind === "number")
    return { kind: "value", value: Number(a.text + b.text) };
  if (tokens.length === 2 && a.kind === "number" && b.kind === "op" && b.text === "%")
    return { kind: "value", value: Number(a.text) / 100 };
  return { kind: "unresolved", text };
}

/** 'My sheet'!$B$8 or B8 → its sheet and cell; null for a range or an external workbook. */
function cellRef(text: string, sheet: string): { sheet: string; cell: ZeroBasedCell } | null {
  const bang = text.lastIndexOf("!");
  let onSheet = sheet;
  let address = text;
  if (bang >= 0) {
    const prefix = text.slice(0, bang);
    if (prefix.includes("[")) return null;
    onSheet = prefix.startsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
    address = text.slice(bang + 1);
  }
  if (address.includes(":") || address.includes("#")) return null;
  const rect = parseAddress(address);
  return { sheet: onSheet, cell: { row: rect.row, col: rect.col } };
}

const refKey = (sheet: string, cell: ZeroBasedCell) => `${sheet.toUpperCase()}!${cellKey(cell)}`;

/** Reads the cells the arguments refer to, sheet by sheet, for `resolveArgument`. */
export async function readReferencedCells(
  workbook: Workbook,
  args: readonly ArgumentOf[],
  options: { signal?: AbortSignal; budgetBytes?: number },
): Promise<Map<string, ArgValue>> {
  const bySheet = new Map<string, { sheet: string; cells: ZeroBasedCell[] }>();
  for (const a of args) {
    if (a.kind !== "cell") continue;
    const k = a.sheet.toUpperCase();
    let entry = bySheet.get(k);
    if (!entry) bySheet.set(k, (entry = { sheet: a.sheet, cells: [] }));
    entry.cells.push(a.cell);
  }
  const out = new Map<string, ArgValue>();
  const sheets = new Set((await workbook.listSheets()).map((s) => s.toUpperCase()));
  for (const [k, { sheet, cells }] of bySheet) {
    if (!sheets.has(k)) continue; // a reference to a missing sheet stays unresolved
    const read = await readCells(workbook, sheet, cells, options);
    for (const [at, { value }] of read) out.set(`${k}!${at}`, asArg(value));
  }
  return out;
}

/** An argument's value: a literal, or the referenced cell's as read; undefined when not resolved. */
export function resolveArgument(a: ArgumentOf, cells: ReadonlyMap<string, ArgValue>): ArgValue | undefined {
  return a.kind === "value" ? a.value : a.kind === "cell" ? cells.get(refKey(a.sheet, a.cell)) : undefined;
}
