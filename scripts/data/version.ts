import { sha256Hex } from "../../src/data/sha256";

export interface SeedFile {
  /** Path from the repository root, e.g. "seeds/usgs/mcs2024-raree_world.csv". */
  path: string;
  bytes: Uint8Array;
}

/**
 * `${asOf}+${first 12 hex of sha256}` over the bytes of every seed file, concatenated in
 * path order (plain code-unit string order), so any change to any seed changes the version
 * and the same seeds always give the same version.
 */
export function datasetVersion(asOf: string, files: SeedFile[]): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const total = sorted.reduce((n, f) => n + f.bytes.length, 0);
  const all = new Uint8Array(total);
  let offset = 0;
  for (const f of sorted) {
    all.set(f.bytes, offset);
    offset += f.bytes.length;
  }
  return `${asOf}+${sha256Hex(all).slice(0, 12)}`;
}
