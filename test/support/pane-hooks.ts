/**
 * The pane a browser suite works in, opened and closed by jest's hooks: once for the whole
 * file, or afresh for each test where a test needs an empty workbook. Jest runs hooks after
 * the file's top level has run, so the suite holds stand-ins that forward every use to the
 * pane open at that moment.
 */
import type { Page } from "playwright-core";
import { openPane, type PaneOptions, type PaneSession } from "./pane-page";

export interface SuitePaneOptions extends PaneOptions {
  /** The view shown once the pane is ready, by its tab's name (e.g. "Import CSV"). */
  tab?: string;
}

export interface SuitePane {
  session: PaneSession;
  page: Page;
}

/** One pane for all the tests of the file (they see each other's sheets). */
export const paneForAllTests = (options: SuitePaneOptions = {}): SuitePane => suitePane(beforeAll, afterAll, options);

/** A new pane for each test, closed after it. */
export const paneForEachTest = (options: SuitePaneOptions = {}): SuitePane => suitePane(beforeEach, afterEach, options);

function suitePane(open: jest.Lifecycle, close: jest.Lifecycle, options: SuitePaneOptions): SuitePane {
  let current: PaneSession | undefined;
  open(async () => {
    current = undefined; // if opening fails, no test sees the previous test's pane
    current = await openPane(options);
    if (options.tab) await current.page.getByRole("tab", { name: options.tab }).click();
  });
  // The closed session stays readable: a later afterEach may still check its errors.
  close(async () => {
    await current?.close();
  });
  const session = (): PaneSession => {
    if (!current) throw new Error("No pane is open: the pane opens in a jest hook, use it inside a test or a hook");
    return current;
  };
  return { session: forwardTo(session), page: forwardTo(() => session().page) };
}

/** An object that forwards each property read to what `target()` gives then, methods bound to it. */
function forwardTo<T extends object>(target: () => T): T {
  return new Proxy({} as T, {
    get(_, key) {
      const now = target();
      const value: unknown = Reflect.get(now, key);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(now) : value;
    },
  });
}
