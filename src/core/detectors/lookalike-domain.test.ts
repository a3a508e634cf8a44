import type { DomainEdit, LookalikeFinding } from "../finding";
import {
  BUILT_IN_PUBLIC_DOMAINS,
  type DomainLists,
  compileDomainLists,
  findLookalikes,
} from "./lookalike-domain";
import { RANDERS, randers, to } from "../../../test/helpers/randers-lists";


function check(domainOrAddress: string, lists = randers): ReturnType<typeof findLookalikes> {
  const address = domainOrAddress.indexOf("@") === -1 ? `sagsbehandler@${domainOrAddress}` : domainOrAddress;
  return findLookalikes([to(address)], lists);
}

function only(domain: string, lists = randers): LookalikeFinding {
  const findings = check(domain, lists);
  expect(findings).toHaveLength(1);
  expect(findings[0]!.kind).toBe("lookalike-domain");
  return findings[0] as LookalikeFinding;
}

describe("Randers policy probes (docs/design/lookalike-domains.md §5): flagged", () => {
  it.each<[string, string, LookalikeFinding["target"], LookalikeFinding["reason"], DomainEdit | undefined]>([
    ["anders.dk", "randers.dk", "own", "typo", { op: "missing", char: "r" }],
    ["rander.dk", "randers.dk", "own", "typo", { op: "missing", char: "s" }],
    ["randres.dk", "randers.dk", "own", "typo", { op: "swapped", chars: "er" }],
    ["ranedrs.dk", "randers.dk", "own", "typo", { op: "swapped", chars: "de" }],
    ["randers.com", "randers.dk", "own", "tld-swap", { op: "other-suffix", from: "dk", to: "com" }],
    ["randers.dk.evil.com", "randers.dk", "own", "embedded-name", undefined],
    ["randers-dk.com", "randers.dk", "own", "embedded-name", undefined],
    ["randersdk.com", "randers.dk", "own", "embedded-name", undefined],
    ["randers.dk.co", "randers.dk", "own", "embedded-name", undefined],
    ["xn--rnders-iua.dk", "randers.dk", "own", "homoglyph", { op: "look-alike-characters" }],
    ["r\u0430nders.dk", "randers.dk", "own", "homoglyph", { op: "look-alike-characters" }],
    ["ranclers.dk", "randers.dk", "own", "homoglyph", { op: "look-alike-characters" }],
    ["rambers.dk", "randers.dk", "own", "typo", { op: "several" }],
    ["randerskommune.dk", "randers.dk", "own", "affix", { op: "added-word", word: "kommune" }],
    ["borger.com", "borger.dk", "trusted", "tld-swap", { op: "other-suffix", from: "dk", to: "com" }],
    ["borgger.dk", "borger.dk", "trusted", "typo", { op: "extra", char: "g" }],
    ["sakt.dk", "skat.dk", "trusted", "typo", { op: "swapped", chars: "ka" }],
    ["pol1ti.dk", "politi.dk", "trusted", "homoglyph", { op: "look-alike-characters" }],
    ["skat.dk.dk", "skat.dk", "trusted", "embedded-name", undefined],
  ])("%s resembles %s (%s, %s)", (domain, resembles, target, reason, edit) => {
    const finding = only(domain);
    expect(finding).toMatchObject({ resembles, target, reason, field: "to" });
    expect(finding.edit).toEqual(edit);
    expect(finding.suggestion).toBe(`sagsbehandler@${resembles}`);
  });
});

describe("Randers policy probes (docs/design/lookalike-domains.md §5): not flagged", () => {
  it.each(["mail.randers.dk", "vejen.dk", "aarhus.dk", "kl.dk", "randers.dk", "RANDERS.DK", "randers.dk."])("%s", (domain) => {
    expect(check(domain)).toEqual([]);
  });
});

