/**
 * README is not available inside Excel: no text the pane or the functions show may send
 * the user there. Help lives on help.html, which the pane links. Only string and template
 * literals are read (comments may cite README for maintainers), with the TypeScript parser.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import ts from "typescript";
import { repoRoot } from "../../support/paths";

const SHOWN = ["taskpane/", "functions/", "src/"];

function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(repoRoot, file), "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = SHOWN.flatMap((dir) =>
  readdirSync(join(repoRoot, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.includes("generated"))
    .map((f) => `${dir}${f.replace(/\\/g, "/")}`),
);

it("reads the literals of every shipped source file", () => {
  expect(files.length).toBeGreaterThan(100);
  expect(literals("taskpane/views/functions-view.ts")).toContain("help.html");
});

it("no text shown in Excel points to README", () => {
  const offenders = files.flatMap((f) =>
    literals(f)
      .filter((t) => /readme/i.test(t))
      .map((t) => `${f}: ${t}`),
  );
  expect(offenders).toEqual([]);
});
