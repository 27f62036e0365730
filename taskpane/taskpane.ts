/**
 * Task pane entry. Detects the host, then runs the same views on a Workbook port backed
 * by Office.js inside Excel or by the in-memory preview workbook outside it. The views
 * come up whatever the start-up steps (startup-steps.ts) find: a failed step is shown in
 * the pane with what it means and a Retry, and the functions keep answering from the
 * bundled data.
 */
import { byId } from "./dom";
import { detectHost, type HostKind } from "./office-host";
import type { Workbook } from "../src/workbook/workbook";
import { rareRuntime } from "./rare-runtime";
import { setUpTabs } from "./tabs";
import { createHostWorkbook } from "./host-workbook";
import { OverridesController } from "./overrides-controller";
import { startupPanel } from "./startup-panel";
import { startupSteps } from "./startup-steps";
import { loadWithWorkbookControl } from "./load-with-workbook";
import { renderFunctionsView } from "./views/functions-view";
import {
  RefreshRecorder,
  TravelLock,
  datasetInForce,
  fetchChangeLog,
  recordingRecalculations,
} from "./refresh-recorder";

/** The host and the workbook, known only once Office has said where the pane runs. */
const started = {
  host: deferred<HostKind>(),
  workbook: deferred<Workbook>(),
};

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(e: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined); // the builder reports it when it needs the workbook
  return { promise, resolve, reject };
}

async function boot(): Promise<void> {
  const runtime = rareRuntime();
  // The Functions view first, before anything else takes the main thread: the builder needs
  // only the functions and functions.json (preloaded by taskpane.html), so it is usable while
  // Office is still starting; Insert into cell waits for the workbook. The other views' code
  // is fetched only then, so evaluating it cannot delay the builder.
  await renderFunctionsView(byId("view-functions"), {
    associated: runtime.associated,
    workbook: started.workbook.promise,
    host: started.host.promise,
  });
  const otherViews = import(/* webpackChunkName: "views" */ "./views/other-views");
  otherViews.catch(() => undefined); // reported where it is awaited

  const status = byId("host-status");
  const host = await detectHost(() => {
    status.textContent =
      "Still starting: waiting for Office to say which application this is. RARE functions answer from the bundled data meanwhile.";
  });
  started.host.resolve(host);
  status.textContent =
    host === "excel"
      ? "Connected to Excel: imports and scenarios go to this workbook."
      : "Preview mode: not running inside Excel. Imports and scenarios go to an in-memory workbook shown below the pane.";
  document.body.dataset.host = host;

  const hosted = await createHostWorkbook(host, runtime, byId("preview"));
  const { preview } = hosted;
  // Every recalculation the pane asks for is followed by a record of the RARE values (What changed).
  const inForce = () => datasetInForce(runtime.bundled.version(), overrides.current.stored);
  const recorder = new RefreshRecorder(hosted.workbook, inForce, new TravelLock(), fetchChangeLog);
  const workbook = recordingRecalculations(hosted.workbook, recorder);
  started.workbook.resolve(workbook);
  const panel = startupPanel();
  status.after(panel.element);
  // Overrides stored in the workbook apply before anything else, also when the pane is
  // never shown (the shared runtime loads this page with the functions).
  const overrides = new OverridesController(workbook, runtime, (e) =>
    panel.fail("A co-author's change to the overrides could not be applied", e),
  );
  const showVersion = () => {
    const layers = overrides.current.stored.layers.length;
    byId("dataset-version").textContent =
      `${runtime.bundled.version()}${layers ? ` + ${layers} workbook ${layers === 1 ? "override" : "overrides"}` : ""}`;
  };
  const showNotices = () =>
    panel.setNotices("overrides", overrides.current.notices, {
      label: "Clear stored overrides",
      id: "clear-stored-overrides",
      run: () => overrides.clear(),
    });
  overrides.subscribe(showVersion);
  overrides.subscribe(showNotices);
  showVersion();
  await panel.run(startupSteps(host, workbook, overrides));
  void recorder.check();
  if (host === "excel") panel.element.append(await loadWithWorkbookControl(workbook, panel));

  const { renderImportView, renderScenarioView, renderWorkbookView, applyTheme } = await otherViews;
  applyTheme();
  const workbookView = renderWorkbookView(byId("view-workbook"), workbook, {
    runtime,
    recorder,
    inForce,
    datasetVersion: () => byId("dataset-version").textContent ?? runtime.bundled.version(),
  });
  setUpTabs(document.querySelector('[role="tablist"]') as HTMLElement, (shown) => {
    if (shown === "view-workbook") void workbookView.refresh();
  });
  renderImportView(byId("view-import"), workbook, overrides);
  renderScenarioView(byId("view-scenarios"), workbook, { runtime, overrides });
  if (preview) (globalThis as { rarePreview?: unknown }).rarePreview = preview; // for tests and the curious
  document.body.dataset.ready = "true";
}

boot().catch((e) => {
  started.workbook.reject(e);
  const status = document.getElementById("host-status");
  if (status) {
    status.setAttribute("role", "alert");
    status.textContent = `RARE could not start: ${e instanceof Error ? e.message : String(e)}. RARE functions answer from the bundled data; reopen the pane to try again.`;
  }
});