describe("more structural rules from the brief", () => {
  it.each<[string, LookalikeFinding["reason"]]>([
    ["ran.ders.dk", "split-label"],
    ["r.anders.dk", "split-label"],
    ["randers-login.dk", "affix"],
    ["mitranders.dk", "affix"],
    ["randers-sikkermail.com", "affix"],
    ["randers.eu", "tld-swap"],
    ["randers.co.uk", "tld-swap"],
    ["mail.randers.com", "tld-swap"],
    ["randers-dk.evil.com", "embedded-name"],
    ["mail.randers.dk.evil.com", "embedded-name"],
    ["randersdk.dk", "embedded-name"],
    // The name as a domain under another public suffix inside someone else's host.
    ["randers.com.evil.net", "embedded-name"],
    ["randers.co.uk.evil.net", "embedded-name"],
    ["www.randers.eu.login-portal.com", "embedded-name"],
    ["randers.com.dk", "embedded-name"],
    ["ran-ders.dk.evil.com", "embedded-name"],
    ["ran-ders.dk", "typo"],
    ["randerd.dk", "typo"],
    ["rander.com", "typo"],
  ])("%s → %s", (domain, reason) => {
    expect(only(domain)).toMatchObject({ resembles: "randers.dk", target: "own", reason });
  });

  it("the name as a plain subdomain label, or before a word that is no public suffix, is not embedded", () => {
    // Tenant hosts of a service (randers.example-portal.com) name their customer; nothing there
    // looks like the protected domain itself.
    for (const d of ["randers.evil.net", "randers.kommune.evil.net", "randers.mail.example.com", "post.randers-net.com"]) {
      expect(check(d).filter((f) => f.kind === "lookalike-domain" && f.reason === "embedded-name")).toEqual([]);
    }
  });

  it("in one host, the name with its own suffix wins over a name under another suffix", () => {
    const two = compileDomainLists({ own: ["randers.dk", "vejle.dk"], trusted: [] });
    expect(only("randers.com.vejle.dk.evil.net", two)).toMatchObject({ reason: "embedded-name", resembles: "vejle.dk" });
    expect(only("vejle.com.randers.dk.evil.net", two)).toMatchObject({ reason: "embedded-name", resembles: "randers.dk" });
  });

  it("the finding for a subdomain or embedded look-alike suggests the plain resembled domain", () => {
    expect(only("jens@mail.randers.dk.evil.com").suggestion).toBe("jens@randers.dk");
    expect(only("jens@sub.anders.dk").suggestion).toBe("jens@randers.dk");
  });

  it("keeps the header (ASCII) form for display and adds the Unicode form for IDNs", () => {
    expect(only("a@xn--rnders-iua.dk")).toMatchObject({ domain: "xn--rnders-iua.dk", domainUnicode: "rånders.dk" });
    expect(only("a@rånders.dk")).toMatchObject({ domain: "xn--rnders-iua.dk", domainUnicode: "rånders.dk" });
    expect(only("a@r\u0430nders.dk")).toMatchObject({ domain: "xn--rnders-3nf.dk", domainUnicode: "r\u0430nders.dk" });
    expect(only("a@anders.dk").domainUnicode).toBeUndefined();
  });

  it("reports which field the recipient was in and keeps the address as given", () => {
    const findings = findLookalikes(
      [
        { address: "A@anders.dk", field: "cc" },
        { address: "b@randers.dk", field: "to" },
        { address: "c@rander.dk", field: "bcc" },
      ],
      randers,
    );
    expect(findings.map((f) => [f.recipient, f.field])).toEqual([
      ["A@anders.dk", "cc"],
      ["c@rander.dk", "bcc"],
    ]);
  });
});

describe("short labels: only a single typing slip counts (n ≤ 3)", () => {
  const kk = compileDomainLists({ own: ["kk.dk"], trusted: [], useBuiltInList: false });
  it.each(["k.dk", "kkk.dk", "jk.dk", "kj.dk", "k-k.dk", "kjk.dk"])("%s is flagged for kk.dk", (domain) => {
    expect(only(domain, kk)).toMatchObject({ resembles: "kk.dk", reason: "typo" });
  });
  it.each(["kka.dk", "ak.dk", "abc.dk", "kj.com"])("%s is not", (domain) => {
    expect(check(domain, kk)).toEqual([]);
  });
  it("ok.dk (a real company) is flagged for kk.dk only when no list says it is legitimate", () => {
    expect(only("ok.dk", kk).resembles).toBe("kk.dk");
    const withKnown = compileDomainLists({ own: ["kk.dk"], trusted: [], useBuiltInList: false, known: ["ok.dk"] });
    expect(check("ok.dk", withKnown)).toEqual([]);
  });
});

