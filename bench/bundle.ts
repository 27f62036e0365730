/**
 * Sizes of the built bundles, minified (as webpack emits them) and gzipped (zlib level 9),
 * against the budgets in budgets.ts. Shared with test/dist/budgets.test.ts, which enforces
 * the same budgets.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { distDir } from "../test/support/paths";
import { BUNDLE_BUDGETS } from "./budgets";
import type { Figure } from "./figures";

export interface FileSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export function measureDistFile(file: string): FileSize {
  const path = join(distDir, file);
  if (!existsSync(path)) throw new Error(`${path} does not exist: run \`npm run build\` first`);
  const bytes = readFileSync(path);
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

const SECTION = "Bundle sizes (dist/)";
const KB = 1024;

export function runBundleBench(): Figure[] {
  return BUNDLE_BUDGETS.flatMap((budget): Figure[] => {
    const size = measureDistFile(budget.file);
    return [
      {
        section: SECTION,
        name: `${budget.file} minified`,
        value: size.bytes / KB,
        unit: "KB",
        digits: 1,
        max: budget.maxBytes / KB,
        note: `${size.bytes.toLocaleString("en-US")} bytes`,
      },
      {
        section: SECTION,
        name: `${budget.file} gzipped`,
        value: size.gzipBytes / KB,
        unit: "KB",
        digits: 1,
        ...(budget.maxGzipBytes !== undefined ? { max: budget.maxGzipBytes / KB } : {}),
        note: `${size.gzipBytes.toLocaleString("en-US")} bytes, zlib level 9`,
      },
    ];
  });
}
