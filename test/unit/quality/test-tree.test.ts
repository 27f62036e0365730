/**
 * The unit tests mirror the source tree (docs/ARCHITECTURE.md): a test under test/unit/X/ tests
 * code of the folder X names, so a reader looking for the tests of taskpane/hosts/preview.ts
 * finds them in test/unit/taskpane/hosts/. A test file must import from its mirrored folder (or
 * the index of a folder above it), itself or through a helper file under test/unit. Quality gates cut across every
 * folder and are the one exception.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";
import ts from "typescript";
import { repoRoot } from "../../support/paths";

const UNIT = "test/unit/";
/** Test files that run a script as a user does (a child process), so they import none of it. */
const RUN_AS_PROGRAM = new Map([
  ["test/unit/manifest/validate-script.test.ts", "scripts/validate-manifest.ts"],
  ["test/unit/conformance/test-excel.test.ts", "scripts/test-excel.ts"],
]);

const unitFiles = readdirSync(join(repoRoot, UNIT), { recursive: true, encoding: "utf8" })
  .map((f) => `${UNIT}${f.replace(/\\/g, "/")}`)
  .filter((f) => f.endsWith(".ts") && !f.startsWith(`${UNIT}quality/`));
const testFiles = unitFiles.filter((f) => f.endsWith(".test.ts"));

const isDir = (path: string) => existsSync(join(repoRoot, path)) && statSync(join(repoRoot, path)).isDirectory();

/** The source folders test/unit/X/ may mirror: src/X, X itself (functions/, taskpane/…), scripts/X, test/X. */
function mirroredFolders(testFile: string): string[] {
  const folder = dirname(testFile)
    .slice(UNIT.length)
    .replace(/\/support$/, "");
  return [`src/${folder}`, folder, `scripts/${folder}`, `test/${folder}`].filter(isDir);
}

/** The repository paths a file imports relatively. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), "utf8");
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((i) => i.fileName)
    .filter((spec) => spec.startsWith("."))
    .map((spec) => relative(repoRoot, resolve(repoRoot, dirname(file), spec)).replace(/\\/g, "/"));
}

/** What a test reaches: its own imports and those of the helper files under test/unit it imports. */
function reached(testFile: string): string[] {
  const own = importsOf(testFile);
  const helpers = own.filter((p) => p.startsWith(UNIT)).map((p) => (isDir(p) ? `${p}/index.ts` : `${p}.ts`));
  return [...own, ...helpers.filter((h) => existsSync(join(repoRoot, h))).flatMap(importsOf)];
}

const inside = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** A folder's public entry counts for its sub-folders: src/csv/types is tested through src/csv. */
const entryOfAncestor = (path: string, folder: string) =>
  folder
    .split("/")
    .some(
      (_, i, parts) => i > 0 && [parts.slice(0, i).join("/"), `${parts.slice(0, i).join("/")}/index`].includes(path),
    );

describe("the unit test tree mirrors the source tree", () => {
  it("finds the unit tests", () => {
    expect(testFiles.length).toBeGreaterThan(100);
  });

  it("every folder of test/unit names a source folder", () => {
    const folders = [...new Set(unitFiles.map(dirname))];
    expect(folders.filter((f) => mirroredFolders(`${f}/x.test.ts`).length === 0)).toEqual([]);
  });

  it("every unit test imports code of the folder its path mirrors", () => {
    const astray = testFiles
      .filter((t) => !RUN_AS_PROGRAM.has(t))
      .filter((t) => {
        const folders = mirroredFolders(t);
        return !reached(t).some((p) => folders.some((folder) => inside(p, folder) || entryOfAncestor(p, folder)));
      });
    expect(astray).toEqual([]);
  });

  it("a test that runs a script names the script it runs", () => {
    for (const [test, script] of RUN_AS_PROGRAM) {
      expect(existsSync(join(repoRoot, script))).toBe(true);
      expect(readFileSync(join(repoRoot, test), "utf8")).toContain(script.replace(/^scripts\//, ""));
    }
  });
});
