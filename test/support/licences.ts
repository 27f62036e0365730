/**
 * Judges a package's declared licence: may it ship in dist/? Only permissive licences may.
 * Reads npm's `license` field as an SPDX expression ("MIT", "(MIT OR Apache-2.0)",
 * "Apache-2.0 WITH LLVM-exception") and the legacy forms (`license: {type}`, `licenses: [...]`).
 * Anything not understood is refused, not guessed: an unknown licence needs a human.
 */

/** Permissive licences (OSI-approved, no copyleft, no field-of-use limits). */
export const PERMISSIVE = new Set([
  "MIT",
  "MIT-0",
  "ISC",
  "0BSD",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "Apache-2.0",
  "Zlib",
  "Unlicense",
  "CC0-1.0",
  "BlueOak-1.0.0",
]);

export interface Verdict {
  ok: boolean;
  /** The expression as judged, for messages. */
  expression: string;
  /** Why it is refused (empty when ok). */
  reason: string;
}

interface PackageManifest {
  license?: unknown;
  licenses?: unknown;
}

/** The manifest's licence as one SPDX expression, or null when it declares none. */
export function declaredLicence(manifest: PackageManifest): string | null {
  const typeOf = (x: unknown): string | null =>
    typeof x === "string"
      ? x
      : x && typeof x === "object" && typeof (x as { type?: unknown }).type === "string"
        ? (x as { type: string }).type
        : null;
  const single = typeOf(manifest.license);
  if (single) return single;
  // Legacy `licenses: [{type}, …]` listed alternatives (npm's docs map it to an OR).
  if (Array.isArray(manifest.licenses)) {
    const types = manifest.licenses.map(typeOf);
    if (types.length > 0 && types.every((t): t is string => t !== null))
      return types.length === 1 ? types[0] : `(${types.join(" OR ")})`;
  }
  return null;
}

export function judgeManifest(manifest: PackageManifest): Verdict {
  const expression = declaredLicence(manifest);
  if (expression === null) return { ok: false, expression: "(none)", reason: "no license field" };
  return judgeExpression(expression);
}

/** OR: acceptable if any alternative is; AND: only if all are; WITH: an exception only adds rights. */
export function judgeExpression(expression: string): Verdict {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const fail = (why: string): never => {
    throw new SyntaxError(why);
  };

  // Returns the first non-permissive licence met where it decides the outcome, or null.
  const orExpr = (): string | null => {
    let problem = andExpr();
    while (peek() === "OR") {
      at++;
      const other = andExpr();
      problem = problem === null || other === null ? null : problem;
    }
    return problem;
  };
  const andExpr = (): string | null => {
    let problem = withExpr();
    while (peek() === "AND") {
      at++;
      problem = withExpr() ?? problem;
    }
    return problem;
  };
  const withExpr = (): string | null => {
    const problem = atom();
    if (peek() === "WITH") {
      at += 1;
      if (!peek() || ["AND", "OR", "WITH", "(", ")"].includes(peek()!)) fail("WITH needs an exception");
      at++;
    }
    return problem;
  };
  const atom = (): string | null => {
    const t = peek();
    if (t === undefined) return fail("unexpected end");
    if (t === "(") {
      at++;
      const problem = orExpr();
      if (peek() !== ")") fail("unbalanced parenthesis");
      at++;
      return problem;
    }
    if (["AND", "OR", "WITH", ")"].includes(t)) return fail(`unexpected ${t}`);
    at++;
    // "MIT+" means "MIT or later": still permissive.
    return PERMISSIVE.has(t.replace(/\+$/, "")) ? null : t;
  };

  try {
    const problem = orExpr();
    if (at !== tokens.length) fail(`unexpected ${tokens[at]}`);
    return problem === null
      ? { ok: true, expression, reason: "" }
      : { ok: false, expression, reason: `${problem} is not a permissive licence` };
  } catch (e) {
    return { ok: false, expression, reason: `not an SPDX expression (${(e as Error).message})` };
  }
}
