/**
 * Every answer RARE.SOURCE can give, through the built dist/functions.js: each kind the
 * function's help lists, over every name LIST gives for it, every field (years 1900-2030,
 * stages, columns) and both details. The short form stays under 300 characters, and no
 * answer, error message, TABLE, LIST or help page names a file of this repository or of the
 * copies the data was read from. A source's own web address may name its file (it is where
 * a reader finds the source), so URLs are set aside before the check.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { basename, join } from "path";
import { isRecordedError, loadFunctionsBundle, type FunctionsBundle } from "../support/functions-bundle";
import { distDir, seedsDir } from "../support/paths";

interface Metadata {
  functions: Array<{ id: string; parameters: Array<{ name: string; description?: string }> }>;
}
const metadata = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as Metadata;

/** The names a parameter's help lists ("…: a, b, c or d."), as function-table.test.ts holds it to the code. */
function helpList(id: string, param: string): string[] {
  const help = metadata.functions.find((f) => f.id === id)!.parameters.find((p) => p.name === param)!.description!;
  const list = /:\s*([^:]+?)\.?$/.exec(help)![1];
  return list.split(/,\s*|\s+or\s+/).map((s) => s.trim()).filter(Boolean);
}

function seedFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? seedFiles(path) : [basename(path)];
  });
}

const ownFileNames = [...new Set(seedFiles(seedsDir))];
/** A path with a folder and a file extension ("seeds/README.md", "data/raw/x.csv"), or one of our seed files by name. */
const FILE_PATH = /\b[\w.-]+\/[\w./-]*\.(csv|txt|md|xlsx|json|xml|ts|js|pdf)\b/i;
const REPOSITORY_WORDS = /\bseeds\/|\bdata\/raw\b|\bshared\/data\b|README|NSSAC|\.\.\//;

function namesAFile(text: string): string | null {
  const prose = text.replace(/\b(https?:\/\/|doi:)\S+/g, "<address>");
  const hit = FILE_PATH.exec(prose) ?? REPOSITORY_WORDS.exec(prose);
  if (hit) return hit[0];
  return ownFileNames.find((f) => prose.includes(f)) ?? null;
}

let bundle: FunctionsBundle;
const call = (id: string, ...args: unknown[]): unknown => {
  const out = bundle.byId[id](...args.map((a) => (a === null || a === undefined ? null : [[a]])));
  return Array.isArray(out) && out.length === 1 && Array.isArray(out[0]) && out[0].length === 1 ? out[0][0] : out;
};
const column = (kind: string) => (bundle.byId.LIST([[kind]]) as unknown[][]).map((r) => r[0] as string);

beforeAll(() => {
  bundle = loadFunctionsBundle();
});

const YEARS = Array.from({ length: 131 }, (_, i) => 1900 + i);

/** Every (key, field) SOURCE is asked for, per kind. */
function questions(kind: string): Array<[string, unknown]> {
  const elements = column("elements");
  const countries = [...column("countries"), "World"];
  const withFields = (keys: string[], fields: unknown[]) => keys.flatMap((k) => [null, ...fields].map((f) => [k, f] as [string, unknown]));
  switch (kind) {
    case "share":
      return withFields(elements, column("stages"));
    case "risk":
      return withFields(column("risks"), helpList("RISK", "field"));
    case "strategy":
      return withFields(column("strategies"), helpList("STRATEGY", "field"));
    case "use":
      return withFields(elements, []);
    case "production":
    case "countryshare":
      return withFields(countries, YEARS);
    case "reserves":
      return withFields(countries, []);
    case "price":
      return withFields(column("oxides"), YEARS);
    case "hhi":
      return YEARS.map((y) => [String(y), null]);
    case "event":
      return withFields(column("events"), []);
    case "element":
      return withFields(elements, ["identity", "group", "magnet", "export control", "uses"]);
    case "usstat":
      return withFields(column("usstats"), YEARS);
    default:
      throw new Error(`the scan does not know the SOURCE kind "${kind}": add its keys here`);
  }
}

describe("every SOURCE answer", () => {
  const kinds = () => helpList("SOURCE", "kind");

  it("the help lists the kinds the scan covers", () => {
    expect(kinds().sort()).toEqual(
      ["share", "risk", "strategy", "use", "production", "reserves", "price", "countryshare", "hhi", "event", "element", "usstat"].sort(),
    );
  });

  it("is under 300 characters by default, and names no repository file in either detail", () => {
    const answered: Record<string, number> = {};
    const problems: string[] = [];
    let longest = 0;
    for (const kind of kinds()) {
      answered[kind] = 0;
      for (const [key, field] of questions(kind)) {
        const asked = `SOURCE("${kind}","${key}",${JSON.stringify(field)})`;
        const short = call("SOURCE", kind, key, field);
        if (isRecordedError(short)) {
          const where = namesAFile(short.message ?? "");
          if (where) problems.push(`${asked} error names "${where}"`);
          continue;
        }
        answered[kind]++;
        if (typeof short !== "string") {
          problems.push(`${asked} is not text`);
          continue;
        }
        longest = Math.max(longest, short.length);
        if (short.length >= 300) problems.push(`${asked} is ${short.length} characters`);
        const full = call("SOURCE", kind, key, field, "full") as string;
        for (const [detail, text] of [
          ["short", short],
          ["full", full],
        ]) {
          const where = namesAFile(text);
          if (where) problems.push(`${asked} (${detail}) names "${where}"`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Every kind answers for some of its names (so the scan saw real citations).
    for (const kind of kinds()) expect(`${kind}: ${answered[kind] > 0}`).toBe(`${kind}: true`);
    expect(Object.values(answered).reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    expect(longest).toBeGreaterThan(200); // long citations were shortened, not absent
  });

  it("the scan's check catches the paths the old citations carried", () => {
    expect(namesAFile("see seeds/README.md")).toBe("seeds/README.md");
    expect(namesAFile("three text extractions in GitHub NSSAC/dpi.RAG")).toBe("NSSAC");
    expect(namesAFile("copied from data/raw/usgs_mcs2026_commodities_data.csv")).not.toBeNull();
    expect(namesAFile("sources.csv row 4")).toBe("sources.csv");
    expect(namesAFile("https://github.com/o/r/blob/abc/PeriodicTableCSV.csv [S20]")).toBeNull();
  });
});

describe("no repository file in the other texts a user reads", () => {
  it("TABLE and LIST, for every kind their help lists", () => {
    for (const kind of helpList("TABLE", "kind")) {
      const text = JSON.stringify(bundle.byId.TABLE([[kind]]));
      expect(`TABLE ${kind}: ${namesAFile(text)}`).toBe(`TABLE ${kind}: null`);
    }
    for (const kind of helpList("LIST", "kind")) {
      const text = JSON.stringify(bundle.byId.LIST([[kind]]));
      expect(`LIST ${kind}: ${namesAFile(text)}`).toBe(`LIST ${kind}: null`);
    }
  });

  it("the help page", () => {
    const text = readFileSync(join(distDir, "help.html"), "utf8")
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, "")
      .replace(/<[^>]+>/g, " ");
    expect(namesAFile(text)).toBeNull();
  });
});
