/** Byte chunks joined into one new array, in order. `total` is their summed length when the caller already counted it. */
export function concatBytes(chunks: readonly Uint8Array[], total?: number): Uint8Array {
  let length = total;
  if (length === undefined) {
    length = 0;
    for (const c of chunks) length += c.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
