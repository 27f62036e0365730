/**
 * The kinds README's function table tells a newcomer RARE.LIST and RARE.TABLE accept
 * ("Kinds: `elements`, …" and "Tables: `elements`, …" in their rows), so the tests hold the
 * functions to the documented list instead of restating it.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { repoRoot } from "./paths";

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");

/** The backticked names listed after "Kinds:" or "Tables:" in the README row of RARE.<name>. */
export function documentedKinds(name: "LIST" | "TABLE"): string[] {
  const row = readme.split("\n").find((line) => line.startsWith(`| \`RARE.${name}(`));
  const list = row && /(?:Kinds|Tables): ([^.]*)\./.exec(row);
  const kinds = list ? [...list[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]) : [];
  if (kinds.length === 0) throw new Error(`README's function table lists no kinds for RARE.${name}`);
  return kinds;
}
