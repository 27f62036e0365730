import type { ElementRecord, EventRecord } from "./types";

/**
 * Statuses as of the dataset's own date, never the clock, so the same dataset gives the same
 * answer on any day. A status whose end date (a suspension "until") is before that date is
 * not "in effect" any more, and the bundled sources do not say what came next.
 */

const hasEnded = (e: EventRecord, asOf: string): boolean => e.ends !== "" && asOf > e.ends;

const UNKNOWN_AFTER = (asOf: string) => `what followed is not in the bundled sources (dataset as of ${asOf})`;

export function eventStatus(e: EventRecord, asOf: string): string {
  if (e.status === "") return "";
  if (hasEnded(e, asOf)) return `${e.afterEnd}; ${UNKNOWN_AFTER(asOf)}`;
  return e.statusAsOf === "" ? e.status : `${e.status} (as of ${e.statusAsOf})`;
}

/** An element's export-control text, with the same bound when the suspension it names has ended. */
export function exportControlStatus(element: ElementRecord, events: ReadonlyMap<string, EventRecord>, asOf: string) {
  const event = element.controlEvent === "" ? undefined : events.get(element.controlEvent);
  return event && hasEnded(event, asOf)
    ? `${element.exportControl}; the suspension ended on ${event.ends}: ${UNKNOWN_AFTER(asOf)}`
    : element.exportControl;
}
