/**
 * Test-only: encoders for the PDF filters LZWDecode and RunLengthDecode, written from PDF 32000-1
 * §7.4.4–7.4.5 independently of core's decoders, and `refilterPdf`, which rewrites a real
 * producer's PDF so every Flate stream is stored with one of those filters instead. pdf.js then
 * reads the result as the oracle: if it finds the same numbers, the encoding is right, and the
 * mini reader must find them too.
 */
import { unzlibSync } from "fflate";
import { concatBytes } from "../../src/core/extractors/concat-bytes";

export interface LzwOptions {
  /** 1 (the PDF default) widens codes one code early; 0 widens them exactly when needed. */
  readonly earlyChange: 0 | 1;
  /** Emit a clear code when the table reaches this many entries; undefined lets it fill to 4096. */
  readonly clearAt?: number;
}

/** Codes of the given widths packed MSB-first, the last byte padded with zero bits. */
export function packCodes(codes: ReadonlyArray<readonly [code: number, width: number]>): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const [code, width] of codes) {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 255);
      bits -= 8;
      acc &= (1 << bits) - 1;
    }
  }
  if (bits > 0) out.push((acc << (8 - bits)) & 255);
  return Uint8Array.from(out);
}

/** LZW-encode: a clear code first, the end code last, code widths as a decoder will expect them. */
export function lzwEncode(data: Uint8Array, opts: LzwOptions): Uint8Array {
  const codes: Array<[number, number]> = [];
  const ec = opts.earlyChange;
  const clearAt = opts.clearAt ?? Infinity;
  // The decoder adds its entry one code later than the encoder, so widths follow its count.
  let width = 9;
  let decoderNext = 258;
  let firstAfterClear = true;
  const emit = (code: number): void => {
    codes.push([code, width]);
    if (code === 256) {
      width = 9;
      decoderNext = 258;
      firstAfterClear = true;
      return;
    }
    if (!firstAfterClear && decoderNext < 4096) {
      decoderNext++;
      if (decoderNext + ec >= 1 << width && width < 12) width++;
    }
    firstAfterClear = false;
  };
  // The table as a trie: key = prefix code * 256 + next byte.
  let table = new Map<number, number>();
  let next = 258;
  emit(256);
  let w = -1;
  for (const b of data) {
    if (w < 0) {
      w = b;
      continue;
    }
    const known = table.get(w * 256 + b);
    if (known !== undefined) {
      w = known;
      continue;
    }
    emit(w);
    if (next < 4096) table.set(w * 256 + b, next++);
    w = b;
    if (next >= clearAt) {
      emit(w);
      emit(256);
      table = new Map();
      next = 258;
      w = -1;
    }
  }
  if (w >= 0) emit(w);
  emit(257);
  return packCodes(codes);
}

/** RunLengthDecode encoding with both literal and repeat runs, ended by 128. */
export function runLengthEncode(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < data.length) {
    let run = 1;
    while (i + run < data.length && run < 128 && data[i + run] === data[i]) run++;
    if (run >= 2) {
      out.push(257 - run, data[i] as number);
      i += run;
      continue;
    }
    let lit = 1;
    while (i + lit < data.length && lit < 128 && !(i + lit + 1 < data.length && data[i + lit] === data[i + lit + 1])) lit++;
    out.push(lit - 1, ...data.subarray(i, i + lit));
    i += lit;
  }
  out.push(128);
  return Uint8Array.from(out);
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const text = (b: Uint8Array): string => {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
};

export type Refilter = { readonly filter: "LZWDecode"; readonly earlyChange: 0 | 1 } | { readonly filter: "RunLengthDecode" };

interface RawObject {
  readonly num: number;
  /** The object's text, or a stream's dictionary text when `data` is set. */
  readonly body: string;
  readonly data?: Uint8Array;
}

/**
 * Rewrite a PDF: objects from object streams become plain objects, every FlateDecode stream
 * without /DecodeParms is re-encoded with `to`, and a fresh classic xref table is written.
 * Enough for the fixtures of this repo (LibreOffice, Ghostscript, cairo, qpdf), not a general tool.
 */
