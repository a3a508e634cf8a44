import { directoryOf, policyUrl, runtimeBaseUrl } from "./policy-url";

describe("policy URL", () => {
  it.each([
    ["https://h.dk/postvagt/launchevent.js", "https://h.dk/postvagt"],
    ["https://h.dk/launchevent.js?v=2#x", "https://h.dk"],
    ["https://h.dk/a/b/commands.html", "https://h.dk/a/b"],
    ["file:///c/launchevent.js", undefined],
  ])("directoryOf(%s) = %s", (url, dir) => {
    expect(directoryOf(url)).toBe(dir);
  });

  it("prefers the running script, then the page", () => {
    expect(runtimeBaseUrl({ currentScript: { src: "https://a.dk/x/launchevent.js" }, location: { href: "https://b.dk/y/page.html" } })).toBe("https://a.dk/x");
    expect(runtimeBaseUrl({ currentScript: null, location: { href: "https://b.dk/y/page.html" } })).toBe("https://b.dk/y");
  });

  it("has no base without a document or a build-time URL (jest defines none)", () => {
    expect(runtimeBaseUrl({})).toBeUndefined();
  });

  it("policy.json sits next to the pages", () => {
    expect(policyUrl("https://h.dk/postvagt/")).toBe("https://h.dk/postvagt/policy.json");
    expect(policyUrl(undefined)).toBeUndefined();
  });
});
