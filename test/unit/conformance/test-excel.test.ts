/** `npm run test:excel` picks the Excel it can reach, and says plainly when there is none. */
import { spawnSync } from "child_process";
import { join } from "path";
import { excelTarget } from "../../../scripts/test-excel/target";
import { repoRoot } from "../../support/paths";

describe("excelTarget", () => {
  it("uses desktop Excel on Windows and macOS", () => {
    expect(excelTarget("win32", [])).toEqual({ kind: "desktop" });
    expect(excelTarget("darwin", [])).toEqual({ kind: "desktop" });
  });

  it("uses Excel on the web from any machine, given a workbook URL", () => {
    const document = "https://contoso-my.sharepoint.com/personal/x/Book.xlsx";
    expect(excelTarget("linux", ["--web", document])).toEqual({ kind: "web", document });
  });

  it("refuses --web without an https workbook URL", () => {
    const target = excelTarget("linux", ["--web"]);
    expect(target.kind).toBe("none");
    expect(target.kind === "none" && target.reason).toMatch(/--web needs the https URL/);
  });

  it("has no Excel on Linux without --web", () => {
    const target = excelTarget("linux", []);
    expect(target.kind === "none" && target.reason).toMatch(/No Excel is available on this machine \(linux\)/);
  });
});

it("exits 1 with that message here, before building anything", () => {
  if (process.platform === "win32" || process.platform === "darwin") return; // Excel may exist there
  const run = spawnSync(process.execPath, [require.resolve("tsx/cli"), join("scripts", "test-excel.ts")], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/npm run test:excel: No Excel is available on this machine/);
  expect(run.stderr).toMatch(/--web <workbook URL>/);
});