describe("legitimate near pairs stay quiet when both are known", () => {
  it.each([
    ["vejle.dk", "vejen.dk"],
    ["vejen.dk", "vejle.dk"],
    ["kk.dk", "kl.dk"],
    ["kl.dk", "kk.dk"],
    ["rm.dk", "rn.dk"],
    ["sonderborg.dk", "skanderborg.dk"],
    ["regionh.dk", "regioner.dk"],
    ["skat.dk", "star.dk"],
    ["sst.dk", "dst.dk"],
    ["nyborg.dk", "viborg.dk"],
  ])("own %s, recipient %s", (own, recipient) => {
    expect(check(recipient, compileDomainLists({ own: [own], trusted: [] }))).toEqual([]);
  });

  it("without the built-in list the short pairs would warn: the allowlist is what keeps them quiet", () => {
    const bare = compileDomainLists({ own: ["kk.dk"], trusted: [], useBuiltInList: false });
    expect(only("kl.dk", bare)).toMatchObject({ resembles: "kk.dk", reason: "typo", edit: { op: "replaced", from: "k", to: "l" } });
    expect(check("vejen.dk", compileDomainLists({ own: ["vejle.dk"], trusted: [], useBuiltInList: false }))).toEqual([]);
  });

  it("an admin's extra known domain is never flagged", () => {
    const lists = compileDomainLists({ own: ["randers.dk"], trusted: [], known: ["rander.dk"] });
    expect(check("rander.dk", lists)).toEqual([]);
    expect(check("post.rander.dk", lists)).toEqual([]);
    expect(check("anders.dk", lists)).toHaveLength(1);
  });
});

describe("own, trusted and known domains and their subdomains are never flagged", () => {
  it.each([
    "randers.dk", "mail.randers.dk", "a.b.c.randers.dk", "skat.dk", "post.skat.dk", "borger.dk",
    "silkeborg.dk", "intern.silkeborg.dk", "faxekommune.dk", "rk.dk",
  ])("%s", (domain) => {
    expect(check(domain)).toEqual([]);
  });

  it("an own domain given as a subdomain protects that host, and its registrable parent is not a look-alike of it", () => {
    const lists = compileDomainLists({ own: ["mail.example-kommune.dk"], trusted: [], useBuiltInList: false });
    expect(check("mail.example-kommune.dk", lists)).toEqual([]);
    expect(check("x.mail.example-kommune.dk", lists)).toEqual([]);
    expect(check("example-kommune.dk", lists)).toEqual([]);
    expect(only("example-kommune.com", lists).reason).toBe("tld-swap");
  });
});

describe("secondary targets: the built-in list as look-alike targets (labels ≥ 4)", () => {
  it("silkebrog.dk resembles silkeborg.dk (target known)", () => {
    expect(only("silkebrog.dk")).toMatchObject({
      resembles: "silkeborg.dk",
      target: "known",
      reason: "typo",
      edit: { op: "swapped", chars: "or" },
      suggestion: "sagsbehandler@silkeborg.dk",
    });
  });

  it.each([["vardekommune.com", "tld-swap"], ["sundhedsdatastyrelsn.dk", "typo"], ["familieretshuset.dk.eu", "embedded-name"]])(
    "%s → %s",
    (domain, reason) => {
      expect(only(domain)).toMatchObject({ target: "known", reason });
    },
  );

  it("short public labels are not secondary targets (hk.dk would otherwise warn as htk.dk)", () => {
    expect(check("hk.dk")).toEqual([]);
    expect(check("dsr.dk")).toEqual([]);
    expect(check("kkk.dk")).toEqual([]);
  });

  it("an own or trusted match outranks a known one", () => {
    // randers vs the known 'rander'-like targets: only randers.dk (own) is reported
    expect(only("randders.dk")).toMatchObject({ resembles: "randers.dk", target: "own" });
  });

  it("can be switched off", () => {
    const lists = compileDomainLists({ ...RANDERS, secondaryTargets: false });
    expect(check("silkebrog.dk", lists)).toEqual([]);
    expect(check("silkeborg.dk", lists)).toEqual([]); // still known-legitimate
  });

  it("useBuiltInList: false drops both the allowlist and the targets", () => {
    const lists = compileDomainLists({ ...RANDERS, useBuiltInList: false });
    expect(check("silkebrog.dk", lists)).toEqual([]);
    expect(only("dm.dk", lists).resembles).toBe("rm.dk");
  });
});

