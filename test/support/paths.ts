/** Where tests find the repo, the built bundle and the shared data beside the clone. */
import { resolve } from "path";

export const repoRoot = resolve(__dirname, "../..");
export const distDir = resolve(repoRoot, "dist");
export const sharedDir = resolve(repoRoot, "..", "shared");
export const artifactsDir = resolve(repoRoot, "test-artifacts");
