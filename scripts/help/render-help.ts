/**
 * The help page (dist/help.html): what RARE is, every function in functions.json with its
 * signature, description, parameters and worked examples, the errors, and where the data
 * comes from. Every figure on the page is computed by the caller-supplied `call` (the
 * built functions.js), and the list of functions is functions.json itself, so the page
 * says what Excel does. Static HTML, no script: Excel opens it from SupportUrl and the
 * ribbon's LearnMore link, in a browser where README is out of reach.
 */
import { signature } from "../../taskpane/views/functions-view";
import { ERROR_EXAMPLES, EXAMPLES, type ExampleArg } from "./examples";
import { isEntityValue } from "../../src/excel/values";

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Array<{ name: string; description?: string; optional?: boolean }>;
  result?: { dimensionality?: string };
}

export interface HelpInput {
  readonly functions: readonly FunctionMetadata[];
  /** Calls a function as Excel does: one matrix per argument, null for an omitted one. */
  readonly call: (id: string, args: readonly unknown[]) => unknown;
  /** The Content-Security-Policy of the page. */
  readonly csp: string;
}

const MAX_ROWS_SHOWN = 4;

export function renderHelp(input: HelpInput): string {
  const byId = new Map(input.functions.map((f) => [f.id, f]));
  const missing = input.functions.filter((f) => !EXAMPLES[f.id]?.length).map((f) => f.id);
  const unknown = [...Object.keys(EXAMPLES), ...ERROR_EXAMPLES.map((e) => e.id)].filter((id) => !byId.has(id));
  if (missing.length || unknown.length)
    throw new Error(
      `Help page examples (scripts/help/examples.ts) out of step with functions.json:` +
        (missing.length ? ` no example for ${missing.join(", ")};` : "") +
        (unknown.length ? ` examples for unknown ${[...new Set(unknown)].join(", ")}.` : ""),
    );
  const run = (id: string, args: readonly ExampleArg[]) => {
    const fn = byId.get(id) as FunctionMetadata;
    const padded = fn.parameters.map((_, i) => (i < args.length ? [[args[i]]] : null));
    return input.call(id, padded);
  };
  const version = single(run("VERSION", []));
  const sources = run("TABLE", ["sources"]) as unknown[][];

  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${esc(input.csp)}" />
    <title>RARE help</title>
    <link rel="stylesheet" href="taskpane.css" />
    <link rel="stylesheet" href="help.css" />
    <link rel="icon" href="assets/icon-16.png" />
  </head>
  <body class="help">
    <header class="pane-header">
      <img src="assets/icon-32.png" alt="" width="32" height="32" />
      <div>
        <h1>RARE help</h1>
        <p class="subtitle">Rare-earth supply risk in Excel · dataset ${esc(String(version))}</p>
      </div>
    </header>
    <main>
      <section aria-labelledby="what">
        <h2 id="what">What RARE is</h2>
        <p>RARE adds functions in the <code>RARE</code> namespace to Excel, answering from rare-earth data bundled with the add-in: China's share of supply, risk factors and strategies from the source articles, and USGS mine production, reserves and prices. Every figure traces to a source you can cite with <code>=RARE.SOURCE(…)</code>. Where the sources have no figure, RARE returns <code>#N/A</code> and says so; it never makes one up.</p>
        <p>The <strong>RARE pane</strong> (Home tab) imports CSV files into a new sheet and builds scenario sheets on these functions.</p>
        <ul>
          <li>Every argument may be a cell, a literal or a range. With a range the result has the same shape and spills, one value or error per cell: <code>=RARE.SHARE(A2:A20)</code>.</li>
          <li>Names are forgiving: any case, extra spaces, element symbols (<code>Nd</code>) and common aliases (<code>Myanmar</code>, <code>USA</code>).</li>
          <li>The functions are pure and non-volatile: they recalculate when their inputs change.</li>
        </ul>
      </section>
      <section aria-labelledby="functions">
        <h2 id="functions">Functions</h2>
        <p class="toc">${input.functions.map((f) => `<a href="#${esc(f.id)}">${esc(f.name)}</a>`).join(" · ")}</p>
${input.functions.map((f) => functionSection(f, (args) => run(f.id, args))).join("\n")}
      </section>
      <section aria-labelledby="errors">
        <h2 id="errors">Errors</h2>
        <p>The same for every function. The message shows on the cell's error flag (Excel shows none for <code>#NUM!</code>). An error in an input cell passes through unchanged.</p>
        <table class="help-table">
          <thead><tr><th scope="col">error</th><th scope="col">when</th><th scope="col">example</th></tr></thead>
          <tbody>
${ERROR_EXAMPLES.map((e) => {
  const result = single(run(e.id, e.args));
  return `            <tr><td><code>${esc(errorCode(result))}</code></td><td>${esc(e.when)}</td><td><code>${esc(formula(byId.get(e.id) as FunctionMetadata, e.args))}</code><br />${esc(display(result))}</td></tr>`;
}).join("\n")}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="data">
        <h2 id="data">Where the data comes from</h2>
        <p>Everything the functions return is compiled at build time from the source files shipped with RARE: the source articles (element, risk-factor and strategy tables), USGS Mineral Commodity Summaries (mine production, reserves, prices; the newest edition wins for each year) and curated tables with their own sources (element facts, China's share by stage, export-control events). Scenario defaults (cut, elasticity, mitigation offsets) are assumptions you should change, not data. <code>=RARE.SOURCE(kind, key, [field])</code> gives the citation behind any value. The sources the bundled data cites (<code>=RARE.TABLE("sources")</code>):</p>
        ${matrixTable(sources, Infinity)}
      </section>
    </main>
  </body>
</html>
`;
}

function functionSection(fn: FunctionMetadata, run: (args: readonly ExampleArg[]) => unknown): string {
  const params = fn.parameters.length
    ? `<dl class="params">${fn.parameters
        .map(
          (p) =>
            `<dt><code>${esc(p.name)}</code>${p.optional ? " (optional)" : ""}</dt><dd>${esc(p.description ?? "")}</dd>`,
        )
        .join("")}</dl>`
    : "<p>No arguments.</p>";
  const examples = EXAMPLES[fn.id]
    .map((ex) => {
      const result = run(ex.args);
      return `<tr><td><code>${esc(formula(fn, ex.args))}</code></td><td>${resultHtml(result)}${ex.note ? `<br /><span class="note">${esc(ex.note)}</span>` : ""}</td></tr>`;
    })
    .join("");
  return `        <article class="function" id="${esc(fn.id)}">
          <h3><code>${esc(signature(fn))}</code></h3>
          <p>${esc(fn.description ?? "")}</p>
          ${params}
          <table class="help-table examples"><thead><tr><th scope="col">example</th><th scope="col">result</th></tr></thead><tbody>${examples}</tbody></table>
        </article>`;
}

export function formula(fn: FunctionMetadata, args: readonly ExampleArg[]): string {
  const text = args.map((a) =>
    typeof a === "string" ? `"${a.replace(/"/g, '""')}"` : typeof a === "boolean" ? (a ? "TRUE" : "FALSE") : String(a),
  );
  return `=RARE.${fn.name}(${text.join(",")})`;
}

