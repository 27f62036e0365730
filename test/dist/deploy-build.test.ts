/**
 * The two builds. dist/ (npm run build, no ADDIN_URL) is the development copy: localhost
 * URLs, a local office.js, so the preview and every browser test run offline. With
 * ADDIN_URL the manifest's every URL is under that base and taskpane.html loads office.js
 * from Microsoft's CDN, under a policy naming exactly that script origin.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { allUrls } from "../../src/manifest/build-manifest";
import { checkManifest } from "../../src/manifest/check-manifest";
import { DEVELOPMENT_IDENTITY, PRODUCTION_IDENTITY } from "../../src/manifest/identity";
import { cspDirective as directive, cspOf, runBuild, scriptSources, type BuildRun } from "../support/build-variant";
import { artifactsDir, distDir } from "../support/paths";

jest.setTimeout(600_000);

const prefix = "https://rare.example.org/addin/";
const productionDir = join(artifactsDir, "dist-production");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

let production: BuildRun;
beforeAll(() => {
  production = runBuild({ ADDIN_URL: prefix }, productionDir);
});

describe("the production build (ADDIN_URL)", () => {
  it("builds", () => {
    expect(production.output).toMatch(/compiled successfully/);
    expect(production.status).toBe(0);
  });

  it("writes a manifest whose every URL starts with ADDIN_URL, with the production identity", () => {
    const xml = read(productionDir, "manifest.xml");
    const urls = allUrls(xml);
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith(prefix))).toEqual([]);
    const check = checkManifest(xml);
    expect(check.errors).toEqual([]);
    expect(check.id).toBe(PRODUCTION_IDENTITY.id);
    expect(check.urls["Taskpane.Url"]).toBe(`${prefix}taskpane.html`);
    expect(xml).toContain(`<SupportUrl DefaultValue="${prefix}help.html"/>`);
    expect(xml).not.toMatch(/<AppDomain>/);
  });

  it("loads office.js from Microsoft's CDN under a policy allowing exactly that script origin", () => {
    const html = read(productionDir, "taskpane.html");
    expect(scriptSources(html)).toEqual([CDN, "functions.js", "taskpane.js"]);
    const csp = cspOf(html);
    expect(directive(csp, "script-src")).toBe("script-src 'self' https://appsforoffice.microsoft.com");
    expect(directive(csp, "default-src")).toBe("default-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(existsSync(join(productionDir, "office-js"))).toBe(false);
  });

  it("ships the help page", () => {
    expect(read(productionDir, "help.html")).toMatch(/<article class="?function"? id="?SHARE"?>/);
  });
});

describe("the development build (dist/, no ADDIN_URL)", () => {
  it("loads the local office.js, allowing only its own scripts", () => {
    const html = read(distDir, "taskpane.html");
    expect(scriptSources(html)).toEqual(["office-js/office.js", "functions.js", "taskpane.js"]);
    expect(directive(cspOf(html), "script-src")).toBe("script-src 'self'");
    expect(existsSync(join(distDir, "office-js", "office.js"))).toBe(true);
    expect(existsSync(join(distDir, "office-js", "en-us"))).toBe(true);
  });

  it("writes the development manifest on https://localhost:3000/ with its own Id", () => {
    const xml = read(distDir, "manifest.xml");
    expect(allUrls(xml).filter((u) => !u.startsWith("https://localhost:3000/"))).toEqual([]);
    expect(checkManifest(xml).id).toBe(DEVELOPMENT_IDENTITY.id);
  });
});

describe("an invalid ADDIN_URL", () => {
  it.each(["http://rare.example.org/addin/", "https://rare.example.org/addin"])("%s stops the build with a reason", (value) => {
    const run = runBuild({ ADDIN_URL: value }, join(artifactsDir, "dist-invalid"));
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/Build stopped: ADDIN_URL .*(must use https|must end with "\/")/);
    expect(run.output).not.toMatch(/compiled/);
  });
});
