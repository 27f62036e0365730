/** Text: every value as written; the fallback when no other type fits. */
import type { TypeDescriptor } from "./descriptor";

export const textType: TypeDescriptor = {
  label: "Text",
  holds: "text",
  storage: "text",
  numeric: false,
  detect: () => ({}),
  read: () => NaN,
  numberFormat: () => "@",
};
