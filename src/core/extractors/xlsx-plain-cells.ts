/**
 * A fast path through a worksheet's `<sheetData>` for the cell markup that Excel, LibreOffice and
 * most libraries write: `<c r="B7" s="3" t="s"><v>12</v></c>`, attributes in that order, no prefix.
 *
 * A register extract is tens of thousands of such cells, and the generic scanner spends ten events
 * and an attribute walk on each. One sticky regular expression per cell reads the same facts in one
 * native step. The moment anything else turns up (a comment, a rich-text cell, attributes in another
 * order, a prefix), this stops and says where, and the generic scanner carries on from there with
 * the same state: the two together read exactly what the generic scanner alone would (xlsx.test.ts
 * holds them to that on random sheets).
 */

export interface PlainCellSink {
  /** `<row …>` with its attribute text, as the generic scanner would hand it to `open`. */
  row(attrs: string): void;
  /** One `<c>` element. `v` and `inline` are raw (entities not yet decoded); undefined when absent. */
  cell(r: string, t: string | undefined, s: string | undefined, v: string | undefined, inline: string | undefined, selfClosing: boolean): void;
  /** Called every ~64 KB of progress, for the deadline; true stops the read there (a slice is used up). */
  tick(): boolean | void;
}

/**
 * `r`, then optional `s`, then optional `t`; then either `/>`, or `>` with an optional plain formula,
 * an optional `<v>` or plain inline string, and `</c>`. Values hold no `<` (so no CDATA, no markup).
 */
const PLAIN_CELL =
  /<c r="([A-Z]{1,3}[1-9][0-9]{0,6})"(?: s="([0-9]{1,9})")?(?: t="([A-Za-z]{1,9})")?(?:(\/)>|>(?:<f(?: [^<>]*)?(?:\/>|>[^<]*<\/f>))?(?:<v>([^<]*)<\/v>|<is><t(?: xml:space="preserve")?>([^<]*)<\/t><\/is>)?<\/c>)/y;

const SHEET_DATA = "<sheetData>";

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Where the fast path may start: just inside `<sheetData>`, provided nothing before it can hide or
 * reinterpret markup (a comment, CDATA, a DOCTYPE or a processing instruction after the XML
 * declaration). -1 when it may not.
 */
export function plainCellsStart(xml: string): number {
  const at = xml.indexOf(SHEET_DATA);
  if (at < 0) return -1;
  const declEnd = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
  if (declEnd < 0 || declEnd > at) return -1;
  // Searched backwards from `<sheetData>`: forwards, a sheet without comments is read to its end.
  if (xml.lastIndexOf("<!", at) >= declEnd || xml.lastIndexOf("<?", at) >= declEnd) return -1;
  return at + SHEET_DATA.length;
}

/**
 * Reads plain rows and cells from `from` on and returns the offset of the first thing it did not
 * read: `</sheetData>`, markup it does not know, the end, or where `tick` said stop (the caller
 * knows which). Always at a tag boundary, outside a cell.
 */
export function readPlainCells(xml: string, from: number, sink: PlainCellSink): number {
  const n = xml.length;
  let i = from;
  let nextTick = from + 65536;
  for (;;) {
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    if (i >= n || xml.charCodeAt(i) !== 60 /* < */) return i;
    if (i >= nextTick) {
      if (sink.tick() === true) return i;
      nextTick = i + 65536;
    }
    const c1 = xml.charCodeAt(i + 1);
    if (c1 === 99 /* c */) {
      PLAIN_CELL.lastIndex = i;
      const m = PLAIN_CELL.exec(xml);
      if (!m) return i;
      sink.cell(m[1] as string, m[3], m[2], m[5], m[6], m[4] !== undefined);
      i = PLAIN_CELL.lastIndex;
      continue;
    }
    if (c1 === 114 /* r */ && xml.startsWith("<row", i)) {
      const after = xml.charCodeAt(i + 4);
      if (!(after === 62 || after === 47 || isSpace(after))) return i;
      const gt = xml.indexOf(">", i + 4);
      if (gt < 0) return i;
      const end = xml.charCodeAt(gt - 1) === 47 && gt - 1 >= i + 4 ? gt - 1 : gt;
      sink.row(xml.slice(i + 4, end));
      i = gt + 1;
      continue;
    }
    if (c1 === 47 /* / */ && xml.startsWith("</row>", i)) {
      i += 6;
      continue;
    }
    return i;
  }
}