export function refilterPdf(pdf: Uint8Array, to: Refilter): Uint8Array {
  const s = text(pdf);
  const objects = new Map<number, RawObject>();
  const re = /(\d+) (\d+) obj\b/g;
  let m: RegExpExecArray | null;
  const streamsToSplit: RawObject[] = [];
  while ((m = re.exec(s)) !== null) {
    const num = Number(m[1]);
    const start = m.index + m[0].length;
    const end = s.indexOf("endobj", start);
    const body = s.slice(start, end < 0 ? s.length : end);
    const sm = />>\s*stream(\r\n|\n|\r)/.exec(body);
    if (!sm) {
      objects.set(num, { num, body: body.trim() });
      re.lastIndex = start + body.length;
      continue;
    }
    const dict = body.slice(0, sm.index + 2).trim();
    const dataStart = start + sm.index + sm[0].length;
    const direct = /\/Length\s+(\d+)(?=[\s/>])(?!\s+\d+\s+R)/.exec(dict);
    let dataEnd: number;
    if (direct) dataEnd = dataStart + Number(direct[1]);
    else {
      dataEnd = s.indexOf("endstream", dataStart);
      if (s.charAt(dataEnd - 1) === "\n") dataEnd--;
      if (s.charAt(dataEnd - 1) === "\r") dataEnd--;
    }
    const obj = { num, body: dict, data: pdf.subarray(dataStart, dataEnd) };
    re.lastIndex = s.indexOf("endobj", dataEnd);
    if (/\/Type\s*\/XRef/.test(dict)) continue;
    if (/\/Type\s*\/ObjStm/.test(dict)) streamsToSplit.push(obj);
    else objects.set(num, obj);
  }
  for (const os of streamsToSplit) {
    const inner = text(unzlibSync(os.data as Uint8Array));
    const first = Number((/\/First\s+(\d+)/.exec(os.body) as RegExpExecArray)[1]);
    const header = inner.slice(0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i + 1 < header.length; i += 2) {
      const from = first + (header[i + 1] as number);
      const to2 = i + 3 < header.length ? first + (header[i + 3] as number) : inner.length;
      const num = header[i] as number;
      if (!objects.has(num)) objects.set(num, { num, body: inner.slice(from, to2).trim() });
    }
  }
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(s.slice(s.lastIndexOf("/Root") - 1));
  if (!root) throw new Error("no /Root");

  const chunks: Uint8Array[] = [];
  let length = 0;
  const add = (b: Uint8Array): void => {
    chunks.push(b);
    length += b.length;
  };
  add(latin1("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"));
  const offsets = new Map<number, number>();
  const nums = [...objects.keys()].sort((a, b) => a - b);
  for (const num of nums) {
    const o = objects.get(num) as RawObject;
    offsets.set(num, length);
    if (!o.data) {
      add(latin1(`${num} 0 obj\n${o.body}\nendobj\n`));
      continue;
    }
    let dict = o.body;
    let data = o.data;
    if (/\/Filter\s*\/FlateDecode/.test(dict) && !/\/DecodeParms/.test(dict)) {
      const plain = unzlibSync(data);
      if (to.filter === "LZWDecode") {
        data = lzwEncode(plain, { earlyChange: to.earlyChange, clearAt: 4000 });
        dict = dict.replace(/\/Filter\s*\/FlateDecode/, to.earlyChange === 1 ? "/Filter /LZWDecode" : "/Filter /LZWDecode /DecodeParms << /EarlyChange 0 >>");
      } else {
        data = runLengthEncode(plain);
        dict = dict.replace(/\/Filter\s*\/FlateDecode/, "/Filter /RunLengthDecode");
      }
    }
    dict = dict.replace(/\/Length\s+\d+(?:\s+\d+\s+R)?(?=[\s/>])/, `/Length ${data.length}`);
    add(latin1(`${num} 0 obj\n${dict}\nstream\n`));
    add(data);
    add(latin1("\nendstream\nendobj\n"));
  }
  const size = (nums[nums.length - 1] ?? 0) + 1;
  const xref = length;
  let table = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) {
    const at = offsets.get(n);
    table += at === undefined ? "0000000000 00001 f \n" : `${String(at).padStart(10, "0")} 00000 n \n`;
  }
  add(latin1(table));
  add(latin1(`trailer\n<< /Size ${size} /Root ${root[1]} 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return concatBytes(chunks, length);
}

/** PNG-predict rows of `columns` bytes (one colour, 8 bits), cycling through the five row filters. */
export function pngPredict(data: Uint8Array, columns: number): Uint8Array {
  const rows = Math.ceil(data.length / columns);
  const plain = new Uint8Array(rows * columns);
  plain.set(data);
  const out: number[] = [];
  const at = (r: number, k: number): number => (r < 0 || k < 0 ? 0 : (plain[r * columns + k] as number));
  for (let r = 0; r < rows; r++) {
    const type = r % 5;
    out.push(type);
    for (let k = 0; k < columns; k++) {
      const x = at(r, k);
      const a = at(r, k - 1);
      const b = at(r - 1, k);
      const c = at(r - 1, k - 1);
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][type] as number;
      out.push((x - pred) & 255);
    }
  }
  return Uint8Array.from(out);
}

/**
 * A one-page PDF (Helvetica) whose content stream is `encode(content)`: `dict` is what goes into
 * the stream dictionary besides /Length (e.g. "/Filter /LZWDecode"). `extra`, when given, is a
 * second content stream of the same page, written as is.
 */
export function onePagePdf(
  lines: readonly string[],
  encode: (content: Uint8Array) => { dict: string; data: Uint8Array },
  extra?: { dict: string; data: Uint8Array },
): Uint8Array {
  const escape = (s: string): string => s.replace(/[\\()]/g, "\\$&");
  const content = latin1(["BT", "/F1 12 Tf", "14 TL", "72 720 Td", ...lines.map((l) => `(${escape(l)}) '`), "ET"].join("\n"));
  const { dict, data } = encode(content);
  const objects: Array<string | [string, Uint8Array]> = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents ${extra ? "[4 0 R 6 0 R]" : "4 0 R"} >>`,
    [`<< /Length ${data.length} ${dict} >>`, data],
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  if (extra) objects.push([`<< /Length ${extra.data.length} ${extra.dict} >>`, extra.data]);
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (b: Uint8Array): void => {
    chunks.push(b);
    length += b.length;
  };
  add(latin1("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"));
  objects.forEach((o, i) => {
    offsets.push(length);
    if (typeof o === "string") add(latin1(`${i + 1} 0 obj\n${o}\nendobj\n`));
    else {
      add(latin1(`${i + 1} 0 obj\n${o[0]}\nstream\n`));
      add(o[1]);
      add(latin1("\nendstream\nendobj\n"));
    }
  });
  const xref = length;
  add(latin1(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`));
  add(latin1(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  const out = new Uint8Array(length);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
