import fc from "fast-check";
import { isRareError } from "../../../src/data/errors";
import { safeSheetName } from "../../../src/csv/sheetName";
import {
  definedNameProblem,
  replaceForbiddenSheetChars,
  sameName,
  sheetNameProblem,
} from "../../../src/excel/naming-rules";
import { requireSheetName } from "../../../src/scenario/scenario-names";
import { isWorkbookError } from "../../../src/workbook/errors";
import { checkSheetName } from "../../../src/workbook/name-checks";

describe("names", () => {
  it.each([
    ["Import", null],
    ["", /blank/],
    ["x".repeat(32), /31 characters/],
    ["a:b", /cannot contain/],
    ["[x]", /cannot contain/],
    ["'quoted'", /apostrophe/],
    ["history", /reserved/],
  ])("sheet name %j", (name, problem) => {
    const p = sheetNameProblem(name);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });

  it.each([
    ["RARE_Cut", null],
    ["_x.y", null],
    ["Élément", null],
    ["A1", /cell reference/],
    ["XFD1048576", /not a valid name|cell reference/],
    ["R1C1", /cell reference/],
    ["r", /cell reference/],
    ["has space", /not a valid name/],
    ["1abc", /not a valid name/],
    ["", /blank/],
  ])("defined name %j", (name, problem) => {
    const p = definedNameProblem(name);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });

  it("compares without case", () => {
    expect(sameName("Data", "DATA")).toBe(true);
    expect(sameName("Data", "Data2")).toBe(false);
  });
});

describe("one sheet-name rule for every writer", () => {
  // Names near the edges of each rule: length 31/32, forbidden characters, apostrophes, History.
  const nameLike = fc.oneof(
    fc.string({ maxLength: 34 }),
    fc.constantFrom("History", "HISTORY", "'a", "a'", "a:b", "a[b]", "x".repeat(31), "x".repeat(32), " ", "Data"),
  );

  it("the port and the scenario writer refuse exactly the names sheetNameProblem refuses, with its sentence", () => {
    fc.assert(
      fc.property(nameLike, (name) => {
        const problem = sheetNameProblem(name);
        const port = catchOf(() => checkSheetName(name));
        const scenario = catchOf(() => requireSheetName(name));
        expect(port === undefined ? null : isWorkbookError(port, "invalidArgument") && (port as Error).message).toBe(
          problem === null ? null : problem,
        );
        expect(
          scenario === undefined ? null : isRareError(scenario) && scenario.code === "invalidValue" && scenario.message,
        ).toBe(problem === null ? null : problem);
      }),
    );
  });

  it("the import names every file with a sheet name the rule accepts", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(nameLike, { maxLength: 4 }), (file, taken) => {
        const name = safeSheetName(file, taken);
        expect(sheetNameProblem(name)).toBeNull();
        expect(taken.some((t) => sameName(t, name))).toBe(false);
      }),
    );
  });

  it("replaces each forbidden character, and only those", () => {
    expect(replaceForbiddenSheetChars("a:b\\c/d?e*f[g]h", "_")).toBe("a_b_c_d_e_f_g_h");
    expect(replaceForbiddenSheetChars("Q1 'Data' (2)", "_")).toBe("Q1 'Data' (2)");
  });
});

function catchOf(f: () => void): unknown {
  try {
    f();
    return undefined;
  } catch (e) {
    return e;
  }
}
