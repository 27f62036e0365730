/**
 * Every CSV column type, in detection order: a column gets the first type whose detect()
 * accepts it. Percent comes before Number (a column of percentages also fits Number, which
 * reads them as fractions), Number before Currency (plain numbers fit Currency too), and Text
 * last, as the fallback. Adding a type is one descriptor file and one line here: the type
 * name, the pane's menu and every message follow from the descriptor.
 */
import { booleanType } from "./boolean";
import { currencyType } from "./currency";
import { dateType } from "./date";
import type { TypeDescriptor } from "./descriptor";
import { numberType } from "./number";
import { percentType } from "./percent";
import { textType } from "./text";

export const COLUMN_TYPES = {
  percent: percentType,
  number: numberType,
  currency: currencyType,
  boolean: booleanType,
  date: dateType,
  text: textType,
} as const satisfies Record<string, TypeDescriptor>;

export type ColumnType = keyof typeof COLUMN_TYPES;

export const TYPE_NAMES = Object.keys(COLUMN_TYPES) as ColumnType[];

export function descriptor(type: ColumnType): TypeDescriptor {
  return COLUMN_TYPES[type];
}
