// The userland punycode package ships no types. "punycode/" (trailing slash) is the documented way
// to get it rather than Node's deprecated built-in module of the same name.
declare module "punycode/" {
  export function toASCII(domain: string): string;
  export function toUnicode(domain: string): string;
}
