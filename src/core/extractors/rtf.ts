/**
 * RTF to text (docs/design/attachment-limits.md §2.8). The RTF libraries on npm render to a DOM or need Node streams;
 * CPR scanning needs only the text, so this is a small group/control-word stripper: ignorable
 * destinations are skipped, `\'hh` is decoded per `\ansicpg` (cp1252 by default), `\uN` honours
 * `\ucN`, `\binN` is skipped, and paragraph/cell/row controls become breaks so cells never join.
 */
import type { Place } from "../location";
import { inSlices } from "./budget";
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

type Section = Group["section"];
const SECTIONS = ["body", "header", "footer", "footnote", "comment", "metadata"] as const;
const rootGroup = (): Group => ({ skip: false, starred: false, uc: 1, section: "body" });

/**
 * The reader's state over one RTF file: the group stack (each group's skip flag, `\uc` and
 * section), the text collected per section, and the characters still to drop after a `\uN`.
 */
class RtfReader {
  private readonly stack: Group[] = [];
  private g: Group = rootGroup();
  private bufs: Record<Section, string[]> = { body: [], header: [], footer: [], footnote: [], comment: [], metadata: [] };
  private pendingSkip = 0; // characters to drop after \uN
  private infoDepth = -1;
  /** The next byte to read. */
  private i = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly ctx: ReadContext,
  ) {}

  /**
   * Reads on from where it stopped; true at the end. Every 64 KB it asks `stop` (which checks the
   * deadline) and, told to, returns false before the next token: its state is all in fields.
   */
  read(stop: () => boolean): boolean {
    const bytes = this.bytes;
    const n = bytes.length;
    let nextTick = this.i + (1 << 16);
    while (this.i < n) {
      const i = this.i;
      if (i >= nextTick) {
        if (stop()) return false;
        nextTick = i + (1 << 16);
      }
      const c = bytes[i] as number;
      if (c === 0x7b /* { */) this.openGroup();
      else if (c === 0x7d /* } */) this.closeGroup();
      else if (c === 0x0d || c === 0x0a) this.i++;
      else if (c !== 0x5c /* \ */) {
        this.put(String.fromCharCode(cp1252Char(c)));
        this.i++;
      } else if (bytes[i + 1] === undefined) break;
      else if (isLetter(bytes[i + 1] as number)) this.controlWord();
      else this.controlSymbol(bytes[i + 1] as number);
    }
    for (const s of SECTIONS) this.flush(s);
    return true;
  }

  private put(s: string): void {
    if (this.g.skip) return;
    if (this.pendingSkip > 0) {
      this.pendingSkip--;
      return;
    }
    this.bufs[this.g.section].push(s);
  }

  private flush(section: Section): void {
    const parts = this.bufs[section];
    if (parts.length === 0) return;
    const place: Place | undefined = section === "body" ? undefined : { kind: "section", section };
    this.ctx.emit(parts.join(""), place);
    this.bufs[section] = [];
  }

  private openGroup(): void {
    const g = this.g;
    this.stack.push(g);
    this.g = { skip: g.skip, starred: false, uc: g.uc, section: g.section };
    // "{\*\dest" marks a destination a reader may ignore; most are not text, but footnotes,
    // comments and shape text (text boxes) are written that way too (KEEP_STARRED).
    if (this.bytes[this.i + 1] === 0x5c && this.bytes[this.i + 2] === 0x2a) {
      this.g.starred = true;
      this.g.skip = true;
    }
    this.i++;
  }

  private closeGroup(): void {
    const leaving = this.g.section;
    this.g = this.stack.pop() ?? rootGroup();
    if (leaving !== this.g.section) this.flush(leaving);
    if (this.stack.length < this.infoDepth) this.infoDepth = -1;
    this.i++;
  }

  /** `\'hh`, or a backslash before a non-letter. */
  private controlSymbol(next: number): void {
    const bytes = this.bytes;
    if (next === 0x27 /* ' */) {
      const v = parseInt(String.fromCharCode(bytes[this.i + 2] ?? 0, bytes[this.i + 3] ?? 0), 16);
      if (!isNaN(v)) this.put(String.fromCharCode(cp1252Char(v)));
      this.i += 4;
      return;
    }
    // \\ \{ \} are literal; \~ non-breaking space; \- optional hyphen; \_ non-breaking hyphen.
    if (next === 0x5c || next === 0x7b || next === 0x7d) this.put(String.fromCharCode(next));
    else if (next === 0x7e) this.put("\u00a0");
    else if (next === 0x5f) this.put("\u2011");
    else if (next === 0x2d) this.put("\u00ad");
    else if (next === 0x0a || next === 0x0d) this.put("\n");
    this.i += 2;
  }

  /** A control word with its optional numeric parameter and the space that ends it. */
  private controlWord(): void {
    const bytes = this.bytes;
    const n = bytes.length;
    let j = this.i + 1;
    while (j < n && isLetter(bytes[j] as number)) j++;
    const word = ascii(bytes, this.i + 1, j);
    let param: number | undefined;
    let k = j;
    if (bytes[k] === 0x2d || isDigit(bytes[k])) {
      const start = k;
      k++;
      while (k < n && isDigit(bytes[k]) && k - start < 11) k++;
      param = Number(ascii(bytes, start, k));
    }
    if (bytes[k] === 0x20) k++;
    this.i = k;
    if (this.g.starred) this.destination(word);
    this.apply(word, param);
  }

  /** The first word of a `{\*…}` group: whether its content is text after all. */
  private destination(word: string): void {
    const g = this.g;
    g.starred = false;
    if (KEEP_STARRED.has(word)) g.skip = (this.stack[this.stack.length - 1] ?? g).skip;
    else if (word === "htmltag" && endsLine(this.bytes, this.i)) {
      const parent = this.stack[this.stack.length - 1];
      if (parent && !parent.skip) this.bufs[parent.section].push("\n");
    }
  }

  private apply(word: string, param: number | undefined): void {
    const g = this.g;
    switch (word) {
      case "par":
      case "line":
      case "sect":
      case "page":
      case "row":
        this.put("\n");
        if (word !== "line" && g.section === "body" && !g.skip) this.flush("body");
        return;
      case "cell":
      case "nestcell":
        // A cell boundary is a hard break: "100108" | "8900" must never read "100108 8900".
        this.put("\n");
        return;
      case "tab":
        this.put("\t");
        return;
      case "emdash":
        this.put("\u2014");
        return;
      case "endash":
        this.put("\u2013");
        return;
      case "u":
        if (param !== undefined) {
          this.put(String.fromCharCode(param < 0 ? param + 65536 : param));
          this.pendingSkip = g.uc;
        }
        return;
      case "uc":
        g.uc = param !== undefined && param >= 0 && param < 10 ? param : 1;
        return;
      case "bin":
        // Binary data of `param` bytes follows: never interpret it as text.
        this.i += param !== undefined && param > 0 ? param : 0;
        return;
      default:
        this.section(word);
    }
  }

  /** Words that open a section (header, footnote, comment, info field) or a skipped destination. */
  private section(word: string): void {
    const g = this.g;
    if (word === "footnote") g.section = "footnote";
    else if (word === "annotation") g.section = "comment";
    else if (word === "info") {
      g.skip = true;
      this.infoDepth = this.stack.length;
    } else if (HEADER.has(word)) g.section = "header";
    else if (FOOTER.has(word)) g.section = "footer";
    else if (this.infoDepth >= 0 && INFO_TEXT.has(word)) {
      g.skip = false;
      g.section = "metadata";
    } else if (SKIP_DESTINATIONS.has(word)) g.skip = true;
  }
}

/** The whole file in one go, checking the deadline every 64 KB. */
export function readRtf(bytes: Uint8Array, ctx: ReadContext): void {
  new RtfReader(bytes, ctx).read(() => {
    ctx.budget.tick();
    return false;
  });
}

/** The same in slices: it stops every 64 KB once the slice is used up and goes on after a pause. */
export async function readRtfSliced(bytes: Uint8Array, ctx: ReadContext): Promise<void> {
  const reader = new RtfReader(bytes, ctx);
  await inSlices(ctx.budget, (stop) => reader.read(stop));
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
