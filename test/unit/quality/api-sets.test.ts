/**
 * Honest requirements: every Office.js API the add-in calls is looked up in
 * @types/office-js with the TypeScript compiler, its requirement set read from its doc
 * comment ("[Api set: ExcelApi 1.7]", "**Requirement set**: … | SharedRuntime 1.1"), and
 * compared with the sets manifest.xml declares. A call above the declared sets must sit
 * behind a requirement check (`supports("ExcelApi", "1.8")` / `isSetSupported(…)`): inside
 * `if (check)`, or after `if (!check) return/throw` in the same function.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import ts from "typescript";

const root = join(__dirname, "..", "..", "..");
const AUDITED = [
  "taskpane/hosts/excel.ts",
  "taskpane/hosts/excel-request-queue.ts",
  "taskpane/office-host.ts",
  ...readdirSync(join(root, "functions"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `functions/${f}`),
];
const CHECKS = new Set(["supports", "isSetSupported"]);

type SetVersion = { set: string; version: string };

function declaredSets(): Map<string, string> {
  const xml = readFileSync(join(root, "manifest.xml"), "utf8");
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)?.[1] ?? "";
  const sets = new Map<string, string>();
  for (const m of requirements.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\s*\/>/g)) sets.set(m[1], m[2]);
  return sets;
}

const compare = (a: string, b: string): number => {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/** The set a declaration's doc comment names, for reading or for assigning. */
function requirementOf(decl: ts.Declaration, assigned: boolean): SetVersion | null {
  const source = decl.getSourceFile();
  const doc = source.text.slice(decl.getFullStart(), decl.getStart(source));
  const api = /\[Api set: (\w+) ([\d.]+)(?: for get, ([\d.]+) for set)?/.exec(doc);
  if (api) return { set: api[1], version: assigned && api[3] ? api[3] : api[2] };
  const common = /\*\*Requirement set\*\*: \{@link [^|}]*\| (\w+) ([\d.]+)\}/.exec(doc);
  return common ? { set: common[1], version: common[2] } : null;
}

/** A requirement check call: `supports("ExcelApi", "1.8")` → that set and version. */
function checkIn(expr: ts.Expression): SetVersion | null {
  if (!ts.isCallExpression(expr)) return null;
  const callee = expr.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "";
  const [set, version] = expr.arguments;
  if (!CHECKS.has(name) || !set || !version || !ts.isStringLiteral(set) || !ts.isStringLiteral(version)) return null;
  return { set: set.text, version: version.text };
}

const negated = (e: ts.Expression): ts.Expression | null =>
  ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken ? e.operand : null;
const exits = (s: ts.Statement): boolean =>
  ts.isReturnStatement(s) ||
  ts.isThrowStatement(s) ||
  (ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]));

/** The checks that guard `node`. */
function guardsOf(node: ts.Node): SetVersion[] {
  const guards: SetVersion[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child) {
      const check = checkIn(parent.expression);
      if (check) guards.push(check);
    }
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const s of parent.statements) {
        if (s === child) break;
        if (!ts.isIfStatement(s)) continue;
        const operand = negated(s.expression);
        const check = operand && checkIn(operand);
        if (check && exits(s.thenStatement)) guards.push(check);
      }
    }
  }
  return guards;
}

/**
 * Fields of the cell-value shapes Excel hands a function (`Excel.EntityCellValue` …) are data,
 * not calls: Excel only sends them where it supports them. Types are not calls either.
 */
const isValueShape = (decl: ts.Declaration): boolean =>
  ts.isInterfaceDeclaration(decl.parent) && /CellValue$/.test(decl.parent.name.text);
function inTypePosition(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isTypeNode(n)) return true;
    if (ts.isExpressionStatement(n) || ts.isBlock(n)) return false;
  }
  return false;
}

interface Use {
  where: string;
  api: string;
  needs: SetVersion;
  guarded: boolean;
}

function officeUses(): Use[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  const program = ts.createProgram(
    AUDITED.map((f) => join(root, f)),
    config?.options ?? {},
  );
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const file of AUDITED) {
    const source = program.getSourceFile(join(root, file));
    if (!source) throw new Error(`${file} is not in the program`);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) || ts.isIdentifier(node)) {
        const target = ts.isPropertyAccessExpression(node) ? node.name : node;
        const symbol = checker.getSymbolAtLocation(target);
        const decl = symbol?.declarations?.find((d) => d.getSourceFile().fileName.includes("@types/office-js"));
        const assigned =
          ts.isBinaryExpression(node.parent) &&
          node.parent.left === node &&
          node.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
        const needs = decl && !isValueShape(decl) && !inTypePosition(node) && requirementOf(decl, assigned);
        if (needs) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          uses.push({
            where: `${file}:${line + 1}`,
            api: node.getText(source),
            needs,
            guarded: guardsOf(node).some((g) => g.set === needs.set && compare(g.version, needs.version) >= 0),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

describe("requirement sets", () => {
  const declared = declaredSets();
  const uses = officeUses();

  it("finds the host adapter's Office.js calls and their sets in @types/office-js", () => {
    const apis = new Map(uses.map((u) => [u.api.replace(/^.*\./, ""), `${u.needs.set} ${u.needs.version}`]));
    // Documented sets of calls the adapter is known to make (learn.microsoft.com/javascript/api/excel).
    expect(apis.get("getRangeByIndexes")).toBe("ExcelApi 1.7");
    expect(apis.get("getItemOrNullObject")).toBe("ExcelApi 1.4");
    expect(apis.get("suspendScreenUpdatingUntilNextSync")).toBe("ExcelApi 1.9");
    expect(apis.get("setStartupBehavior")).toBe("SharedRuntime 1.1");
    expect(uses.some((u) => u.api.endsWith("calculationMode") && u.needs.version === "1.8")).toBe(true);
  });

  it("manifest.xml declares every set the code calls without a requirement check", () => {
    const above = uses.filter((u) => {
      const has = declared.get(u.needs.set);
      return !u.guarded && (has === undefined || compare(u.needs.version, has) > 0);
    });
    expect(above.map((u) => `${u.where} ${u.api} needs ${u.needs.set} ${u.needs.version}`)).toEqual([]);
  });

  it("declares no set higher than the code needs unguarded", () => {
    for (const [set, version] of declared) {
      const needed = uses.filter((u) => u.needs.set === set && !u.guarded).map((u) => u.needs.version);
      if (set === "CustomFunctionsRuntime" || set === "SharedRuntime") continue; // needed by the manifest's own elements
      expect(needed.some((v) => compare(v, version) === 0)).toBe(true);
    }
  });

  it("the check itself: a guard is recognised only with a high enough version", () => {
    const code = `declare function supports(s: string, v: string): boolean; declare function f(): void;
      function a() { if (supports("ExcelApi", "1.9")) f(); }
      function b() { if (!supports("ExcelApi", "1.8")) return; f(); }
      function c() { f(); }`;
    const source = ts.createSourceFile("x.ts", code, ts.ScriptTarget.ES2022, true);
    const calls: ts.CallExpression[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && n.expression.getText(source) === "f") calls.push(n);
      ts.forEachChild(n, visit);
    };
    visit(source);
    expect(calls.map((c) => guardsOf(c).map((g) => `${g.set} ${g.version}`))).toEqual([
      ["ExcelApi 1.9"],
      ["ExcelApi 1.8"],
      [],
    ]);
  });
});
