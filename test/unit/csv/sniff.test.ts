import { guessDelimiter, sniff } from "../../../src/csv";

describe("sniff", () => {
  it.each([
    ["a,b,c\n1,2,3\n", ","],
    ["a;b;c\n1;2;3\n", ";"],
    ["a\tb\tc\n1\t2\t3\n", "\t"],
    ["a|b|c\n1|2|3\n", "|"],
    ["a;b\n1,5;2,5\n3,5;4,5\n", ";"],
    ['name,notes\n"x","a;b;c;d"\n"y","e;f;g;h"\n', ","],
    ['"a,b";c\n"d,e";f\n', ";"],
    ['id|text\n1|"one, two; three"\n2|"x,y;z"\n', "|"],
  ])("finds the delimiter of %j, ignoring delimiters inside quotes", (text, delimiter) => {
    expect(sniff(text)).toMatchObject({ delimiter, delimiterSource: "detected", sepLine: false, bodyStart: 0 });
  });

  it("uses comma for a single column, and says it did not detect one", () => {
    expect(sniff("name\nalpha\nbeta\n")).toMatchObject({ delimiter: ",", delimiterSource: "default" });
    expect(guessDelimiter("name\nalpha\n")).toBeNull();
    // A tab inside a value of a one-column file does not make a second column.
    expect(sniff("name\nalpha\tbeta\ngamma\n").delimiter).toBe(",");
  });

  it("honours a sep= line with any single character, and skips it", () => {
    expect(sniff("sep=;\r\na;b\r\n")).toMatchObject({
      delimiter: ";",
      delimiterSource: "sepLine",
      sepLine: true,
      bodyStart: 7,
      bodyLine: 2,
    });
    expect(sniff("sep=\t\na\tb\n")).toMatchObject({ delimiter: "\t", sepLine: true, bodyStart: 6 });
    expect(sniff("sep=,")).toMatchObject({ delimiter: ",", sepLine: true, bodyStart: 5 });
    expect(sniff("\ufeffsep=;\na;b\n")).toMatchObject({ delimiter: ";", bodyStart: 7 });
    // Issue 15 item 9: sep= followed by a byte order mark was an internal error; the line is skipped.
    expect(sniff("sep=\ufeff\na;b\n1;2\n")).toMatchObject({
      delimiter: ";",
      sepLine: true,
      delimiterSource: "detected",
    });
  });

  it("does not take other first lines for a sep line", () => {
    expect(sniff("sep=;;\na\n").sepLine).toBe(false);
    expect(sniff("sep,x\n1,2\n").sepLine).toBe(false);
  });

  it("lets the delimiter option win over the sep line and detection", () => {
    expect(sniff("sep=;\na,b\n", { delimiter: "," })).toMatchObject({
      delimiter: ",",
      delimiterSource: "option",
      sepLine: true,
      bodyStart: 6,
    });
    expect(sniff("a;b,c\n", { delimiter: ";" }).delimiter).toBe(";");
  });

  it("skips a byte order mark character left in text input", () => {
    expect(sniff("\ufeffa,b\n1,2\n").bodyStart).toBe(1);
  });

  it("uses a decimal comma with semicolons unless told otherwise", () => {
    expect(sniff("a;b\n1;2\n").decimalSeparator).toBe(",");
    expect(sniff("a,b\n1,2\n").decimalSeparator).toBe(".");
    expect(sniff("a;b\n1;2\n", { decimalSeparator: "." }).decimalSeparator).toBe(".");
  });

  it("detects a header row unless the first row fits the types below it", () => {
    expect(sniff("a,b\n1,2\n").hasHeader).toBe(true);
    expect(sniff("1,2\n3,4\n").hasHeader).toBe(false);
    expect(sniff("x,y\nfoo,bar\n").hasHeader).toBe(true);
    expect(sniff("2024-01-01,5\n2024-01-02,6\n").hasHeader).toBe(false);
    expect(sniff("1,2,3\n").hasHeader).toBe(false);
    expect(sniff("a,b,c\n").hasHeader).toBe(true);
    expect(sniff("a,b\n1,2\n", { hasHeader: false })).toMatchObject({ hasHeader: false, headerSource: "option" });
  });

  it("looks past skipped title rows", () => {
    expect(sniff("My title\na;b;c\n1;2;3\n", { skipRows: 1 })).toMatchObject({ delimiter: ";", hasHeader: true });
  });
});
