/**
 * One core for the functions and the pane (issue 9): data the pane builds for a workbook
 * override comes from the functions' own core, and domain errors are recognised by a
 * brand, not by class identity. Every function's errors (code and message) must be the
 * same with an override in force as with the bundled data, across every call of a pool
 * of arguments. Function ids and arities come from dist/functions.json.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { RareRuntime } from "../../functions/runtime-bridge";
import { CALL_POOL, callGrid, errorDifferences, type GridInput, type Outcomes } from "../support/call-grid";
import { loadFunctionsBundle } from "../support/functions-bundle";
import { importCsv, useImportForRareFunctions } from "../support/import-view";
import { openPane } from "../support/pane-page";
import Papa from "papaparse";
import { distDir, seedsDir } from "../support/paths";

jest.setTimeout(300_000); // the call grid runs twice on a real page: about 1 min on two loaded cores

const metadata = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as {
  functions: Array<{ id: string; parameters: unknown[] }>;
};
const input: GridInput = {
  functions: metadata.functions.map((f) => ({ id: f.id, arity: f.parameters.length })),
  pool: CALL_POOL,
};

/** Every function gives at least one error over the pool (else the comparison says nothing about it). */
function expectErrorsForEveryFunction(outcomes: Outcomes): void {
  const withErrors = new Set(
    Object.entries(outcomes)
      .filter(([, v]) => v.startsWith("#"))
      .map(([k]) => k.slice(0, k.indexOf("("))),
  );
  const expected = input.functions.filter((f) => f.arity > 0).map((f) => f.id);
  expect(expected.filter((id) => !withErrors.has(id))).toEqual([]);
}

describe("one copy of the data core", () => {
  it("is in functions.js; taskpane.js carries neither the dataset nor its sources", () => {
    const functionsJs = readFileSync(join(distDir, "functions.js"), "utf8");
    const taskpaneJs = readFileSync(join(distDir, "taskpane.js"), "utf8");
    const version = (loadFunctionsBundle().global.RareRuntime as RareRuntime).bundled.version();
    const sources = Papa.parse<{ id: string; title: string }>(readFileSync(join(seedsDir, "sources.csv"), "utf8"), {
      header: true,
      skipEmptyLines: true,
    }).data;
    // Plain-ASCII titles: the minifier may escape other characters inside string literals.
    const titles = sources.map((s) => s.title).filter((t) => t.length > 30 && /^[A-Za-z0-9 ,.:;()-]+$/.test(t));
    const bundled = titles.filter((t) => functionsJs.includes(t)); // the sources the dataset cites
    expect(bundled.length).toBeGreaterThan(5);
    expect(functionsJs).toContain(version);
    expect(taskpaneJs).not.toContain(version);
    expect(bundled.filter((t) => taskpaneJs.includes(t))).toEqual([]);
  });
});

describe("an override built by another copy of the bundle (another realm)", () => {
  it("leaves every function's error code and message as with the bundled data", () => {
    const functions = loadFunctionsBundle();
    const other = loadFunctionsBundle();
    const before = callGrid(input, functions.global);
    expectErrorsForEveryFunction(before);

    const core = (other.global.RareRuntime as RareRuntime).core;
    const base = (other.global.RareRuntime as RareRuntime).bundled.dataset;
    const { dataset } = core.mergeOverrides(base, { source: "test", shares: [{ element: "Neodymium", share: 0.5 }] });
    (functions.global.RareRuntime as RareRuntime).useQueries(core.queriesFor(dataset));
    const after = callGrid(input, functions.global);

    expect(after['SHARE("Neodymium",null)']).toBe("0.5");
    expect(after['SHARE("Terbium",null)']).toMatch(/^#N\/A No sourced figure/);
    expect(errorDifferences(before, after)).toEqual([]);
  });
});

describe("the built page with a workbook override in force", () => {
  it("gives every function the same errors as before the override (SHARE('Terbium') stays #N/A)", async () => {
    const session = await openPane();
    try {
      const { page } = session;
      const before = await page.evaluate(
        ([src, arg]) => (new Function(`return (${src})`)() as typeof callGrid)(arg),
        [callGrid.toString(), input] as const,
      );
      expectErrorsForEveryFunction(before);
      expect(before['SHARE("Terbium",null)']).toMatch(/^#N\/A No sourced figure/);

      await page.getByRole("tab", { name: "Import CSV" }).click();
      await importCsv(page, "shares.csv", "Element,Share\nNeodymium,0.5\n");
      await useImportForRareFunctions(page);

      const after = await page.evaluate(
        ([src, arg]) => (new Function(`return (${src})`)() as typeof callGrid)(arg),
        [callGrid.toString(), input] as const,
      );
      expect(after['SHARE("Neodymium",null)']).toBe("0.5");
      expect(errorDifferences(before, after)).toEqual([]);
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
