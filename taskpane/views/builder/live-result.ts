/**
 * The builder's live result: the function itself called as Excel calls it (each argument a
 * 1×1 matrix, null where omitted), through the shared runtime's record of what was
 * associated with Excel (functions/runtime-bridge.ts), so the pane shows what the cell
 * will show. The citation is the RARE.SOURCE call the Workbook view's audit uses for the
 * same call (src/travel/citation-request.ts), run the same way.
 */
import { citationRequest, hasCitationRule, sourceCallText } from "../../../src/travel/citation-request";
import type { AssociatedFunction } from "../../../functions/runtime-bridge";

export type Shown =
  | { readonly kind: "value"; readonly value: string | number | boolean | null }
  | { readonly kind: "error"; readonly code: string; readonly message: string }
  | { readonly kind: "array"; readonly rows: readonly (readonly unknown[])[] }
  /** A data type (Excel.EntityCellValue): its text is what the cell shows. */
  | { readonly kind: "entity"; readonly text: string };

export interface Citation {
  /** The citation text, or why there is none. */
  readonly text: string;
  /** The RARE.SOURCE call that gives it, when there is one. */
  readonly call?: string;
}

export interface LiveResult {
  readonly result: Shown;
  readonly citation: Citation | null;
}

type Functions = Readonly<Record<string, AssociatedFunction>>;

const isErrorLike = (v: unknown): v is { code: string; message?: string } =>
  typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { code?: unknown }).code === "string";

/** What a function returned, as the cell shows it: a 1×1 matrix is its one value. */
export function shown(result: unknown): Shown {
  let v = result;
  if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) v = v[0][0];
  if (Array.isArray(v)) return { kind: "array", rows: v.map((row: unknown) => (Array.isArray(row) ? row : [row])) };
  if (isErrorLike(v)) return { kind: "error", code: v.code, message: v.message ?? "" };
  if (typeof v === "object" && v !== null) {
    const entity = v as { type?: unknown; text?: unknown; basicValue?: unknown };
    if (typeof entity.text === "string") return { kind: "entity", text: entity.text };
    return { kind: "value", value: typeof entity.basicValue === "string" ? entity.basicValue : JSON.stringify(v) };
  }
  if (v === undefined) return { kind: "value", value: null };
  return { kind: "value", value: v as string | number | boolean | null };
}

/** Calls `id` with `values` as Excel would; a throw is shown as #VALUE! with its message, as Excel shows it. */
export function callAsExcel(
  functions: Functions,
  id: string,
  values: readonly (string | number | boolean | null)[],
): Shown {
  const fn = functions[id];
  if (!fn)
    return { kind: "error", code: "#NAME?", message: `RARE.${id} is not associated with Excel in this runtime.` };
  try {
    return shown(fn(...values.map((v) => (v === null ? null : [[v]]))));
  } catch (e) {
    return { kind: "error", code: "#VALUE!", message: e instanceof Error ? e.message : String(e) };
  }
}

export function liveResult(functions: Functions, id: string, values: readonly (string | number | null)[]): LiveResult {
  const result = callAsExcel(functions, id, values);
  return { result, citation: citationFor(functions, id, values, result) };
}

function citationFor(
  functions: Functions,
  id: string,
  values: readonly (string | number | null)[],
  result: Shown,
): Citation | null {
  if (!hasCitationRule(id)) return null;
  if (result.kind === "error") return { text: "No citation: the formula gives an error." };
  const asked = citationRequest(id, values);
  if (asked.kind === "fixed") return { text: asked.text };
  if (asked.key === null) return { text: `Give the ${id} call a value to see its citation.` };
  const call = `=${sourceCallText(asked)}`;
  const cited = callAsExcel(functions, "SOURCE", [asked.sourceKind, asked.key, asked.field]);
  if (cited.kind === "error") return { text: `${cited.code} ${cited.message}`.trim(), call };
  const text = cited.kind === "value" ? String(cited.value ?? "") : cited.kind === "entity" ? cited.text : "";
  return { text: asked.note ? `${text} (${asked.note})` : text, call };
}
