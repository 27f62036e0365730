/**
 * Which Excel `npm run test:excel` can reach from this machine. Desktop Excel exists only on
 * Windows and macOS, and office-addin-debugging (which sideloads into it) does not install on
 * Linux; Excel on the web works from anywhere, given a workbook URL to open.
 */
export type ExcelTarget =
  | { readonly kind: "desktop" }
  | { readonly kind: "web"; readonly document: string }
  | { readonly kind: "none"; readonly reason: string };

export const USAGE = `npm run test:excel                      Excel on Windows or macOS (sideloads with npx office-addin-debugging)
npm run test:excel -- --web <workbook URL>  Excel on the web: a workbook in OneDrive or SharePoint you can edit`;

export function excelTarget(platform: NodeJS.Platform, args: readonly string[]): ExcelTarget {
  const web = args.indexOf("--web");
  if (web >= 0) {
    const document = args[web + 1];
    if (!document || !/^https:\/\//.test(document))
      return { kind: "none", reason: `--web needs the https URL of a workbook open in Excel on the web.\n${USAGE}` };
    return { kind: "web", document };
  }
  if (platform === "win32" || platform === "darwin") return { kind: "desktop" };
  return {
    kind: "none",
    reason:
      `No Excel is available on this machine (${platform}): desktop Excel runs on Windows and macOS only, ` +
      `and office-addin-debugging does not install here. Run this on a machine with Excel, or point it at ` +
      `Excel on the web.\n${USAGE}`,
  };
}
