/**
 * Pane load in headless Chromium (playwright-core + Debian's chromium, as the browser tests):
 * the built taskpane.html in preview mode against a bare page that loads only office.js,
 * both from the same local server in the same run.
 *
 * - Bare page: taskpane.html's own <head> (the same Content-Security-Policy and office.js
 *   <script>) and nothing else but a one-line script that waits for Office.onReady. Its time
 *   is navigation start → Office.onReady resolved: the least any add-in page pays.
 * - Functions associated: navigation start → the end of functions.js's evaluation, when
 *   every CustomFunctions.associate call has run (observed from outside: an init script
 *   catches the runtime bridge's globalThis.RareRuntime and counts its functions in the
 *   microtask after the script; the count is checked against dist/functions.json).
 * - Usable pane: navigation start → the Functions view's builder select (labelled
 *   "Function") exists and is enabled, observed by a MutationObserver. That is the first
 *   control a user reaches, and the builder enables it only once its function list is in.
 *
 * Each run opens a fresh browser context (empty cache; the server sends no-store anyway),
 * the two pages alternating, after one untimed warm-up of each. Times are performance.now()
 * in the page, whose origin is the navigation start.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../test/support/browser";
import { distDir } from "../test/support/paths";
import { serveDist, type StaticServer } from "../test/support/static-server";
import type { Figure } from "./figures";
import { median } from "./stats";

const RUNS = 9;
const SECTION = "Pane load (headless Chromium, preview mode)";
const TARGET_RATIO = 2;
/** The selector a usable pane is defined by (taskpane/views/builder/). */
export const USABLE_SELECTOR = "select#builder-function:enabled";

const BARE_PAGE = "/bare-office.html";
const BARE_SCRIPT = "/bare-office-ready.js";

interface PaneTimes {
  readonly associated: number;
  readonly usable: number;
  readonly ready: number;
  readonly count: number;
}

/**
 * Runs in the page before any of its scripts. A string, not a function: tsx's transform would
 * wrap a function's inner functions in a helper the page does not have.
 */
function observerScript(usableSelector: string): string {
  return `(() => {
  const marks = {};
  window.__paneLoad = marks;
  Object.defineProperty(window, "RareRuntime", {
    configurable: true,
    set(runtime) {
      Object.defineProperty(window, "RareRuntime", { value: runtime, writable: true, configurable: true });
      // functions.js associates every function right after installing the bridge, in the same task.
      queueMicrotask(() => {
        marks.associated = performance.now();
        marks.count = Object.keys(runtime.associated).length;
      });
    },
  });
  const check = () => {
    if (marks.usable === undefined && document.querySelector(${JSON.stringify(usableSelector)})) marks.usable = performance.now();
    if (marks.ready === undefined && document.body && document.body.dataset.ready === "true") marks.ready = performance.now();
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["disabled", "data-ready"],
  });
})();`;
}

/** taskpane.html's (minified) head: its CSP and office.js <script>, then the bare page's own script. */
export function barePage(taskpaneHtml: string): string {
  const officeScript = /<script src="?[^"\s>]*office[^"\s>]*\.js"?><\/script>/.exec(taskpaneHtml);
  const csp = /<meta http-equiv="?Content-Security-Policy"?[^>]*>/.exec(taskpaneHtml);
  if (!officeScript || !csp) throw new Error("pane-load bench: dist/taskpane.html has no office.js script or CSP");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${csp[0]}<title>office.js only</title>${officeScript[0]}<script src="${BARE_SCRIPT}" defer></script></head><body></body></html>`;
}

const BARE_READY_JS =
  "Office.onReady().then(function () { window.__bareReady = performance.now(); document.body.dataset.ready = 'office'; });";

async function timeBare(browser: Browser, server: StaticServer): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}${BARE_PAGE}`);
    await page.waitForSelector("body[data-ready=office]", { state: "attached", timeout: 30_000 });
    return await page.evaluate(() => (window as unknown as { __bareReady: number }).__bareReady);
  } finally {
    await context.close();
  }
}

async function timePane(browser: Browser, server: StaticServer): Promise<PaneTimes> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: observerScript(USABLE_SELECTOR) });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector(USABLE_SELECTOR, { timeout: 30_000 });
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    const marks = await page.evaluate(() => (window as unknown as { __paneLoad: Record<string, number> }).__paneLoad);
    return { associated: marks.associated, usable: marks.usable, ready: marks.ready, count: marks.count };
  } finally {
    await context.close();
  }
}

export async function runPaneLoadBench(): Promise<Figure[]> {
  const taskpaneHtml = readFileSync(join(distDir, "taskpane.html"), "utf8");
  const expected = (JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as { functions: unknown[] })
    .functions.length;
  const server = await serveDist(distDir, {
    [BARE_PAGE]: { type: "text/html; charset=utf-8", body: barePage(taskpaneHtml) },
    [BARE_SCRIPT]: { type: "text/javascript; charset=utf-8", body: BARE_READY_JS },
  });
  const browser = await launchBrowser();
  const bare: number[] = [];
  const pane: PaneTimes[] = [];
  try {
    await timeBare(browser, server);
    await timePane(browser, server);
    for (let run = 0; run < RUNS; run++) {
      // Alternate which page goes first, so neither always follows the other.
      if (run % 2 === 0) {
        bare.push(await timeBare(browser, server));
        pane.push(await timePane(browser, server));
      } else {
        pane.push(await timePane(browser, server));
        bare.push(await timeBare(browser, server));
      }
      const last = pane[pane.length - 1];
      if (last.count !== expected) {
        throw new Error(`pane-load bench: ${last.count} functions associated, functions.json lists ${expected}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const bareMs = median(bare);
  const associatedMs = median(pane.map((p) => p.associated));
  const usableMs = median(pane.map((p) => p.usable));
  const readyMs = median(pane.map((p) => p.ready));
  const runs = `median of ${RUNS} runs, fresh browser context each, alternating with the bare page`;
  return [
    {
      section: SECTION,
      name: "bare page: office.js loaded, Office.onReady resolved",
      value: bareMs,
      unit: "ms",
      digits: 0,
      note: `baseline; ${runs}`,
    },
    {
      section: SECTION,
      name: "pane: all functions associated",
      value: associatedMs,
      unit: "ms",
      digits: 0,
      note: `${expected} functions; ${runs}`,
    },
    {
      section: SECTION,
      name: "functions associated / bare page",
      value: associatedMs / bareMs,
      unit: "×",
      digits: 2,
      max: TARGET_RATIO,
      note: "ratio of the medians",
    },
    {
      section: SECTION,
      name: "pane: usable (builder's Function select enabled)",
      value: usableMs,
      unit: "ms",
      digits: 0,
      note: runs,
    },
    {
      section: SECTION,
      name: "usable pane / bare page",
      value: usableMs / bareMs,
      unit: "×",
      digits: 2,
      max: TARGET_RATIO,
      note: "ratio of the medians",
    },
    {
      section: SECTION,
      name: "pane: start-up finished (every view rendered)",
      value: readyMs,
      unit: "ms",
      digits: 0,
      note: "for information: body[data-ready]",
    },
  ];
}

if (require.main === module) {
  runPaneLoadBench()
    .then((figures) => {
      for (const f of figures) console.log(`${f.name}: ${f.value.toFixed(f.digits)} ${f.unit}`);
    })
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    });
}
