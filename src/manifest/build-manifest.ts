/**
 * The manifest a build ships: manifest.xml (the development manifest, served from
 * https://localhost:3000/) with every URL moved under the build's base, the identity of
 * the build (production or development), and AppDomains holding only origins other than
 * the page's own. Office trusts the SourceLocation's own domain already; listing it again
 * has no effect, and <AppDomains> may not be empty
 * (https://learn.microsoft.com/javascript/api/manifest/appdomains,
 * https://learn.microsoft.com/javascript/api/manifest/appdomain).
 */
import { DEV_BASE_URL, type AddinBase } from "./addin-url";
import { checkManifest } from "./check-manifest";
import { DEVELOPMENT_IDENTITY, PRODUCTION_IDENTITY } from "./identity";

export function buildManifest(template: string, target: AddinBase): string {
  const identity = target.production ? PRODUCTION_IDENTITY : DEVELOPMENT_IDENTITY;
  let xml = template
    .split(DEV_BASE_URL)
    .join(target.base)
    .replace(/<Id>[^<]*<\/Id>/, `<Id>${identity.id}</Id>`)
    .replace(/<DisplayName DefaultValue="[^"]*"\s*\/>/, `<DisplayName DefaultValue="${identity.displayName}"/>`);
  xml = withoutOwnAppDomain(xml, target.origin);

  const { errors } = checkManifest(xml);
  const outside = allUrls(xml).filter((u) => !u.startsWith(target.base));
  if (outside.length) errors.push(`URLs outside ${target.base}: ${outside.join(", ")}`);
  if (errors.length) throw new Error(`The built manifest is invalid:\n  - ${errors.join("\n  - ")}`);
  return xml;
}

/** Drops <AppDomain>s equal to the page's origin, and <AppDomains> itself if nothing is left. */
function withoutOwnAppDomain(xml: string, origin: string): string {
  return xml.replace(/\s*<AppDomains>([\s\S]*?)<\/AppDomains>/, (whole, inner: string) => {
    const kept = [...inner.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)]
      .map((m) => m[1].trim())
      .filter((d) => d.replace(/\/$/, "") !== origin);
    if (kept.length === 0) return "";
    const indent = /^(\s*)/.exec(whole)?.[1] ?? "\n  ";
    return `${indent}<AppDomains>${kept.map((d) => `${indent}  <AppDomain>${d}</AppDomain>`).join("")}${indent}</AppDomains>`;
  });
}

/** Every http(s) URL in an attribute value: icons, pages, scripts, metadata, SupportUrl. */
export function allUrls(xml: string): string[] {
  return [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);
}
