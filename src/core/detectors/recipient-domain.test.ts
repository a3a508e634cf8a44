import { normalizeDomainEntry, parseAddress, parseHost } from "../address-domain";
import { splitHost } from "./recipient-domain";

describe("parseAddress", () => {
  it.each([
    ["sagsbehandler@randers.dk", "sagsbehandler", "randers.dk", "randers.dk"],
    ["  Sagsbehandler@RANDERS.DK.  ", "Sagsbehandler", "randers.dk", "randers.dk"],
    ["Jens Jensen <jj@randers.dk>", "jj", "randers.dk", "randers.dk"],
    ['"odd@local"@randers.dk', '"odd@local"', "randers.dk", "randers.dk"], // the part after the LAST @
    ["a@xn--rnders-iua.dk", "a", "xn--rnders-iua.dk", "rånders.dk"],
    ["a@Rånders.dk", "a", "xn--rnders-iua.dk", "rånders.dk"],
    ["a@r\u0430nders.dk", "a", "xn--rnders-3nf.dk", "r\u0430nders.dk"],
    ["a@randers\u3002dk", "a", "randers.dk", "randers.dk"], // ideographic full stop is a dot in IDNA
  ])("%s", (address, local, ascii, unicode) => {
    const parsed = parseAddress(address);
    expect(parsed).toEqual({ ok: true, local, host: expect.objectContaining({ ascii, unicode }) });
  });

  it.each([
    [""],
    ["no-at-sign"],
    ["user@"],
    ["@randers.dk"],
    ["user@.dk"],
    ["user@randers..dk"],
    ["user@-randers.dk"],
    ["user@randers-.dk"],
    ["user@ran ders.dk"],
    ["user@ran_ders.dk"],
    ["user@dk"],
    ["user@localhost"],
    ["user@[10.0.0.1]"],
    ["user@10.0.0.1"],
    ["user@ran\u200bders.dk"], // zero-width space
    ["user@ran\u00adders.dk"], // soft hyphen
    ["user@ran\u2010ders.dk"], // U+2010 hyphen that looks like "-"
    ["user@xn--.dk"],
    ["user@xn--zz--.dk"], // decodes, but to ASCII only: not a valid A-label
    ["user@xn--RNDERS-IUA-.dk"],
    [`user@${"a".repeat(64)}.dk`],
    [`user@${"abc.".repeat(70)}dk`],
  ])("%j is not an address with a host", (address) => {
    expect(parseAddress(address)).toEqual({ ok: false });
  });
});

describe("splitHost (Public Suffix List, ICANN section)", () => {
  it.each([
    ["randers.dk", [], "randers", "dk"],
    ["mail.randers.dk", ["mail"], "randers", "dk"],
    ["randers.dk.evil.com", ["randers", "dk"], "evil", "com"],
    ["randers.dk.co", ["randers"], "dk", "co"],
    ["randers.co.uk", [], "randers", "co.uk"],
    ["foo.blogspot.com", ["foo"], "blogspot", "com"], // private section ignored
    ["a.b.xn--rnders-iua.dk", ["a", "b"], "rånders", "dk"],
  ])("%s", (hostText, sub, label, suffix) => {
    const host = parseHost(hostText);
    expect(host).toBeDefined();
    expect(splitHost(host!)).toEqual(expect.objectContaining({ sub, label, suffix, registrable: `${label}.${suffix}` }));
  });

  it("a bare public suffix has no registrable domain", () => {
    expect(splitHost(parseHost("co.uk")!)).toBeUndefined();
  });
});

describe("normalizeDomainEntry (policy lists)", () => {
  it.each([
    ["randers.dk", "randers.dk"],
    ["@randers.dk", "randers.dk"],
    ["*.randers.dk", "randers.dk"],
    [" RANDERS.DK. ", "randers.dk"],
  ])("%j → %s", (entry, unicode) => {
    expect(normalizeDomainEntry(entry)?.unicode).toBe(unicode);
  });

  it.each([[""], ["randers"], ["http://randers.dk/"], ["randers dk"]])("%j is not a domain", (entry) => {
    expect(normalizeDomainEntry(entry)).toBeUndefined();
  });
});
