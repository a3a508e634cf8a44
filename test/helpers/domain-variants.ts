/**
 * Test-only: seeded look-alike variants of a domain, one kind at a time, in the spirit of the
 * permutation kinds of the open-source dnstwist tool (https://github.com/elceef/dnstwist):
 * homoglyph, omission, insertion, replacement, transposition, repetition, bit-flip, TLD swap,
 * hyphenation and subdomain. Every variant differs from the domain it was made from.
 */
import { mulberry32 } from "./seeded-random";

export const VARIANT_KINDS = [
  "homoglyph",
  "omission",
  "insertion",
  "replacement",
  "transposition",
  "repetition",
  "bit-flip",
  "tld-swap",
  "hyphenation",
  "subdomain",
] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

/** Letters a reader takes for another: ASCII sequences and Unicode confusables. */
const HOMOGLYPHS: Readonly<Record<string, readonly string[]>> = {
  a: ["\u0430", "\u00e0"],
  b: ["lb", "ld", "\u0184"],
  c: ["\u0441"],
  d: ["cl", "\u0501"],
  e: ["\u0435", "\u00e9"],
  i: ["1", "l", "\u0456"],
  l: ["1", "i", "\u04cf"],
  m: ["rn", "\u043c"],
  n: ["\u0578"],
  o: ["0", "\u043e"],
  p: ["\u0440"],
  s: ["\u0455"],
  t: ["\u0442"],
  u: ["ii", "\u057d"],
  w: ["vv", "\u051d"],
  x: ["\u0445"],
  y: ["\u0443"],
};

/** QWERTY neighbours (the layout Danish keyboards share for these keys). */
const NEIGHBOURS: Readonly<Record<string, string>> = {
  q: "wa", w: "qeas", e: "wrsd", r: "etdf", t: "ryfg", y: "tugh", u: "yihj", i: "uojk", o: "ipkl", p: "ol",
  a: "qwsz", s: "awedxz", d: "serfcx", f: "drtgvc", g: "ftyhbv", h: "gyujnb", j: "huikmn", k: "jiolm", l: "kop",
  z: "asx", x: "zsdc", c: "xdfv", v: "cfgb", b: "vghn", n: "bhjm", m: "njk",
};

const OTHER_SUFFIXES = ["com", "net", "org", "eu", "nu", "co"];
const DNS_CHAR = /^[a-z0-9-]$/;

function pick<T>(list: readonly T[], rnd: () => number): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

/** The label and suffix of `domain` (label = the part before the first dot). */
function split(domain: string): { label: string; suffix: string } {
  const dot = domain.indexOf(".");
  return { label: domain.slice(0, dot), suffix: domain.slice(dot + 1) };
}

/** One variant of `domain` of `kind`, or undefined when the name has no room for it. */
export function variant(domain: string, kind: VariantKind, rnd: () => number): string | undefined {
  const { label, suffix } = split(domain);
  const n = label.length;
  const at = Math.floor(rnd() * n);
  const ch = label.charAt(at);
  const put = (l: string): string => `${l}.${suffix}`;
  switch (kind) {
    case "homoglyph": {
      const spots = [...label].map((c, i) => (HOMOGLYPHS[c] ? i : -1)).filter((i) => i >= 0);
      if (spots.length === 0) return undefined;
      const i = pick(spots, rnd);
      return put(label.slice(0, i) + pick(HOMOGLYPHS[label.charAt(i)] as readonly string[], rnd) + label.slice(i + 1));
    }
    case "omission":
      return n < 2 ? undefined : put(label.slice(0, at) + label.slice(at + 1));
    case "insertion": {
      const near = NEIGHBOURS[ch] ?? "a";
      return put(label.slice(0, at + 1) + pick([...near], rnd) + label.slice(at + 1));
    }
    case "replacement": {
      const near = NEIGHBOURS[ch];
      if (!near) return undefined;
      return put(label.slice(0, at) + pick([...near], rnd) + label.slice(at + 1));
    }
    case "transposition": {
      if (n < 2) return undefined;
      const i = Math.min(at, n - 2);
      if (label.charAt(i) === label.charAt(i + 1)) return undefined;
      return put(label.slice(0, i) + label.charAt(i + 1) + label.charAt(i) + label.slice(i + 2));
    }
    case "repetition":
      return put(label.slice(0, at + 1) + ch + label.slice(at + 1));
    case "bit-flip": {
      const flipped = String.fromCharCode(ch.charCodeAt(0) ^ (1 << Math.floor(rnd() * 7)));
      if (!DNS_CHAR.test(flipped) || flipped === ch) return undefined;
      return put(label.slice(0, at) + flipped + label.slice(at + 1));
    }
    case "tld-swap":
      return `${label}.${pick(OTHER_SUFFIXES.filter((s) => s !== suffix), rnd)}`;
    case "hyphenation":
      return n < 2 ? undefined : put(label.slice(0, 1 + (at % (n - 1))) + "-" + label.slice(1 + (at % (n - 1))));
    case "subdomain":
      return n < 2 ? undefined : put(label.slice(0, 1 + (at % (n - 1))) + "." + label.slice(1 + (at % (n - 1))));
  }
}

/** Up to `perDomain` distinct variants of each kind for each domain, seeded. */
export function variants(domains: readonly string[], kind: VariantKind, perDomain: number, seed: number): Array<{ source: string; variant: string }> {
  const rnd = mulberry32(seed);
  const out: Array<{ source: string; variant: string }> = [];
  for (const source of domains) {
    const seen = new Set<string>();
    for (let tries = 0; tries < perDomain * 10 && seen.size < perDomain; tries++) {
      const v = variant(source, kind, rnd);
      if (v === undefined || v === source || seen.has(v)) continue;
      seen.add(v);
      out.push({ source, variant: v });
    }
  }
  return out;
}
