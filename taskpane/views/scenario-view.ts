/**
 * The Scenarios view: choose a risk factor, elements, cut, elasticity and strategies; write
 * a NEW scenario sheet of live RARE formulas, or update the one already there in place
 * (keeping the exposures typed into it); refresh the whole workbook in one click. Talks
 * only to the Workbook port, so it runs unchanged in Excel and on the preview.
 */
import { buildScenarioSheet } from "../../src/scenario/scenario-layout";
import { storedManifestProblem } from "../../src/scenario/manifest";
import {
  existingScenarioSheet,
  writeScenarioSheet,
  type ExistingSheet,
  type ScenarioWriteMode,
} from "../../src/scenario/writer";
import { sameName } from "../../src/excel/naming-rules";
import type { Workbook } from "../../src/workbook/workbook";
import type { RareRuntime } from "../../functions/runtime-bridge";
import { append, clear, h, setDisabled } from "../dom";
import { errorText, messageArea } from "../messages";
import type { OverridesController } from "../overrides-controller";
import { combineMitigation } from "../../src/model/scenario";
import { checkForm, initialForm } from "./scenario-choices";
import { compareSection } from "./scenario-compare";
import { simulationSection } from "./scenario-simulation";
import { scenarioFormControls } from "./scenario-form";
import { showProblems } from "./scenario-problems";
import { datasetVersionText, outcomeMessage, recalculatedAt } from "./scenario-outcome";

export interface ScenarioViewDeps {
  readonly runtime: RareRuntime;
  readonly overrides: OverridesController;
}

const MESSAGES_ID = "scenario-messages";
const STATUS_DELAY_MS = 250;

