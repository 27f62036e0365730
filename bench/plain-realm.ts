/**
 * Loads dist/functions.js into a fresh realm whose global object is an ordinary object, as
 * in Excel's JavaScript runtime, for timing calls.
 *
 * Why not loadFunctionsBundle (test/support) for timing calls: it evaluates the bundle in a
 * context made from a sandbox object, and Node routes every global lookup of such a context
 * (`Array`, `Number`, `CustomFunctions`, ...) through a C++ interceptor. The functions look up
 * `Array.isArray` per cell, so calls there cost ~10× what they cost with ordinary globals
 * (the recalc bench reports that figure too, for information). vm.constants.DONT_CONTEXTIFY
 * (Node ≥ 20.18 / 22.8) gives a fresh realm without the interceptor; on older Node this falls
 * back to loadFunctionsBundle and says so.
 */
import { readFileSync } from "fs";
import { join } from "path";
import vm from "vm";
import { loadFunctionsBundle, RecordedError, type Associated } from "../test/support/functions-bundle";
import { distDir } from "../test/support/paths";

export interface RealmBundle {
  byId: Record<string, Associated>;
  /** Copies a value into the bundle's realm, so arguments are that realm's arrays, as Excel's are. */
  inRealm: <T>(value: T) => T;
  /** "plain" (ordinary global object) or "sandbox" (loadFunctionsBundle's interceptor global). */
  kind: "plain" | "sandbox";
}

const COPY = "(value) => JSON.parse(JSON.stringify(value))";

export function loadInPlainRealm(file = join(distDir, "functions.js")): RealmBundle {
  // Typed as always present by @types/node; absent at run time before Node 20.18 / 22.8.
  const dontContextify = (vm.constants as Partial<typeof vm.constants> | undefined)?.DONT_CONTEXTIFY;
  if (dontContextify === undefined) {
    const bundle = loadFunctionsBundle(file);
    return {
      byId: bundle.byId,
      inRealm: vm.runInContext(COPY, bundle.global) as RealmBundle["inRealm"],
      kind: "sandbox",
    };
  }
  // With DONT_CONTEXTIFY, createContext returns the new realm's (ordinary) global object.
  const global = vm.createContext(dontContextify) as Record<string, unknown>;
  const byId: Record<string, Associated> = {};
  global.CustomFunctions = { associate: (id: string, fn: Associated) => (byId[id] = fn), Error: RecordedError };
  vm.runInContext(readFileSync(file, "utf8"), global, { filename: file });
  return { byId, inRealm: vm.runInContext(COPY, global) as RealmBundle["inRealm"], kind: "plain" };
}
