/**
 * Seed validation collects every problem before failing, so one build run reports all bad
 * rows at once, each as `file:line: message` (the shape editors and CI logs link to).
 */
export class SeedValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Seed data failed validation (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.join("\n")}`,
    );
    this.name = "SeedValidationError";
  }
}

export class Problems {
  readonly list: string[] = [];

  add(file: string, line: number | null, message: string): void {
    this.list.push(line === null ? `${file}: ${message}` : `${file}:${line}: ${message}`);
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new SeedValidationError(this.list);
  }
}
