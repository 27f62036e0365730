/**
 * The pane's calls to Office's common API: which host it runs in, loading with the
 * workbook, and the custom-functions metadata cache. Excel calls are in hosts/excel.ts.
 */
export type HostKind = "excel" | "preview";

/**
 * Office.onReady resolves with the host once office.js has loaded, and with host null
 * outside Office: that is how the pane knows to run the in-memory preview
 * (https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in). Inside Excel
 * it can take long (a hidden shared runtime, a slow machine): the decision waits for it
 * however long it takes, and `onSlow` lets the pane say it is still starting. Only when
 * office.js did not load at all does the pane run the preview at once.
 */
export async function detectHost(onSlow: () => void, slowAfterMs = 3000): Promise<HostKind> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "preview";
  const slow = setTimeout(onSlow, slowAfterMs);
  try {
    const info = await Office.onReady();
    return info && info.host === Office.HostType.Excel ? "excel" : "preview";
  } finally {
    clearTimeout(slow);
  }
}

/**
 * Load the shared runtime with the workbook from the next open on (`load`), or only when
 * the pane is opened (`none`), so RARE formulas answer at once instead of #NAME?/#BUSY!
 * until the pane is opened. Takes effect at the next open; SharedRuntime 1.1, declared in
 * the manifest ("Run code in your Office Add-in when the document opens",
 * https://learn.microsoft.com/office/dev/add-ins/develop/run-code-on-document-open).
 */
export function setLoadWithWorkbook(load: boolean): Promise<void> {
  return Office.addin.setStartupBehavior(load ? Office.StartupBehavior.load : Office.StartupBehavior.none);
}

/** The document setting Office reads at open to clear this add-in's functions.json cache. */
const FORCE_REFRESH = "Office.ForceRefreshCustomFunctionsCache";

/**
 * Turns the custom-functions cache refresh on or off for this document's next open. Only
 * shared-runtime add-ins have it, and refreshing on every open costs start-up time, so the
 * pane turns it on only when the metadata changed and off again once it is in use
 * ("Troubleshoot custom functions: clear the custom functions cache when your add-in runs",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-troubleshooting).
 */
export async function setForceRefreshFunctionsCache(on: boolean): Promise<void> {
  const settings = Office.context.document.settings;
  // saveAsync writes Office's in-memory copy of the settings back whole: refresh it first so
  // values written through workbook.settings since the page loaded are not overwritten.
  await settle<Office.Settings>((done) => settings.refreshAsync(done));
  if (settings.get(FORCE_REFRESH) === on) return; // saving marks the workbook changed
  settings.set(FORCE_REFRESH, on);
  await settle<void>((done) => settings.saveAsync(done));
}

function settle<T>(call: (done: (result: Office.AsyncResult<T>) => void) => void): Promise<void> {
  return new Promise((resolve, reject) =>
    call((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error.message)),
    ),
  );
}

/** Office.context.requirements.isSetSupported, false outside Office. */
export function isSetSupported(set: string, version: string): boolean {
  return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported(set, version);
}
