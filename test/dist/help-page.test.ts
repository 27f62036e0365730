/**
 * dist/help.html, the page SupportUrl and the ribbon's LearnMore open: every function of
 * functions.json with its signature and an example, the errors, and the sources.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { checkManifest } from "../../src/manifest/check-manifest";
import { loadFunctionsBundle } from "../support/functions-bundle";
import { distDir } from "../support/paths";
import { seedCsv } from "../support/seed-facts";

const html = readFileSync(join(distDir, "help.html"), "utf8");
const metadata = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as {
  functions: Array<{ id: string; name: string; parameters: Array<{ name: string; optional?: boolean }> }>;
};
const text = (fragment: string) =>
  fragment
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
const articleOf = (id: string) => {
  const m = new RegExp(`<article class="?function"? id="?${id}"?>([\\s\\S]*?)</article>`).exec(html);
  return m ? text(m[1]) : "";
};

describe("dist/help.html", () => {
  it.each(metadata.functions.map((f) => [f.id, f] as const))("describes %s with its signature and an example", (_id, fn) => {
    const article = articleOf(fn.id);
    const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    expect(article).toContain(`=RARE.${fn.name}(${params})`);
    expect(article).toMatch(new RegExp(`=RARE\\.${fn.name}\\(`));
    for (const p of fn.parameters) expect(article).toContain(p.name);
  });

  it("lists no function that functions.json does not have", () => {
    const ids = [...html.matchAll(/<article class="?function"? id="?([^">]+)"?>/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  it("shows example results computed by the functions (China's Neodymium share from the article table)", () => {
    const nd = seedCsv("article-tables/elements.csv").find((r) => r.element === "Neodymium");
    const share = Number(nd?.china_share);
    expect(share).toBeGreaterThan(0);
    expect(articleOf("SHARE")).toContain(`=RARE.SHARE("Neodymium") ${share}`);
  });

  it("explains each error kind with a message from the functions", () => {
    const errors = text(/<section aria-labelledby="?errors"?>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "");
    for (const code of ["#N/A", "#VALUE!", "#NUM!"]) expect(errors).toContain(code);
    expect(errors).toMatch(/Did you mean Neodymium\?/);
  });

  it("lists every source the bundled data cites, each one a row of seeds/sources.csv", () => {
    const data = text(/<section aria-labelledby="?data"?>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "");
    const cited = (loadFunctionsBundle().byId.TABLE([["sources"]]) as string[][]).slice(1).map((row) => row[0]);
    const seeded = new Set(seedCsv("sources.csv").map((s) => s.id));
    expect(cited.length).toBeGreaterThan(10);
    for (const id of cited) {
      expect(seeded.has(id)).toBe(true);
      expect(data).toContain(` ${id} `);
    }
  });

  it("runs no script and loads nothing from elsewhere", () => {
    expect(html).toMatch(/script-src 'none'/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="?https?:/);
  });

  it("is where SupportUrl and the ribbon's LearnMore point", () => {
    const xml = readFileSync(join(distDir, "manifest.xml"), "utf8");
    expect(xml).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/help\.html"\/>/);
    expect(checkManifest(xml).urls["GetStarted.LearnMoreUrl"]).toBe("https://localhost:3000/help.html");
  });
});
