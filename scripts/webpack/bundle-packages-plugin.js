/**
 * Lists, per output chunk, the npm packages whose code webpack actually put in it, and emits
 * the list as bundle-packages.json. package.json's dependencies say what *may* ship; this says
 * what *does* (after tree-shaking and module concatenation), which is what the licence check in
 * test/dist/licences.test.ts must judge.
 *
 * A package is named from the module's resource path: the part after the LAST "node_modules/"
 * (so a copy nested inside another package counts as its own package and version), one segment,
 * or two for a scope ("@scope/name"). The version is read from that package directory's
 * package.json, not from a nearer nested one (some packages ship dist/esm/package.json files
 * holding only {"type": "module"}).
 */
const fs = require("fs");
const path = require("path");

const PLUGIN = "BundlePackagesPlugin";
const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/** The package a file belongs to, or null for the project's own files. */
function packageOf(resource) {
  const file = resource.split("?")[0];
  const at = file.lastIndexOf(NODE_MODULES);
  if (at < 0) return null;
  const rest = file.slice(at + NODE_MODULES.length).split(path.sep);
  const name = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  const dir = file.slice(0, at + NODE_MODULES.length) + name.split("/").join(path.sep);
  return { name, dir };
}

/** A concatenated module stands for several source modules; report each of them. */
function sourceModules(module) {
  if (Array.isArray(module.modules)) return module.modules.flatMap(sourceModules);
  return [module];
}

function readManifest(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  } catch {
    return {};
  }
}

const LICENSE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt))?$/i;

/**
 * MIT, BSD and Apache-2.0 ask that their notices travel with the code; minification drops
 * them, so every shipped package's licence (and NOTICE) files are collected into one text.
 */
function notices(root, chunks) {
  const seen = new Map();
  for (const chunk of Object.values(chunks)) for (const p of chunk.packages) seen.set(p.id, p);
  const parts = ["Third-party software shipped in RARE's bundles (dist/*.js), with its licence texts.\n"];
  for (const p of [...seen.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const dir = path.join(root, p.path);
    const manifest = readManifest(dir);
    const files = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => LICENSE_FILE.test(f))
          .sort()
      : [];
    parts.push(
      `\n${"=".repeat(78)}\n${p.id} (${manifest.license || JSON.stringify(manifest.licenses) || "licence not stated"})\n${"=".repeat(78)}\n`,
    );
    if (files.length === 0)
      parts.push(
        `No licence file ships with this package; its package.json states: ${manifest.license || "nothing"}.\n`,
      );
    for (const f of files) parts.push(`${fs.readFileSync(path.join(dir, f), "utf8").trim()}\n`);
  }
  return parts.join("");
}

class BundlePackagesPlugin {
  /** @param {{ filename?: string }} [options] */
  constructor(options = {}) {
    this.filename = options.filename || "bundle-packages.json";
    this.noticesFilename = options.noticesFilename || "THIRD-PARTY-NOTICES.txt";
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const root = compiler.context;
        const chunks = {};
        for (const chunk of compilation.chunks) {
          const found = new Map();
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            for (const source of sourceModules(module)) {
              const resource = source.resource || (source.nameForCondition && source.nameForCondition());
              const pkg = resource && packageOf(resource);
              if (!pkg) continue;
              const key = `${pkg.name}|${pkg.dir}`;
              let entry = found.get(key);
              if (!entry) {
                const manifest = readManifest(pkg.dir);
                entry = {
                  name: pkg.name,
                  version: manifest.version || "unknown",
                  // Relative and with forward slashes, so the file is the same on every machine.
                  path: path.relative(root, pkg.dir).split(path.sep).join("/"),
                  modules: 0,
                };
                found.set(key, entry);
              }
              entry.modules++;
            }
          }
          const list = [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
          chunks[chunk.name || String(chunk.id)] = {
            files: [...chunk.files].sort(),
            packages: list.map(({ name, version, path: dir, modules }) => ({
              id: `${name}@${version}`,
              name,
              version,
              path: dir,
              modules,
            })),
          };
        }
        const json = JSON.stringify({ generatedBy: PLUGIN, chunks }, null, 2) + "\n";
        compilation.emitAsset(this.filename, new sources.RawSource(json));
        compilation.emitAsset(this.noticesFilename, new sources.RawSource(notices(root, chunks)));
      });
    });
  }
}

module.exports = BundlePackagesPlugin;
module.exports.packageOf = packageOf;
