/**
 * The pane's message area: one polite live region for progress and success, one
 * assertive for errors, so screen readers hear what happened. Text only.
 */
import { clear, h } from "./dom";

export type MessageKind = "info" | "success" | "error";

export interface MessageArea {
  readonly element: HTMLElement;
  show(kind: MessageKind, text: string, details?: readonly string[]): void;
  clear(): void;
}

export function messageArea(id: string): MessageArea {
  const element = h("div", { id, class: "messages" });
  const polite = h("div", { role: "status", "aria-live": "polite" });
  const alert = h("div", { role: "alert" });
  element.append(polite, alert);
  return {
    element,
    show(kind, text, details = []) {
      clear(polite);
      clear(alert);
      const box = h("div", { class: `message ${kind}` }, h("p", {}, text));
      if (details.length) box.append(h("ul", {}, ...details.map((d) => h("li", {}, d))));
      (kind === "error" ? alert : polite).append(box);
    },
    clear() {
      clear(polite);
      clear(alert);
    },
  };
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
