/**
 * The Functions view: the function builder (builder/), then every RARE function with its
 * signature and one-line help, read from functions.json (the same metadata Excel's
 * autocomplete uses), so neither can drift from what is registered. Each links to its entry
 * on the help page (help.html, shipped beside the pane), which Excel users can reach:
 * README they cannot.
 */
import type { Workbook } from "../../src/workbook/workbook";
import type { AssociatedFunction } from "../../functions/runtime-bridge";
import { append, clear, h } from "../dom";
import type { FunctionMetadata } from "./builder/argument-controls";
import { renderBuilder } from "./builder/builder-view";

export const HELP_PAGE = "help.html";

export interface FunctionsViewOptions {
  readonly associated: Readonly<Record<string, AssociatedFunction>>;
  /** The workbook the builder inserts into, once the host is known. */
  readonly workbook: Promise<Workbook>;
  readonly host: Promise<"excel" | "preview">;
}

export function signature(fn: FunctionMetadata): string {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `=RARE.${fn.name}(${params.join(", ")})`;
}

export async function renderFunctionsView(
  container: HTMLElement,
  options: FunctionsViewOptions,
  fetchJson: (url: string) => Promise<unknown> = defaultFetch,
): Promise<void> {
  clear(container);
  const builder = h("div", { id: "builder" });
  append(
    container,
    h("h2", {}, "Functions"),
    builder,
    h("h3", {}, "All functions"),
    h(
      "p",
      {},
      "Type these in any cell. Names are forgiving: any case, symbols (Nd) and common aliases (USA, Myanmar). Every argument may be a range.",
    ),
    h(
      "p",
      {},
      h(
        "a",
        { href: HELP_PAGE, target: "_blank", rel: "noopener" },
        "RARE help: every function with examples, the errors, and where the data comes from",
      ),
    ),
  );
  let functions: FunctionMetadata[];
  try {
    functions = ((await fetchJson("functions.json")) as { functions: FunctionMetadata[] }).functions;
  } catch (e) {
    append(
      container,
      h("p", { role: "alert" }, `Could not read the function list: ${e instanceof Error ? e.message : String(e)}`),
    );
    return;
  }
  renderBuilder(builder, { functions, ...options });
  const list = h("dl", { class: "function-list" });
  for (const fn of functions) {
    append(
      list,
      h("dt", {}, h("code", {}, signature(fn))),
      h(
        "dd",
        {},
        `${firstSentence(fn.description ?? "")} `,
        h("a", { href: `${HELP_PAGE}#${fn.id}`, target: "_blank", rel: "noopener" }, `Examples of ${fn.name}`),
      ),
    );
  }
  append(container, list);
}

function firstSentence(text: string): string {
  const end = text.indexOf(". ");
  return end > 0 ? text.slice(0, end + 1) : text;
}

async function defaultFetch(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}
