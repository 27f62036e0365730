/** The manifest a build ships: one base for every URL, the build's identity, AppDomains only for other origins. */
import { readFileSync } from "fs";
import { resolve } from "path";
import { DEV_BASE_URL, parseAddinUrl } from "../../../src/manifest/addin-url";
import { allUrls, buildManifest } from "../../../src/manifest/build-manifest";
import { checkManifest } from "../../../src/manifest/check-manifest";
import { DEVELOPMENT_IDENTITY, PRODUCTION_IDENTITY } from "../../../src/manifest/identity";

const template = readFileSync(resolve(__dirname, "../../../manifest.xml"), "utf8");
const prefix = "https://rare.example.org/addin/";

describe("ADDIN_URL", () => {
  it("defaults to the development server", () => {
    expect(parseAddinUrl(undefined)).toEqual({
      base: DEV_BASE_URL,
      origin: "https://localhost:3000",
      production: false,
    });
    expect(parseAddinUrl("  ")).toMatchObject({ production: false });
  });

  it("accepts an https directory address", () => {
    expect(parseAddinUrl(prefix)).toEqual({ base: prefix, origin: "https://rare.example.org", production: true });
    expect(parseAddinUrl("https://addins.contoso.com:8443/")).toMatchObject({
      origin: "https://addins.contoso.com:8443",
    });
  });

  it.each([
    ["http://rare.example.org/addin/", /must use https/],
    ["https://rare.example.org/addin", /must end with "\/".*https:\/\/rare\.example\.org\/addin\//],
    ["https://rare.example.org/addin/?v=2", /without query/],
    ["https://rare.example.org/addin/#x", /without query, fragment/],
    ["rare.example.org/addin/", /is not a URL/],
  ])("refuses %s with a clear message", (value, message) => {
    expect(() => parseAddinUrl(value)).toThrow(message);
  });
});

describe("buildManifest", () => {
  const templateUrls = allUrls(template);

  it("moves every URL of a production build under ADDIN_URL, with the production identity", () => {
    const xml = buildManifest(template, parseAddinUrl(prefix));
    const urls = allUrls(xml);
    expect(urls).toHaveLength(templateUrls.length);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith(prefix)).toBe(true);
    expect(urls).toContain(`${prefix}taskpane.html`);
    expect(urls).toContain(`${prefix}functions.json`);
    expect(urls).toContain(`${prefix}assets/icon-80.png`);
    const check = checkManifest(xml);
    expect(check.errors).toEqual([]);
    expect(check.id).toBe(PRODUCTION_IDENTITY.id);
    expect(xml).toContain(`<DisplayName DefaultValue="${PRODUCTION_IDENTITY.displayName}"/>`);
    expect(xml).not.toContain("localhost");
  });

  it("points SupportUrl and the ribbon's LearnMore at the help page", () => {
    const xml = buildManifest(template, parseAddinUrl(prefix));
    expect(xml).toContain(`<SupportUrl DefaultValue="${prefix}help.html"/>`);
    expect(checkManifest(xml).urls["GetStarted.LearnMoreUrl"]).toBe(`${prefix}help.html`);
  });

  it("gives a development build its own Id and name, so both copies can sit in one Excel", () => {
    const xml = buildManifest(template, parseAddinUrl(undefined));
    const check = checkManifest(xml);
    expect(check.errors).toEqual([]);
    expect(check.id).toBe(DEVELOPMENT_IDENTITY.id);
    expect(DEVELOPMENT_IDENTITY.id).not.toBe(PRODUCTION_IDENTITY.id);
    expect(DEVELOPMENT_IDENTITY.displayName).not.toBe(PRODUCTION_IDENTITY.displayName);
    expect(xml).toContain(`<DisplayName DefaultValue="${DEVELOPMENT_IDENTITY.displayName}"/>`);
    for (const url of allUrls(xml)) expect(url.startsWith(DEV_BASE_URL)).toBe(true);
  });

  const withAppDomains = (...domains: string[]) =>
    template.replace(
      "  <Hosts>",
      `  <AppDomains>\n${domains.map((d) => `    <AppDomain>${d}</AppDomain>\n`).join("")}  </AppDomains>\n  <Hosts>`,
    );

  it("keeps only AppDomains other than the page's own origin", () => {
    const xml = buildManifest(
      withAppDomains(`${prefix.slice(0, -7)}`, "https://login.example.com"),
      parseAddinUrl(prefix),
    );
    expect([...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual([
      "https://login.example.com",
    ]);
    expect(checkManifest(xml).errors).toEqual([]);
  });

  it("drops <AppDomains> when only the page's own origin was listed (it may not be empty)", () => {
    const xml = buildManifest(withAppDomains("https://localhost:3000"), parseAddinUrl(undefined));
    expect(xml).not.toContain("AppDomain");
  });

  it("the structural check refuses the page's own origin, a path, or an empty list", () => {
    const own = checkManifest(withAppDomains("https://localhost:3000")).errors.join("\n");
    expect(own).toMatch(/page's own origin/);
    expect(checkManifest(withAppDomains("https://login.example.com/path")).errors.join("\n")).toMatch(/origin only/);
    expect(checkManifest(withAppDomains()).errors.join("\n")).toMatch(/may not be empty/);
  });
});
