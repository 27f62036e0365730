/**
 * The pane's start-up area, under the host line: failed start-up steps with what they mean
 * and one Retry, and the notices about stored state that was left out, with the Clear that
 * removes a damaged stored value. Visible whichever tab is open.
 */
import { clear, h, setDisabled } from "./dom";
import { errorText } from "./messages";
import { runStartup, type StartupStep } from "./startup-steps";

export interface StartupPanel {
  readonly element: HTMLElement;
  /** Runs the steps; those that fail are listed with a Retry that runs them again. */
  run(steps: readonly StartupStep[]): Promise<void>;
  /** Notices under a heading of their own; `action` adds a button (e.g. Clear overrides). */
  setNotices(
    group: string,
    notices: readonly string[],
    action?: { label: string; id: string; run(): Promise<void> },
  ): void;
  /** A failure after start-up (e.g. applying a co-author's change). */
  fail(meaning: string, e: unknown): void;
}

const AUTO_RETRY_MS = [5_000, 30_000, 120_000];

export function startupPanel(): StartupPanel {
  const element = h("section", { id: "startup-notices", class: "startup", "aria-label": "Start-up notices" });
  const failures = h("div", { role: "alert" });
  const notices = h("div", { role: "status", "aria-live": "polite" });
  element.append(failures, notices);
  const groups = new Map<string, HTMLElement>();
  let failed: StartupStep[] = [];
  let stepProblems: string[] = [];
  const later: string[] = [];

  const paintFailures = (problems: string[]) => {
    clear(failures);
    if (!problems.length) return;
    const retry = h("fluent-button" as "button", { id: "startup-retry", role: "button" }, "Retry");
    retry.addEventListener("click", async () => {
      setDisabled(retry, true);
      await runSteps(failed);
    });
    failures.append(
      h(
        "div",
        { class: "message error" },
        h("p", {}, "Part of RARE's start-up did not complete:"),
        h("ul", {}, ...problems.map((p) => h("li", {}, p))),
        retry,
      ),
    );
  };

  const runSteps = async (steps: readonly StartupStep[]) => {
    const result = await runStartup(steps);
    failed = result.failed;
    stepProblems = result.problems;
    paintFailures([...stepProblems, ...later]);
    if (result.notices.length) panel.setNotices("startup", result.notices);
  };

  // The shared runtime may start this page hidden, where Excel.run can fail and nobody sees
  // Retry: failed steps run again once the pane is shown, and a few times on their own.
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && failed.length) void runSteps(failed);
  });
  for (const ms of AUTO_RETRY_MS) setTimeout(() => failed.length && void runSteps(failed), ms);

  const panel: StartupPanel = {
    element,
    run: runSteps,
    setNotices(group, list, action) {
      groups.get(group)?.remove();
      groups.delete(group);
      if (!list.length) return;
      const box = h(
        "div",
        { class: "message info", "data-group": group },
        h("ul", {}, ...list.map((n) => h("li", {}, n))),
      );
      if (action) {
        const button = h("fluent-button" as "button", { id: action.id, role: "button" }, action.label);
        button.addEventListener("click", async () => {
          setDisabled(button, true);
          try {
            await action.run();
          } catch (e) {
            panel.fail(`${action.label} did not complete`, e);
            setDisabled(button, false);
          }
        });
        box.append(button);
      }
      groups.set(group, box);
      notices.append(box);
    },
    fail(meaning, e) {
      later.push(`${meaning} (${errorText(e)}).`);
      paintFailures([...stepProblems, ...later]);
    },
  };
  return panel;
}