function isError(v: unknown): v is { code: string; message?: string } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { code?: unknown }).code === "string";
}

function single(result: unknown): unknown {
  return Array.isArray(result) && result.length === 1 && Array.isArray(result[0]) && result[0].length === 1
    ? result[0][0]
    : result;
}

function errorCode(v: unknown): string {
  if (!isError(v)) throw new Error(`An error example returned ${JSON.stringify(v)}, not an error.`);
  return v.code;
}

/** A value as the cell would show it (numbers to 6 significant digits). */
function display(v: unknown): string {
  if (isError(v)) return v.message ? `${v.code}: ${v.message}` : v.code;
  if (typeof v === "number") return String(Number(v.toPrecision(6)));
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isEntityValue(v)) {
    const names = Object.keys(v.properties ?? {});
    return `${v.text} (a data type with ${names.length} properties: ${names.join("; ")})`;
  }
  return v === null || v === undefined ? "" : String(v);
}

function resultHtml(result: unknown): string {
  const v = single(result);
  if (!Array.isArray(v)) return esc(display(v));
  const rows = v as unknown[][];
  return `spills ${rows.length} × ${rows[0]?.length ?? 0}:${matrixTable(rows, MAX_ROWS_SHOWN)}`;
}

function matrixTable(rows: readonly unknown[][], maxRows: number): string {
  const shown = rows.slice(0, maxRows);
  const more = rows.length - shown.length;
  return `<table class="help-table spill"><tbody>${shown
    .map((r) => `<tr>${r.map((c) => `<td>${esc(display(c))}</td>`).join("")}</tr>`)
    .join("")}${more > 0 ? `<tr><td colspan="${rows[0].length}">… ${more} more rows</td></tr>` : ""}</tbody></table>`;
}

export function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}
