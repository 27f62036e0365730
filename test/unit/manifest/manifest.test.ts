import { readFileSync } from "fs";
import { resolve } from "path";
import { checkManifest } from "../../../src/manifest/check-manifest";
import { DEVELOPMENT_IDENTITY } from "../../../src/manifest/identity";

const manifest = readFileSync(resolve(__dirname, "../../../manifest.xml"), "utf8");

describe("manifest.xml structure", () => {
  it("passes the structural check", () => {
    const result = checkManifest(manifest);
    expect(result.errors).toEqual([]);
    expect(result.origin).toBe("https://localhost:3000");
    expect(result.urls["Functions.Script.Url"]).toBe("https://localhost:3000/functions.js");
    expect(result.urls["Functions.Metadata.Url"]).toBe("https://localhost:3000/functions.json");
    expect(result.urls["Taskpane.Url"]).toBe("https://localhost:3000/taskpane.html");
  });

  it("is the development copy (its own Id and name), as README's sideloading steps use it", () => {
    expect(checkManifest(manifest).id).toBe(DEVELOPMENT_IDENTITY.id);
    expect(manifest).toContain(`<DisplayName DefaultValue="${DEVELOPMENT_IDENTITY.displayName}"/>`);
  });

  const broken: Array<[string, (xml: string) => string, RegExp]> = [
    ["not well-formed", (x) => x.replace("</OfficeApp>", ""), /not well-formed/],
    [
      "a resid that resolves to nothing",
      (x) => x.replace('resid="Group.Label"', 'resid="Group.Missing"'),
      /Group\.Missing.*does not resolve/,
    ],
    [
      "an http URL",
      (x) => x.replace('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"'),
      /must use https/,
    ],
    [
      "two origins",
      (x) => x.replace('"https://localhost:3000/functions.json"', '"https://example.org/functions.json"'),
      /several origins/,
    ],
    ["a non-GUID id", (x) => x.replace(/<Id>[^<]+<\/Id>/, "<Id>rare</Id>"), /GUID/],
    ["a bad version", (x) => x.replace(/<Version>[^<]+<\/Version>/, "<Version>1.0</Version>"), /Version/],
    [
      "Runtimes not first in Host",
      (x) => x.replace(/(<Runtimes>[\s\S]*?<\/Runtimes>)([\s\S]*?)(<\/AllFormFactors>)/, "$2$3$1"),
      /Runtimes.*first/,
    ],
    ["a short-lived runtime", (x) => x.replace('lifetime="long"', 'lifetime="short"'), /lifetime="long"/],
    [
      "FunctionFile on another page",
      (x) => x.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="GetStarted.LearnMoreUrl"/>'),
      /share one Taskpane\.Url/,
    ],
    [
      "another namespace",
      (x) => x.replace('id="Functions.Namespace" DefaultValue="RARE"', 'id="Functions.Namespace" DefaultValue="RAREX"'),
      /Namespace must be RARE/,
    ],
    [
      "a duplicated resource id",
      (x) => x.replace('<bt:Image id="Icon.32x32"', '<bt:Image id="Icon.16x16"'),
      /defined twice/,
    ],
  ];
  it.each(broken)("rejects a manifest with %s", (_name, mutate, message) => {
    const mutated = mutate(manifest);
    expect(mutated).not.toBe(manifest);
    const { errors } = checkManifest(mutated);
    expect(errors.join("\n")).toMatch(message);
  });
});
