/**
 * The header names Excel gives a new table: a blank header becomes "ColumnN" (N its position in
 * the table, from 1), and a name already used (compared without case) gets the lowest number
 * from 2 that makes it new ("a", "a2"). The preview host applies this when it makes a table, and
 * the import reports the names it changed.
 */
export function tableHeaderNames(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, c) => {
    const text = header === "" ? columnName(c) : header;
    let unique = text;
    for (let n = 2; seen.has(unique.toUpperCase()); n++) unique = `${text}${n}`;
    seen.add(unique.toUpperCase());
    return unique;
  });
}

/** The name Excel gives column `c` (from 0) of a table where no header names it: "Column1", "Column2", … */
export function columnName(c: number): string {
  return `Column${c + 1}`;
}

/** The names of a table of `cols` columns shown without a header row. */
export function columnNames(cols: number): string[] {
  return Array.from({ length: cols }, (_, c) => columnName(c));
}
