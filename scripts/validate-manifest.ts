/**
 * `npm run validate`: the offline structural manifest check (the online validator needs the
 * network), of manifest.xml and of the built dist/manifest.xml when there is one, or of the
 * files given as arguments.
 */
import { existsSync, readFileSync } from "fs";
import { relative, resolve } from "path";
import { checkManifest } from "../src/manifest/check-manifest";

const root = resolve(__dirname, "..");
const given = process.argv.slice(2);
const built = resolve(root, "dist", "manifest.xml");
const files = given.length
  ? given.map((f) => resolve(root, f))
  : [resolve(root, "manifest.xml"), ...(existsSync(built) ? [built] : [])];
if (!given.length && !existsSync(built)) console.log("dist/manifest.xml: not built yet (npm run build), not checked.");

let failed = false;
for (const file of files) {
  const name = relative(root, file);
  if (!existsSync(file)) {
    console.error(`${name}: no such file.`);
    failed = true;
    continue;
  }
  const { errors, id, version, origin } = checkManifest(readFileSync(file, "utf8"));
  if (errors.length) {
    console.error(`${name}: ${errors.length} problem(s)`);
    for (const e of errors) console.error(`  - ${e}`);
    failed = true;
  } else console.log(`${name}: valid (id ${id}, version ${version}, origin ${origin})`);
}
if (failed) process.exit(1);
