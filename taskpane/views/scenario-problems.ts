/**
 * What the Scenarios view does with the problems a check found: say that nothing was done
 * and list them in the message area, and mark the fields they are about. aria-invalid with
 * aria-errormessage pointing at the message area is how a screen reader learns why a field
 * is wrong (https://www.w3.org/TR/wai-aria-1.2/#aria-errormessage).
 */
import type { MessageArea } from "../messages";
import type { Problem } from "./scenario-choices";

/** "The sheet was not written." and the problems, as an error the screen reader announces. */
export function showProblems(messages: MessageArea, notDone: string, problems: readonly Problem[]): void {
  messages.show(
    "error",
    `${notDone} Please fix:`,
    problems.map((p) => p.message),
  );
}

/** Marks one field invalid and points it at the message area, or clears both marks. */
export function markField(field: Element, invalid: boolean, messageId: string): void {
  if (invalid) {
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-errormessage", messageId);
  } else {
    field.removeAttribute("aria-invalid");
    field.removeAttribute("aria-errormessage");
  }
}
