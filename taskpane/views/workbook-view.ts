/**
 * The Workbook view: actions on the whole workbook. Prepare a copy to share (RARE formulas
 * frozen to their values, undo data kept) and Restore RARE formulas; Audit RARE figures
 * (the "RARE audit" sheet); What changed on refresh (offered when the dataset in force
 * differs from the one recorded at the last recalculation), with the list writable to a
 * sheet. Every action shows progress and can be cancelled; the modules in src/travel put
 * the workbook back as it was when cancelled or failed.
 */
import { auditWorkbook } from "../../src/travel/audit";
import { showValue } from "../../src/travel/cell-codec";
import { TravelCancelled, type TravelProgress } from "../../src/travel/progress";
import {
  CHANGE_HEADERS,
  changeRows,
  describeDataset,
  type ChangeReport,
  type DatasetInForce,
} from "../../src/travel/refresh-record";
import { prepareShareCopy, restoreFormulas } from "../../src/travel/share-copy";
import { CHANGES_SHEET, UNDO_SHEET, isOwnSheet } from "../../src/travel/sheets";
import { textTable, writeOwnSheet } from "../../src/travel/own-sheets";
import type { Workbook } from "../../src/workbook/workbook";
import type { RareRuntime } from "../../functions/runtime-bridge";
import { append, clear, h, setDisabled } from "../dom";
import { errorText, messageArea } from "../messages";
import type { RefreshRecorder } from "../refresh-recorder";

export interface WorkbookViewDeps {
  readonly runtime: RareRuntime;
  readonly recorder: RefreshRecorder;
  /** The dataset version shown with the undo data and the audit (bundled + overrides). */
  readonly datasetVersion: () => string;
  readonly inForce: () => DatasetInForce;
}

const PROGRESS_INTERVAL_MS = 250;
/** Rows of the change list shown in the pane; the sheet gets all of them. */
const SHOWN_CHANGES = 50;

