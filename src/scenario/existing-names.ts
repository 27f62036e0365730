/**
 * The workbook's defined names as a writer sees them before adding its own (from
 * `Workbook.listNames`). Two cases matter:
 * - broken (#REF!): left behind by a sheet deleted by hand (Excel keeps its names). Adding
 *   the name again would fail, so the writer deletes it first: it was this sheet's.
 * - live and not this sheet's: someone else's. Adding it fails and the write is undone; the
 *   undo must not delete it.
 */
import type { DefinedName } from "../workbook/workbook";

export class ExistingNames {
  private readonly broken = new Map<string, boolean>();

  constructor(listed: readonly DefinedName[]) {
    for (const n of listed) this.broken.set(n.name.toUpperCase(), n.broken);
  }

  isBroken(name: string): boolean {
    return this.broken.get(name.toUpperCase()) === true;
  }

  isLive(name: string): boolean {
    return this.broken.get(name.toUpperCase()) === false;
  }

  exists(name: string): boolean {
    return this.broken.has(name.toUpperCase());
  }
}

/** Each name once, case-blind, first spelling kept. */
export function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.toUpperCase()) && seen.add(n.toUpperCase()));
}
