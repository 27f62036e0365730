/**
 * The builder's argument controls (taskpane/views/builder/argument-controls.ts) over the
 * function metadata Excel gets (test/golden/functions.json, the build's functions.json) and
 * the names RARE.LIST gives from the bundled data: each argument gets the control its help
 * describes, every name a picker offers is one the function accepts, and the live result
 * and citation come from the functions themselves.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { bundled } from "../../../src/data/bundled";
import { functionTable } from "../../../functions/table";
import type { AssociatedFunction } from "../../../functions/runtime-bridge";
import {
  argumentControl,
  closedSet,
  nameLists,
  type ArgumentControl,
  type FunctionMetadata,
} from "../../../taskpane/views/builder/argument-controls";
import { liveResult } from "../../../taskpane/views/builder/live-result";
import { repoRoot } from "../../support/paths";

const metadata = JSON.parse(readFileSync(join(repoRoot, "test", "golden", "functions.json"), "utf8")) as {
  functions: FunctionMetadata[];
};
const associated = functionTable(() => bundled) as unknown as Record<string, AssociatedFunction>;
const lists = nameLists(associated);
const fn = (id: string) => {
  const found = metadata.functions.find((f) => f.id === id);
  if (!found) throw new Error(`no ${id} in functions.json`);
  return found;
};
const control = (id: string, param: string): ArgumentControl => {
  const p = fn(id).parameters.find((x) => x.name === param);
  if (!p) throw new Error(`no ${id}.${param}`);
  return argumentControl(p, lists);
};
const fromList = (kind: string) => ({ kind: "pick", names: bundled.list(kind), from: `RARE.LIST("${kind}")` });

describe("RARE.LIST's kinds", () => {
  it("are read through RARE.LIST itself, each with its names", () => {
    expect([...lists.keys()]).toEqual(bundled.list("kinds"));
    expect(lists.get("elements")).toEqual(bundled.list("elements"));
  });
});

describe("names come from RARE.LIST, picked by the help's examples", () => {
  it.each([
    ["SHARE", "element", "elements"],
    ["USE", "element", "elements"],
    ["GAP", "element", "elements"],
    ["RISK", "factor", "risks"],
    ["STRATEGY", "name", "strategies"],
    ["PRODUCTION", "country", "countries"],
    ["RESERVES", "country", "countries"],
    ["PRODUCTION", "edition", "editions"],
    ["USSTAT", "edition", "editions"],
    ["PRICE", "oxide_or_element", "oxides"],
    ["USSTAT", "metric", "usstats"],
    ["HISTORY", "measure", "measures"],
  ])("%s's %s: %s", (id, param, kind) => {
    expect(control(id, param)).toEqual(fromList(kind));
  });

  it("stages and LIST's kinds too, where the help's closed set is exactly a list", () => {
    expect(control("SHARE", "stage")).toEqual(fromList("stages"));
    expect(control("LIST", "kind")).toEqual(fromList("kinds"));
  });
});

describe("closed sets come from the help when no list holds them", () => {
  it.each([
    ["RISK", "field", ["impact", "mitigation", "factor"]],
    ["STRATEGY", "field", ["benefit", "challenge", "strategy"]],
    ["SOURCE", "detail", ["short", "full"]],
    ["PRICEIMPACT", "model", ["constant", "linear"]],
  ])("%s's %s", (id, param, names) => {
    expect(control(id, param)).toEqual({ kind: "pick", names, from: "the function's help" });
  });

  it("TABLE's and SOURCE's kinds are the help's lists, not RARE.LIST's kinds", () => {
    const table = control("TABLE", "kind");
    expect(table.kind === "pick" && table.names).toContain("prices");
    const source = control("SOURCE", "kind");
    expect(source.kind === "pick" && source.names).toContain("countryshare");
  });

  it("a list needs a colon, two items and an 'or'", () => {
    expect(closedSet("Optional year, stage or column the value is for.")).toBeNull();
    expect(closedSet("Optional: 1 (default) for a Year | Value header row, 0 for none.")).toBeNull();
    expect(closedSet("Column: impact")).toBeNull();
  });
});

describe("other arguments get a box for what they take", () => {
  it.each([
    ["PRODUCTION", "year", { kind: "number", whole: true }],
    ["HHI", "year", { kind: "number", whole: true }],
    ["HISTORY", "start_year", { kind: "number", whole: true }],
    ["HISTORY", "headers", { kind: "number", whole: false }],
    ["PRICEIMPACT", "elasticity", { kind: "number", whole: false }],
    ["GAP", "cut", { kind: "percent" }],
    ["GAP", "mitigation", { kind: "percent" }],
    ["PRICEIMPACT", "mitigation", { kind: "percent" }],
    ["SOURCE", "key", { kind: "text" }],
    ["SOURCE", "field", { kind: "text" }],
    ["HISTORY", "key", { kind: "text" }],
  ])("%s's %s", (id, param, expected) => {
    expect(control(id, param)).toEqual(expected);
  });
});

describe("every name a picker offers", () => {
  // Other required arguments: the first name of their own picker, or a sample value.
  const sample = (c: ArgumentControl): string | number =>
    c.kind === "pick" ? c.names[0] : c.kind === "percent" ? 0.5 : c.kind === "number" ? 2024 : "China";
  const cases = metadata.functions.flatMap((f) =>
    f.parameters.flatMap((p, i) => {
      const c = argumentControl(p, lists);
      return c.kind === "pick" && associated[f.id] ? [[`${f.id}.${p.name}`, f, i, c.names] as const] : [];
    }),
  );

  it.each(cases)("%s is accepted by the function", (_, f, i, names) => {
    for (const name of names) {
      const values = f.parameters.map((p, j) =>
        j === i ? name : p.optional ? null : sample(argumentControl(p, lists)),
      );
      const { result } = liveResult(associated, f.id, values);
      // An error may come from the other arguments (SOURCE's sample key), or be an answer
      // (#N/A: no sourced figure); it must never call the picked name unknown.
      if (result.kind === "error" && /unknown/i.test(result.message)) {
        expect(result.message).not.toContain(`"${name}"`);
      }
    }
  });
});

describe("the live result and its citation", () => {
  it("are the function's answer and RARE.SOURCE's citation for the same call", () => {
    const live = liveResult(associated, "SHARE", ["Neodymium", null]);
    const share = associated.SHARE([["Neodymium"]], null) as unknown[][];
    expect(live.result).toEqual({ kind: "value", value: share[0][0] });
    const cited = associated.SOURCE([["share"]], [["Neodymium"]], null) as unknown[][];
    expect(live.citation).toEqual({ text: cited[0][0], call: '=RARE.SOURCE("share","Neodymium")' });
  });

  it("show an error with its message, and no citation", () => {
    const live = liveResult(associated, "SHARE", ["Neodymum", null]);
    expect(live.result).toMatchObject({ kind: "error", code: "#N/A", message: expect.stringContaining("Neodymium") });
    expect(live.citation).toEqual({ text: "No citation: the formula gives an error." });
  });

  it("show a spilled result as its rows", () => {
    const live = liveResult(associated, "LIST", ["elements"]);
    expect(live.result).toEqual({ kind: "array", rows: bundled.list("elements").map((n) => [n]) });
  });
});

describe("a figure without a name (HHI)", () => {
  it("is cited by its year in the key's place, as RARE.SOURCE accepts it", () => {
    const live = liveResult(associated, "HHI", [2020, null]);
    const cited = associated.SOURCE([["hhi"]], [["2020"]], null) as unknown[][];
    expect(typeof cited[0][0]).toBe("string");
    expect(live.citation).toEqual({ text: cited[0][0], call: '=RARE.SOURCE("hhi","2020")' });
  });

  it("without a year is cited by the latest year's figure (the world market)", () => {
    const cited = associated.SOURCE([["hhi"]], [["World"]], null) as unknown[][];
    expect(liveResult(associated, "HHI", [null, null]).citation).toEqual({
      text: cited[0][0],
      call: '=RARE.SOURCE("hhi","World")',
    });
  });
});
