import { notAvailable } from "../../../src/data/errors";
import { number, optionalText, optionalYear, text } from "../../../functions/coerce";
import { PreviewError } from "../../../functions/excel-error";
import { lifted, param, single, spill } from "../../../functions/lift";

// A stand-in computation so lifting is tested on its own: length of a name times a factor.
const lengthTimes = lifted([param("name", text), param("factor", number)], (name, factor) => {
  if (name === "missing") throw notAvailable(`Unknown name "${name}".`);
  return name.length * factor;
});
const withOptional = lifted(
  [param("name", text), param("field", optionalText), param("year", optionalYear)],
  (name, field, year) => `${name}|${field ?? "-"}|${year ?? "-"}`,
);

const err = (v: unknown) => v as PreviewError;

describe("lifted: scalars", () => {
  it("computes a 1×1 result from 1×1 arguments", () => {
    expect(lengthTimes([["abc"]], [[2]])).toEqual([[6]]);
  });
  it("passes omitted optional arguments (null) as null", () => {
    expect(withOptional([["x"]], null, null)).toEqual([["x|-|-"]]);
    expect(withOptional([["x"]], [["impact"]], [[2024]])).toEqual([["x|impact|2024"]]);
  });
  it("treats blank optional cells like omitted ones", () => {
    expect(withOptional([["x"]], [[""]], [["  "]])).toEqual([["x|-|-"]]);
  });
  it("maps a domain error to the Excel error with its message", () => {
    const [[cell]] = lengthTimes([["missing"]], [[1]]);
    expect(cell).toBeInstanceOf(PreviewError);
    expect(err(cell).code).toBe("#N/A");
    expect(err(cell).message).toBe('Unknown name "missing".');
  });
  it("gives #VALUE! naming the argument for a wrong type", () => {
    const [[cell]] = lengthTimes([[42]], [[1]]);
    expect(err(cell).code).toBe("#VALUE!");
    expect(err(cell).message).toMatch(/name must be text, not the number 42/);
    const [[flag]] = lengthTimes([["abc"]], [[true]]);
    expect(err(flag).message).toMatch(/factor must be a number, not the logical value TRUE/);
  });
  it("gives #VALUE! for a blank required argument", () => {
    expect(err(lengthTimes([[""]], [[1]])[0][0]).message).toMatch(/name is blank/);
    expect(err(lengthTimes([[null]], [[1]])[0][0]).message).toMatch(/name is blank/);
  });
  it("propagates an error arriving in an input cell", () => {
    const incoming = new PreviewError("#DIV/0!");
    expect(lengthTimes([[incoming]], [[1]])[0][0]).toBe(incoming);
  });
  it("never returns NaN or Infinity", () => {
    const [[cell]] = lengthTimes([["abc"]], [[Infinity]]);
    expect(err(cell).code).toBe("#VALUE!");
    const big = lifted([param("x", number)], (x) => x * 1e308);
    expect(err(big([[10]])[0][0]).code).toBe("#VALUE!");
  });
  it("normalises -0 to 0", () => {
    expect(Object.is(lengthTimes([["ab"]], [[-0]])[0][0], 0)).toBe(true);
  });
  it("turns an unexpected exception into #VALUE! instead of throwing", () => {
    const broken = lifted([param("x", text)], () => {
      throw new TypeError("boom");
    });
    expect(err(broken([["a"]])[0][0]).message).toMatch(/boom/);
  });
});

