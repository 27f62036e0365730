/** A `Pending<T>` settled by the host once the sync that produces the value has run. */
import { WorkbookError } from "./errors";
import type { Pending } from "./workbook";

export class PendingValue<T> implements Pending<T> {
  private settled = false;
  private result: T | undefined;

  constructor(private readonly what: string) {}

  settle(value: T): void {
    this.result = value;
    this.settled = true;
  }

  get value(): T {
    if (!this.settled) throw new WorkbookError("notSynced", `${this.what} is known only after the next sync.`);
    return this.result as T;
  }
}

/** The value if its sync went through, else null (the operation never reached the workbook). */
export function settledValue<T>(pending: Pending<T> | null): T | null {
  if (!pending) return null;
  try {
    return pending.value;
  } catch {
    return null;
  }
}
