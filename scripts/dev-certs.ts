/**
 * The https certificates `npm start` serves with. office-addin-dev-certs can create them
 * anywhere, but installing its CA into the system store needs admin rights (and does not
 * work on Linux), so we create the files if missing and read them directly.
 */
import { existsSync } from "fs";
import { homedir } from "os";
import { join } from "path";

export const certDir = join(homedir(), ".office-addin-dev-certs");
export const certFiles = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => join(certDir, f));

export async function ensureDevCerts(): Promise<"existing" | "created"> {
  if (certFiles.every((f) => existsSync(f))) return "existing";
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generateCertificates } = require("office-addin-dev-certs/lib/generate") as {
    generateCertificates: (ca?: string, cert?: string, key?: string, days?: number) => Promise<void>;
  };
  await generateCertificates(certFiles[0], certFiles[1], certFiles[2], 30);
  return "created";
}
