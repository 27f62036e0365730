/**
 * The header names a new table gets (src/excel/table-headers.ts), checked as the rules it
 * states rather than as a second copy of them: one name a column, none repeated (ignoring
 * case), a blank one named ColumnN, a name kept when it is new, else the lowest number from 2
 * appended that makes it new.
 */
import fc from "fast-check";
import { tableHeaderNames } from "../../../src/excel/table-headers";

describe("tableHeaderNames", () => {
  it("keeps new names, numbers repeats from 2 and names blanks by their column", () => {
    expect(tableHeaderNames(["Year", "Year", "", "2024"])).toEqual(["Year", "Year2", "Column3", "2024"]);
    expect(tableHeaderNames(["a", "A", "a", "a2"])).toEqual(["a", "A2", "a3", "a22"]);
  });

  it("holds the rules for any headers", () => {
    const header = fc.oneof(fc.constantFrom("", "a", "A", "a2", "Column2", "column3"), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(header, { maxLength: 12 }), (headers) => {
        const names = tableHeaderNames(headers);
        expect(names).toHaveLength(headers.length);
        const upper = names.map((n) => n.toUpperCase());
        expect(new Set(upper).size).toBe(names.length);
        names.forEach((name, c) => {
          const base = headers[c] === "" ? `Column${c + 1}` : headers[c];
          const taken = new Set(upper.slice(0, c));
          if (!taken.has(base.toUpperCase())) expect(name).toBe(base);
          else {
            expect(name.startsWith(base)).toBe(true);
            const n = Number(name.slice(base.length));
            expect(Number.isInteger(n) && n >= 2).toBe(true);
            for (let lower = 2; lower < n; lower++) expect(taken.has(`${base}${lower}`.toUpperCase())).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
