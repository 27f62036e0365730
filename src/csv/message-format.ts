/** Small formatting helpers for end-user messages. */
import { columnLetters } from "../excel/a1";

export { columnLetters };

/** 1048577 → "1,048,577": messages read the same in every locale the pane runs in. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "column 3 (C)": both, because users count columns and Excel shows letters. */
export function columnLabel(column: number): string {
  return `column ${count(column)} (${columnLetters(column)})`;
}

/** At most `max` items and the rest as "and N more", for lists of row numbers in messages. */
export function listSome(items: readonly number[], total: number, max = 5): string {
  const shown = items.slice(0, max).map(count).join(", ");
  return total > max ? `${shown} and ${count(total - max)} more` : shown;
}
