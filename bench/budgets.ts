/**
 * Size budgets for the built bundles. Sizes are deterministic, so these are enforced by a
 * test (test/dist/budgets.test.ts) as well as reported by `npm run bench`; timings are not.
 * Minified = the file as webpack --mode production emits it; gzipped = zlib level 9, what a
 * compressing server sends.
 */

export interface SizeBudget {
  /** File name under dist/. */
  readonly file: string;
  readonly maxBytes: number;
  /** Absent: the gzipped size is reported, not held to a budget. */
  readonly maxGzipBytes?: number;
}

const KB = 1024;

/**
 * functions.js: the custom functions and the whole bundled dataset. Excel loads it before any
 * RARE formula can calculate (and keeps it in the shared runtime), so it stays small: 144 KB
 * minified, data included. It also carries the data core the pane builds overrides with
 * (RareRuntime.core: override merging), which taskpane.js no longer bundles (66 KB measured
 * before MCS2026). The dataset grew by about 37 KB with MCS2026 (16 oxides' prices, every
 * edition's rows kept for pinning), DS140 (seven series, 1900-2020) and events E11-E16.
 */
export const FUNCTIONS_JS: SizeBudget = { file: "functions.js", maxBytes: 144 * KB };

/**
 * taskpane.js: the pane's views and hosts, the CSV import, the scenario builder, and two
 * third-party blocks, measured with the project's webpack and terser (scratch builds):
 * - fast-formula-parser 1.0.19 with chevrotain, jstat, bessel and bahttext, the preview's
 *   formula engine: 299 KB minified / 84 KB gzipped, and it does not tree-shake;
 * - Fluent UI web components: @fluentui/tokens + @microsoft/fast-element + button cost
 *   83 KB / 24 KB; each further component 3–8 KB (twenty of them, with tabs, inputs,
 *   dropdown, dialog, message bar, progress bar: 211 KB / 51 KB in all);
 * - our own code (views, preview, src/csv, src/workbook, src/scenario, src/model): about
 *   110 KB / 38 KB when the pane had its import view and button (483 KB / 142 KB in all).
 * 640 KB / 180 KB holds all of that with a dozen Fluent components and the scenario and
 * data views (~40 KB more), with ~10 % to spare. What it exists to catch: the all-components
 * rollup (web-components-all: +300 KB), a second copy of the dataset or of office.js, a
 * development (unminified) build, a new dependency nobody weighed.
 */
// 192 KB gzipped: the Workbook view, scenario comparison and simulation, and the CSV type descriptors.
// Then, for a usable pane sooner (bench/pane-load.ts), the browser preview with fast-formula-parser
// moved to preview.js, and the Import, Scenarios and Workbook views with Fluent UI to views.js,
// both loaded on demand: taskpane.js is the start-up, the hosts and the Functions view with its
// builder, 78 KB / 28 KB measured; 100 KB / 36 KB keeps ~25 % to spare and catches either coming back.
export const TASKPANE_JS: SizeBudget = { file: "taskpane.js", maxBytes: 100 * KB, maxGzipBytes: 36 * KB };

/**
 * views.js: the Import CSV (with papaparse and src/csv), Scenarios and Workbook views and the
 * Fluent UI components and theme, loaded by taskpane.ts once the Functions view is up.
 * 230 KB / 72 KB measured; 290 KB / 90 KB.
 */
export const VIEWS_JS: SizeBudget = { file: "views.js", maxBytes: 290 * KB, maxGzipBytes: 90 * KB };

/**
 * preview.js: the in-memory preview workbook, its rendering and its formula engine
 * (fast-formula-parser 299 KB / 84 KB, above), loaded on demand by taskpane/host-workbook.ts
 * when the pane runs outside Excel. 327 KB / 92 KB measured before the live scratch sheet;
 * 420 KB / 120 KB leaves room for it and catches a second engine or a development build.
 */
export const PREVIEW_JS: SizeBudget = { file: "preview.js", maxBytes: 420 * KB, maxGzipBytes: 120 * KB };

export const BUNDLE_BUDGETS: readonly SizeBudget[] = [FUNCTIONS_JS, TASKPANE_JS, VIEWS_JS, PREVIEW_JS];
