/**
 * Layers that only point down, as docs/ARCHITECTURE.md draws them: its "Folders" table lists
 * the shipped folders top to bottom, and a file may import only from its own folder or one
 * listed below it. The table is read from the document, so the picture and the code cannot
 * part. Imports are read with the TypeScript compiler's pre-processor (static, type-only,
 * dynamic and require), so none is missed by a regex.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";
import ts from "typescript";
import { repoRoot } from "../../support/paths";

const architecture = readFileSync(join(repoRoot, "docs", "ARCHITECTURE.md"), "utf8");
const foldersTable = /## Folders\n([\s\S]*?)\n## /.exec(architecture)?.[1] ?? "";
/** The table's folders, top layer first: "taskpane/", "functions/", "src/formula/", … */
const LAYERS = [...foldersTable.matchAll(/^\| `([^`]+\/)` \|/gm)].map((m) => m[1]);

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(repoRoot, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.split(/[\\/]/).includes("generated"))
    .map((f) => `${dir}${f.replace(/\\/g, "/")}`);

/** The layer a repository path belongs to: the longest listed folder it sits in, or null. */
function layerOf(path: string): string | null {
  const owners = LAYERS.filter((l) => path.startsWith(l));
  return owners.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** The repository path an import names; a folder import ("../csv") is its index file. */
function importedPath(file: string, spec: string): string {
  const target = resolve(repoRoot, dirname(file), spec);
  const path = existsSync(target) && statSync(target).isDirectory() ? join(target, "index") : target;
  return relative(repoRoot, path).replace(/\\/g, "/");
}

interface Edge {
  from: string;
  to: string;
}

/** Every relative import of every file in the listed folders, as repository paths. */
const edges: Edge[] = LAYERS.flatMap((layer) =>
  sourceFiles(layer)
    .filter((file) => layerOf(file) === layer)
    .flatMap((file) =>
      ts
        .preProcessFile(readFileSync(join(repoRoot, file), "utf8"), true, true)
        .importedFiles.map((i) => i.fileName)
        .filter((spec) => spec.startsWith("."))
        .map((spec) => ({ from: file, to: importedPath(file, spec) })),
    ),
);

const describeEdge = (e: Edge) => `${e.from} -> ${e.to}`;

describe("the layers of docs/ARCHITECTURE.md", () => {
  it("lists the shipped folders, top to bottom", () => {
    expect(LAYERS.slice(0, 2)).toEqual(["taskpane/", "functions/"]);
    for (const folder of ["src/excel/", "src/data/", "src/model/", "src/csv/", "src/workbook/"])
      expect(LAYERS).toContain(folder);
    expect(edges.length).toBeGreaterThan(300);
  });

  it("every import points to the same folder or one listed below it", () => {
    const upward = edges.filter((e) => {
      const to = layerOf(e.to);
      return to !== null && LAYERS.indexOf(to) < LAYERS.indexOf(layerOf(e.from)!);
    });
    expect(upward.map(describeEdge)).toEqual([]);
  });

  it("no shipped file imports from outside the listed folders (the seed compiler, scripts, tests)", () => {
    const outside = edges.filter((e) => layerOf(e.to) === null);
    expect(outside.map(describeEdge)).toEqual([]);
  });

  it("src/workbook does not import src/csv, and src/data does not import src/model", () => {
    const banned = edges.filter(
      (e) =>
        (e.from.startsWith("src/workbook/") && e.to.startsWith("src/csv/")) ||
        (e.from.startsWith("src/data/") && e.to.startsWith("src/model/")),
    );
    expect(banned.map(describeEdge)).toEqual([]);
  });

  it("src/excel, Excel's rules, imports nothing: every other folder may import it", () => {
    const out = edges.filter((e) => e.from.startsWith("src/excel/") && !e.to.startsWith("src/excel/"));
    expect(out.map(describeEdge)).toEqual([]);
  });

  it("src/data imports nothing outside itself but Excel's rules", () => {
    const out = edges.filter(
      (e) => e.from.startsWith("src/data/") && !e.to.startsWith("src/data/") && !e.to.startsWith("src/excel/"),
    );
    expect(out.map(describeEdge)).toEqual([]);
  });
});

describe("docs/ARCHITECTURE.md", () => {
  const tree = ["src/", "functions/", "taskpane/", "scripts/", "test/", "bench/"].flatMap((dir) =>
    readdirSync(join(repoRoot, dir), { recursive: true, encoding: "utf8" }).map(
      (f) => `${dir}${f.replace(/\\/g, "/")}`,
    ),
  );
  /** Built or generated files the document names on purpose. */
  const BUILT = new Set(["functions.js", "taskpane.js", "generated/dataset.json", "src/data/generated/dataset.json"]);
  const named = [...new Set([...architecture.matchAll(/`([\w./-]+\.(?:ts|js))`/g)].map((m) => m[1]))];

  it("names only source files that exist", () => {
    expect(named.length).toBeGreaterThan(50);
    const missing = named.filter((f) => !BUILT.has(f) && !tree.some((p) => p === f || p.endsWith(`/${f}`)));
    expect(missing).toEqual([]);
  });
});
