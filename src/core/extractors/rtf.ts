/**
 * RTF to text (docs/design/attachment-limits.md §2.8). The RTF libraries on npm render to a DOM or need Node streams;
 * CPR scanning needs only the text, so this is a small group/control-word stripper: ignorable
 * destinations are skipped, `\'hh` is decoded per `\ansicpg` (cp1252 by default), `\uN` honours
 * `\ucN`, `\binN` is skipped, and paragraph/cell/row controls become breaks so cells never join.
 */
import type { Place } from "../location";
import type { ReadContext } from "./context";
import { cp1252Char } from "./text-decode";

/** Destinations whose content is not document text. */
const SKIP_DESTINATIONS = new Set([
  "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "themedata", "colorschememapping",
  "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl",
  "mmathPr", "filetbl", "revtbl", "pgdsctbl", "operator", "fldinst", "shppict", "nonshppict", "bkmkstart",
  "bkmkend", "wgrffmtfilter", "pnseclvl", "footnote_sep", "listpicture", "fchars", "lchars", "passwordhash",
  "sp", "atnid", "atnauthor", "atndate", "atnref", "atrfstart", "atrfend",
]);
/** Starred destinations whose content is document text. */
const KEEP_STARRED = new Set(["footnote", "annotation", "shpinst", "shptxt"]);
const HEADER = new Set(["header", "headerl", "headerr", "headerf"]);
const FOOTER = new Set(["footer", "footerl", "footerr", "footerf"]);
/**
 * HTML elements that end a line. Outlook stores many HTML mails as HTML encapsulated in RTF
 * ([MS-OXRTFEX], `\fromhtml1`): the markup sits in skipped `{\*\htmltag…}` groups and often no
 * `\par` stands for a table cell or a div, so without this "241210-2145" | "42" read as one run.
 */
const HTML_LINE_TAGS = new Set([
  "p", "div", "br", "tr", "td", "th", "li", "table", "caption", "blockquote", "ul", "ol", "dl", "dt", "dd",
  "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "address", "center", "section", "article", "header", "footer",
]);
/** Info fields that are metadata the recipient can read in File › Properties. */
const INFO_TEXT = new Set(["title", "subject", "author", "keywords", "doccomm", "comment", "company", "manager", "category", "operator"]);

interface Group {
  skip: boolean;
  /** The group opened with "\\*" and its destination word has not been seen yet. */
  starred: boolean;
  uc: number;
  section: "body" | "header" | "footer" | "footnote" | "comment" | "metadata";
}

