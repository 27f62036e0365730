/**
 * The record reader: papaparse over slices of the text, with offsets, quote problems and
 * Excel's line breaks (CRLF, LF and lone CR in any mix) put on top of papaparse's one newline.
 */
import { LineEnds } from "../../../src/csv/endings";
import { LineCounter, lineBreaks } from "../../../src/csv/lines";
import { CsvRecord, fieldNumberAt, RecordReader } from "../../../src/csv/records";

interface Seen {
  fields: string[];
  start: number;
  end: number;
  unclosedQuoteAt: number;
  strayQuoteAt: number;
}

function read(text: string, delimiter = ",", slice?: number): Seen[] {
  const reader = new RecordReader(text, delimiter, 0, { sliceChars: slice });
  const out: Seen[] = [];
  const take = (r: CsvRecord): boolean => {
    const { start, end, unclosedQuoteAt, strayQuoteAt } = r;
    out.push({ fields: [...r.fields], start, end, unclosedQuoteAt, strayQuoteAt });
    return true;
  };
  while (reader.read(take));
  return out;
}

const records = (text: string, delimiter = ",", slice?: number): string[][] =>
  read(text, delimiter, slice).map((r) => r.fields);

describe("RecordReader", () => {
  // Line breaks as Excel reads them: CRLF, LF and lone CR, inside and outside quotes.
  it.each([
    {
      what: "splits on CRLF, LF and lone CR alike, and keeps line breaks inside quotes",
      text: 'a,b\r\nc,d\ne,f\rg,"h\r\ni"',
      expected: [
        ["a", "b"],
        ["c", "d"],
        ["e", "f"],
        ["g", "h\r\ni"],
      ],
    },
    {
      what: "takes the CR of a CRLF off an unquoted last value only; a quoted value keeps its own CR",
      text: 'a,b\r\n1,"x\r"\r\n2,"y\r\r"\r\n3,z\r\n',
      expected: [
        ["a", "b"],
        ["1", "x\r"],
        ["2", "y\r\r"],
        ["3", "z"],
      ],
    },
    {
      what: "takes the CR off an unquoted last value that ends with a quote (inches): it is still unquoted",
      text: 'size,len\r\n12",5"\r\n',
      expected: [
        ["size", "len"],
        ['12"', '5"'],
      ],
    },
  ])("$what", ({ text, expected }) => {
    expect(records(text)).toEqual(expected);
  });

  it("gives each record's offsets: first character, and after its line break", () => {
    expect(read('a,b\r\n"x\ny",1\n2,3').map((r) => [r.start, r.end])).toEqual([
      [0, 5],
      [5, 13],
      [13, 16],
    ]);
  });

  it("undoes doubled quotes; an empty quoted field is empty", () => {
    expect(records('"ha ""ha"" ha","",x')).toEqual([['ha "ha" ha', "", "x"]]);
  });

  it("keeps a quote inside an unquoted field literally", () => {
    expect(records('ab"c,d\n5"2,x')).toEqual([
      ['ab"c', "d"],
      ['5"2', "x"],
    ]);
  });

  it("drops spaces between a closing quote and the delimiter (papaparse; Excel keeps them)", () => {
    expect(records('"q" ,x\n"r"\t\n')).toEqual([["q", "x"], ["r"]]);
    // At the very end of the text too, where papaparse alone would report an unclosed quote.
    expect(read('a\n"q" ')).toMatchObject([{ fields: ["a"] }, { fields: ["q"], unclosedQuoteAt: -1 }]);
    expect(read('a\r\n"q"\r')).toMatchObject([{ fields: ["a"] }, { fields: ["q"], unclosedQuoteAt: -1 }]);
  });

  it("reads a stray quote in a quoted value on to the next quote that ends a value, and says where it opened", () => {
    // Excel would keep text after a closing quote ("ab"c → abc); papaparse reads on instead.
    expect(read('"ab"c,"x""y"z,"q" \n1,2\n')).toEqual([
      { fields: ['ab"c,"x"y"z,"q'], start: 0, end: 19, unclosedQuoteAt: -1, strayQuoteAt: 0 },
      { fields: ["1", "2"], start: 19, end: 23, unclosedQuoteAt: -1, strayQuoteAt: -1 },
    ]);
    // The common case: an undoubled quote inside a quoted value.
    expect(read('n,note\n1,"He said "hi" to me"\n')[1]).toMatchObject({
      fields: ["1", 'He said "hi" to me'],
      strayQuoteAt: 9,
    });
  });

  it("gives an empty last field after a trailing delimiter, and no record after a final line break", () => {
    expect(records("a,\n")).toEqual([["a", ""]]);
    expect(records("a\n\nb")).toEqual([["a"], [""], ["b"]]);
    expect(records("a\r\n\r\nb\r\n")).toEqual([["a"], [""], ["b"]]);
    expect(records("a\r\rb\r")).toEqual([["a"], [""], ["b"]]);
  });

  it("reports an unclosed quote with its offset; the record runs to the end", () => {
    const rs = read('a,b\n1,"open\n2,3');
    expect(rs).toHaveLength(2);
    expect(rs[0].unclosedQuoteAt).toBe(-1);
    expect(rs[1]).toMatchObject({ start: 4, end: 15, unclosedQuoteAt: 6 });
    expect(rs[1].fields).toHaveLength(2);
  });

  it("gives the same records whatever the slice size, also for records longer than a slice", () => {
    const text = 'id,note\r\n1,"a, ""b""\r\nc"\r\n2,' + "x".repeat(300) + '\n3,"' + "y,\n".repeat(100) + '"\r4,z\r\n';
    const whole = read(text);
    expect(whole.map((r) => r.fields[0])).toEqual(["id", "1", "2", "3", "4"]);
    for (const slice of [1, 2, 3, 5, 7, 16, 64]) expect(read(text, ",", slice)).toEqual(whole);
  });

  it("reads a line of 20,000 columns whole", () => {
    const rs = records(",".repeat(20_000) + "x");
    expect(rs[0]).toHaveLength(20_001);
    expect(rs[0][20_000]).toBe("x");
  });

  it("stops when the handler says so, after that record", () => {
    const reader = new RecordReader("a\nb\nc\n", ",", 0);
    const seen: string[] = [];
    expect(reader.read((r) => (seen.push(r.fields[0]), seen.length < 2))).toBe(false);
    expect([seen, reader.pos]).toEqual([["a", "b"], 4]);
  });

  it("refuses delimiters papaparse cannot use", () => {
    for (const d of ['"', ",,", "\n", "\r", "\ufeff", ""])
      expect(() => new RecordReader("a", d, 0)).toThrow(/Unusable CSV delimiter/);
  });
});

