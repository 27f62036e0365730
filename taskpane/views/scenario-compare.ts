/**
 * The Scenarios view's "Compare scenarios" section: the list of named scenarios (the three
 * presets to start; add, rename, duplicate, remove), each with its cut, elasticity and
 * offsets, and the button that writes them side by side on one sheet, or updates that sheet
 * in place keeping the exposures typed into it.
 */
import type { RareData } from "../../src/data/rare-data";
import { requirePriceModel } from "../../src/model/price-model";
import { combineMitigation } from "../../src/model/scenario";
import { defaultBounds, tornadoRows } from "../../src/model/tornado";
import { buildComparisonSheet, type ComparisonInput } from "../../src/scenario/compare-layout";
import { existingComparisonSheet, writeComparisonSheet } from "../../src/scenario/compare-writer";
import type { Workbook } from "../../src/workbook/workbook";
import { append, clear, h } from "../dom";
import { errorText, messageArea } from "../messages";
import {
  COMPARED_STRATEGIES,
  COMPARISON_SHEET,
  addScenario,
  checkScenarios,
  duplicateScenario,
  presetScenarios,
  removeScenario,
  updateScenario,
  type NamedScenario,
} from "./scenario-list";

export interface CompareDeps {
  readonly workbook: Workbook;
  readonly queries: () => RareData;
  /** The elements chosen in the form above, and which of them have no sourced share. */
  readonly elements: () => { chosen: string[]; unsourced: string[] };
  /** Called after each write, so the view rechecks the workbook. */
  readonly afterWrite: () => Promise<void>;
}

const MESSAGES_ID = "scenario-compare-messages";

function priceOrNull(queries: RareData, element: string): number | null {
  try {
    const price = queries.price(element, null);
    // A price printed as a range ("660–670") is no single number to multiply by.
    return typeof price === "number" ? price : null;
  } catch {
    return null; // no sourced price: the sheet shows #N/A for its cost
  }
}

/** Tornado rows widest swing first, from the model over the bundled shares and prices. */
function swingOrder(input: ComparisonInput, queries: RareData): string[] {
  const unsourced = new Set((input.unsourced ?? []).map((e) => e.toLowerCase()));
  const elements = input.elements
    .filter((e) => !unsourced.has(e.toLowerCase()))
    .map((e) => ({ share: queries.share(e, null), price: priceOrNull(queries, e), exposure: null }));
  const s = input.scenarios[0];
  const bounds = new Map([
    ["cut", defaultBounds("cut", s.cut)],
    ["elasticity", defaultBounds("elasticity", s.elasticity)],
    ...s.offsets.map((o, j) => [`offset:${j}`, defaultBounds("offset", o)] as const),
  ]);
  const scenario = { ...s, model: requirePriceModel(input.model ?? "constant") };
  return tornadoRows(elements, scenario, bounds).map((r) => r.key);
}

export function compareSection(deps: CompareDeps): HTMLElement {
  let list: NamedScenario[] = presetScenarios();
  let busy = false;
  const rows = h("tbody", {});
  const messages = messageArea(MESSAGES_ID);
  const compareButton = h(
    "fluent-button" as "button",
    { appearance: "primary", id: "scenario-compare", role: "button" },
    "Compare scenarios",
  );
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

  const section = h(
    "section",
    { id: "scenario-compare-section", "aria-labelledby": "scenario-compare-heading" },
    h("h3", { id: "scenario-compare-heading" }, "Compare scenarios"),
    h(
      "p",
      { class: "hint" },
      `Named scenarios side by side on the sheet "${COMPARISON_SHEET}": their assumptions as input cells, the supply gap, price change and cost impact per element for each, a tornado of the first scenario's assumptions and charts. The elements are those chosen above.`,
    ),
    h(
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
    ),
    h("div", { class: "actions" }, addButton, compareButton),
    messages.element,
  );

  compareButton.addEventListener("click", () => {
    if (busy) return;
    void (async () => {
      const { chosen, unsourced } = deps.elements();
      const checked = checkScenarios(list, chosen, unsourced);
      const bad = new Set(checked.ok ? [] : checked.problems.map((p) => p.field));
      for (const el of Array.from(rows.querySelectorAll("input"))) {
        if (bad.has(el.getAttribute("data-field") ?? "")) {
          el.setAttribute("aria-invalid", "true");
          el.setAttribute("aria-errormessage", MESSAGES_ID);
        } else el.removeAttribute("aria-invalid");
      }
      if (!checked.ok) {
        messages.show(
          "error",
          "The comparison was not written. Please fix:",
          checked.problems.map((p) => p.message),
        );
        return;
      }
      busy = true;
      compareButton.toggleAttribute("disabled", true);
      try {
        const queries = deps.queries();
        const plan = buildComparisonSheet({ ...checked.input, tornadoOrder: swingOrder(checked.input, queries) });
        const kind = await existingComparisonSheet(deps.workbook, plan.sheetName);
        if (kind === "other") {
          messages.show(
            "error",
            `A sheet named "${plan.sheetName}" exists and was not made by Compare scenarios: rename or delete it first.`,
          );
          return;
        }
        messages.show("info", kind === "none" ? "Writing the comparison…" : "Updating the comparison in place…");
        const outcome = await writeComparisonSheet(deps.workbook, plan, {
          mode: kind === "none" ? "create" : "update",
        });
        const mitigation = combineMitigation(checked.input.scenarios[0].offsets);
        messages.show(
          "success",
          `${outcome.mode === "create" ? "Created" : "Updated"} the sheet "${outcome.sheetName}" with ${list.length} ${list.length === 1 ? "scenario" : "scenarios"}.`,
          [
            outcome.kept.length
              ? `Kept the exposures you typed: ${outcome.kept.map((k) => `${k.element} (${String(k.value)})`).join(", ")}.`
              : "Type exposures (tonnes) in the sheet to see cost impacts; edit any scenario's input cells and its column recalculates.",
            `Tornado rows sorted by swing for "${checked.input.scenarios[0].name}" (combined mitigation ${Math.round(mitigation * 1000) / 10}%); run Compare again to re-sort after edits.`,
          ],
        );
      } catch (e) {
        messages.show("error", errorText(e));
      } finally {
        busy = false;
        compareButton.toggleAttribute("disabled", false);
        await deps.afterWrite();
      }
    })();
  });
  return section;
}
