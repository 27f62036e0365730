/** How an argument's value is named in error messages: `the text "x"`, `the number 3`. */
export function describeValue(v: unknown): string {
  if (typeof v === "string") return `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === "boolean") return `the logical value ${v ? "TRUE" : "FALSE"}`;
  if (typeof v === "number") return `the number ${v}`;
  return "a value of another type";
}
