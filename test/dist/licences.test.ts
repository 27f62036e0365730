/**
 * Licence gate: every npm package whose code is inside dist/functions.js, dist/taskpane.js or
 * the pane's chunks dist/views.js and dist/preview.js (as listed by scripts/webpack/bundle-packages-plugin.js at build time) must carry a
 * permissive licence. Copyleft or unknown licences may only be dev dependencies used by tests.
 * office.js is copied into dist/office-js under Microsoft's own terms: an exception reviewed
 * by hand (docs/QUALITY.md), pinned here by the licence text's hash so a change is seen.
 */
import { createHash } from "crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import { judgeExpression, judgeManifest } from "../support/licences";
import { distDir, repoRoot } from "../support/paths";

interface ShippedPackage {
  id: string;
  name: string;
  version: string;
  path: string;
  modules: number;
}

interface BundlePackages {
  chunks: Record<string, { files: string[]; packages: ShippedPackage[] }>;
}

const listFile = join(distDir, "bundle-packages.json");
if (!existsSync(listFile)) throw new Error(`${listFile} is missing: run \`npm run build\` first.`);
const listed = JSON.parse(readFileSync(listFile, "utf8")) as BundlePackages;
const shipped = Object.values(listed.chunks).flatMap((c) => c.packages);

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

/** Bare import specifiers of a source file, reduced to package names ("@a/b/c" → "@a/b"). */
function bareImports(file: string): string[] {
  const source = readFileSync(join(repoRoot, file), "utf8");
  // `import x from "p"` and side-effect `import "p"`; `import type` leaves nothing in the bundle.
  const specs = [...source.matchAll(/^import\s+(?!type\s)(?:[^;]*?\sfrom\s+)?"([^".][^"]*)"/gm)].map((m) => m[1]);
  return [...new Set(specs.map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0])))];
}

describe("licence expressions", () => {
  it.each([
    ["MIT", true],
    ["(MIT OR Apache-2.0)", true],
    ["(MIT OR GPL-3.0-only)", true],
    ["(BSD-3-Clause OR GPL-2.0)", true],
    ["Apache-2.0 WITH LLVM-exception", true],
    ["(MIT AND Zlib)", true],
    ["GPL-3.0-only", false],
    ["MPL-2.0", false],
    ["(MIT AND GPL-2.0)", false],
    ["(GPL-2.0 OR LGPL-3.0)", false],
    ["UNLICENSED", false],
    ["SEE LICENSE IN LICENSE.md", false],
    ["(MIT", false],
    ["MIT OR", false],
  ])("%s → %s", (expression, ok) => {
    expect(judgeExpression(expression).ok).toBe(ok);
  });

  it("reads the legacy forms and refuses a package that declares nothing", () => {
    expect(judgeManifest({ license: { type: "ISC" } }).ok).toBe(true);
    expect(judgeManifest({ licenses: [{ type: "MIT" }, { type: "GPL-2.0" }] })).toMatchObject({ ok: true, expression: "(MIT OR GPL-2.0)" });
    expect(judgeManifest({})).toEqual({ ok: false, expression: "(none)", reason: "no license field" });
    expect(judgeManifest({ license: "GPL-3.0" }).reason).toBe("GPL-3.0 is not a permissive licence");
  });
});

