/**
 * Runs the real webpack build with a given environment into a directory of its own, so a
 * test can inspect a production build (ADDIN_URL set) beside the development build in
 * dist/. Expects `npm run data` to have run (npm test builds before jest).
 */
import { spawnSync } from "child_process";
import { repoRoot } from "./paths";

export interface BuildRun {
  status: number | null;
  output: string;
}

/** `config`: another webpack config than the repository's, e.g. the conformance test build's. */
export function runBuild(env: Record<string, string>, outputPath: string, config?: string): BuildRun {
  const result = spawnSync(
    process.execPath,
    [
      require.resolve("webpack/bin/webpack.js"),
      "--mode",
      "production",
      "--output-path",
      outputPath,
      ...(config ? ["--config", config] : []),
    ],
    { cwd: repoRoot, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** The Content-Security-Policy a built page carries in its <meta http-equiv>. */
export const cspOf = (html: string): string =>
  /http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(html)?.[1] ?? "";

/** One directive of a policy, e.g. "script-src 'self'", or undefined. */
export const cspDirective = (csp: string, name: string): string | undefined =>
  csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

/** The src of every <script> of a built page, in order. */
export const scriptSources = (html: string): string[] =>
  [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
