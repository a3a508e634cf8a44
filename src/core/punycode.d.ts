/**
 * Types for the userland `punycode` package, which ships none. It is imported as "punycode/" (with the
 * trailing slash, as its README says) so Node never substitutes its deprecated built-in module.
 */
declare module "punycode/" {
  /** RFC 3492 decode of one label's payload (without "xn--"); throws RangeError on bad input. */
  export function decode(input: string): string;
  /** RFC 3492 encode of one label (without "xn--"). */
  export function encode(input: string): string;
  /** A whole domain to its ASCII (xn--) form. */
  export function toASCII(domain: string): string;
  /** A whole domain to Unicode. */
  export function toUnicode(domain: string): string;
}
