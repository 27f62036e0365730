/** Issue 15: USGS's MCS2026 data release, a real 3 MB Windows-1252 long table (test/fixtures/usgs/SOURCE.txt). */
import * as path from "path";
import { analyse, isRefusal } from "../../../src/csv";
import { column, imported, readBytes, repoRoot } from "./support";

const bytes = readBytes(path.join(repoRoot(), "test/fixtures/usgs/usgs_mcs2026_commodities_data.csv"));

describe("usgs_mcs2026_commodities_data.csv", () => {
  const a = analyse(bytes);
  if (isRefusal(a)) throw new Error(a.message);
  const value = a.headers.indexOf("Value");
  const r = imported(bytes, { columns: a.columns.map((c, i) => (i === value ? { ...c, type: "number" } : c)) });

  it("is read as Windows-1252, with its 8,886 data rows and 12 columns", () => {
    expect(r.encoding).toBe("windows-1252");
    expect(r.rowCount).toBe(8886);
    expect(r.headers).toHaveLength(12);
    expect(column(r, "Section")[0]).toBe("Salient Statistics\u2014United States");
    expect(a.warnings.filter((w) => w.code === "encoding")).toHaveLength(1);
  });

  it("Value as Number: quoted thousands are numbers, the markers stay text and are counted", () => {
    const values = column(r, "Value");
    expect(values[0]).toBe(10000);
    expect(values[2]).toBe(176000);
    const texts = values.filter((v) => typeof v === "string") as string[];
    for (const marker of ["NA", "W", "\u2014", ">95", "E", "660\u2013670"]) expect(texts).toContain(marker);
    const info = r.columns[value];
    expect(info.textCount).toBe(texts.length);
    const warning = r.warnings.find((w) => w.code === "mixedColumn" && w.column === value + 1);
    expect(warning?.message).toContain(`${texts.length.toLocaleString("en-US")} cells do not`);
  });

  it("the analysis counts the same cells when the user picks Number", () => {
    const chosen = analyse(bytes, { columns: a.columns.map((c, i) => (i === value ? "number" : c)) });
    if (isRefusal(chosen)) throw new Error(chosen.message);
    const w = chosen.warnings.find((x) => x.code === "mixedColumn");
    expect(w?.message).toBe(r.warnings.find((x) => x.code === "mixedColumn")?.message);
  });
});
