/**
 * Task pane entry. Detects the host, then runs the same views on a Workbook port backed
 * by Office.js inside Excel or by the in-memory preview workbook outside it.
 */
import "@fluentui/web-components/button.js";
import { setTheme } from "@fluentui/web-components";
import { webLightTheme } from "@fluentui/tokens";
import { byId } from "./dom";
import { detectHost } from "./office-host";
import { rareRuntime } from "./rare-runtime";
import { setUpTabs } from "./tabs";
import { renderFunctionsView } from "./views/functions-view";

async function boot(): Promise<void> {
  setTheme(webLightTheme);

  const status = byId("host-status");
  const host = await detectHost();
  const runtime = rareRuntime();
  byId("dataset-version").textContent = runtime.queries().version();
  status.textContent =
    host === "excel"
      ? "Connected to Excel: imports and scenarios go to this workbook."
      : "Preview mode: not running inside Excel. Imports and scenarios go to an in-memory workbook shown below the pane.";
  document.body.dataset.host = host;

  setUpTabs(byId("view-functions").ownerDocument.querySelector('[role="tablist"]') as HTMLElement);
  await renderFunctionsView(byId("view-functions"));
  document.body.dataset.ready = "true";
}

boot().catch((e) => {
  const status = document.getElementById("host-status");
  if (status) {
    status.setAttribute("role", "alert");
    status.textContent = `RARE could not start: ${e instanceof Error ? e.message : String(e)}`;
  }
});
