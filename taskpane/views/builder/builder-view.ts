/**
 * The function builder at the top of the Functions view: choose a function, fill each
 * argument with a control suited to it (argument-controls.ts), see the formula, its live
 * result and its source as you type, and insert it into the selected cell (insert.ts).
 * Native <select>, <input> and <button> elements only, each with a visible label and its
 * argument's help (aria-describedby), so it is usable from the keyboard alone.
 */
import { formatForDisplay } from "../../../src/workbook/format-display";
import type { Workbook } from "../../../src/workbook/workbook";
import type { AssociatedFunction } from "../../../functions/runtime-bridge";
import { append, clear, h, setDisabled } from "../../dom";
import { messageArea, errorText } from "../../messages";
import { argumentControl, nameLists, type ArgumentControl, type FunctionMetadata } from "./argument-controls";
import { buildFormula, type BuiltFormula } from "./formula-text";
import { insertFormula, targetName, type Occupied } from "./insert";
import { liveResult, type Shown } from "./live-result";

export interface BuilderOptions {
  readonly functions: readonly FunctionMetadata[];
  readonly associated: Readonly<Record<string, AssociatedFunction>>;
  /** The workbook, once the host is known (the builder is usable before that). */
  readonly workbook: Promise<Workbook>;
  /** Where a user selects a cell, for the "select a cell" message. */
  readonly host: Promise<"excel" | "preview">;
}

const MAX_ROWS_SHOWN = 8;

function firstSentence(text: string): string {
  const end = text.indexOf(". ");
  return end > 0 ? text.slice(0, end + 1) : text;
}

interface ArgumentField {
  readonly element: HTMLElement;
  readonly control: HTMLInputElement | HTMLSelectElement;
  readonly problem: HTMLElement;
}

function argumentField(
  id: string,
  name: string,
  optional: boolean,
  help: string,
  control: ArgumentControl,
): ArgumentField {
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const describedBy = `${helpId} ${problemId}`;
  const label = h("label", { for: id }, name, optional ? " (optional)" : "", control.kind === "percent" ? " (%)" : "");
  let input: HTMLInputElement | HTMLSelectElement;
  if (control.kind === "pick") {
    input = h(
      "select",
      { id, "aria-describedby": describedBy },
      h("option", { value: "" }, optional ? "(omitted)" : "Choose…"),
      ...control.names.map((n) => h("option", { value: n }, n)),
    );
  } else {
    input = h("input", {
      id,
      type: "text",
      inputmode: control.kind === "text" ? null : control.kind === "number" && control.whole ? "numeric" : "decimal",
      autocomplete: "off",
      "aria-describedby": describedBy,
    });
  }
  const source = control.kind === "pick" ? ` Choices from ${control.from}.` : "";
  const problem = h("p", { class: "field-problem", id: problemId });
  return {
    element: h(
      "div",
      { class: "builder-argument" },
      label,
      input,
      h("p", { class: "hint", id: helpId }, `${help}${source}`),
      problem,
    ),
    control: input,
    problem,
  };
}

function showResult(result: Shown): Node {
  switch (result.kind) {
    case "value":
      return document.createTextNode(
        typeof result.value === "string" ? result.value : formatForDisplay(result.value, "General"),
      );
    case "entity":
      return document.createTextNode(`${result.text} (a data type: the cell shows its card)`);
    case "error":
      return h("span", { class: "builder-error" }, `${result.code} ${result.message}`.trim());
    case "array": {
      const rows = result.rows.length;
      const cols = Math.max(...result.rows.map((r) => r.length));
      const cell = (v: unknown) =>
        h("td", {}, typeof v === "number" ? formatForDisplay(v, "General") : v === null ? "" : String(v));
      return h(
        "div",
        {},
        h("p", {}, `Spills ${rows} × ${cols}${rows > MAX_ROWS_SHOWN ? `; the first ${MAX_ROWS_SHOWN} rows:` : ":"}`),
        h(
          "table",
          { class: "builder-spill" },
          h("tbody", {}, ...result.rows.slice(0, MAX_ROWS_SHOWN).map((r) => h("tr", {}, ...r.map(cell)))),
        ),
      );
    }
  }
}