export function renderWorkbookView(
  container: HTMLElement,
  workbook: Workbook,
  deps: WorkbookViewDeps,
): {
  refresh: () => Promise<void>;
} {
  clear(container);
  const { recorder } = deps;
  let running: AbortController | null = null;

  const button = (id: string, text: string, primary = false) =>
    h("fluent-button" as "button", { id, role: "button", ...(primary ? { appearance: "primary" } : {}) }, text);
  const prepareButton = button("travel-prepare", "Prepare a copy to share", true);
  const restoreButton = button("travel-restore", "Restore RARE formulas");
  const auditButton = button("travel-audit", "Audit RARE figures", true);
  const changesButton = button("travel-changes", "What changed");
  const writeChangesButton = button("travel-write-changes", "Write the list to a sheet");
  const refreshButton = button("travel-refresh", "Recalculate and show what changed");
  const cancelButton = button("travel-cancel", "Cancel");
  const sheetList = h("fieldset", { id: "travel-sheets", class: "sheet-picks" });
  const progress = h("progress", { id: "travel-progress", "aria-label": "Workbook action progress", max: 1, value: 0 });
  const progressText = h("p", { id: "travel-progress-text", class: "hint" });
  const shareState = h("p", { id: "travel-share-state", class: "hint" });
  const changesOffer = h("div", { id: "travel-changes-offer" });
  const changesList = h("div", { id: "travel-changes-list" });
  const messages = messageArea("travel-messages");

  append(
    container,
    h("h2", {}, "Workbook"),
    h(
      "p",
      {},
      "Actions on the whole workbook: a copy that reads the same without RARE, an audit of where every RARE figure comes from, and what a change of data did to your figures.",
    ),
    h("h3", {}, "Share"),
    h(
      "p",
      { class: "hint" },
      "Prepare a copy to share replaces each RARE formula with the value it shows (number formats stay), so people without RARE see your figures, not #NAME?. What is needed to undo it stays in the workbook, in a hidden sheet.",
    ),
    sheetList,
    h("div", { class: "actions" }, prepareButton, restoreButton),
    shareState,
    h("h3", {}, "Audit"),
    h(
      "p",
      { class: "hint" },
      'Audit RARE figures writes the sheet "RARE audit": one row per RARE formula cell with its value, citation, edition and dataset version (values, so the sheet reads the same without RARE).',
    ),
    h("div", { class: "actions" }, auditButton),
    h("h3", {}, "What changed on refresh"),
    h(
      "p",
      { class: "hint" },
      "Each time the pane recalculates, it records the dataset in force and the value of every RARE cell. When the data changes (a new RARE version, overrides added or cleared), What changed lists each cell whose value moved.",
    ),
    changesOffer,
    changesList,
    h("div", { class: "actions" }, cancelButton),
    progress,
    progressText,
    messages.element,
  );

  const setBusy = (busy: boolean) => {
    for (const b of [prepareButton, restoreButton, auditButton, changesButton, writeChangesButton])
      setDisabled(b, busy);
    cancelButton.hidden = !busy;
    progress.hidden = !busy;
    progressText.hidden = !busy;
    for (const box of sheetList.querySelectorAll("input")) box.disabled = busy;
  };
  setBusy(false);

  /** Runs one action under the lock, with progress, Cancel and its outcome in the message area. */
  async function act(label: string, work: (options: ActOptions) => Promise<void>): Promise<void> {
    if (running) return;
    running = new AbortController();
    const { signal } = running;
    setBusy(true);
    let status: TravelProgress = { step: label, done: 0, total: 0 };
    const paint = () => {
      progress.value = status.total ? Math.min(1, status.done / status.total) : 0;
      progressText.textContent = status.total
        ? `${status.step}: ${status.done.toLocaleString("en-US")} of ${status.total.toLocaleString("en-US")}`
        : `${status.step}…`;
    };
    paint();
    const timer = setInterval(paint, PROGRESS_INTERVAL_MS);
    messages.show("info", `${label}…`);
    try {
      await recorder.lock.run(() => work({ signal, onProgress: (p) => (status = p) }));
    } catch (e) {
      messages.show(e instanceof TravelCancelled ? "info" : "error", errorText(e));
    } finally {
      clearInterval(timer);
      running = null;
      setBusy(false);
      await refresh();
    }
  }

  cancelButton.addEventListener("click", () => running?.abort());

  const chosenSheets = (): string[] | undefined => {
    const boxes = [...sheetList.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
    const picked = boxes.filter((b) => b.checked).map((b) => b.value);
    return picked.length === boxes.length ? undefined : picked;
  };

  prepareButton.addEventListener("click", () => {
    const sheets = chosenSheets();
    if (sheets && sheets.length === 0) {
      messages.show("error", "Choose at least one sheet to prepare.");
      return;
    }
    void act("Preparing a copy to share", async (options) => {
      const outcome = await prepareShareCopy(workbook, { ...options, sheets, datasetVersion: deps.datasetVersion() });
      const where = outcome.bySheet.map((s) => `${s.sheet}: ${s.cells}`).join(", ");
      messages.show(
        outcome.notChanged.length ? "info" : "success",
        `Froze ${outcome.frozen} RARE formula ${outcome.frozen === 1 ? "cell" : "cells"} to their values${where ? ` (${where})` : ""}. Restore RARE formulas puts them back.${outcome.notChanged.length ? " Not changed:" : ""}`,
        outcome.notChanged,
      );
    });
  });

  restoreButton.addEventListener(
    "click",
    () =>
      void act("Restoring RARE formulas", async (options) => {
        const outcome = await restoreFormulas(workbook, options);
        const details = [
          ...outcome.edited.map((e) => `Edited since, kept: ${e}`),
          ...outcome.notRestored.map((e) => `Not restored: ${e}`),
        ];
        messages.show(
          details.length ? "info" : "success",
          `Restored ${outcome.restored} RARE ${outcome.restored === 1 ? "formula" : "formulas"}.${outcome.edited.length ? ` ${outcome.edited.length} ${outcome.edited.length === 1 ? "cell was" : "cells were"} edited since and kept as they are.` : ""}${outcome.undoRemoved ? "" : " The undo data is kept for what could not be restored."}`,
          details,
        );
      }),
  );

  auditButton.addEventListener(
    "click",
    () =>
      void act("Auditing RARE figures", async (options) => {
        const queries = () => deps.runtime.queries();
        const outcome = await auditWorkbook(
          workbook,
          { cite: (k, key, f) => queries().source(k, key, f), datasetVersion: deps.datasetVersion() },
          options,
        );
        messages.show(
          "success",
          `Wrote "${outcome.sheet}": ${outcome.rows} RARE formula ${outcome.rows === 1 ? "cell" : "cells"}, ${outcome.unattributed} not attributable to one source.`,
          outcome.problems,
        );
      }),
  );

  // The recalculation goes through the port's recording wrapper, which records and compares.
  refreshButton.addEventListener("click", () => void workbook.recalculate(true));

  changesButton.addEventListener("click", () => {
    const report = recorder.report;
    if (report) showChanges(report);
  });

  writeChangesButton.addEventListener("click", () => {
    const report = recorder.report;
    if (!report) return;
    void act("Writing the list of changes", async (options) => {
      await writeOwnSheet(workbook, CHANGES_SHEET, textTable(CHANGE_HEADERS, changeRows(report)), options);
      messages.show("success", `Wrote "${CHANGES_SHEET}": ${report.changes.length} changed cells.`);
    });
  });

  function showChanges(report: ChangeReport): void {
    clear(changesList);
    const shown = report.changes.slice(0, SHOWN_CHANGES);
    append(
      changesList,
      h(
        "p",
        {},
        `${report.changes.length} RARE ${report.changes.length === 1 ? "cell" : "cells"} changed from ${describeDataset(report.from)} to ${describeDataset(report.to)}${report.changes.length > shown.length ? ` (the first ${shown.length} below; the sheet gets all)` : ""}.`,
      ),
      shown.length
        ? h(
            "table",
            { id: "travel-changes-table" },
            h("thead", {}, h("tr", {}, ...["Cell", "Old", "New", "Reason"].map((t) => h("th", { scope: "col" }, t)))),
            h(
              "tbody",
              {},
              ...shown.map((c) =>
                h(
                  "tr",
                  {},
                  h("td", {}, `${c.sheet}!${c.address}`),
                  h("td", {}, showValue(c.old)),
                  h("td", {}, showValue(c.now)),
                  h("td", {}, c.reason),
                ),
              ),
            ),
          )
        : null,
      h("div", { class: "actions" }, writeChangesButton),
    );
  }

  /** Repaints what depends on the workbook: the sheet list, the undo state, the change offer. */
  async function refresh(): Promise<void> {
    try {
      const sheets = (await workbook.listSheetInfo()).filter((s) => !isOwnSheet(s.name));
      const previously = new Map(
        [...sheetList.querySelectorAll<HTMLInputElement>("input")].map((b) => [b.value, b.checked]),
      );
      clear(sheetList);
      append(
        sheetList,
        h("legend", {}, "Sheets to prepare"),
        ...sheets.map((s) =>
          h(
            "label",
            {},
            h("input", { type: "checkbox", value: s.name, checked: previously.get(s.name) ?? true }),
            ` ${s.name}${s.protected ? " (protected)" : ""}`,
          ),
        ),
      );
      const prepared = await workbook.hasSheet(UNDO_SHEET);
      shareState.textContent = prepared
        ? "This workbook is a copy prepared to share: its RARE formulas are frozen. Restore RARE formulas puts them back."
        : "";
      setDisabled(prepareButton, running !== null || prepared);
      setDisabled(restoreButton, running !== null || !prepared);
    } catch (e) {
      shareState.textContent = `The workbook could not be read: ${errorText(e)}`;
    }
    paintOffer();
  }

  function paintOffer(): void {
    clear(changesOffer);
    const report = recorder.report;
    if (recorder.lastProblem) append(changesOffer, h("p", { class: "hint" }, recorder.lastProblem));
    const stale = recorder.staleRecord;
    if (stale && !report)
      append(
        changesOffer,
        h(
          "p",
          { role: "status" },
          `The figures in this workbook were recorded with ${describeDataset(stale)}; the data in force is ${describeDataset(deps.inForce())}. Recalculate to see what changed.`,
        ),
        h("div", { class: "actions" }, refreshButton),
      );
    if (!report) {
      clear(changesList);
      return;
    }
    append(
      changesOffer,
      h(
        "p",
        { role: "status" },
        `The data in force changed since the last recalculation (${describeDataset(report.from)} → ${describeDataset(report.to)}).`,
      ),
      h("div", { class: "actions" }, changesButton),
    );
  }

  recorder.subscribe(paintOffer);
  void refresh();
  return { refresh };
}

interface ActOptions {
  readonly signal: AbortSignal;
  readonly onProgress: (p: TravelProgress) => void;
}
