/**
 * Host names, checked label by label: the one place that says what a mail domain may look like.
 * `address-domain.ts` builds every domain and address normaliser of the product on it (the policy's
 * lists, the secure route, the sender's domain, the look-alike rule's recipients).
 * docs/design/lookalike-domains.md §5 steps 1–2.
 *
 * Everything is compared in lower-case NFC Unicode; the ASCII (punycode) form is kept because it
 * is what the header carries and what a warning should show next to the Unicode form.
 */
import { decode, encode } from "punycode/";
import { normalizeLabel } from "./detectors/confusables";

export interface HostName {
  /** Lower-case ASCII form, IDN labels as `xn--…`: what the mail server sees. */
  readonly ascii: string;
  /** Lower-case NFC Unicode form: what every comparison uses. */
  readonly unicode: string;
  /** The Unicode labels, left to right. */
  readonly labels: readonly string[];
}

export const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/** Dots IDNA (UTS #46) treats as label separators: ideographic, fullwidth and halfwidth full stops. */
const IDNA_DOTS = /[\u3002\uff0e\uff61]/g;

/**
 * True when `text` is two or more lower-case LDH labels (letters, digits, hyphens; 1–63 characters,
 * no hyphen first or last) joined by dots, at most 253 characters: RFC 1035's host name, checked
 * in one pass over the characters. Plain ASCII (nearly every list entry and address) needs nothing more.
 */
export function isLdhHost(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > MAX_HOST_LENGTH) return false;
  let labelStart = 0;
  let labels = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      const length = i - labelStart;
      if (length === 0 || length > MAX_LABEL_LENGTH) return false;
      if (text.charCodeAt(labelStart) === 0x2d || text.charCodeAt(i - 1) === 0x2d) return false;
      labels++;
      labelStart = i + 1;
    } else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) {
      return false;
    }
  }
  return labels >= 2;
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
  // The common case in one pass: lower-case LDH labels, none an A-label, a TLD that is not a number.
  if (isLdhHost(text) && text.indexOf("xn--") === -1 && !/\.[0-9]+$/.test(text)) return { ascii: text, unicode: text, labels: text.split(".") };
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
