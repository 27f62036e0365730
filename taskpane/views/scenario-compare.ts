/**
 * The Scenarios view's "Compare scenarios" section: the table of named scenarios
 * (scenario-list-table.ts: the three presets to start; add, rename, duplicate, remove), and
 * the button that writes them side by side on one sheet, or updates that sheet in place
 * keeping the exposures typed into it.
 */
import type { RareData } from "../../src/data/rare-data";
import { combineMitigation } from "../../src/model/scenario";
import { buildComparisonSheet } from "../../src/scenario/compare-layout";
import { tornadoOrder, typedExposures } from "../../src/scenario/tornado-order";
import { existingComparisonSheet, writeComparisonSheet } from "../../src/scenario/compare-writer";
import type { Workbook } from "../../src/workbook/workbook";
import { h, setDisabled } from "../dom";
import { errorText, messageArea } from "../messages";
import { COMPARISON_SHEET, checkScenarios } from "./scenario-list";
import { scenarioListTable } from "./scenario-list-table";
import { showProblems } from "./scenario-problems";

export interface CompareDeps {
  readonly workbook: Workbook;
  readonly queries: () => RareData;
  /** The elements chosen in the form above, and which of them have no sourced share. */
  readonly elements: () => { chosen: string[]; unsourced: string[] };
  /** Called after each write, so the view rechecks the workbook. */
  readonly afterWrite: () => Promise<void>;
}

const MESSAGES_ID = "scenario-compare-messages";

export function compareSection(deps: CompareDeps): HTMLElement {
  const scenarios = scenarioListTable();
  let busy = false;
  const messages = messageArea(MESSAGES_ID);
  const compareButton = h(
    "fluent-button" as "button",
    { appearance: "primary", id: "scenario-compare", role: "button" },
    "Compare scenarios",
  );

  const section = h(
    "section",
    { id: "scenario-compare-section", "aria-labelledby": "scenario-compare-heading" },
    h("h3", { id: "scenario-compare-heading" }, "Compare scenarios"),
    h(
      "p",
      { class: "hint" },
      `Named scenarios side by side on the sheet "${COMPARISON_SHEET}": their assumptions as input cells, the supply gap, price change and cost impact per element for each, a tornado of the first scenario's assumptions and charts. The elements are those chosen above.`,
    ),
    scenarios.element,
    h("div", { class: "actions" }, scenarios.addButton, compareButton),
    messages.element,
  );

  compareButton.addEventListener("click", () => {
    if (busy) return;
    void (async () => {
      const { chosen, unsourced } = deps.elements();
      const list = scenarios.list();
      const checked = checkScenarios(list, chosen, unsourced);
      scenarios.markProblems(checked.ok ? [] : checked.problems, MESSAGES_ID);
      if (!checked.ok) {
        showProblems(messages, "The comparison was not written.", checked.problems);
        return;
      }
      busy = true;
      setDisabled(compareButton, true);
      try {
        const sheetName = checked.input.sheetName;
        const kind = await existingComparisonSheet(deps.workbook, sheetName);
        if (kind === "other") {
          messages.show(
            "error",
            `A sheet named "${sheetName}" exists and was not made by Compare scenarios: rename or delete it first.`,
          );
          return;
        }
        // The exposures already typed decide what the tornado measures (total cost), so its order.
        const used = kind === "scenario" ? await deps.workbook.usedRect(sheetName) : null;
        const exposures = used ? typedExposures((await deps.workbook.readRange(sheetName, used)).values) : new Map();
        const order = tornadoOrder(checked.input, deps.queries(), exposures);
        const plan = buildComparisonSheet({ ...checked.input, tornadoOrder: order });
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
        setDisabled(compareButton, false);
        await deps.afterWrite();
      }
    })();
  });
  return section;
}