export function readRtf(bytes: Uint8Array, ctx: ReadContext): void {
  const n = bytes.length;
  const stack: Group[] = [];
  let g: Group = { skip: false, starred: false, uc: 1, section: "body" };
  const bufs: Record<Group["section"], string[]> = { body: [], header: [], footer: [], footnote: [], comment: [], metadata: [] };
  let pendingSkip = 0; // characters to drop after \uN
  let i = 0;
  let nextTick = 1 << 16;
  let infoDepth = -1;

  const put = (s: string): void => {
    if (g.skip) return;
    if (pendingSkip > 0) {
      pendingSkip--;
      return;
    }
    bufs[g.section].push(s);
  };
  const flush = (section: Group["section"]): void => {
    const parts = bufs[section];
    if (parts.length === 0) return;
    const place: Place | undefined = section === "body" ? undefined : { kind: "section", section };
    ctx.emit(parts.join(""), place);
    bufs[section] = [];
  };

  while (i < n) {
    if (i >= nextTick) {
      ctx.budget.tick();
      nextTick = i + (1 << 16);
    }
    const c = bytes[i] as number;
    if (c === 0x7b /* { */) {
      stack.push(g);
      g = { skip: g.skip, starred: false, uc: g.uc, section: g.section };
      // "{\*\dest" marks a destination a reader may ignore; most are not text, but footnotes,
      // comments and shape text (text boxes) are written that way too (KEEP_STARRED).
      if (bytes[i + 1] === 0x5c && bytes[i + 2] === 0x2a) {
        g.starred = true;
        g.skip = true;
      }
      i++;
      continue;
    }
    if (c === 0x7d /* } */) {
      const leaving = g.section;
      g = stack.pop() ?? { skip: false, starred: false, uc: 1, section: "body" };
      if (leaving !== g.section) flush(leaving);
      if (stack.length < infoDepth) infoDepth = -1;
      i++;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    if (c !== 0x5c /* \ */) {
      put(String.fromCharCode(cp1252Char(c)));
      i++;
      continue;
    }
    // Control symbol or word.
    const next = bytes[i + 1];
    if (next === undefined) break;
    if (next === 0x27 /* ' */) {
      const hex = String.fromCharCode(bytes[i + 2] ?? 0, bytes[i + 3] ?? 0);
      const v = parseInt(hex, 16);
      if (!isNaN(v)) put(String.fromCharCode(cp1252Char(v)));
      i += 4;
      continue;
    }
    if (!isLetter(next)) {
      // \\ \{ \} are literal; \~ non-breaking space; \- optional hyphen; \_ non-breaking hyphen.
      if (next === 0x5c || next === 0x7b || next === 0x7d) put(String.fromCharCode(next));
      else if (next === 0x7e) put("\u00a0");
      else if (next === 0x5f) put("\u2011");
      else if (next === 0x2d) put("\u00ad");
      else if (next === 0x0a || next === 0x0d) put("\n");
      i += 2;
      continue;
    }
    let j = i + 1;
    while (j < n && isLetter(bytes[j] as number)) j++;
    const word = ascii(bytes, i + 1, j);
    let param: number | undefined;
    let k = j;
    if (bytes[k] === 0x2d || isDigit(bytes[k])) {
      const start = k;
      k++;
      while (k < n && isDigit(bytes[k]) && k - start < 11) k++;
      param = Number(ascii(bytes, start, k));
    }
    if (bytes[k] === 0x20) k++;
    i = k;
    if (g.starred) {
      g.starred = false;
      if (KEEP_STARRED.has(word)) g.skip = (stack[stack.length - 1] ?? g).skip;
      else if (word === "htmltag" && endsLine(bytes, i)) {
        const parent = stack[stack.length - 1];
        if (parent && !parent.skip) bufs[parent.section].push("\n");
      }
    }
    switch (word) {
      case "par":
      case "line":
      case "sect":
      case "page":
      case "row":
        put("\n");
        if (word !== "line" && g.section === "body" && !g.skip) flush("body");
        break;
      case "cell":
      case "nestcell":
        // A cell boundary is a hard break: "100108" | "8900" must never read "100108 8900".
        put("\n");
        break;
      case "tab":
        put("\t");
        break;
      case "emdash":
        put("\u2014");
        break;
      case "endash":
        put("\u2013");
        break;
      case "u": {
        if (param !== undefined) {
          const cp = param < 0 ? param + 65536 : param;
          put(String.fromCharCode(cp));
          pendingSkip = g.uc;
        }
        break;
      }
      case "uc":
        g.uc = param !== undefined && param >= 0 && param < 10 ? param : 1;
        break;
      case "bin":
        // Binary data of `param` bytes follows: never interpret it as text.
        i += param !== undefined && param > 0 ? param : 0;
        break;
      case "footnote":
        g.section = "footnote";
        break;
      case "annotation":
        g.section = "comment";
        break;
      case "info":
        g.skip = true;
        infoDepth = stack.length;
        break;
      default:
        if (HEADER.has(word)) g.section = "header";
        else if (FOOTER.has(word)) g.section = "footer";
        else if (infoDepth >= 0 && INFO_TEXT.has(word)) {
          g.skip = false;
          g.section = "metadata";
        } else if (SKIP_DESTINATIONS.has(word)) g.skip = true;
    }
  }
  for (const s of ["body", "header", "footer", "footnote", "comment", "metadata"] as const) flush(s);
}

/** Does the HTML at `at` (an \htmltag group's content) open or close an element that ends a line? */
function endsLine(b: Uint8Array, at: number): boolean {
  let i = at;
  if (b[i] !== 0x3c /* < */) return false;
  i++;
  if (b[i] === 0x2f /* / */) i++;
  const start = i;
  while (i < b.length && i - start < 10 && (isLetter(b[i] as number) || isDigit(b[i]))) i++;
  return HTML_LINE_TAGS.has(ascii(b, start, i).toLowerCase());
}

function isLetter(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a);
}
function isDigit(b: number | undefined): boolean {
  return b !== undefined && b >= 0x30 && b <= 0x39;
}
function ascii(b: Uint8Array, s: number, e: number): string {
  let out = "";
  for (let i = s; i < e; i++) out += String.fromCharCode(b[i] as number);
  return out;
}