export function renderBuilder(container: HTMLElement, options: BuilderOptions): void {
  const lists = nameLists(options.associated);
  const byId = new Map(options.functions.map((f) => [f.id, f]));

  const select = h(
    "select",
    { id: "builder-function", "aria-describedby": "builder-function-help" },
    h("option", { value: "" }, "Choose a function…"),
    ...options.functions.map((f) => h("option", { value: f.id }, f.name)),
  );
  setDisabled(select, true);
  const functionHelp = h(
    "p",
    { class: "hint", id: "builder-function-help" },
    "Pick a function to fill in its arguments.",
  );
  const argumentsBox = h("div", { id: "builder-arguments" });
  const formulaOut = h("output", { id: "builder-formula", for: "builder-function" });
  const resultOut = h("output", { id: "builder-result" });
  const sourceOut = h("output", { id: "builder-source" });
  const insertButton = h(
    "button",
    { type: "button", id: "builder-insert", class: "builder-button" },
    "Insert into cell",
  );
  const confirmBox = h("div", { id: "builder-confirm" });
  const messages = messageArea("builder-messages");

  append(
    container,
    h(
      "section",
      { class: "builder", "aria-labelledby": "builder-heading" },
      h("h3", { id: "builder-heading" }, "Build a formula"),
      h("label", { for: "builder-function" }, "Function"),
      select,
      functionHelp,
      argumentsBox,
      h(
        "dl",
        { class: "builder-output", "aria-live": "polite" },
        h("dt", {}, "Formula"),
        h("dd", {}, h("code", {}, formulaOut)),
        h("dt", {}, "Result"),
        h("dd", {}, resultOut),
        h("dt", {}, "Source"),
        h("dd", {}, sourceOut),
      ),
      h("div", { class: "actions" }, insertButton),
      confirmBox,
      messages.element,
    ),
  );

  let fields: ArgumentField[] = [];
  let current: FunctionMetadata | undefined;
  let built: BuiltFormula | undefined;

  const update = () => {
    clear(confirmBox);
    if (!current) {
      formulaOut.textContent = "";
      clear(resultOut);
      clear(sourceOut);
      return;
    }
    const fn = current;
    built = buildFormula(
      fn.name,
      fn.parameters.map((p, i) => ({
        name: p.name,
        optional: !!p.optional,
        control: argumentControl(p, lists),
        input: fields[i].control.value,
      })),
    );
    formulaOut.textContent = built.text;
    fields.forEach((f, i) => {
      const problem = built?.problems.find((p) => p.argument === i);
      // A required argument not yet given is not an error to flag while the user is filling in.
      const shownProblem = problem && f.control.value.trim() !== "" ? problem.message : "";
      f.problem.textContent = shownProblem;
      if (shownProblem) f.control.setAttribute("aria-invalid", "true");
      else f.control.removeAttribute("aria-invalid");
    });
    clear(resultOut);
    clear(sourceOut);
    if (built.problems.length > 0) {
      resultOut.append(`Not evaluated yet: ${built.problems.map((p) => p.message).join(" ")}`);
      return;
    }
    const live = liveResult(options.associated, fn.id, built.values);
    resultOut.append(showResult(live.result));
    if (live.citation) {
      sourceOut.append(live.citation.text);
      if (live.citation.call) sourceOut.append(" ", h("span", { class: "hint" }, `(cite with ${live.citation.call})`));
    } else sourceOut.append("No citation rule for this function.");
  };

  const choose = () => {
    messages.clear();
    clear(argumentsBox);
    current = byId.get(select.value);
    functionHelp.textContent = current
      ? firstSentence(current.description ?? "")
      : "Pick a function to fill in its arguments.";
    fields = (current?.parameters ?? []).map((p, i) =>
      argumentField(`builder-arg-${i}`, p.name, !!p.optional, p.description ?? "", argumentControl(p, lists)),
    );
    for (const f of fields) {
      argumentsBox.append(f.element);
      f.control.addEventListener("input", update);
      f.control.addEventListener("change", update);
    }
    update();
  };
  select.addEventListener("change", choose);

  const write = async (replacing?: Occupied) => {
    messages.clear();
    clear(confirmBox);
    if (!current || !built) {
      messages.show("error", "Nothing inserted: choose a function first.");
      return;
    }
    if (built.problems.length > 0) {
      messages.show(
        "error",
        "Nothing inserted: the formula is not complete.",
        built.problems.map((p) => p.message),
      );
      return;
    }
    const formula = built.text;
    setDisabled(insertButton, true);
    try {
      const workbook = await options.workbook;
      const outcome = await insertFormula(workbook, formula, replacing);
      switch (outcome.kind) {
        case "no-selection":
          messages.show(
            "error",
            (await options.host) === "excel"
              ? "Nothing inserted: no cell is selected. Select a cell in the sheet, then choose Insert into cell."
              : "Nothing inserted: no cell is selected. Select a cell in the preview workbook below, then choose Insert into cell.",
          );
          break;
        case "changed":
          messages.show(
            "error",
            `Nothing inserted: the selection or the cell changed since you were asked (now ${targetName(outcome.target)}). Choose Insert into cell again.`,
          );
          break;
        case "occupied":
          askToReplace(outcome.occupied, formula);
          break;
        case "inserted":
          messages.show(
            "success",
            `Inserted ${formula} into ${targetName(outcome.target)}. The cell shows ${formatForDisplay(outcome.value, "General") || "nothing yet"}.`,
          );
          break;
      }
    } catch (e) {
      messages.show("error", `Nothing inserted: ${errorText(e)}`);
    } finally {
      setDisabled(insertButton, false);
    }
  };

  const askToReplace = (occupied: Occupied, formula: string) => {
    const holds =
      typeof occupied.formula === "string" && occupied.formula.startsWith("=")
        ? `the formula ${occupied.formula}`
        : occupied.formula === null || occupied.formula === ""
          ? `the value ${String(occupied.value)}, spilled from another formula`
          : `the value ${String(occupied.formula)}`;
    const replace = h("button", { type: "button", id: "builder-replace", class: "builder-button" }, "Replace it");
    const keep = h("button", { type: "button", id: "builder-keep", class: "builder-button" }, "Keep it");
    replace.addEventListener("click", () => void write(occupied));
    keep.addEventListener("click", () => {
      clear(confirmBox);
      messages.show("info", `Nothing inserted: ${targetName(occupied.target)} keeps what it holds.`);
      insertButton.focus();
    });
    append(
      confirmBox,
      h(
        "div",
        { class: "message info", role: "alert" },
        h("p", {}, `${targetName(occupied.target)} holds ${holds}. Replace it with ${formula}?`),
        h("div", { class: "actions" }, replace, keep),
      ),
    );
    keep.focus();
  };

  insertButton.addEventListener("click", () => void write());
  setDisabled(select, false);
}