describe("common legitimate recipients are not flagged", () => {
  it.each([
    "gmail.com", "hotmail.com", "outlook.dk", "3f.dk", "foa.dk", "hk.dk", "politiken.dk", "dr.dk",
    "randersspildevand.dk", "aarhusvand.dk", "danskebank.dk", "e-boks.dk", "jp.dk", "tv2.dk",
  ])("%s", (domain) => {
    expect(check(domain)).toEqual([]);
  });

  it("dm.dk (a union) resembles trusted rm.dk: a known limit of 2-letter names (docs/design/lookalike-domains.md §5)", () => {
    expect(only("dm.dk")).toMatchObject({ resembles: "rm.dk", target: "trusted" });
  });
});

describe("invalid recipient addresses are reported, never passed", () => {
  it.each([
    "", "no-at-sign", "user@", "@randers.dk", "user@randers..dk", "user@ran ders.dk", "user@dk",
    "user@[10.0.0.1]", "user@10.0.0.1", "user@ran\u200bders.dk", "user@co.uk", "user@xn--.dk",
  ])("%j", (address) => {
    expect(findLookalikes([{ address, field: "cc" }], randers)).toEqual([{ kind: "invalid-recipient", recipient: address, field: "cc" }]);
  });
});

describe("history (confirmed domains) is a modifier, never a whitelist for own look-alikes", () => {
  it("a confirmed look-alike of an OWN domain is still flagged (the Randers staff mailed anders.dk for years)", () => {
    const lists = compileDomainLists({ ...RANDERS, confirmed: ["anders.dk", "rander.dk"] });
    expect(only("anders.dk", lists)).toMatchObject({ resembles: "randers.dk", target: "own" });
    expect(only("post.rander.dk", lists)).toMatchObject({ resembles: "randers.dk", target: "own" });
  });

  it("a confirmed look-alike of a TRUSTED domain is dropped", () => {
    expect(only("borger.com")).toMatchObject({ target: "trusted" });
    const lists = compileDomainLists({ ...RANDERS, confirmed: ["borger.com"] });
    expect(check("borger.com", lists)).toEqual([]);
    expect(check("mail.borger.com", lists)).toEqual([]);
    expect(only("borgger.dk", lists).resembles).toBe("borger.dk"); // only what was confirmed
  });

  it("a confirmed look-alike of a known public domain is dropped", () => {
    const lists = compileDomainLists({ ...RANDERS, confirmed: ["silkebrog.dk"] });
    expect(check("silkebrog.dk", lists)).toEqual([]);
  });

  it("when a domain resembles both an own and a trusted domain, the own match wins and is not silenced", () => {
    const lists = compileDomainLists({ own: ["vejle.dk"], trusted: ["vejle.com"], useBuiltInList: false, confirmed: ["vejle.eu"] });
    expect(only("vejle.eu", lists)).toMatchObject({ resembles: "vejle.dk", target: "own" });
  });
});

describe("list entries are normalised", () => {
  it("accepts @domain, *.domain, upper case, trailing dots and IDNs; skips entries that are not domains", () => {
    const lists = compileDomainLists({ own: ["@RANDERS.DK.", "not a domain", ""], trusted: ["*.skat.dk", "xn--rnders-iua.dk"], useBuiltInList: false });
    expect(check("randers.dk", lists)).toEqual([]);
    expect(check("mail.skat.dk", lists)).toEqual([]);
    expect(check("rånders.dk", lists)).toEqual([]);
    expect(only("anders.dk", lists).target).toBe("own");
  });

  it("an own domain with Danish letters is matched in both spellings", () => {
    const lists = compileDomainLists({ own: ["sorø.dk"], trusted: [], useBuiltInList: false });
    expect(only("soroe.dk", lists)).toMatchObject({ resembles: "sorø.dk", reason: "homoglyph" });
    expect(only("soro.dk", lists)).toMatchObject({ resembles: "sorø.dk", reason: "homoglyph" });
    expect(only("sorø.com", lists)).toMatchObject({ reason: "tld-swap" });
  });
});

describe("the built-in list", () => {
  it("holds all 98 municipalities' main domains, the 5 regions and state bodies, once each", () => {
    const set = new Set(BUILT_IN_PUBLIC_DOMAINS);
    expect(set.size).toBe(BUILT_IN_PUBLIC_DOMAINS.length);
    for (const d of ["randers.dk", "kk.dk", "aarhus.dk", "brk.dk", "rk.dk", "balk.dk", "egekom.dk", "aeroekommune.dk", "vesthimmerland.dk"]) {
      expect(set.has(d)).toBe(true);
    }
    for (const d of ["regionh.dk", "regionsjaelland.dk", "rsyd.dk", "rm.dk", "rn.dk"]) expect(set.has(d)).toBe(true);
    for (const d of ["skat.dk", "borger.dk", "politi.dk", "ism.dk", "sundhedsdata.dk"]) expect(set.has(d)).toBe(true);
  });

  it("leaves out the entries review could not confirm", () => {
    for (const d of ["egedal.dk", "rodovre.dk", "aeroe.dk", "ank.dk"]) expect(BUILT_IN_PUBLIC_DOMAINS).not.toContain(d);
  });
});

