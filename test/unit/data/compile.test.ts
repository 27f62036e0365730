import { createHash } from "crypto";
import { compileDataset } from "../../../scripts/data/compile";
import { parseCsv } from "../../../scripts/data/csv";
import { Problems, SeedValidationError } from "../../../scripts/data/problems";
import { sha256Hex } from "../../../src/data/sha256";
import { compiled, problemsOf, seedFiles, text, withEdit, withText } from "./seeds";

describe("compiling the project's seeds", () => {
  it("succeeds and stamps the version asOf+hash", () => {
    const asOf = JSON.parse(text(seedFiles(), "seeds/dataset.json")).asOf;
    expect(compiled().version).toMatch(new RegExp(`^${asOf}\\+[0-9a-f]{12}$`));
  });

  it("version is sha256 over all seed bytes in sorted path order (checked with node:crypto)", () => {
    const files = seedFiles();
    const hash = createHash("sha256");
    [...files].sort((a, b) => (a.path < b.path ? -1 : 1)).forEach((f) => hash.update(f.bytes));
    expect(compiled().version.split("+")[1]).toBe(hash.digest("hex").slice(0, 12));
  });

  it("version is deterministic: same bytes in any order give the same version; any byte change changes it", () => {
    const files = seedFiles();
    const again = compileDataset([...files].reverse());
    expect(again.version).toBe(compiled().version);
    expect(JSON.stringify(again)).toBe(JSON.stringify(compiled()));
    const edited = withText(files, "seeds/README.md", (t) => t + " ");
    expect(compileDataset(edited).version).not.toBe(compiled().version);
  });

  it("sha256Hex matches node:crypto across block boundaries", () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 1000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      expect(sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });
});

