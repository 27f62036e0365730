/**
 * Opens the built task pane in preview mode in headless chromium and records what must
 * never happen: dialogs (alert/confirm from injected script), page errors, console
 * errors, and requests leaving the local server.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { serveDist, type StaticServer } from "./static-server";

export interface PaneSession {
  browser: Browser;
  server: StaticServer;
  context: BrowserContext;
  page: Page;
  dialogs: string[];
  errors: string[];
  externalRequests: string[];
  close(): Promise<void>;
}

// office.js says this once outside Office; it is how the preview knows where it is.
const EXPECTED_CONSOLE = [/Office\.js is loaded outside of Office client/];
// Outside Office, office.js tries to frame Microsoft's telemetry service with an inline
// style; the pane's Content-Security-Policy blocks both, so nothing leaves the machine.
// Accepted only when the message comes from office.js's own files.
const EXPECTED_FROM_OFFICE_JS = [/^Framing 'https:\/\/telemetryservice\./, /^Applying inline style violates/];

export interface PaneOptions {
  bypassCSP?: boolean;
  viewport?: { width: number; height: number };
}

export async function openPane(options: PaneOptions = {}): Promise<PaneSession> {
  const server = await serveDist();
  const browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 1000 },
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const session: PaneSession = {
    browser,
    server,
    context,
    page,
    dialogs: [],
    errors: [],
    externalRequests: [],
    async close() {
      await context.close();
      await browser.close();
      await server.close();
    },
  };
  page.on("dialog", (d) => {
    session.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("pageerror", (e) => session.errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error" && m.type() !== "warning") return;
    if (EXPECTED_CONSOLE.some((re) => re.test(m.text()))) return;
    if (m.location().url.includes("/office-js/") && EXPECTED_FROM_OFFICE_JS.some((re) => re.test(m.text()))) return;
    session.errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) session.errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith("data:")) session.externalRequests.push(r.url());
  });
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  return session;
}

/** The sheets of the preview workbook, as the pane renders them (table captions). */
export async function sheetCaptions(page: Page): Promise<string[]> {
  return page.locator("#preview table > caption").allInnerTexts();
}

/**
 * Cell texts of the rendered sheet whose caption is `sheet`, its table's header row included:
 * the cells that carry an address, without the A/B/C and 1/2/3 headings, and without the
 * blank rows and columns the live sheet draws beyond the data.
 */
export async function sheetTexts(page: Page, sheet: string): Promise<string[][]> {
  return page.evaluate((name) => {
    const table = Array.from(document.querySelectorAll("#preview table")).find(
      (t) => t.querySelector("caption")?.textContent === name,
    );
    if (!table) return [];
    const rows = Array.from(table.querySelectorAll("tbody > tr")).map((tr) =>
      Array.from(tr.querySelectorAll(":scope > [data-address]")).map(
        (c) => (c.querySelector("input") as HTMLInputElement | null)?.value ?? c.textContent ?? "",
      ),
    );
    while (rows.length > 0 && rows[rows.length - 1].every((t) => t === "")) rows.pop();
    const width = Math.max(0, ...rows.map((r) => r.reduce((w, t, i) => (t === "" ? w : i + 1), 0)));
    return rows.map((r) => r.slice(0, width));
  }, sheet);
}
