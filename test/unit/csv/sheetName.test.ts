import { safeSheetName } from "../../../src/csv";

describe("safeSheetName", () => {
  it("uses the file name without folder or extension", () => {
    expect(safeSheetName("mcs2024-raree_world.csv")).toBe("mcs2024-raree_world");
    expect(safeSheetName("C:\\Users\\me\\Downloads\\prices.txt")).toBe("prices");
    expect(safeSheetName("/tmp/a.b.csv")).toBe("a.b");
  });

  it("replaces the characters Excel forbids", () => {
    expect(safeSheetName("a:b?c*d[e]f.csv")).toBe("a_b_c_d_e_f");
  });

  it("is at most 31 characters, also with a number added", () => {
    const long = "USGS Mineral Commodity Summaries 2024 rare earths.csv";
    expect(safeSheetName(long)).toBe("USGS Mineral Commodity Summarie");
    expect(safeSheetName(long).length).toBe(31);
    const second = safeSheetName(long, ["USGS Mineral Commodity Summarie"]);
    expect(second).toBe("USGS Mineral Commodity Summ (2)");
    expect(second.length).toBe(31);
  });

  it("is unique without regard to case", () => {
    expect(safeSheetName("data.csv", ["DATA", "data (2)"])).toBe("data (3)");
  });

  it("is never blank, never History, never starts or ends with an apostrophe", () => {
    expect(safeSheetName(".csv")).toBe("Import");
    expect(safeSheetName("   .csv")).toBe("Import");
    expect(safeSheetName("history.csv")).toBe("history (2)");
    expect(safeSheetName("'quoted'.csv")).toBe("quoted");
    expect(safeSheetName("''.csv")).toBe("Import");
  });

  it("does not split a character made of two UTF-16 units", () => {
    const name = safeSheetName("a".repeat(30) + "😀.csv");
    expect(name).toBe("a".repeat(30));
  });
});
