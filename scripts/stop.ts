/** `npm stop`: end the dev server `npm start` launched. */
import { existsSync, readFileSync, unlinkSync } from "fs";
import { join } from "path";

const pidFile = join(__dirname, "..", "node_modules", ".cache", "rare-dev-server.pid");
if (!existsSync(pidFile)) {
  console.log("No RARE dev server is running (no pid file).");
} else {
  const pid = Number(readFileSync(pidFile, "utf8"));
  try {
    process.kill(pid);
    console.log(`Stopped the RARE dev server (pid ${pid}).`);
  } catch {
    console.log(`The RARE dev server (pid ${pid}) was not running.`);
  }
  unlinkSync(pidFile);
}
