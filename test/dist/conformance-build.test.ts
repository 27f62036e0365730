/**
 * The test build `npm run test:excel` sideloads (test/conformance/webpack.config.js), built
 * here so a change that breaks it is seen without Excel: its own Id and name, the runtime
 * page pointed at conformance.html, office.js from Microsoft's CDN (it runs only in real
 * Excel), and a policy that lets the page post to office-addin-test-server.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { defaultPort } from "office-addin-test-helpers";
import { checkManifest } from "../../src/manifest/check-manifest";
import { CONFORMANCE_IDENTITY, DEVELOPMENT_IDENTITY, PRODUCTION_IDENTITY } from "../../src/manifest/identity";
import { OFFICE_JS_CDN } from "../../src/manifest/pane-page";
import { cspDirective as directive, cspOf, runBuild, scriptSources, type BuildRun } from "../support/build-variant";
import { artifactsDir, repoRoot } from "../support/paths";

jest.setTimeout(600_000);

const outDir = join(artifactsDir, "dist-conformance");
const read = (file: string) => readFileSync(join(outDir, file), "utf8");

let build: BuildRun;
beforeAll(() => {
  build = runBuild({}, outDir, join(repoRoot, "test", "conformance", "webpack.config.js"));
});

it("builds", () => {
  expect(build.output).toMatch(/compiled successfully/);
  expect(build.status).toBe(0);
});

it("has a manifest of its own, whose runtime page is conformance.html", () => {
  const check = checkManifest(read("manifest.xml"));
  // The shipped manifest's runtime must be taskpane.html; the test build's is its own page.
  expect(check.errors.filter((e) => !/runtime page must point at taskpane\.html/.test(e))).toEqual([]);
  expect(check.id).toBe(CONFORMANCE_IDENTITY.id);
  expect([DEVELOPMENT_IDENTITY.id, PRODUCTION_IDENTITY.id]).not.toContain(check.id);
  expect(read("manifest.xml")).toContain(`<DisplayName DefaultValue="${CONFORMANCE_IDENTITY.displayName}"/>`);
  expect(check.urls["Taskpane.Url"]).toBe("https://localhost:3000/conformance.html");
});

it("loads office.js from Microsoft's CDN, then the functions and the runner", () => {
  const html = read("conformance.html");
  expect(scriptSources(html)).toEqual([OFFICE_JS_CDN, "functions.js", "conformance.js"]);
  const csp = cspOf(html);
  expect(directive(csp, "script-src")).toBe("script-src 'self' https://appsforoffice.microsoft.com");
  expect(directive(csp, "connect-src")).toBe(`connect-src 'self' https://localhost:${defaultPort}`);
});
