/**
 * The list of named scenarios the Scenarios view compares, as plain data: the three
 * risk-factor presets to start, and add, rename, duplicate and remove. `checkScenarios`
 * turns the texts typed into a ComparisonInput, or problems tied to their fields, with the
 * same parsing and the model's own validators as the single-scenario form. No DOM here.
 */
import { isFormulaLike } from "../../src/excel/formula-lead";
import { DEFAULT_ELASTICITY, RISK_FACTOR_PRESETS, STRATEGY_PRESETS } from "../../src/model/presets";
import { formatNumber, requireElasticity } from "../../src/model/scenario-inputs";
import type { ComparisonInput } from "../../src/scenario/compare-layout";
import { requireSheetName } from "../../src/scenario/scenario-names";
import { guarded, parseNumberText, percentField, percentText, type Problem } from "./scenario-choices";

export interface NamedScenario {
  readonly name: string;
  readonly cutText: string;
  readonly elasticityText: string;
  /** One per STRATEGY_PRESETS entry, in that order. */
  readonly offsetTexts: readonly string[];
}

export const COMPARISON_SHEET = "Scenario comparison";
export const COMPARED_STRATEGIES = STRATEGY_PRESETS.map((s) => s.name);

export function presetScenarios(): NamedScenario[] {
  return RISK_FACTOR_PRESETS.map((p) => ({
    name: p.name,
    cutText: percentText(p.cut.value),
    elasticityText: formatNumber(DEFAULT_ELASTICITY.value),
    offsetTexts: STRATEGY_PRESETS.map((s) => percentText(s.offset.value)),
  }));
}

const taken = (list: readonly NamedScenario[], name: string) =>
  list.some((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());

/** "Scenario 4", or "<base> (2)", the first name not in the list. */
function freeName(list: readonly NamedScenario[], base: string): string {
  for (let n = 2; ; n++) {
    const name = `${base} ${base.startsWith("Scenario") ? n : `(${n})`}`;
    if (!taken(list, name)) return name;
  }
}

export function addScenario(list: readonly NamedScenario[]): NamedScenario[] {
  const name = taken(list, "Scenario") ? freeName(list, "Scenario") : "Scenario";
  return [...list, { ...presetScenarios()[0], name }];
}

export function duplicateScenario(list: readonly NamedScenario[], index: number): NamedScenario[] {
  const source = list[index];
  if (!source) return [...list];
  return [...list.slice(0, index + 1), { ...source, name: freeName(list, source.name) }, ...list.slice(index + 1)];
}

export function removeScenario(list: readonly NamedScenario[], index: number): NamedScenario[] {
  return list.filter((_, i) => i !== index);
}

export function updateScenario(
  list: readonly NamedScenario[],
  index: number,
  change: Partial<NamedScenario>,
): NamedScenario[] {
  return list.map((s, i) => (i === index ? { ...s, ...change } : s));
}

export type CheckedScenarios =
  | { readonly ok: true; readonly input: ComparisonInput }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Field keys: "scenario:<i>:name", ":cut", ":elasticity", ":offset:<j>"; "scenarios" for the list. */
export function checkScenarios(
  list: readonly NamedScenario[],
  elements: readonly string[],
  unsourced: readonly string[],
  sheetName = COMPARISON_SHEET,
): CheckedScenarios {
  const problems: Problem[] = [];
  if (list.length === 0) problems.push({ field: "scenarios", message: "Add at least one scenario to compare." });
  if (elements.length === 0) problems.push({ field: "elements", message: "Choose at least one element." });
  const seen = new Set<string>();
  const scenarios = list.map((s, i) => {
    const field = `scenario:${i}`;
    const name = s.name.trim();
    if (name === "") problems.push({ field: `${field}:name`, message: `Scenario ${i + 1} needs a name.` });
    else if (seen.has(name.toLowerCase()))
      problems.push({ field: `${field}:name`, message: `Two scenarios are named "${name}": rename one.` });
    else if (isFormulaLike(name) || isFormulaLike(s.name))
      problems.push({
        field: `${field}:name`,
        message: `Scenario name "${name}" must not start with = + - @, a tab or a carriage return.`,
      });
    seen.add(name.toLowerCase());
    const label = name || `Scenario ${i + 1}`;
    const cut = percentField(s.cutText, `${label}: export cut`, `${field}:cut`, problems);
    const e = parseNumberText(s.elasticityText);
    const elasticity =
      e === null
        ? (problems.push({
            field: `${field}:elasticity`,
            message: `${label}: elasticity must be a number greater than 0, e.g. 0.5 (got "${s.elasticityText.trim()}").`,
          }),
          NaN)
        : guarded(() => requireElasticity(e), `${field}:elasticity`, problems);
    const offsets = s.offsetTexts.map((t, j) =>
      percentField(t, `${label}: offset of ${COMPARED_STRATEGIES[j]}`, `${field}:offset:${j}`, problems),
    );
    return { name, cut, elasticity, offsets };
  });
  try {
    requireSheetName(sheetName);
  } catch (err) {
    problems.push({ field: "sheet", message: err instanceof Error ? err.message : String(err) });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, input: { sheetName, strategies: COMPARED_STRATEGIES, scenarios, elements, unsourced } };
}
