/**
 * What taskpane.html loads office.js from, and the Content-Security-Policy that allows it.
 *
 * A production build references Microsoft's CDN: published add-ins must, and the
 * @microsoft/office-js npm package is no longer supported
 * (https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn,
 * https://www.npmjs.com/package/@microsoft/office-js). The CDN's office.js loads its host
 * scripts and strings from the same origin, so that one origin is added to script-src.
 * The development build keeps the local copy (dist/office-js/) so the preview and the
 * tests run offline.
 *
 * File content shown in the pane is hostile input: no inline script or style, no eval.
 */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const OFFICE_JS_LOCAL = "office-js/office.js";

export interface PanePage {
  /** The <script src> of office.js. */
  readonly officeJs: string;
  /** The whole policy, for the page's <meta http-equiv="Content-Security-Policy">. */
  readonly csp: string;
}

export function panePage(production: boolean, extra: { connect?: readonly string[] } = {}): PanePage {
  const scripts = production ? ["'self'", new URL(OFFICE_JS_CDN).origin] : ["'self'"];
  const connect = ["'self'", ...(extra.connect ?? [])];
  return {
    officeJs: production ? OFFICE_JS_CDN : OFFICE_JS_LOCAL,
    csp: contentSecurityPolicy(scripts, connect),
  };
}

/** The help page runs no script at all. */
export function helpPageCsp(): string {
  return contentSecurityPolicy(["'none'"], ["'none'"]);
}

function contentSecurityPolicy(scripts: readonly string[], connect: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}
