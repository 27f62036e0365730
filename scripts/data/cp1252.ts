/**
 * Windows-1252 decoding. Node's TextDecoder reads "windows-1252" as Latin-1 (0x96 becomes the
 * C1 control U+0096, not an en dash), so the 32 bytes where the two differ are mapped here,
 * per the WHATWG Encoding Standard's index-windows-1252. Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D
 * are unassigned there too and map to the same C1 code points.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = Array.from(bytes.subarray(start, start + chunk), (b) => (b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80] : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}
