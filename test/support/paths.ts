/** Where tests find the repo, the built bundle, the seeds and the fixtures: all inside the repository. */
import { resolve } from "path";

export const repoRoot = resolve(__dirname, "../..");
export const distDir = resolve(repoRoot, "dist");
export const seedsDir = resolve(repoRoot, "seeds");
export const fixturesDir = resolve(repoRoot, "test", "fixtures");
export const artifactsDir = resolve(repoRoot, "test-artifacts");
