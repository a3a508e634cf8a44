/**
 * The `Blob` the compiled CLI's bundled libraries see (scripts/build-cli.js injects it in place of
 * the global). postal-mime gathers a decoded body part as one Blob part per line (two, with the
 * line break) and reads it back with `blob.arrayBuffer()`. Node's Blob reads its parts back one
 * asynchronous step per part: a 20 MB plain-text mail has some 600,000 parts, and that read-back
 * took most of a `postvagt scan` of it (9 of 13 s, measured with --cpu-prof). This one joins
 * the parts once, synchronously, into one buffer.
 *
 * It implements what a Blob built from bytes and strings promises to a reader (size, type,
 * arrayBuffer, bytes, text, slice); strings are UTF-8 encoded as the Blob constructor does.
 * Only the bundle sees it: the global Blob is untouched. See docs/design/cli-build.md.
 */
type Part = ArrayBuffer | ArrayBufferView | string | ByteBlob;

const encoder = new TextEncoder();

function partBytes(part: Part): Uint8Array {
  if (typeof part === "string") return encoder.encode(part);
  if (part instanceof ByteBlob) return part.bytesView();
  if (part instanceof ArrayBuffer) return new Uint8Array(part);
  return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
}

export class ByteBlob {
  #bytes: Uint8Array;
  /** The buffer was built here and no reader has it yet: the first read can take it as it is. */
  #unread = true;
  readonly type: string;

  constructor(parts: readonly Part[] = [], options: { type?: string } = {}) {
    // Two passes: sum the sizes, then copy each part once into a buffer of exactly that size.
    // The one-byte "\n" string postal-mime adds after every line is common: encode it once.
    const views: Uint8Array[] = new Array<Uint8Array>(parts.length);
    let size = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const view = part === "\n" ? NEWLINE : partBytes(part);
      views[i] = view;
      size += view.byteLength;
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const view of views) {
      out.set(view, at);
      at += view.byteLength;
    }
    this.#bytes = out;
    this.type = typeof options.type === "string" && /^[\x20-\x7e]*$/.test(options.type) ? options.type.toLowerCase() : "";
  }

  get size(): number {
    return this.#bytes.byteLength;
  }

  /** @internal The bytes themselves, for a ByteBlob that is a part of another. */
  bytesView(): Uint8Array {
    return this.#bytes;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    // A Blob's reader gets bytes of its own. The first reader gets the buffer built in the
    // constructor, which nobody else holds, rather than a copy of it: postal-mime reads each
    // blob once, and a second copy of a 20 MB body would be 20 MB more at the peak. Later
    // readers get copies of that buffer, so they would see a change the first reader made to
    // its bytes; postal-mime makes none (it only decodes them).
    const b = this.#bytes;
    if (this.#unread && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) {
      this.#unread = false;
      return Promise.resolve(b.buffer as ArrayBuffer);
    }
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
  }

  bytes(): Promise<Uint8Array> {
    return Promise.resolve(this.#bytes.slice());
  }

  text(): Promise<string> {
    return Promise.resolve(new TextDecoder().decode(this.#bytes));
  }

  slice(start = 0, end = this.size, type = ""): ByteBlob {
    const size = this.size;
    const from = start < 0 ? Math.max(size + start, 0) : Math.min(start, size);
    const to = end < 0 ? Math.max(size + end, 0) : Math.min(end, size);
    return new ByteBlob([this.#bytes.subarray(from, Math.max(from, to))], { type });
  }
}

const NEWLINE = encoder.encode("\n");
