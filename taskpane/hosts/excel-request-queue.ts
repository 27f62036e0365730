/**
 * Keeps an Excel batch's operations in the order they were queued when some of them need an
 * answer from Excel first.
 *
 * Office.js has no "delete if present": `getItemOrNullObject` says whether the object
 * exists only after a sync, and calling `delete()` on a null object fails the request. So a
 * delete is a lookup now and a follow-up once the sync has answered it. Everything queued
 * after the lookup waits for that follow-up, so Excel still sees the operations in order
 * (a name deleted and then added again is deleted first). Lookups queued back to back share
 * one round trip.
 */

/** An operation issued on the request context. */
export type Operation = () => void;
/** After the sync: issues what the lookup's answer calls for; true if it issued anything. */
export type FollowUp = () => boolean;
/** Issues a lookup on the request context and returns its follow-up. */
export type Lookup = () => FollowUp;

type Waiting = { readonly run: Operation } | { readonly key: string; readonly lookup: Lookup };

export class RequestQueue {
  /** Operations queued after the pending lookups; null when no lookup is pending. */
  private waiting: Waiting[] | null = null;
  private followUps: FollowUp[] = [];
  /** Objects looked up in the current round trip: the same one twice is looked up once. */
  private readonly looking = new Set<string>();

  write(run: Operation): void {
    if (this.waiting) this.waiting.push({ run });
    else run();
  }

  /** `key` names the object, e.g. "name:RARE_CUT": deleting it twice in a row deletes it once. */
  lookup(key: string, lookup: Lookup): void {
    if (this.waiting && this.waiting.length > 0) {
      this.waiting.push({ key, lookup });
      return;
    }
    this.waiting ??= [];
    if (this.looking.has(key)) return;
    this.looking.add(key);
    this.followUps.push(lookup());
  }

  /** Call after each sync. True when it issued more operations, which need another sync. */
  afterSync(): boolean {
    const waiting = this.waiting;
    if (!waiting) return false;
    const followUps = this.followUps;
    this.reset();
    let issued = false;
    for (const followUp of followUps) issued = followUp() || issued;
    for (const item of waiting) {
      if ("run" in item) this.write(item.run);
      else this.lookup(item.key, item.lookup);
    }
    return issued || waiting.length > 0;
  }

  /** Forgets everything pending (its sync failed: Excel drops the rest of the request too). */
  reset(): void {
    this.waiting = null;
    this.followUps = [];
    this.looking.clear();
  }
}
