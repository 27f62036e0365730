/**
 * `npm run data`: seeds/ → src/data/generated/dataset.json. A thin runner; the parsing and
 * checks live in scripts/data so tests exercise them without the file system.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { changeLogJson, dataChanges } from "./data/changes";
import { compileDataset } from "./data/compile";
import { figuresOf, type ReleaseFigures } from "./data/figures";
import { packDataset } from "../src/data/pack";
import { SeedValidationError } from "./data/problems";
import type { SeedFile } from "./data/version";

const root = join(__dirname, "..");

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

export function readSeedFiles(seedsDir = join(root, "seeds")): SeedFile[] {
  return listFiles(seedsDir).map((path) => ({
    path: relative(root, path).split(sep).join("/"),
    bytes: new Uint8Array(readFileSync(path)),
  }));
}

/** The newest recorded release other than this build (seeds/releases/<version>.json). */
export function previousRelease(version: string, dir = join(root, "seeds", "releases")): ReleaseFigures | null {
  if (!existsSync(dir)) return null;
  const releases = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as ReleaseFigures)
    .filter((r) => r.version !== version)
    .sort((a, b) => (a.version < b.version ? 1 : -1));
  return releases[0] ?? null;
}

function main(): void {
  try {
    const dataset = compileDataset(readSeedFiles());
    const out = join(root, "src", "data", "generated", "dataset.json");
    mkdirSync(join(out, ".."), { recursive: true });
    const json = JSON.stringify(packDataset(dataset));
    writeFileSync(out, json + "\n");
    const previous = previousRelease(dataset.version);
    const figures = figuresOf(dataset);
    if (previous) writeFileSync(join(root, "docs", "DATA-CHANGES.md"), dataChanges(previous, dataset.version, figures));
    writeFileSync(join(out, "..", "changes.json"), changeLogJson(previous, dataset.version, figures) + "\n");
    console.log(
      `dataset ${dataset.version}: ${json.length} bytes, ${dataset.production.length} production rows, ${dataset.prices.length} prices, ${dataset.sources.length} sources`,
    );
  } catch (e) {
    if (e instanceof SeedValidationError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

if (require.main === module) main();
