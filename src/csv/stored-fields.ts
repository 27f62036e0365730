/**
 * Reading a stored JSON object field by field: each field's rule says what it must be, and
 * the first field that breaks its rule is refused with a sentence naming it and what was
 * expected. Only the fields the rules name are copied.
 */
export type Json = unknown;

const isRecord = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const own = (o: Record<string, Json>, key: string): Json =>
  Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;

/** What a stored field must be: the test, and how the refusal names what was expected ("text"). */
export interface FieldRule<T> {
  accepts(v: Json): v is T;
  readonly expected: string;
}

export const rule = <T>(accepts: (v: Json) => v is T, expected: string): FieldRule<T> => ({ accepts, expected });

export const text = rule((v): v is string => typeof v === "string", "text");

const isOneOf =
  <T extends string>(allowed: readonly T[]) =>
  (v: Json): v is T =>
    typeof v === "string" && (allowed as readonly string[]).includes(v);

/** One of a few values (two or more), named in full: `"pad" or "skip"`. */
export const choice = <T extends string>(allowed: readonly T[]): FieldRule<T> => {
  const quoted = allowed.map((a) => JSON.stringify(a));
  return rule(isOneOf(allowed), `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`);
};

/** One of a list the import defines (encodings, types): "one of utf-8, utf-16le, …". */
export const memberOf = <T extends string>(allowed: readonly T[]): FieldRule<T> =>
  rule(isOneOf(allowed), `one of ${allowed.join(", ")}`);

/** A field that may be left out. */
export const optional = <T>(r: FieldRule<T>): FieldRule<T | undefined> =>
  rule((v): v is T | undefined => v === undefined || r.accepts(v), r.expected);

export type FieldRules = Record<string, FieldRule<unknown>>;
export type FieldsOf<R extends FieldRules> = { [K in keyof R]: R[K] extends FieldRule<infer T> ? T : never };

/**
 * The fields `rules` names, copied from a stored object in the rules' order, or the sentence
 * refusing the first one that breaks its rule (`what` names the object when it is none).
 */
export function readFields<R extends FieldRules>(v: Json, at: string, what: string, rules: R): FieldsOf<R> | string {
  if (!isRecord(v)) return `${at} is not ${what}`;
  const fields: Record<string, Json> = {};
  for (const [key, r] of Object.entries(rules)) {
    const value = own(v, key);
    if (!r.accepts(value)) return `${at}.${key} is not ${r.expected}`;
    if (value !== undefined) fields[key] = value;
  }
  return fields as FieldsOf<R>;
}