export function renderScenarioView(
  container: HTMLElement,
  workbook: Workbook,
  { runtime, overrides }: ScenarioViewDeps,
): void {
  clear(container);
  let busy = false;
  let existing: { kind: ExistingSheet; name: string; damaged?: string | null } = { kind: "none", name: "" };
  let statusTicket = 0;

  let typing: ReturnType<typeof setTimeout> | undefined;
  const form = scenarioFormControls(initialForm(runtime.queries()), {
    onChange: (sheetChanged) => {
      if (!sheetChanged) return;
      // In Excel each check is a round trip: wait until the typing pauses.
      clearTimeout(typing);
      typing = setTimeout(() => void refreshStatus(), STATUS_DELAY_MS);
    },
  });
  const status = h("p", { id: "scenario-sheet-status", class: "hint" });
  const createButton = h(
    "fluent-button" as "button",
    { appearance: "primary", id: "scenario-create", role: "button" },
    "Create scenario sheet",
  );
  const updateButton = h(
    "fluent-button" as "button",
    { appearance: "primary", id: "scenario-update", role: "button", hidden: true },
    "Update scenario sheet",
  );
  const refreshButton = h("fluent-button" as "button", { id: "scenario-refresh", role: "button" }, "Refresh data");
  const version = h("span", { id: "scenario-dataset-version" });
  const messages = messageArea(MESSAGES_ID);

  append(
    container,
    h("h2", {}, "Scenarios"),
    h(
      "p",
      {},
      "What if China withholds part of its supply? The sheet this builds has the assumptions in input cells, a table of live RARE formulas per element, a sensitivity grid and a chart; change an input and everything recalculates.",
    ),
    h(
      "p",
      { class: "hint", id: "scenario-assumptions-note" },
      "The numbers below (cut, elasticity, offsets) start at RARE's defaults. They are assumptions, judgement not data: change them here, or later in the sheet's input cells. China's shares, prices and the risk texts come from the bundled sources.",
    ),
    form.element,
    status,
    h("div", { class: "actions" }, createButton, updateButton),
    messages.element,
    compareSection({
      workbook,
      queries: () => runtime.queries(),
      elements: () => {
        const chosen = form.read().elements.filter((e) => e.checked);
        return { chosen: chosen.map((e) => e.name), unsourced: chosen.filter((e) => !e.sourced).map((e) => e.name) };
      },
      afterWrite: () => refreshStatus(),
    }),
    simulationSection({
      workbook,
      datasetVersion: () => version.textContent ?? runtime.bundled.version(),
      setup: () => {
        const read = form.read();
        const checked = checkForm(read);
        if (!checked.ok) return [...checked.problems];
        const sourced = read.elements.filter((e) => e.checked && e.sourced).map((e) => e.name);
        if (sourced.length === 0)
          return [{ field: "elements", message: "Choose at least one element with a sourced China share." }];
        return {
          elements: sourced.map((name) => ({ name, share: runtime.queries().share(name, null) })),
          mitigation: combineMitigation(checked.input.strategies.map((st) => st.offset)),
        };
      },
      afterWrite: () => refreshStatus(),
    }),
    h("h3", {}, "Refresh"),
    h(
      "p",
      { class: "hint" },
      "Recalculates every formula in the workbook (a full calculation), so a model workbook shows the figures now in force.",
    ),
    h("div", { class: "actions" }, refreshButton),
    h("p", { class: "dataset" }, "Dataset ", version),
  );

  const showVersion = () =>
    (version.textContent = datasetVersionText(runtime.bundled.version(), overrides.current.stored.layers.length));
  overrides.subscribe(showVersion);
  showVersion();

  const paintButtons = () => {
    setDisabled(createButton, busy || existing.kind !== "none");
    updateButton.hidden = existing.kind !== "scenario";
    setDisabled(updateButton, busy);
    setDisabled(refreshButton, busy);
    form.setDisabled(busy);
  };

  /** What is at the chosen sheet name now: nothing, our scenario sheet, or someone else's sheet. */
  async function refreshStatus(): Promise<void> {
    const ticket = ++statusTicket;
    const wanted = form.read().sheetName.trim();
    let next: typeof existing = { kind: "none", name: wanted };
    try {
      if (wanted) {
        const kind = await existingScenarioSheet(workbook, wanted);
        // Excel matches sheet names case-blind; the plan must use the sheet's own spelling.
        const name =
          kind === "none" ? wanted : ((await workbook.listSheets()).find((s) => sameName(s, wanted)) ?? wanted);
        next = { kind, name, damaged: kind === "other" ? await storedManifestProblem(workbook, name) : null };
      }
    } catch {
      next = { kind: "none", name: wanted }; // a name Excel cannot look up: the check on Create explains it
    }
    if (ticket !== statusTicket) return; // the user typed on; a newer check is under way
    existing = next;
    status.textContent =
      existing.kind === "scenario"
        ? `The scenario sheet "${existing.name}" exists. Update it in place (the exposures you typed are kept), or choose another sheet name to create a new one.`
        : existing.kind === "stale"
          ? `The sheet "${existing.name}" has a RARE scenario record that does not match its contents (its scenario table was changed or removed by hand), so RARE will not update it: choose another sheet name, or delete the sheet.`
          : existing.kind === "other" && existing.damaged
            ? `A sheet named "${existing.name}" exists, but ${existing.damaged}. RARE leaves the sheet alone: choose another sheet name, or delete the sheet and create it again.`
            : existing.kind === "other"
              ? `A sheet named "${existing.name}" exists and was not made by a RARE scenario: choose another sheet name.`
              : "";
    paintButtons();
  }

  async function write(mode: ScenarioWriteMode): Promise<void> {
    const checked = checkForm(form.read());
    form.markProblems(checked.ok ? [] : checked.problems, MESSAGES_ID);
    if (!checked.ok) {
      showProblems(messages, "The sheet was not written.", checked.problems);
      return;
    }
    busy = true;
    paintButtons();
    messages.show("info", mode === "create" ? "Writing the scenario sheet…" : "Updating the scenario sheet…");
    try {
      await refreshStatus();
      const sheetName = existing.kind === "none" ? checked.input.sheetName : existing.name;
      const plan = buildScenarioSheet({ ...checked.input, sheetName });
      const outcome = await writeScenarioSheet(workbook, plan, { mode });
      const { text, details } = outcomeMessage(outcome, plan);
      messages.show("success", text, details);
    } catch (e) {
      messages.show("error", errorText(e));
    } finally {
      busy = false;
      await refreshStatus();
    }
  }

  const onClick = (button: HTMLElement, action: () => Promise<void>) =>
    button.addEventListener("click", () => {
      if (busy || button.hasAttribute("disabled")) return;
      void action();
    });
  onClick(createButton, () => write("create"));
  onClick(updateButton, () => write("update"));
  onClick(refreshButton, async () => {
    busy = true;
    paintButtons();
    try {
      // Overrides linked to workbook tables are read again first (issue 15: they follow their tables).
      const linked = await overrides.refreshFromTables();
      await workbook.recalculate(true);
      showVersion();
      messages.show(
        "success",
        `${recalculatedAt(new Date())} Dataset ${version.textContent}.`,
        linked.map((r) =>
          r.problem
            ? r.problem
            : `Table ${r.table}: ${r.used} ${r.used === 1 ? "row" : "rows"} in use${r.rejected.length ? `, ${r.rejected.length} not used (see Import CSV)` : ""}.`,
        ),
      );
    } catch (e) {
      messages.show("error", `The workbook could not be recalculated: ${errorText(e)}`);
    } finally {
      busy = false;
      await refreshStatus();
    }
  });

  // Recheck the workbook whenever the view is shown: a sheet deleted or renamed by hand
  // while another tab was open is reflected before the user acts on a stale status.
  new MutationObserver(() => {
    if (!container.hidden) void refreshStatus();
  }).observe(container, { attributes: true, attributeFilter: ["hidden"] });

  paintButtons();
  void refreshStatus();
}
