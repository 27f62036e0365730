/**
 * The Scenarios form as plain data, and its check: the texts the user typed become a
 * ScenarioSheetInput, or a list of problems, each tied to the field it is about so the view
 * can mark that field. No DOM here, so it is unit-tested in Node.
 *
 * Percent fields take what people type into a field labelled "%": 30, 30%, 12.5 %. The
 * model's own validators (requireFraction, requireElasticity, requireSheetName) then have
 * the last word, so the pane refuses exactly what the sheet's formulas would refuse.
 */
import type { RareData } from "../../src/data/rare-data";
import {
  DEFAULT_ELASTICITY,
  RISK_FACTOR_PRESETS,
  STRATEGY_PRESETS,
  findRiskFactorPreset,
} from "../../src/model/presets";
import { formatNumber, requireElasticity, requireFraction } from "../../src/model/scenario-inputs";
import { buildScenarioSheet, type ScenarioSheetInput } from "../../src/scenario/scenario-layout";
import { defaultScenarioSheetName, requireSheetName } from "../../src/scenario/scenario-names";

export interface StrategyChoice {
  readonly name: string;
  readonly checked: boolean;
  readonly offsetText: string;
}

export interface ElementChoice {
  readonly name: string;
  readonly checked: boolean;
  /** The sources give China's share of it (else its rows show #N/A). */
  readonly sourced: boolean;
}

export interface ScenarioForm {
  readonly riskFactor: string;
  readonly elements: readonly ElementChoice[];
  readonly cutText: string;
  readonly elasticityText: string;
  readonly strategies: readonly StrategyChoice[];
  readonly sheetName: string;
}

/** Which control a problem is about: "cut", "elasticity", "elements", "sheet", "offset:<strategy>" or "form". */
export interface Problem {
  readonly field: string;
  readonly message: string;
}

export type Checked =
  | { readonly ok: true; readonly input: ScenarioSheetInput }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * "30", "30%", " 12.5 % " → 30, 30, 12.5; "0.3" → 30, as Excel's automatic percent entry
 * reads a number typed into a percent cell (below 1 it is the fraction; see percentEntry in
 * hosts/preview.ts); anything else → null.
 */
export function parsePercentText(text: string): number | null {
  const typed = text.trim();
  const t = typed.replace(/\s*%$/, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  // 400 digits are beyond a double: refused as no number rather than read as Infinity.
  if (!Number.isFinite(n)) return null;
  return t === typed && Math.abs(n) < 1 ? n * 100 : n;
}

/** A plain decimal number ("0.5", ".5", "-1") a double can hold, else null. */
export function parseNumberText(text: string): number | null {
  const t = text.trim();
  const n = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** What the user typed, as a message quotes it: trimmed, and shortened when long. */
export const quoted = (text: string): string => {
  const t = text.trim();
  return `"${t.length > 24 ? `${t.slice(0, 23)}…` : t}"`;
};

/** 0.3 → "30", 0.175 → "17.5": how a fraction appears in a percent field. */
export const percentText = (fraction: number): string => formatNumber(fraction * 100);

/** The form as it first appears: the first preset, elements with a sourced share, all strategies. */
export function initialForm(
  queries: Pick<RareData, "list" | "tryShare">,
  riskFactor = RISK_FACTOR_PRESETS[0].name,
): ScenarioForm {
  const preset = findRiskFactorPreset(riskFactor) ?? RISK_FACTOR_PRESETS[0];
  const elements = queries
    .list("elements")
    .filter((e): e is string => typeof e === "string" && e.trim() !== "")
    .map((name) => {
      const sourced = typeof queries.tryShare(name, null) === "number";
      return { name, sourced, checked: sourced };
    });
  return {
    riskFactor: preset.name,
    elements,
    cutText: percentText(preset.cut.value),
    elasticityText: formatNumber(DEFAULT_ELASTICITY.value),
    // All four checked: the sheet then has a row for each, and an offset set to 0 in place
    // does what unticking would, without changing the sheet's layout.
    strategies: STRATEGY_PRESETS.map((s) => ({ name: s.name, checked: true, offsetText: percentText(s.offset.value) })),
    sheetName: defaultScenarioSheetName(preset.name),
  };
}

export function percentField(text: string, label: string, field: string, problems: Problem[]): number {
  const pct = parsePercentText(text);
  if (pct === null) {
    problems.push({ field, message: `${label}: enter a percentage from 0 to 100, e.g. 30 (got ${quoted(text)}).` });
    return NaN;
  }
  if (pct < 0 || pct > 100) {
    problems.push({ field, message: `${label} ${formatNumber(pct)}% is outside 0% to 100%.` });
    return NaN;
  }
  return guarded(() => requireFraction(pct / 100, label), field, problems);
}

export function guarded(check: () => number, field: string, problems: Problem[]): number {
  try {
    return check();
  } catch (e) {
    problems.push({ field, message: e instanceof Error ? e.message : String(e) });
    return NaN;
  }
}

export function checkForm(form: ScenarioForm): Checked {
  const problems: Problem[] = [];
  const cut = percentField(form.cutText, "Export cut", "cut", problems);

  let elasticity = NaN;
  const e = parseNumberText(form.elasticityText);
  if (e === null)
    problems.push({
      field: "elasticity",
      message: `Elasticity: enter a number greater than 0, e.g. 0.5 (got ${quoted(form.elasticityText)}).`,
    });
  else elasticity = guarded(() => requireElasticity(e), "elasticity", problems);

  const elements = form.elements.filter((x) => x.checked).map((x) => x.name);
  if (elements.length === 0) problems.push({ field: "elements", message: "Choose at least one element." });

  const strategies = form.strategies
    .filter((s) => s.checked)
    .map((s) => ({
      name: s.name,
      offset: percentField(s.offsetText, `Offset of ${s.name}`, `offset:${s.name}`, problems),
    }));

  const sheetName = form.sheetName.trim();
  try {
    requireSheetName(sheetName);
  } catch (err) {
    problems.push({ field: "sheet", message: err instanceof Error ? err.message : String(err) });
  }

  if (problems.length) return { ok: false, problems };
  const input: ScenarioSheetInput = { sheetName, riskFactor: form.riskFactor, elements, strategies, cut, elasticity };
  try {
    buildScenarioSheet(input); // anything the field checks cannot see (a duplicate, a name Excel would read as a formula)
  } catch (err) {
    return { ok: false, problems: [{ field: "form", message: err instanceof Error ? err.message : String(err) }] };
  }
  return { ok: true, input };
}
