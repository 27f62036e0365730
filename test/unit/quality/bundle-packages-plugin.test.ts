/**
 * The bundle-packages plugin names a module's package from its path; the licence gate is
 * only as good as that naming (scoped names, copies nested in another package, queries).
 */
import { join, sep } from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packageOf } = require("../../../scripts/webpack/bundle-packages-plugin") as {
  packageOf: (resource: string) => { name: string; dir: string } | null;
};

const root = join(sep, "repo");
const nm = (...parts: string[]): string => join(root, "node_modules", ...parts);

describe("packageOf", () => {
  it("is null for the project's own files", () => {
    expect(packageOf(join(root, "src", "csv", "index.ts"))).toBeNull();
  });

  it("names plain and scoped packages", () => {
    expect(packageOf(nm("tslib", "tslib.es6.mjs"))).toEqual({ name: "tslib", dir: nm("tslib") });
    expect(packageOf(nm("@fluentui", "web-components", "dist", "esm", "button", "button.js"))).toEqual({
      name: "@fluentui/web-components",
      dir: nm("@fluentui", "web-components"),
    });
  });

  it("names the innermost package of a nested copy", () => {
    const file = nm("@fluentui", "web-components", "node_modules", "@microsoft", "fast-element", "dist", "index.js");
    expect(packageOf(file)).toEqual({
      name: "@microsoft/fast-element",
      dir: nm("@fluentui", "web-components", "node_modules", "@microsoft", "fast-element"),
    });
  });

  it("ignores a resource query", () => {
    expect(packageOf(`${nm("papaparse", "papaparse.min.js")}?raw`)?.name).toBe("papaparse");
  });
});
