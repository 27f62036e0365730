import { decodeBytes } from "../../../src/csv";
import { firstInvalidUtf8 } from "../../../src/csv/decode";
import { utf8 } from "./support";

describe("decodeBytes", () => {
  it("reads UTF-8 by default and says so", () => {
    const d = decodeBytes(utf8("a,b\n1,ʤ\n"));
    expect(d).toEqual({ text: "a,b\n1,ʤ\n", encoding: "utf-8", bom: false, note: "Read as UTF-8." });
  });

  it("removes a UTF-8 byte order mark and reports it", () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Source,Country")]));
    expect(d.text).toBe("Source,Country");
    expect(d.encoding).toBe("utf-8");
    expect(d.bom).toBe(true);
    expect(d.note).toMatch(/byte order mark/);
  });

  it("reads UTF-16 LE and BE from their byte order marks", () => {
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0, 0x2c, 0, 0xa4, 0x02]);
    const be = new Uint8Array([0xfe, 0xff, 0, 0x61, 0, 0x2c, 0x02, 0xa4]);
    expect(decodeBytes(le)).toMatchObject({ text: "a,ʤ", encoding: "utf-16le", bom: true });
    expect(decodeBytes(be)).toMatchObject({ text: "a,ʤ", encoding: "utf-16be", bom: true });
  });

  it("recognises UTF-16 without a byte order mark instead of calling it binary", () => {
    const le = new Uint8Array([..."a,b\n1,2\n".split("").flatMap((c) => [c.charCodeAt(0), 0])]);
    const d = decodeBytes(le);
    expect(d.encoding).toBe("utf-16le");
    expect(d.text).toBe("a,b\n1,2\n");
    expect(d.note).toMatch(/no byte order mark/);
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8, naming the first bad byte", () => {
    const d = decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x80])); // "café,€" in Windows-1252
    expect(d.text).toBe("café,€");
    expect(d.encoding).toBe("windows-1252");
    expect(d.note).toBe(
      "Read as Windows-1252 (Western European) because the file is not valid UTF-8 (byte 0xE9 at offset 3).",
    );
  });

  it("uses a forced encoding and still drops its own byte order mark", () => {
    expect(decodeBytes(utf8("café"), "windows-1252").text).toBe("cafÃ©");
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), "utf-8")).toMatchObject({ text: "a", bom: true });
  });

  it("keeps a second byte order mark as content (only the first is a mark)", () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61])).text).toBe("\ufeffa");
  });

  it("finds the first invalid UTF-8 byte: truncated, overlong, surrogate, stray continuation", () => {
    expect(firstInvalidUtf8(utf8("plain ʤ €"))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0x80]))).toBe(2);
  });
});