describe("lifted: ranges", () => {
  it("maps a column range cell by cell, each its own value or error", () => {
    expect(lengthTimes([["a"], ["missing"], ["abcd"]], [[10]])).toEqual([
      [10],
      [expect.objectContaining({ code: "#N/A" })],
      [40],
    ]);
  });
  it("broadcasts a row against a column to a grid", () => {
    expect(lengthTimes([["a"], ["ab"]], [[1, 10, 100]])).toEqual([
      [1, 10, 100],
      [2, 20, 200],
    ]);
  });
  it("gives #N/A where equal-rank ranges differ in size", () => {
    const out = lengthTimes([["a"], ["ab"], ["abc"]], [[1], [2]]);
    expect(out[0][0]).toBe(1);
    expect(out[1][0]).toBe(4);
    expect(err(out[2][0]).code).toBe("#N/A");
    expect(err(out[2][0]).message).toMatch(/differ in size/);
  });
  it("keeps the shape of a 2-D range", () => {
    expect(
      lengthTimes(
        [
          ["a", "ab"],
          ["abc", "abcd"],
        ],
        [[1]],
      ),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
  it("treats missing cells of a ragged range as blanks", () => {
    const out = lengthTimes([["a", "ab"], ["abc"]], [[1]]);
    expect(out[0]).toEqual([1, 2]);
    expect(out[1][0]).toBe(3);
    expect(out[1][1]).toBe("");
  });
  it("gives one #VALUE! for an empty range", () => {
    expect(err(lengthTimes([], [[1]])[0][0]).message).toMatch(/empty range/);
  });
});

describe("lifted: blank cells", () => {
  it("gives an empty result cell for an empty cell of a range given for a required argument", () => {
    expect(lengthTimes([["ab"], [null], [""], ["abc"]], [[2]])).toEqual([[4], [""], [""], [6]]);
  });
  it("keeps #VALUE! with its message for a required argument that is one empty cell", () => {
    for (const blank of [null, ""]) {
      const [[cell]] = lengthTimes([[blank]], [[2]]);
      expect(err(cell).code).toBe("#VALUE!");
      expect(err(cell).message).toMatch(/^name is blank/);
    }
  });
  it("keeps #VALUE! for a one-cell empty argument broadcast against a range", () => {
    const out = lengthTimes([[null]], [[1], [2]]);
    expect(out.map((row) => err(row[0]).message)).toEqual([
      expect.stringMatching(/^name is blank/),
      expect.stringMatching(/^name is blank/),
    ]);
  });
  it("reads an empty cell of a range for an optional argument as omitted", () => {
    expect(withOptional([["x"]], [["impact"], [null]], null)).toEqual([["x|impact|-"], ["x|-|-"]]);
  });
  it("does not take whitespace for an empty cell: it is text, refused with a message", () => {
    const out = lengthTimes([["ab"], ["  "]], [[1]]);
    expect(err(out[1][0]).message).toMatch(/^name is blank/);
  });
  it("shares one error value between cells with the same error", () => {
    const out = lengthTimes([["missing"], ["missing"], [42], [42]], [[1]]);
    expect(out[0][0]).toBe(out[1][0]);
    expect(out[2][0]).toBe(out[3][0]);
    expect(out[0][0]).not.toBe(out[2][0]);
  });
});

describe("lifted: one range among single values", () => {
  it("computes each distinct value once and gives every cell the answer its value gets alone", () => {
    const seen: string[] = [];
    const counted = lifted([param("name", text), param("factor", number)], (name, factor) => {
      seen.push(name);
      if (name === "missing") throw notAvailable(`Unknown name "${name}".`);
      return name.length * factor;
    });
    const column = [["ab"], ["missing"], [null], ["ab"], [42], ["missing"], ["ab"], [42], ["abc"]];
    const out = counted(column, [[3]]);
    expect(out).toEqual(column.map(([v]) => (v === null ? [""] : counted([[v]], [[3]])[0])));
    expect(out[1][0]).toBe(out[5][0]); // one shared error value
    expect(seen.slice(0, 3)).toEqual(["ab", "missing", "abc"]); // then the nine scalar calls above
  });

  it('keeps values of another type apart: the text "1" is not the number 1', () => {
    const kind = lifted([param("name", text)], (name) => name);
    const [[asText], [asNumber]] = kind([["1"], [1]]);
    expect(asText).toBe("1");
    expect(err(asNumber).code).toBe("#VALUE!");
  });

  it("reads a rich value in the range each time, never from another cell's answer", () => {
    const echo = lifted([param("name", text)], (name) => name);
    const entity = (t: string) => ({ type: "Entity", text: t, properties: {} });
    expect(echo([[entity("China")], [entity("India")], ["China"]])).toEqual([["China"], ["India"], ["China"]]);
  });
});

describe("single and spill", () => {
  it("single accepts one value and refuses a range", () => {
    expect(single([["elements"]], "kind")).toBe("elements");
    expect(single(null, "kind")).toBeNull();
    expect(() => single([["a"], ["b"]], "kind")).toThrow(/kind takes one value/);
  });
  it("spill pads ragged tables to a rectangle and maps failures to one error cell", () => {
    expect(spill(() => [["h1", "h2"], ["only"]])).toEqual([
      ["h1", "h2"],
      ["only", ""],
    ]);
    const out = spill(() => {
      throw notAvailable("nothing");
    });
    expect(out).toHaveLength(1);
    expect(err(out[0][0]).code).toBe("#N/A");
  });
});

describe("coercion of years and numbers", () => {
  const year = lifted([param("year", optionalYear)], (y) => y ?? 0);
  it.each([
    [[[2024]], 2024],
    [[["2024"]], 2024],
  ])("accepts %j", (input, expected) => {
    expect(year(input)).toEqual([[expected]]);
  });
  it.each([[[[2024.5]]], [[["soon"]]], [[[true]]], [[[1850]]], [[[2200]]]])("refuses %j with #VALUE!", (input) => {
    expect(err(year(input)[0][0]).code).toBe("#VALUE!");
  });
  it("reads percent text as a fraction", () => {
    const frac = lifted([param("cut", number)], (c) => c);
    expect(frac([["80%"]])).toEqual([[0.8]]);
    expect(frac([[" 0.25 "]])).toEqual([[0.25]]);
  });
});
