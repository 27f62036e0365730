/**
 * Structural check of manifest.xml. The official validator (office-addin-manifest
 * validate) posts the manifest to an online service and no XSD ships in any npm
 * package, so this checks offline what most often breaks sideloading: well-formed XML,
 * every resid resolving, https URLs on one origin, a GUID id, a four-part version, the
 * shared-runtime wiring, the RARE namespace, and AppDomains naming only other origins
 * (the page's own is trusted already and <AppDomains> may not be empty:
 * https://learn.microsoft.com/javascript/api/manifest/appdomain).
 */
import { DOMParser, type Element as XmlElement, type Document as XmlDocument } from "@xmldom/xmldom";

export interface ManifestCheck {
  errors: string[];
  id?: string;
  version?: string;
  origin?: string;
  urls: Record<string, string>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){3}$/;

export function checkManifest(xml: string): ManifestCheck {
  const errors: string[] = [];
  const result: ManifestCheck = { errors, urls: {} };
  const doc = parse(xml, errors);
  if (!doc) return result;

  const all = (tag: string): XmlElement[] =>
    Array.from(doc.getElementsByTagName(tag) as unknown as ArrayLike<XmlElement>);
  const text = (tag: string): string | undefined => all(tag)[0]?.textContent?.trim();

  result.id = text("Id");
  result.version = text("Version");
  if (!result.id || !GUID.test(result.id)) errors.push(`<Id> must be a GUID, got "${result.id ?? ""}".`);
  if (!result.version || !VERSION.test(result.version))
    errors.push(`<Version> must look like 1.0.0.0, got "${result.version ?? ""}".`);

  // Resources: every id that a resid may point at, by kind.
  const resources = new Map<string, { kind: string; value: string }>();
  for (const kind of ["bt:Image", "bt:Url", "bt:String"]) {
    for (const el of all(kind)) {
      const id = el.getAttribute("id");
      if (!id) continue;
      if (resources.has(id)) errors.push(`Resource id "${id}" is defined twice.`);
      resources.set(id, { kind, value: el.getAttribute("DefaultValue") ?? "" });
    }
  }
  for (const el of all("*")) {
    const resid = el.getAttribute("resid");
    if (resid !== null && resid !== "" && !resources.has(resid))
      errors.push(`<${el.tagName} resid="${resid}"> does not resolve to a resource.`);
  }

  // Every URL (resources and DefaultValue attributes) is https on one origin.
  const origins = new Set<string>();
  const checkUrl = (where: string, value: string) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      errors.push(`${where}: "${value}" is not a URL.`);
      return;
    }
    if (url.protocol !== "https:") errors.push(`${where}: "${value}" must use https.`);
    origins.add(url.origin);
  };
  for (const [id, r] of resources) {
    if (r.kind === "bt:Url" || r.kind === "bt:Image") {
      checkUrl(`Resource ${id}`, r.value);
      if (r.kind === "bt:Url") result.urls[id] = r.value;
    }
  }
  for (const tag of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]) {
    for (const el of all(tag)) {
      const value = el.getAttribute("DefaultValue");
      if (value) checkUrl(`<${tag}>`, value);
    }
  }
  if (origins.size > 1) errors.push(`URLs span several origins (${[...origins].join(", ")}); use one.`);
  result.origin = [...origins][0];
  checkAppDomains(all, result.origin, errors);

  checkSharedRuntime(all, resources, errors);
  return result;
}

function checkAppDomains(all: All, origin: string | undefined, errors: string[]): void {
  const lists = all("AppDomains");
  if (lists.length && all("AppDomain").length === 0) errors.push("<AppDomains> may not be empty: leave it out.");
  for (const el of all("AppDomain")) {
    const value = el.textContent?.trim() ?? "";
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      errors.push(`<AppDomain>: "${value}" is not a URL.`);
      continue;
    }
    if (url.protocol !== "https:") errors.push(`<AppDomain>: "${value}" must use https.`);
    if (url.origin === origin)
      errors.push(`<AppDomain> ${value} is the page's own origin, which Office trusts already: leave it out.`);
    else if (value.replace(/\/$/, "") !== url.origin)
      errors.push(`<AppDomain> ${value} must be an origin only (scheme, host, port), no path or trailing "/".`);
  }
}