describe("look-alikes a human eye confuses (issue: multi-letter homoglyphs)", () => {
  it.each<[string, string]>([
    ["ramclers.dk", "randers.dk"],
    ["sumclhed.dk", "sundhed.dk"],
    ["ldorger.dk", "borger.dk"],
    ["lborger.dk", "borger.dk"],
    ["ranclers.dk", "randers.dk"],
    ["sundhecl.dk", "sundhed.dk"],
    ["po1iti.dk", "politi.dk"],
    ["sk0t.dk", "skat.dk"],
    ["daiatilsynet.dk", "datatilsynet.dk"],
  ])("%s is flagged as a look-alike of %s", (typed, intended) => {
    expect(only(typed).resembles).toBe(intended);
  });

  it("ii reads as u in the skeleton", () => {
    const lists: DomainLists = { own: ["kultur.dk"], trusted: [] };
    expect(only("kiiltur.dk", compileDomainLists(lists)).resembles).toBe("kultur.dk");
  });

  it("the long-name distance: two edits for names over 8 letters (fredriksbreg.dk for frederiksberg.dk)", () => {
    const lists = compileDomainLists({ own: ["frederiksberg.dk"], trusted: [] });
    expect(only("fredriksbreg.dk", lists)).toMatchObject({ resembles: "frederiksberg.dk", reason: "typo" });
    // …and one for names up to 8 letters: two edits on an 8-letter name is another name.
    expect(check("vidrbrog.dk", compileDomainLists({ own: ["viborg.dk"], trusted: [] }))).toEqual([]);
  });

  it.each<[string, string]>([
    ["rregionh.dk", "regionh.dk"], // the first letter doubled, with "region" compared apart
    ["tregionh.dk", "regionh.dk"], // a neighbouring key in front
    ["regionnsjaelland.dk", "regionsjaelland.dk"],
    ["eborger.dk", "borger.dk"], // a service prefix
    ["mstar.dk", "star.dk"],
    ["skot.dk", "skat.dk"], // a vowel for a vowel on four letters
    ["mltld.dk", "mitid.dk"], // two look-alikes on five letters
    ["udatatilsynet.dk", "datatilsynet.dk"],
  ])("slip-shaped: %s is flagged as a look-alike of %s", (typed, intended) => {
    const lists = compileDomainLists({ own: ["randers.dk"], trusted: ["borger.dk", "skat.dk", "star.dk", "mitid.dk", "datatilsynet.dk", "regionh.dk", "regionsjaelland.dk"] });
    expect(only(typed, lists).resembles).toBe(intended);
  });

  it("a far key in front is quiet whatever the name holds: xranders.dk and xkolding.dk alike (no look-alike reading of ld)", () => {
    const lists = compileDomainLists({ own: ["randers.dk", "kolding.dk"], trusted: [] });
    expect(check("xranders.dk", lists)).toEqual([]);
    expect(check("xkolding.dk", lists)).toEqual([]);
    // …while a real look-alike plus a slip still is one.
    expect(only("ramclers.dk", lists).resembles).toBe("randers.dk");
  });

  it("a slip's shape is judged on the whole name: two half-cost slips in vejle of vejlekommune.dk are flagged", () => {
    // venoe.dk is no slip of vejle.dk (two of five letters), but with "kommune" on both it is.
    const lists = compileDomainLists({ own: ["vejlekommune.dk"], trusted: [] });
    expect(only("venoekommune.dk", lists)).toMatchObject({ resembles: "vejlekommune.dk", reason: "typo" });
    expect(check("venoe.dk", compileDomainLists({ own: ["vejle.dk"], trusted: [] }))).toEqual([]);
  });

  it.each(["vejen.dk", "kl.dk", "ok.dk", "vejle.dk"])("no alarm on the real neighbour %s", (domain) => {
    const lists = compileDomainLists({ own: ["vejle.dk"], trusted: ["kl.dk"], known: ["vejen.dk"] });
    expect(check(domain, lists)).toEqual([]);
  });
});
