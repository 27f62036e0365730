/**
 * The pane's switch for loading RARE with this workbook (Office.addin.setStartupBehavior,
 * see office-host.ts). On by default once the pane has been opened in a workbook; the
 * choice is stored in the workbook, so turning it off stays off for everyone who opens it.
 */
import { h } from "./dom";
import { setLoadWithWorkbook } from "./office-host";
import type { StartupPanel } from "./startup-panel";
import { LOAD_WITH_WORKBOOK_KEY } from "./startup-steps";
import type { Workbook } from "../src/workbook/workbook";

export async function loadWithWorkbookControl(workbook: Workbook, panel: StartupPanel): Promise<HTMLElement> {
  const box = h("input", { type: "checkbox", id: "load-with-workbook" });
  box.checked = (await workbook.getAddinData(LOAD_WITH_WORKBOOK_KEY).catch(() => null)) !== "off";
  box.addEventListener("change", async () => {
    try {
      await setLoadWithWorkbook(box.checked);
      await workbook.setAddinData(LOAD_WITH_WORKBOOK_KEY, box.checked ? "on" : "off");
    } catch (e) {
      panel.fail("The choice to load RARE with this workbook could not be saved", e);
    }
  });
  return h(
    "p",
    { class: "hint" },
    box,
    h(
      "label",
      { for: "load-with-workbook" },
      " Load RARE when this workbook opens, so its formulas answer before the pane is opened",
    ),
  );
}
