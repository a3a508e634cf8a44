/**
 * Extraction floors per format, for extract.bench.ts. Each takes the parts our reader read
 * (recorded by parts-read.ts, so no floor inflates a part ours skips) and does, in plain JavaScript
 * with native string search, the least work that gives each finding its place. Every floor below
 * states its work; each is less than ours, which also decodes entities, tracks tables and
 * paragraphs, handles prefixes, shared strings, repeated rows and budgets.
 *
 *   bare:  fflate unzipSync of those parts + TextDecoder of each (for csv: TextDecoder only).
 *   place: bare + what gives a finding its place, per format (see each function).
 */
import { unzipSync } from "fflate";

const decoder = new TextDecoder();

/** Bare: inflate the parts ours read and decode each to a string. Returns the strings by name. */
export function bareParts(bytes: Uint8Array, parts: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(unzipSync(bytes, { filter: (f) => parts.has(f.name) }))) out.set(name, decoder.decode(data));
  return out;
}

/**
 * The text between tags, one string per run that starts with a visible character: every tag
 * boundary looked at once (indexOf), no tag names, attributes, entities or nesting. Any reader
 * of XML text does at least this. Returns the number of runs kept.
 */
export function textRuns(xml: string, out: string[]): number {
  let kept = 0;
  for (let gt = xml.indexOf(">"); gt >= 0; ) {
    const lt = xml.indexOf("<", gt + 1);
    if (lt < 0) break;
    if (lt > gt + 1 && xml.charCodeAt(gt + 1) > 32) {
      out.push(xml.slice(gt + 1, lt));
      kept++;
    }
    gt = xml.indexOf(">", lt + 1);
  }
  return kept;
}

/**
 * docx and odt: a finding's place is its section (body, header, footer, notes, comments,
 * metadata), which the part's name gives at no cost; so the floor is bare + the text runs of
 * every part read. Returns the number of runs.
 */
export function documentFloor(bytes: Uint8Array, parts: ReadonlySet<string>): number {
  const runs: string[] = [];
  for (const xml of bareParts(bytes, parts).values()) textRuns(xml, runs);
  return runs.length;
}

/**
 * pptx: a finding's place is its slide number in presentation order, so the floor is bare + the
 * slide order (each `sldId`'s r:id in presentation.xml looked up in its rels by indexOf) + the
 * text runs of each part read. Returns the number of runs.
 */
export function slidesFloor(bytes: Uint8Array, parts: ReadonlySet<string>): number {
  const xml = bareParts(bytes, parts);
  const pres = xml.get("ppt/presentation.xml") ?? "";
  const rels = xml.get("ppt/_rels/presentation.xml.rels") ?? "";
  const slideOf = new Map<string, number>();
  for (let i = pres.indexOf("sldId "), n = 1; i >= 0; i = pres.indexOf("sldId ", i + 6), n++) {
    const id = pres.indexOf('r:id="', i) + 6;
    const rid = pres.slice(id, pres.indexOf('"', id));
    const at = rels.indexOf(`Id="${rid}"`);
    const target = rels.indexOf('Target="', rels.lastIndexOf("<", at)) + 8;
    slideOf.set(`ppt/${rels.slice(target, rels.indexOf('"', target))}`, n);
  }
  const runs: string[] = [];
  for (const [name, text] of xml) if (slideOf.has(name) || name.indexOf("ppt/notesSlides/") === 0 || name.indexOf("docProps/") === 0) textRuns(text, runs);
  return runs.length + slideOf.size;
}

export interface CellText {
  readonly text: string;
  readonly cell: string;
}

/**
 * xlsx: a finding's place is its cell (`Ark1!B7`), so the floor is bare + for each cell of each
 * worksheet read one indexOf, its reference and value sliced, one object. No XML handling, no
 * shared strings, no number formats. Returns the number of cells.
 */
export function cellsFloor(bytes: Uint8Array, parts: ReadonlySet<string>): number {
  const cells: CellText[] = [];
  for (const [name, xml] of bareParts(bytes, parts)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    // The root's prefix, if any (`<x:worksheet`): some generators prefix every tag.
    const w = xml.indexOf("worksheet");
    const tag = `<${xml.charCodeAt(w - 1) === 58 ? xml.slice(xml.lastIndexOf("<", w) + 1, w) : ""}c r="`;
    for (let i = xml.indexOf(tag); i >= 0; i = xml.indexOf(tag, i + 1)) {
      const refEnd = xml.indexOf('"', i + tag.length);
      // The value: the first text after the cell's tag (past `<v>`, or `<is><t>` for inline strings).
      let valueStart = xml.indexOf(">", refEnd) + 1;
      while (xml.charCodeAt(valueStart) === 60) valueStart = xml.indexOf(">", valueStart) + 1;
      cells.push({ text: xml.slice(valueStart, xml.indexOf("<", valueStart)), cell: xml.slice(i + tag.length, refEnd) });
    }
  }
  return cells.length;
}

/**
 * ods: a finding's place is its cell, which ODF gives by counting (rows and cells, some repeated),
 * so the floor is bare + for each `<table:table-row` and `<table:table-cell` in content.xml one
 * indexOf, the repeat count read when present, and the first paragraph's text sliced with its
 * row and column. Returns the number of cells with text.
 */
export function odsCellsFloor(bytes: Uint8Array, parts: ReadonlySet<string>): number {
  const xml = bareParts(bytes, parts).get("content.xml") ?? "";
  const cells: Array<{ text: string; row: number; col: number }> = [];
  let row = 0;
  let col = 0;
  for (let i = xml.indexOf("<table:table-"); i >= 0; i = xml.indexOf("<table:table-", i + 13)) {
    const end = xml.indexOf(">", i);
    if (xml.startsWith("row", i + 13)) {
      row++;
      col = 0;
      continue;
    }
    if (!xml.startsWith("cell", i + 13)) continue;
    const repeated = xml.indexOf('columns-repeated="', i);
    col += repeated >= 0 && repeated < end ? Number(xml.slice(repeated + 18, xml.indexOf('"', repeated + 18))) : 1;
    if (xml.charCodeAt(end - 1) === 47) continue; // <table:table-cell/>
    const p = xml.indexOf("<text:p", end);
    const close = xml.indexOf("</table:table-cell>", end);
    if (p < 0 || p > close) continue;
    const start = xml.indexOf(">", p) + 1;
    cells.push({ text: xml.slice(start, xml.indexOf("<", start)), row, col });
  }
  return cells.length;
}

/**
 * csv: a finding's place is its line, so the floor is TextDecoder + every line end found by
 * indexOf and counted. No slices: a floor could slice only the lines a finding is in (ours
 * slices every line into a segment). Returns the number of lines.
 */
export function linesFloor(bytes: Uint8Array): number {
  const text = decoder.decode(bytes);
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}
