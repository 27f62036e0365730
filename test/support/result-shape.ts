/** What every RARE function may return: a rectangle of text, finite numbers, logicals or Excel errors. */
export function resultProblem(result: unknown): string | null {
  if (typeof result === "string") return null; // VERSION returns a scalar string
  if (!Array.isArray(result) || result.length === 0) return `not a non-empty matrix: ${String(result)}`;
  const width = Array.isArray(result[0]) ? result[0].length : -1;
  for (const row of result) {
    if (!Array.isArray(row) || row.length !== width || width === 0) return "not a rectangle";
    for (const cell of row) {
      if (typeof cell === "number" && !Number.isFinite(cell)) return `non-finite number ${cell}`;
      if (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean") continue;
      // An entity value (RARE.ELEMENT and RARE.COUNTRY's cards), shown by its text.
      if (cell && typeof cell === "object" && (cell as { type?: unknown }).type === "Entity") {
        if (typeof (cell as { text?: unknown }).text === "string") continue;
        return `an entity without text ${JSON.stringify(cell)}`;
      }
      if (
        cell &&
        typeof cell === "object" &&
        typeof (cell as { code?: unknown }).code === "string" &&
        /^#/.test((cell as { code: string }).code)
      )
        continue;
      return `unexpected cell ${JSON.stringify(cell)}`;
    }
  }
  return null;
}