describe("a bad seed row fails the build naming file and line", () => {
  const files = seedFiles();

  it("share outside 0..1 in the article element table", () => {
    const bad = withText(files, "seeds/article-tables/elements.csv", (t) =>
      t.replace("Dysprosium,High-temperature magnets,0.85,85%", "Dysprosium,High-temperature magnets,1.8,180%"),
    );
    expect(problemsOf(bad)).toContain("seeds/article-tables/elements.csv:3: share 1.8 is outside 0..1");
  });

  it("a share that disagrees with the percentage the article printed", () => {
    const bad = withText(files, "seeds/article-tables/elements.csv", (t) => t.replace("0.70,70%", "0.07,70%"));
    expect(problemsOf(bad)).toContain("seeds/article-tables/elements.csv:4: share 0.07 does not match the printed 70%");
  });

  it("a transcription typo (text not verbatim in the cited article)", () => {
    const bad = withText(files, "seeds/article-tables/risks.csv", (t) =>
      t.replace("Build alternative supply chains", "Build alternate supply chains"),
    );
    expect(problemsOf(bad)).toContain(
      'seeds/article-tables/risks.csv:2: mitigation "Build alternate supply chains" does not occur verbatim in article A002',
    );
  });

  it("negative production in the curated file, at its line", () => {
    const path = "seeds/curated/production.csv";
    const bad = withEdit(files, path, "China,2024,270000", "China,2024,-270000");
    expect(problemsOf(bad.files)).toContain(`${path}:${bad.line}: production -270000 is negative`);
  });

  it("a zero price in a verbatim USGS salient file (CRLF, BOM), at its line", () => {
    const path = "seeds/usgs/mcs2023-raree_salient.csv";
    const bad = withText(files, path, (t) =>
      t.replace(
        "MCS2023,Rare Earths,2019,28000,0,12200,330,627,28300,1290,83,11200,2,239",
        "MCS2023,Rare Earths,2019,28000,0,12200,330,627,28300,1290,83,11200,0,239",
      ),
    );
    expect(problemsOf(bad)).toContain(`${path}:3: Price_CeO2_dkg "0": price must be a number > 0`);
  });

  it("a source id that does not resolve", () => {
    const path = "seeds/curated/china_shares.csv";
    const bad = withEdit(files, path, "[S14]", "[S99]");
    expect(problemsOf(bad.files)).toContain(`${path}:${bad.line}: source id "S99" is not in seeds/sources.csv`);
  });

  it("a year outside 1990..2100", () => {
    const bad = withText(files, "seeds/curated/production.csv", (t) => t.replace("Brazil,2024,20,", "Brazil,2124,20,"));
    expect(
      problemsOf(bad).some((p) => /^seeds\/curated\/production\.csv:\d+: year "2124" is outside 1990\.\.2100$/.test(p)),
    ).toBe(true);
  });

  it("a duplicate key within one edition", () => {
    const path = "seeds/usgs/mcs2023-raree_world.csv";
    const bad = withText(files, path, (t) => t.replace(/(MCS2023,India,[^\r\n]*\r\n)/, "$1$1"));
    expect(problemsOf(bad)).toContain(
      `${path}:11: duplicate production row India 2021 in MCS2023 (first at ${path}:10)`,
    );
  });

  it("curated MCS2024 rows that drift from the verbatim MCS2024 file", () => {
    const path = "seeds/curated/production.csv";
    const bad = withEdit(files, path, "China,2023,240000", "China,2023,241000");
    expect(problemsOf(bad.files)).toContain(
      `${path}:${bad.line}: MCS2024 China 2023: curated 241000 differs from verbatim 240000 (seeds/usgs/mcs2024-raree_world.csv:7)`,
    );
  });

  it("an unknown source type, a bad date and a missing file", () => {
    const typeBad = withText(files, "seeds/sources.csv", (t) =>
      t.replace(",news article,Title from its first heading.", ",blog,Title from its first heading."),
    );
    expect(problemsOf(typeBad).some((p) => p.startsWith('seeds/sources.csv:4: type "blog"'))).toBe(true);
    const dateBad = withText(files, "seeds/article-tables/events.csv", (t) =>
      t.replace("AE4,2023,", "AE4,early 2023,"),
    );
    expect(problemsOf(dateBad)).toContain(
      'seeds/article-tables/events.csv:5: date "early 2023" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)',
    );
    expect(problemsOf(files.filter((f) => f.path !== "seeds/curated/elements.csv"))).toEqual([
      "seeds/curated/elements.csv: missing seed file",
    ]);
  });

  it("reports every problem at once and throws SeedValidationError", () => {
    const bad = withText(
      withText(files, "seeds/article-tables/elements.csv", (t) => t.replace("0.80,80%", "1.8,180%")),
      "seeds/article-tables/strategies.csv",
      (t) => t.replace("Recycling Programs", "Recycling Programmes"),
    );
    expect(() => compileDataset(bad)).toThrow(SeedValidationError);
    expect(problemsOf(bad)).toHaveLength(2);
  });
});

describe("CSV reading of real-world quirks", () => {
  it("handles BOM, CRLF, quoted thousands, NBSP, trailing empty columns and blank ,,, rows with true line numbers", () => {
    const csv = '\uFEFFa,b,c,,,\r\n1,"7,900",x\u00a0y,,,\r\n,,,,,\r\n2,"multi\r\nline",z,,,\r\n';
    const problems = new Problems();
    const table = parseCsv("t.csv", csv, problems);
    expect(problems.list).toEqual([]);
    expect(table.header).toEqual(["a", "b", "c"]);
    expect(table.rows.map((r) => [r.line, r.cells.a, r.cells.b, r.cells.c])).toEqual([
      [2, "1", "7,900", "x y"],
      [4, "2", "multi line", "z"],
    ]);
  });

  it("reports a value under a column without a header", () => {
    const problems = new Problems();
    parseCsv("t.csv", "a,b,\n1,2,3\n", problems);
    expect(problems.list).toEqual(['t.csv:2: value "3" in column 3, which has no header']);
  });
});
