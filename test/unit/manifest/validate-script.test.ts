/** `npm run validate` (scripts/validate-manifest.ts): exits 1 naming the problem in a manifest it is given. */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { repoRoot } from "../../support/paths";

jest.setTimeout(60_000);

const validate = (...files: string[]) =>
  spawnSync(process.execPath, [require.resolve("tsx/cli"), join("scripts", "validate-manifest.ts"), ...files], {
    cwd: repoRoot,
    encoding: "utf8",
  });

it("passes manifest.xml and fails a manifest with an http URL, saying which", () => {
  const dir = mkdtempSync(join(tmpdir(), "rare-validate-"));
  const bad = join(dir, "manifest.xml");
  const xml = readFileSync(join(repoRoot, "manifest.xml"), "utf8");
  writeFileSync(bad, xml.replace('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"'));
  const good = validate("manifest.xml");
  expect(good.status).toBe(0);
  expect(good.stdout).toMatch(/manifest\.xml: valid \(id /);
  const run = validate(bad);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/must use https/);
});
