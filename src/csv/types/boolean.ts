/**
 * TRUE/FALSE in any case. "yes"/"no" stay text: Excel shows booleans as TRUE/FALSE, which
 * would change the user's words.
 */
import { CELL_BOOLEAN } from "./bits";
import { everyCellHas, type TypeDescriptor } from "./descriptor";

export const booleanType: TypeDescriptor = {
  label: "TRUE/FALSE",
  holds: "TRUE/FALSE values",
  storage: "boolean",
  numeric: false,
  detect: everyCellHas(CELL_BOOLEAN),
  read(_r, t, s, e) {
    const b = readBoolean(t, s, e);
    return b === null ? NaN : b ? 1 : 0;
  },
  numberFormat: () => "General",
};

/** TRUE/FALSE in any case → true/false; anything else → null. */
export function readBoolean(t: string, s: number, e: number): boolean | null {
  while (s < e && t.charCodeAt(s) === 32) s++;
  while (e > s && t.charCodeAt(e - 1) === 32) e--;
  const n = e - s;
  if (n === 4) {
    if (
      (t.charCodeAt(s) | 0x20) === 116 &&
      (t.charCodeAt(s + 1) | 0x20) === 114 &&
      (t.charCodeAt(s + 2) | 0x20) === 117 &&
      (t.charCodeAt(s + 3) | 0x20) === 101
    )
      return true;
  } else if (n === 5) {
    if (
      (t.charCodeAt(s) | 0x20) === 102 &&
      (t.charCodeAt(s + 1) | 0x20) === 97 &&
      (t.charCodeAt(s + 2) | 0x20) === 108 &&
      (t.charCodeAt(s + 3) | 0x20) === 115 &&
      (t.charCodeAt(s + 4) | 0x20) === 101
    )
      return false;
  }
  return null;
}
