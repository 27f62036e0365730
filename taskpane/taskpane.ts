/**
 * Task pane entry. Detects the host, then runs the same views on a Workbook port backed
 * by Office.js inside Excel or by the in-memory preview workbook outside it. The views
 * come up whatever the start-up steps (startup-steps.ts) find: a failed step is shown in
 * the pane with what it means and a Retry, and the functions keep answering from the
 * bundled data.
 */
import "@fluentui/web-components/button.js";
import { setTheme } from "@fluentui/web-components";
import { webLightTheme } from "@fluentui/tokens";
import { byId } from "./dom";
import { detectHost } from "./office-host";
import { rareRuntime } from "./rare-runtime";
import { setUpTabs } from "./tabs";
import { createHostWorkbook } from "./host-workbook";
import { OverridesController } from "./overrides-controller";
import { startupPanel } from "./startup-panel";
import { startupSteps } from "./startup-steps";
import { loadWithWorkbookControl } from "./load-with-workbook";
import { renderFunctionsView } from "./views/functions-view";
import { renderImportView } from "./views/import-view";
import { renderScenarioView } from "./views/scenario-view";
import { renderWorkbookView } from "./views/workbook-view";
import {
  RefreshRecorder,
  TravelLock,
  datasetInForce,
  fetchChangeLog,
  recordingRecalculations,
} from "./refresh-recorder";

async function boot(): Promise<void> {
  setTheme(webLightTheme);

  const status = byId("host-status");
  const host = await detectHost(() => {
    status.textContent =
      "Still starting: waiting for Office to say which application this is. RARE functions answer from the bundled data meanwhile.";
  });
  const runtime = rareRuntime();
  status.textContent =
    host === "excel"
      ? "Connected to Excel: imports and scenarios go to this workbook."
      : "Preview mode: not running inside Excel. Imports and scenarios go to an in-memory workbook shown below the pane.";
  document.body.dataset.host = host;

  const hosted = createHostWorkbook(host, runtime, byId("preview"));
  const { preview } = hosted;
  // Every recalculation the pane asks for is followed by a record of the RARE values (What changed).
  const inForce = () => datasetInForce(runtime.bundled.version(), overrides.current.stored);
  const recorder = new RefreshRecorder(hosted.workbook, inForce, new TravelLock(), fetchChangeLog);
  const workbook = recordingRecalculations(hosted.workbook, recorder);
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
  await renderFunctionsView(byId("view-functions"));
  if (preview) (globalThis as { rarePreview?: unknown }).rarePreview = preview; // for tests and the curious
  document.body.dataset.ready = "true";
}

boot().catch((e) => {
  const status = document.getElementById("host-status");
  if (status) {
    status.setAttribute("role", "alert");
    status.textContent = `RARE could not start: ${e instanceof Error ? e.message : String(e)}. RARE functions answer from the bundled data; reopen the pane to try again.`;
  }
});
