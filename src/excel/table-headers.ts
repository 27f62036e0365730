/**
 * The header names Excel gives a new table: a blank header becomes "ColumnN" (N its position in
 * the table, from 1), and a name already used (compared without case) gets the lowest number
 * from 2 that makes it new ("a", "a2"). The preview host applies this when it makes a table, and
 * the import reports the names it changed.
 */
export function tableHeaderNames(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, c) => {
    const text = header === "" ? `Column${c + 1}` : header;
    let unique = text;
    for (let n = 2; seen.has(unique.toUpperCase()); n++) unique = `${text}${n}`;
    seen.add(unique.toUpperCase());
    return unique;
  });
}
