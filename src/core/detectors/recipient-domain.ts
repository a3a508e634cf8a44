/**
 * Turning a recipient address (or a policy list entry) into a checked host name, and splitting a
 * host into subdomain / registrable label / public suffix with the Public Suffix List (ICANN
 * section, via tldts). docs/design/lookalike-domains.md §5 steps 1–3.
 *
 * Everything is compared in lower-case NFC Unicode; the ASCII (punycode) form is kept because it
 * is what the header carries and what a warning should show next to the Unicode form.
 */
import { decode, encode } from "punycode/";
import { parse } from "tldts";
import { normalizeLabel } from "./confusables";

export interface HostName {
  /** Lower-case ASCII form, IDN labels as `xn--…`: what the mail server sees. */
  readonly ascii: string;
  /** Lower-case NFC Unicode form: what every comparison uses. */
  readonly unicode: string;
  /** The Unicode labels, left to right. */
  readonly labels: readonly string[];
}

export interface SplitHost extends HostName {
  /** Unicode labels left of the registrable label (`["mail"]` for mail.randers.dk). */
  readonly sub: readonly string[];
  /** The registrable label in Unicode (`randers`). */
  readonly label: string;
  /** The public suffix in Unicode (`dk`, `co.uk`). */
  readonly suffix: string;
  /** `label.suffix`. */
  readonly registrable: string;
}

export type ParsedAddress =
  | { readonly ok: true; readonly local: string; readonly host: HostName }
  | { readonly ok: false };

const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/** Dots IDNA (UTS #46) treats as label separators: ideographic, fullwidth and halfwidth full stops. */
const IDNA_DOTS = /[\u3002\uff0e\uff61]/g;

/**
 * Checks an address: the part after the last `@` must be a valid host name. Display-name wrappers
 * (`Name <a@b>`) and surrounding whitespace are tolerated; anything else that is not a host is
 * `{ ok: false }`, which the detector reports (never a silent pass).
 */
export function parseAddress(address: string): ParsedAddress {
  let text = address.trim();
  const open = text.lastIndexOf("<");
  if (open !== -1 && text.charAt(text.length - 1) === ">") text = text.slice(open + 1, -1).trim();
  const at = text.lastIndexOf("@");
  if (at <= 0) return { ok: false };
  const host = parseHost(text.slice(at + 1));
  return host ? { ok: true, local: text.slice(0, at), host } : { ok: false };
}

/**
 * A host name in both forms, or `undefined` when it is not one: empty labels, characters a host
 * cannot hold (spaces, zero-width or control characters, symbols), bad `xn--` labels, address
 * literals (`[1.2.3.4]`), bare IPv4 numbers, or a single label (no mail domain is one).
 */
export function parseHost(input: string): HostName | undefined {
  let text = input.trim().replace(IDNA_DOTS, ".");
  if (text.charAt(text.length - 1) === ".") text = text.slice(0, -1);
  if (text === "" || text.length > MAX_HOST_LENGTH * 4) return undefined;
  const raw = text.split(".");
  if (raw.length < 2) return undefined;
  const labels: string[] = [];
  const asciiLabels: string[] = [];
  for (const part of raw) {
    const converted = convertLabel(part);
    if (!converted) return undefined;
    labels.push(converted.unicode);
    asciiLabels.push(converted.ascii);
  }
  if (/^[0-9]+$/.test(asciiLabels[asciiLabels.length - 1]!)) return undefined;
  const ascii = asciiLabels.join(".");
  if (ascii.length > MAX_HOST_LENGTH) return undefined;
  return { ascii, unicode: labels.join("."), labels };
}

/**
 * A policy list entry (`randers.dk`, `@randers.dk`, `*.randers.dk`, `RANDERS.DK.`) as a host,
 * or `undefined` when it is not a domain. parsePolicy can use this to name the bad field.
 */
export function normalizeDomainEntry(entry: string): HostName | undefined {
  let text = entry.trim();
  if (text.charAt(0) === "@") text = text.slice(1);
  else if (text.slice(0, 2) === "*.") text = text.slice(2);
  return parseHost(text);
}

/**
 * The registrable split by the Public Suffix List's ICANN section. `undefined` when the host is
 * itself a public suffix (`co.uk`), which no one can receive mail at.
 */
export function splitHost(host: HostName): SplitHost | undefined {
  const parsed = parse(host.ascii, { allowPrivateDomains: false, extractHostname: false, validateHostname: false });
  if (!parsed.domain || !parsed.publicSuffix) return undefined;
  const suffixCount = parsed.publicSuffix.split(".").length;
  const labelIndex = host.labels.length - suffixCount - 1;
  if (labelIndex < 0) return undefined;
  const label = host.labels[labelIndex]!;
  const suffix = host.labels.slice(labelIndex + 1).join(".");
  return { ...host, sub: host.labels.slice(0, labelIndex), label, suffix, registrable: `${label}.${suffix}` };
}

function convertLabel(part: string): { unicode: string; ascii: string } | undefined {
  const lower = part.toLowerCase();
  if (lower.slice(0, 4) === "xn--") {
    if (!ASCII_LABEL.test(lower) || lower.length > MAX_LABEL_LENGTH) return undefined;
    let decoded: string;
    try {
      decoded = decode(lower.slice(4));
    } catch {
      return undefined;
    }
    const unicode = normalizeLabel(decoded);
    // Only the canonical encoding of a label that really has non-ASCII letters is a valid A-label.
    if (!hasNonAscii(unicode) || !isHostLabelText(unicode) || `xn--${encode(unicode)}` !== lower) return undefined;
    return { unicode, ascii: lower };
  }
  const unicode = normalizeLabel(part);
  if (!isHostLabelText(unicode)) return undefined;
  if (!hasNonAscii(unicode)) return ASCII_LABEL.test(unicode) && unicode.length <= MAX_LABEL_LENGTH ? { unicode, ascii: unicode } : undefined;
  let ascii: string;
  try {
    ascii = `xn--${encode(unicode)}`;
  } catch {
    return undefined;
  }
  if (ascii.length > MAX_LABEL_LENGTH || unicode.charAt(0) === "-" || unicode.charAt(unicode.length - 1) === "-") return undefined;
  return { unicode, ascii };
}

/**
 * Letters, digits and hyphens in ASCII; any non-ASCII character except the invisible, spacing and
 * punctuation blocks a registry would refuse (soft hyphen, zero-width joiners, U+2010 hyphens…).
 */
function isHostLabelText(label: string): boolean {
  if (label === "") return false;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c < 0x80) {
      const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
      if (!ok) return false;
    } else if (
      c <= 0xbf ||
      c === 0xd7 ||
      c === 0xf7 ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xfe00 && c <= 0xfe0f) ||
      c === 0xfeff ||
      c >= 0xfff0
    ) {
      return false;
    }
  }
  return true;
}

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}
