/**
 * The Compare section's table of named scenarios: a row each with its name, cut, elasticity
 * and strategy offsets as text fields, Duplicate and Remove, and an Add scenario button. It
 * holds the list as typed (scenario-list.ts edits it); Compare reads it and marks the fields
 * its check refused.
 */
import { append, clear, h } from "../dom";
import {
  COMPARED_STRATEGIES,
  addScenario,
  duplicateScenario,
  presetScenarios,
  removeScenario,
  updateScenario,
  type NamedScenario,
} from "./scenario-list";
import type { Problem } from "./scenario-choices";
import { markField } from "./scenario-problems";

export interface ScenarioListTable {
  /** The scrolling table. */
  readonly element: HTMLElement;
  readonly addButton: HTMLElement;
  /** The scenarios as typed so far. */
  list(): readonly NamedScenario[];
  /** Marks the fields named in `problems` (by their "scenario:<i>:…" keys), clears the rest. */
  markProblems(problems: readonly Problem[], messageId: string): void;
}

export function scenarioListTable(): ScenarioListTable {
  let list: NamedScenario[] = presetScenarios();
  const rows = h("tbody", {});
  const addButton = h("fluent-button" as "button", { id: "scenario-add", role: "button" }, "Add scenario");

  const input = (label: string, value: string, onInput: (v: string) => void, field: string) => {
    const el = h("input", { type: "text", value, "aria-label": label, "data-field": field, inputmode: "decimal" });
    el.addEventListener("change", () => onInput(el.value));
    return el;
  };
  const paint = () => {
    clear(rows);
    list.forEach((s, i) => {
      const who = s.name.trim() || `Scenario ${i + 1}`;
      const set = (change: Partial<NamedScenario>) => {
        list = updateScenario(list, i, change);
        if ("name" in change) paint();
      };
      const duplicate = h("button", { type: "button", "aria-label": `Duplicate ${who}` }, "Duplicate");
      duplicate.addEventListener("click", () => ((list = duplicateScenario(list, i)), paint()));
      const remove = h("button", { type: "button", "aria-label": `Remove ${who}` }, "Remove");
      remove.addEventListener("click", () => ((list = removeScenario(list, i)), paint()));
      append(
        rows,
        h(
          "tr",
          {},
          h(
            "td",
            {},
            input(`Scenario ${i + 1} name`, s.name, (name) => set({ name }), `scenario:${i}:name`),
          ),
          h(
            "td",
            {},
            input(`${who}: cut (%)`, s.cutText, (cutText) => set({ cutText }), `scenario:${i}:cut`),
          ),
          h(
            "td",
            {},
            input(
              `${who}: elasticity`,
              s.elasticityText,
              (elasticityText) => set({ elasticityText }),
              `scenario:${i}:elasticity`,
            ),
          ),
          ...COMPARED_STRATEGIES.map((st, j) =>
            h(
              "td",
              {},
              input(
                `${who}: ${st} offset (%)`,
                s.offsetTexts[j],
                (t) => set({ offsetTexts: s.offsetTexts.map((o, k) => (k === j ? t : o)) }),
                `scenario:${i}:offset:${j}`,
              ),
            ),
          ),
          h("td", {}, duplicate, remove),
        ),
      );
    });
  };
  paint();
  addButton.addEventListener("click", () => ((list = addScenario(list)), paint()));

  const element = h(
    "div",
    { class: "table-scroll" },
    h(
      "table",
      { id: "scenario-list" },
      h("caption", {}, "Scenarios to compare (percentages in %)"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...["Name", "Cut (%)", "Elasticity", ...COMPARED_STRATEGIES.map((s) => `${s} (%)`), "Actions"].map((t) =>
            h("th", { scope: "col" }, t),
          ),
        ),
      ),
      rows,
    ),
  );

  return {
    element,
    addButton,
    list: () => list,
    markProblems(problems, messageId) {
      const bad = new Set(problems.map((p) => p.field));
      for (const el of Array.from(rows.querySelectorAll("input")))
        markField(el, bad.has(el.getAttribute("data-field") ?? ""), messageId);
    },
  };
}
