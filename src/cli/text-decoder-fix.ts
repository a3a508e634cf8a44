/**
 * The mail parser (postal-mime) decodes parts with the global TextDecoder. Node 20's decoder for
 * windows-1252 (and the labels WHATWG maps to it: iso-8859-1, latin1, us-ascii) returns bytes
 * 0x80-0x9F as C1 controls, so "150375–6125" with an en dash (0x96) loses its separator and the
 * number is missed. Installed once when the CLI loads, and only when the platform shows the bug.
 * See docs/design/hostile-input.md.
 */
import { fixCp1252Controls } from "../core/index";

type DecoderCtor = typeof TextDecoder;

export function cp1252IsBroken(Ctor: DecoderCtor): boolean {
  try {
    return new Ctor("windows-1252").decode(Uint8Array.of(0x96)) !== "\u2013";
  } catch {
    return false;
  }
}

/** A TextDecoder whose windows-1252 output follows WHATWG; every other encoding is untouched. */
export function correctedTextDecoder(Base: DecoderCtor): DecoderCtor {
  class Corrected extends Base {
    override decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
      const text = super.decode(input, options);
      return this.encoding === "windows-1252" ? fixCp1252Controls(text) : text;
    }
  }
  return Corrected as DecoderCtor;
}

export function installTextDecoderFix(): void {
  const g = globalThis as { TextDecoder?: DecoderCtor };
  if (g.TextDecoder && cp1252IsBroken(g.TextDecoder)) g.TextDecoder = correctedTextDecoder(g.TextDecoder);
}
