/**
 * The Scenarios view's "Simulate" section: triangular ranges (min, most likely, max) for the
 * export cut and the elasticity, a run count and a seed; runs the seeded simulation in the
 * pane (src/model/simulation.ts) with a progress bar and Cancel, and writes its percentiles
 * and histogram as values, stamped with seed, runs, model and dataset version.
 */
import { PRICE_MODELS, requirePriceModel } from "../../src/model/price-model";
import { DEFAULT_RUNS, SimulationCancelled, simulate, type SimulationInput } from "../../src/model/simulation";
import { existingComparisonSheet, writeComparisonSheet } from "../../src/scenario/compare-writer";
import { SIMULATION_SHEET, buildSimulationSheet } from "../../src/scenario/simulation-layout";
import type { Workbook } from "../../src/workbook/workbook";
import { h, setDisabled } from "../dom";
import { errorText, messageArea } from "../messages";
import { parseNumberText, parsePercentText, type Problem } from "./scenario-choices";
import { showProblems } from "./scenario-problems";

export interface SimulationDeps {
  readonly workbook: Workbook;
  readonly datasetVersion: () => string;
  /** The chosen elements with a sourced share, and the combined mitigation of the form above. */
  readonly setup: () => { elements: Array<{ name: string; share: number }>; mitigation: number } | Problem[];
  readonly afterWrite: () => Promise<void>;
}

const MESSAGES_ID = "scenario-simulation-messages";

export function simulationSection(deps: SimulationDeps): HTMLElement {
  const messages = messageArea(MESSAGES_ID);
  const field = (id: string, label: string, value: string) => {
    const input = h("input", { type: "text", id, value, inputmode: "decimal" });
    return { input, label: h("label", { for: id }, label) };
  };
  const cut = ["10", "30", "60"].map((v, i) =>
    field(`simulation-cut-${i}`, `Export cut ${["minimum", "most likely", "maximum"][i]} (%)`, v),
  );
  const elasticity = ["0.3", "0.5", "0.9"].map((v, i) =>
    field(`simulation-elasticity-${i}`, `Elasticity ${["minimum", "most likely", "maximum"][i]}`, v),
  );
  const runs = field("simulation-runs", "Runs", String(DEFAULT_RUNS));
  const seed = field("simulation-seed", "Seed", "42");
  const model = h("select", { id: "simulation-model" }, ...PRICE_MODELS.map((m) => h("option", { value: m }, m)));
  const progress = h("progress", { id: "simulation-progress", max: 1, value: 0, "aria-label": "Simulation progress" });
  progress.hidden = true;
  const runButton = h(
    "fluent-button" as "button",
    { appearance: "primary", id: "simulation-run", role: "button" },
    "Run simulation",
  );
  const cancelButton = h("fluent-button" as "button", { id: "simulation-cancel", role: "button" }, "Cancel");
  cancelButton.hidden = true;
  let controller: AbortController | null = null;

  const read = (): SimulationInput | Problem[] => {
    const problems: Problem[] = [];
    const num = (f: { input: HTMLInputElement; label: HTMLElement }, parse: (t: string) => number | null) => {
      const v = parse(f.input.value);
      if (v === null) problems.push({ field: f.input.id, message: `${f.label.textContent}: enter a number.` });
      return v ?? NaN;
    };
    const [cMin, cMode, cMax] = cut.map((f) => num(f, parsePercentText) / 100);
    const [eMin, eMode, eMax] = elasticity.map((f) => num(f, parseNumberText));
    const setup = deps.setup();
    if (Array.isArray(setup)) problems.push(...setup);
    if (problems.length || Array.isArray(setup)) return problems;
    return {
      elements: setup.elements,
      mitigation: setup.mitigation,
      cut: { min: cMin, mode: cMode, max: cMax },
      elasticity: { min: eMin, mode: eMode, max: eMax },
      model: requirePriceModel(model.value),
      runs: num(runs, parseNumberText),
      seed: num(seed, parseNumberText),
    };
  };

  cancelButton.addEventListener("click", () => controller?.abort());
  runButton.addEventListener("click", () => {
    if (controller) return;
    void (async () => {
      const input = read();
      if (Array.isArray(input)) {
        showProblems(messages, "The simulation did not run.", input);
        return;
      }
      controller = new AbortController();
      setDisabled(runButton, true);
      cancelButton.hidden = false;
      progress.hidden = false;
      progress.value = 0;
      try {
        const kind = await existingComparisonSheet(deps.workbook, SIMULATION_SHEET, "simulation");
        if (kind === "other")
          throw new Error(`A sheet named "${SIMULATION_SHEET}" exists and was not made by the simulation: rename it.`);
        const started = performance.now();
        const result = await simulate(input, {
          chunk: 20_000,
          signal: controller.signal,
          onProgress: (done, total) => (progress.value = done / total),
        });
        const ms = performance.now() - started;
        const plan = buildSimulationSheet(input, result, deps.datasetVersion());
        await writeComparisonSheet(deps.workbook, plan, {
          mode: kind === "none" ? "create" : "update",
          kind: "simulation",
        });
        messages.show(
          "success",
          `Wrote ${result.runs.toLocaleString("en-US")} runs (seed ${result.seed}, ${result.model}) to "${plan.sheetName}" in ${Math.round(ms)} ms.`,
        );
      } catch (e) {
        messages.show(e instanceof SimulationCancelled ? "info" : "error", errorText(e));
      } finally {
        controller = null;
        setDisabled(runButton, false);
        cancelButton.hidden = true;
        progress.hidden = true;
        await deps.afterWrite();
      }
    })();
  });

  const group = (legend: string, fields: Array<{ input: HTMLElement; label: HTMLElement }>) =>
    h("fieldset", {}, h("legend", {}, legend), ...fields.flatMap((f) => [f.label, f.input]));
  return h(
    "section",
    { id: "scenario-simulation-section", "aria-labelledby": "scenario-simulation-heading" },
    h("h3", { id: "scenario-simulation-heading" }, "Simulate"),
    h(
      "p",
      { class: "hint" },
      `A seeded Monte Carlo run over the elements and strategies chosen above: each run draws a cut and an elasticity from triangular ranges. The sheet "${SIMULATION_SHEET}" gets P5, P50 and P95 of supply gap and price change per element and a histogram, as values stamped with the seed: the same seed gives the same numbers.`,
    ),
    group("Export cut range", cut),
    group("Elasticity range", elasticity),
    runs.label,
    runs.input,
    seed.label,
    seed.input,
    h("label", { for: "simulation-model" }, "Price model"),
    model,
    h("div", { class: "actions" }, runButton, cancelButton, progress),
    messages.element,
  );
}