function parse(xml: string, errors: string[]): XmlDocument | undefined {
  const problems: string[] = [];
  let doc: XmlDocument | undefined;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") problems.push(message);
      },
    }).parseFromString(xml, "text/xml");
  } catch (e) {
    // xmldom throws on fatal errors (e.g. unclosed tags) after reporting them.
    problems.push(e instanceof Error ? e.message : String(e));
  }
  if (problems.length || !doc) {
    errors.push(`manifest.xml is not well-formed XML: ${problems[0]}`);
    return undefined;
  }
  return doc;
}

type All = (tag: string) => XmlElement[];

function checkSharedRuntime(all: All, resources: Map<string, { kind: string; value: string }>, errors: string[]): void {
  const hosts = all("Host").filter((h) => h.getAttribute("xsi:type") === "Workbook");
  if (hosts.length !== 1) {
    errors.push('VersionOverrides must declare exactly one <Host xsi:type="Workbook">.');
    return;
  }
  const host = hosts[0];
  const firstChild = Array.from(host.childNodes as unknown as ArrayLike<XmlElement>).find((n) => n.nodeType === 1);
  if (!firstChild || firstChild.tagName !== "Runtimes")
    errors.push("<Runtimes> must be the first element inside <Host>.");

  const runtimes = all("Runtime");
  if (runtimes.length !== 1 || runtimes[0].getAttribute("lifetime") !== "long")
    errors.push('Declare one <Runtime lifetime="long"> (shared runtime).');
  const runtimeUrl = runtimes[0]?.getAttribute("resid");

  const sourceOf = (parentTag: string): string | null | undefined => {
    const parent = all(parentTag).find(
      (p) => (p.parentNode as XmlElement | null)?.getAttribute?.("xsi:type") === "CustomFunctions",
    );
    return parent
      ? (parent.getElementsByTagName("SourceLocation")[0] as XmlElement | undefined)?.getAttribute("resid")
      : undefined;
  };
  const page = sourceOf("Page");
  const script = sourceOf("Script");
  const metadata = sourceOf("Metadata");
  const functionFile = all("FunctionFile")[0]?.getAttribute("resid");
  if (!page || page !== runtimeUrl || functionFile !== runtimeUrl) {
    errors.push(
      `Runtime, custom-functions Page and FunctionFile must share one Taskpane.Url (got runtime=${runtimeUrl}, page=${page}, functionFile=${functionFile}).`,
    );
  }
  const expectPath = (resid: string | null | undefined, file: string, what: string) => {
    const value = resid ? resources.get(resid)?.value : undefined;
    if (!value || !value.endsWith(`/${file}`))
      errors.push(`${what} must point at ${file} (got ${value ?? "nothing"}).`);
  };
  expectPath(runtimeUrl, "taskpane.html", "The runtime page");
  expectPath(script, "functions.js", "The custom-functions script");
  expectPath(metadata, "functions.json", "The custom-functions metadata");

  const ns = all("Namespace")[0]?.getAttribute("resid");
  const nsValue = ns ? resources.get(ns)?.value : undefined;
  if (nsValue !== "RARE") errors.push(`The custom-functions Namespace must be RARE (got ${nsValue ?? "nothing"}).`);

  const sets = all("Set").map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
  if (!sets.includes("SharedRuntime 1.1"))
    errors.push("Requirements must include SharedRuntime 1.1 (Excel on the web, Windows and Mac meet it).");

  const showTaskpane = all("Action").find((a) => a.getAttribute("xsi:type") === "ShowTaskpane");
  if (!showTaskpane) errors.push("The ribbon needs a button whose Action is ShowTaskpane.");
}
