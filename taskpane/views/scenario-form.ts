/**
 * The Scenarios form controls: risk factor, elements, cut, elasticity, strategies with
 * their offsets, sheet name. Every control has a visible <label> (or a <legend> for a
 * group); a field with a problem gets aria-invalid and points at its message.
 */
import {
  RISK_FACTOR_PRESETS,
  STRATEGY_PRESETS,
  findRiskFactorPreset,
  findStrategyPreset,
  DEFAULT_ELASTICITY,
} from "../../src/model/presets";
import { SHEET_NAME_MAX_LENGTH } from "../../src/excel/naming-rules";
import { defaultScenarioSheetName } from "../../src/scenario/scenario-names";
import { h } from "../dom";
import { percentText, type Problem, type ScenarioForm } from "./scenario-choices";
import { markField } from "./scenario-problems";

export interface FormControls {
  readonly element: HTMLElement;
  read(): ScenarioForm;
  /** Marks the fields named in `problems`, clears the rest. */
  markProblems(problems: readonly Problem[], messageId: string): void;
  setDisabled(disabled: boolean): void;
}

export interface FormEvents {
  /** Any change; `sheetNameChanged` when the sheet the scenario would go to changed. */
  onChange(sheetNameChanged: boolean): void;
}

export function scenarioFormControls(initial: ScenarioForm, events: FormEvents): FormControls {
  const fields = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const field = <T extends HTMLInputElement | HTMLSelectElement>(key: string, el: T): T => (fields.set(key, el), el);

  const preset = field(
    "preset",
    h("select", { id: "scenario-preset" }, ...RISK_FACTOR_PRESETS.map((p) => h("option", { value: p.name }, p.name))),
  );
  preset.value = initial.riskFactor;
  const cutHint = h("p", { class: "hint", id: "scenario-cut-hint" });

  const elementBoxes = initial.elements.map((e, i) =>
    h(
      "label",
      { class: "checkbox-label", for: `scenario-element-${i}` },
      field(
        `element:${e.name}`,
        h("input", { type: "checkbox", id: `scenario-element-${i}`, value: e.name, checked: e.checked }),
      ),
      e.sourced ? e.name : `${e.name} (no sourced share: #N/A)`,
    ),
  );
  const elements = h("fieldset", { id: "scenario-elements" }, h("legend", {}, "Elements"), ...elementBoxes);

  const cut = field(
    "cut",
    h("input", {
      type: "text",
      id: "scenario-cut",
      inputmode: "decimal",
      value: initial.cutText,
      "aria-describedby": "scenario-cut-hint",
    }),
  );
  const elasticity = field(
    "elasticity",
    h("input", {
      type: "text",
      id: "scenario-elasticity",
      inputmode: "decimal",
      value: initial.elasticityText,
      "aria-describedby": "scenario-elasticity-hint",
    }),
  );

  const strategyRows = initial.strategies.map((s, i) => {
    const hint = findStrategyPreset(s.name)?.offset.rationale ?? "";
    return h(
      "div",
      { class: "scenario-strategy" },
      h(
        "label",
        { class: "checkbox-label", for: `scenario-strategy-${i}` },
        field(
          `strategy:${s.name}`,
          h("input", { type: "checkbox", id: `scenario-strategy-${i}`, value: s.name, checked: s.checked }),
        ),
        s.name,
      ),
      h("label", { for: `scenario-offset-${i}` }, `${s.name} offset (%)`),
      field(
        `offset:${s.name}`,
        h("input", {
          type: "text",
          id: `scenario-offset-${i}`,
          inputmode: "decimal",
          value: s.offsetText,
          "aria-describedby": `scenario-offset-${i}-hint`,
        }),
      ),
      h("p", { class: "hint", id: `scenario-offset-${i}-hint` }, hint),
    );
  });
  const strategies = h(
    "fieldset",
    { id: "scenario-strategies" },
    h("legend", {}, "Mitigation strategies"),
    ...strategyRows,
  );

  const sheet = field(
    "sheet",
    h("input", { type: "text", id: "scenario-sheet", value: initial.sheetName, maxlength: SHEET_NAME_MAX_LENGTH }),
  );

  let defaultSheet = initial.sheetName;
  const showCutHint = () => {
    const p = findRiskFactorPreset(preset.value);
    cutHint.textContent = p ? `Preset ${percentText(p.cut.value)}%: ${p.cut.rationale}` : "";
  };
  showCutHint();
  preset.addEventListener("change", () => {
    const p = findRiskFactorPreset(preset.value);
    if (p) cut.value = percentText(p.cut.value);
    // Follow the preset's sheet name unless the user typed one of their own.
    const renamed = sheet.value !== defaultSheet;
    defaultSheet = defaultScenarioSheetName(preset.value);
    if (!renamed) sheet.value = defaultSheet;
    showCutHint();
    events.onChange(!renamed);
  });
  sheet.addEventListener("input", () => events.onChange(true));
  for (const el of fields.values())
    if (el !== preset && el !== sheet) el.addEventListener("change", () => events.onChange(false));

  const element = h(
    "div",
    { id: "scenario-form" },
    h("label", { for: "scenario-preset" }, "Risk factor"),
    preset,
    elements,
    h("label", { for: "scenario-cut" }, "Export cut: share of China's supply withheld (%)"),
    cut,
    cutHint,
    h("label", { for: "scenario-elasticity" }, "Price elasticity of demand (magnitude, greater than 0)"),
    elasticity,
    h(
      "p",
      { class: "hint", id: "scenario-elasticity-hint" },
      `Default ${DEFAULT_ELASTICITY.value}: ${DEFAULT_ELASTICITY.rationale}`,
    ),
    strategies,
    h("label", { for: "scenario-sheet" }, "Sheet name"),
    sheet,
  );

  const checked = (key: string) => (fields.get(key) as HTMLInputElement).checked;
  return {
    element,
    read: () => ({
      riskFactor: preset.value,
      elements: initial.elements.map((e) => ({ ...e, checked: checked(`element:${e.name}`) })),
      cutText: cut.value,
      elasticityText: elasticity.value,
      strategies: STRATEGY_PRESETS.filter((p) => initial.strategies.some((s) => s.name === p.name)).map((p) => ({
        name: p.name,
        checked: checked(`strategy:${p.name}`),
        offsetText: (fields.get(`offset:${p.name}`) as HTMLInputElement).value,
      })),
      sheetName: sheet.value,
    }),
    markProblems(problems, messageId) {
      const bad = new Set(problems.map((p) => p.field));
      const mark = (el: Element, isBad: boolean) => markField(el, isBad, messageId);
      for (const [key, el] of fields) {
        // "No element chosen" is about the group: each checkbox says so (a fieldset cannot be invalid).
        if (key.startsWith("element:")) mark(el, bad.has("elements"));
        else if (!key.startsWith("strategy:")) mark(el, bad.has(key));
      }
    },
    setDisabled(disabled) {
      for (const el of fields.values()) el.disabled = disabled;
    },
  };
}
