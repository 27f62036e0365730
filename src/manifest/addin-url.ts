/**
 * Where the add-in is served from: ADDIN_URL for a production build, else the development
 * server. Every manifest URL is built under this one base, so it must be an https URL
 * ending in "/" (a directory) with no query or fragment.
 */
export const DEV_BASE_URL = "https://localhost:3000/";

export interface AddinBase {
  /** Ends in "/": the directory holding taskpane.html, functions.js, assets/ … */
  readonly base: string;
  /** Scheme, host and port: what the page's own origin is. */
  readonly origin: string;
  /** ADDIN_URL was given: the add-in meant for users, not the sideloaded development copy. */
  readonly production: boolean;
}

export function parseAddinUrl(raw: string | undefined): AddinBase {
  if (raw === undefined || raw.trim() === "") {
    return { base: DEV_BASE_URL, origin: new URL(DEV_BASE_URL).origin, production: false };
  }
  const value = raw.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `ADDIN_URL "${value}" is not a URL. Give the https address dist/ is served from, e.g. https://rare.example.org/addin/`,
    );
  }
  if (url.protocol !== "https:")
    throw new Error(`ADDIN_URL "${value}" must use https: Office loads add-ins only over https.`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`ADDIN_URL "${value}" must be a plain directory address, without query, fragment or credentials.`);
  if (!url.pathname.endsWith("/"))
    throw new Error(`ADDIN_URL "${value}" must end with "/" (the directory dist/ is served from), e.g. ${value}/`);
  return { base: url.href, origin: url.origin, production: true };
}
