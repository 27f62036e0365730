/**
 * `npm start`: make sure dev certificates exist, serve dist/ over https://localhost:3000
 * with webpack-dev-server (rebuilding on change), then say how to sideload manifest.xml
 * and where the in-browser preview is. `npm stop` ends it.
 */
import { spawn } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import { get } from "https";
import { dirname, join } from "path";
import { certDir, ensureDevCerts } from "./dev-certs";

const root = join(__dirname, "..");
export const pidFile = join(root, "node_modules", ".cache", "rare-dev-server.pid");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const origin = `https://localhost:${port}`;

function waitUntilServing(timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  return new Promise((resolve) => {
    const attempt = () =>
      get(`${origin}/taskpane.html`, { rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      }).on("error", () => (Date.now() - started > timeoutMs ? resolve(false) : setTimeout(attempt, 500)));
    attempt();
  });
}

async function main(): Promise<void> {
  const certs = await ensureDevCerts();
  console.log(
    certs === "created"
      ? `Created development certificates in ${certDir}.`
      : `Using development certificates in ${certDir}.`,
  );
  const server = spawn(
    process.execPath,
    [require.resolve("webpack/bin/webpack.js"), "serve", "--mode", "development"],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
  );
  mkdirSync(dirname(pidFile), { recursive: true });
  writeFileSync(pidFile, String(server.pid));
  server.on("exit", (code) => process.exit(code ?? 0));

  if (!(await waitUntilServing(120_000))) {
    console.error(`The dev server did not answer on ${origin} within 2 minutes.`);
    return;
  }
  console.log(`
RARE is being served at ${origin}

  In-browser preview (no Excel needed): ${origin}/taskpane.html
    Your browser must trust the development CA (${join(certDir, "ca.crt")}); on Windows and
    macOS run \`npx office-addin-dev-certs install\` once, or accept the warning in the browser.

  Sideload in Excel on the web: open a workbook, Home > Add-ins > More Add-ins > Upload My Add-in,
    choose manifest.xml from this folder.
  Sideload in Excel on Windows or Mac: \`npx office-addin-debugging start manifest.xml desktop\`
    (not a dependency: it does not install on Linux), or on Windows share a folder holding
    manifest.xml as a Trusted Add-in Catalog; on Mac copy manifest.xml to
    ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.
  Then type =RARE.SHARE("Neodymium") in a cell, or open the RARE pane from the Home tab.

Stop with Ctrl+C here or \`npm stop\` from another terminal.`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
