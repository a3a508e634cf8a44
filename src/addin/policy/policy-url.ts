/**
 * Where policy.json lives: next to the add-in's pages. In a browser runtime (commands.html, the
 * task pane) the page's own URL tells us; in classic Outlook's JavaScript-only runtime there is no
 * document, so the build bakes in ADDIN_BASE_URL (scripts/webpack/addin.js defines
 * __POSTVAGT_BASE_URL__). Relative URLs are not an option: that runtime does not resolve them.
 */

declare const __POSTVAGT_BASE_URL__: string | undefined;

/** The build-time base URL, when the bundle was built by webpack. */
export function buildBaseUrl(): string | undefined {
  return typeof __POSTVAGT_BASE_URL__ === "string" && __POSTVAGT_BASE_URL__ !== "" ? __POSTVAGT_BASE_URL__ : undefined;
}

/** The directory of a script or page URL: "https://h/p/launchevent.js" → "https://h/p". */
export function directoryOf(url: string): string | undefined {
  const clean = url.split("#")[0]!.split("?")[0]!;
  if (!/^https?:\/\/[^/]+/i.test(clean)) return undefined;
  const slash = clean.lastIndexOf("/");
  return slash > clean.indexOf("//") + 1 ? clean.slice(0, slash) : clean;
}

interface DocumentLike {
  readonly currentScript?: { readonly src?: string } | null;
  readonly location?: { readonly href?: string };
}

/**
 * The add-in's base URL as this runtime sees it. Call it while the bundle evaluates: only then is
 * document.currentScript the bundle's own <script>.
 */
export function runtimeBaseUrl(doc: DocumentLike | undefined = (globalThis as { document?: DocumentLike }).document): string | undefined {
  const fromScript = doc?.currentScript?.src ? directoryOf(doc.currentScript.src) : undefined;
  if (fromScript) return fromScript;
  const fromPage = doc?.location?.href ? directoryOf(doc.location.href) : undefined;
  return fromPage ?? buildBaseUrl();
}

export function policyUrl(baseUrl: string | undefined): string | undefined {
  return baseUrl ? `${baseUrl.replace(/\/+$/, "")}/policy.json` : undefined;
}
