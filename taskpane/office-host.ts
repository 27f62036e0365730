/**
 * Which host the pane runs in. Office.onReady resolves with host null outside Office:
 * that is how the pane knows to run the in-memory preview. If office.js could not load
 * at all, the pane still runs in preview rather than hanging.
 */
export type HostKind = "excel" | "preview";

export async function detectHost(timeoutMs = 8000): Promise<HostKind> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "preview";
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const info = await Promise.race([Office.onReady(), timeout]);
  return info && info.host === Office.HostType.Excel ? "excel" : "preview";
}
