import { analyse, isRefusal } from "../../../src/csv";
import { renamedLines } from "../../../taskpane/import-summary";

function layout(text: string) {
  const a = analyse(text);
  if (isRefusal(a)) throw new Error(a.message);
  return a;
}

describe("renamedLines", () => {
  it("names each header Excel changes, with its old and new name", () => {
    // Excel compares table headers without case: "A" repeats "a", so it becomes "A2";
    // the blank third header becomes Column3; the second lower-case "a" takes the next free number.
    expect(renamedLines(layout("a,A,,a\n1,2,3,4\n"))).toEqual([
      'Renamed 3 headers so each is unique, as a table needs: "A" (column B) is "A2", ' +
        'the blank header of column C is "Column3", "a" (column D) is "a3".',
    ]);
  });

  it("says nothing when every header is already unique, or when the file has no header", () => {
    expect(renamedLines(layout("Element,Share\nNeodymium,0.5\n"))).toEqual([]);
    expect(renamedLines({ hasHeader: false, headers: ["", ""] })).toEqual([]);
  });
});
