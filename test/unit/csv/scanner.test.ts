import { CsvScanner, FIELD_COMPLEX, STORED_FIELDS } from "../../../src/csv/scanner";
import { LineCounter } from "../../../src/csv/lines";

function records(text: string, delimiter = ","): string[][] {
  const sc = new CsvScanner(text, delimiter);
  const out: string[][] = [];
  while (sc.nextRow()) out.push(Array.from({ length: sc.count }, (_, i) => sc.field(i)));
  return out;
}

describe("CsvScanner", () => {
  it("splits on CRLF, LF and lone CR alike, and keeps line breaks inside quotes", () => {
    expect(records('a,b\r\nc,d\ne,f\rg,"h\r\ni"')).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h\r\ni"],
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

  it("keeps text after a closing quote, as Excel does", () => {
    const sc = new CsvScanner('"ab"c,"x""y"z,"q" \n', ",");
    sc.nextRow();
    expect([sc.field(0), sc.field(1), sc.field(2)]).toEqual(["abc", 'x"yz', "q "]);
    expect(sc.kinds[0]).toBe(FIELD_COMPLEX);
  });

  it("gives an empty last field after a trailing delimiter, and no record after a final newline", () => {
    expect(records("a,\n")).toEqual([["a", ""]]);
    expect(records("a\n\nb")).toEqual([["a"], [""], ["b"]]);
  });

  it("reports an unclosed quote with its offset and field", () => {
    const sc = new CsvScanner('a,b\n1,"open\n2,3', ",");
    sc.nextRow();
    expect(sc.unclosedQuoteAt).toBe(-1);
    sc.nextRow();
    expect([sc.unclosedQuoteAt, sc.unclosedQuoteField, sc.field(1)]).toEqual([6, 1, "open\n2,3"]);
    expect(sc.nextRow()).toBe(false);
  });

  it("tracks the last non-empty field, and stores no more than Excel could use", () => {
    const sc = new CsvScanner(",".repeat(20_000) + "x", ",");
    sc.nextRow();
    expect(sc.count).toBe(20_001);
    expect(sc.lastNonEmpty).toBe(20_000);
    expect(sc.starts.length).toBe(STORED_FIELDS);
    expect(sc.field(20_000)).toBe("");
    expect(sc.nonEmpty(0)).toBe(false);
  });

  it("refuses delimiters that cannot work", () => {
    expect(() => new CsvScanner("a", '"')).toThrow();
    expect(() => new CsvScanner("a", ",,")).toThrow();
  });
});

describe("LineCounter", () => {
  it("counts CRLF, LF and lone CR as one line break each", () => {
    const text = "a\r\nb\nc\rd\r\n\ne";
    const lines = new LineCounter(text);
    expect([0, 3, 5, 7, 10, 11].map((o) => lines.lineAt(o))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lines.lineAt(0)).toBe(1);
  });
});
