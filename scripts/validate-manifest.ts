/** `npm run validate`: the offline structural manifest check (the online validator needs the network). */
import { readFileSync } from "fs";
import { resolve } from "path";
import { checkManifest } from "../src/manifest/check-manifest";

const file = resolve(__dirname, "..", process.argv[2] ?? "manifest.xml");
const { errors, id, version, origin } = checkManifest(readFileSync(file, "utf8"));
if (errors.length) {
  console.error(`${file}: ${errors.length} problem(s)`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}
console.log(`${file}: valid (id ${id}, version ${version}, origin ${origin})`);