describe("dist/bundle-packages.json", () => {
  it("lists both bundles and the chunks the pane loads on demand, and the packages their entry files import", () => {
    expect(Object.keys(listed.chunks).sort()).toEqual(["functions", "preview", "taskpane", "views"]);
    expect(listed.chunks.views.files).toEqual(["views.js"]);
    expect(listed.chunks.functions.files).toEqual(["functions.js"]);
    expect(listed.chunks.taskpane.files).toEqual(["taskpane.js"]);
    expect(listed.chunks.preview.files).toEqual(["preview.js"]);
    // The preview's formula engine loads only outside Excel, with the preview.
    expect(listed.chunks.preview.packages.map((p) => p.name)).toContain("fast-formula-parser");
    expect(listed.chunks.taskpane.packages.map((p) => p.name)).not.toContain("fast-formula-parser");
    expect(shipped.length).toBeGreaterThan(0);
    // A plugin that saw no modules would list nothing and pass every check below.
    const taskpaneNames = listed.chunks.taskpane.packages.map((p) => p.name);
    for (const name of bareImports("taskpane/taskpane.ts")) expect(taskpaneNames).toContain(name);
    const viewsNames = listed.chunks.views.packages.map((p) => p.name);
    const viewsImports = bareImports("taskpane/views/other-views.ts");
    expect(viewsImports).toContain("@fluentui/web-components");
    for (const name of viewsImports) expect(viewsNames).toContain(name);
  });

  it("ships every production dependency, papaparse included (else it belongs in devDependencies)", () => {
    const { dependencies } = readJson<{ dependencies: Record<string, string> }>(join(repoRoot, "package.json"));
    const names = new Set(shipped.map((p) => p.name));
    expect(listed.chunks.views.packages.map((p) => p.name)).toContain("papaparse");
    expect(Object.keys(dependencies).filter((name) => !names.has(name))).toEqual([]);
  });

  it("names installed package versions", () => {
    for (const p of shipped) {
      const manifest = readJson<{ name: string; version: string }>(join(repoRoot, p.path, "package.json"));
      expect(`${manifest.name}@${manifest.version}`).toBe(p.id);
    }
  });

  it("ships only permissively licensed packages", () => {
    const refused = shipped
      .map((p) => ({ p, verdict: judgeManifest(readJson(join(repoRoot, p.path, "package.json"))) }))
      .filter(({ verdict }) => !verdict.ok)
      .map(({ p, verdict }) => `${p.id} (${p.path}): ${verdict.expression}: ${verdict.reason}`);
    expect(refused).toEqual([]);
  });

  it("ships no package that the lockfile marks as a dev dependency", () => {
    const lock = readJson<{ packages: Record<string, { dev?: boolean }> }>(join(repoRoot, "package-lock.json"));
    const devOnly = shipped.filter((p) => lock.packages[p.path]?.dev === true).map((p) => p.id);
    expect(devOnly).toEqual([]);
  });
});

describe("what else dist/ ships", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [relative(distDir, join(dir, f)).split("\\").join("/")]));

  it("has no script outside the two bundles, their two chunks and the office.js copy", () => {
    const scripts = files(distDir).filter((f) => f.endsWith(".js") && !f.startsWith("office-js/"));
    expect(scripts.sort()).toEqual(["functions.js", "preview.js", "taskpane.js", "views.js"]);
  });

  it("copies office.js under the Microsoft licence terms reviewed in docs/QUALITY.md", () => {
    expect(existsSync(join(distDir, "office-js", "office.js"))).toBe(true);
    const pkg = join(repoRoot, "node_modules", "@microsoft", "office-js");
    expect(readJson<{ license: string }>(join(pkg, "package.json")).license).toBe("LICENSE");
    const terms = readFileSync(join(pkg, "LICENSE.md"), "utf8");
    expect(terms).toContain("You may copy and distribute all the code provided in the source code form in the software in its original form.");
    // Reviewed text (1.1.110); a new hash means new terms: read them, update QUALITY.md and this hash.
    expect(createHash("sha256").update(terms).digest("hex")).toBe(REVIEWED_OFFICE_JS_TERMS);
  });
});

const REVIEWED_OFFICE_JS_TERMS = "e6339f55b192182f1a2ea96ab39eb5288b59a9522cf11948731802b3256172e4";

describe("dist/THIRD-PARTY-NOTICES.txt", () => {
  it("carries the licence of every shipped package (minification drops their headers)", () => {
    const notices = readFileSync(join(distDir, "THIRD-PARTY-NOTICES.txt"), "utf8");
    const shipped = new Set(Object.values(listed.chunks).flatMap((c) => c.packages.map((p) => p.id)));
    expect(shipped.size).toBeGreaterThan(0);
    for (const id of shipped) expect(notices).toContain(`\n${id} (`);
    expect(notices).toMatch(/Permission is hereby granted, free of charge/); // an MIT text, not just names
  });
});