describe("fieldNumberAt", () => {
  it("names the 1-based field an offset is in, quoted fields with delimiters and line breaks counted as one", () => {
    const text = 'a,"b,\nc",d';
    expect([0, 2, 9, 10].map((o) => fieldNumberAt(text, 0, o, ","))).toEqual([1, 2, 3, 3]);
  });
});

describe("LineEnds", () => {
  it("reads a slice on LF without CRs, on CR without LFs, on CRLF when they pair up, else as mixed", () => {
    const newline = (text: string, from = 0, to = text.length): string | null =>
      new LineEnds(text).newlineFor(from, to);
    expect(newline("a\nb\n")).toBe("\n");
    expect(newline("a\rb\r")).toBe("\r");
    expect(newline('a,"x\ny"\rb\r')).toBeNull();
    expect(newline("a\r\nb\r\n")).toBe("\r\n");
    expect(newline("a\r\nb\r\n", 0, 4)).toBe("\r\n"); // ends between CR and LF
    expect(newline("a\r\nb", 0, 2)).toBe("\r\n");
    expect(newline("a\r\nb\n")).toBeNull();
    expect(newline("a\r\nb\rc\r\n")).toBeNull();
    expect(newline("one line")).toBe("\n");
  });

  it("finds lone CRs inside a record, but not its own CRLF's CR", () => {
    const ends = new LineEnds('1,"a\rb"\r\n2,"c\r\nd"\r\n');
    expect(ends.hasLoneCr(0, 8)).toBe(true);
    expect(ends.hasLoneCr(9, 18)).toBe(false);
  });
});

describe("LineCounter", () => {
  it("counts CRLF, LF and lone CR as one line break each", () => {
    const text = "a\r\nb\nc\rd\r\n\ne";
    const lines = new LineCounter(text);
    expect([0, 3, 5, 7, 10, 11].map((o) => lines.lineAt(o))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lines.lineAt(0)).toBe(1);
    expect(lineBreaks("a\r\nb\nc\rd")).toBe(3);
  });
});
