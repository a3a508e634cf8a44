/**
 * HTML mail bodies to the text the detectors scan (docs/design/cpr-number.md §4, §6.1 step 1), with htmlparser2's
 * tokenizer (which decodes entities: `&#45;`, `&nbsp;`, `&#8209;`) and no DOM.
 *
 * The layout rules exist for the CPR matcher:
 * - inline elements (`<b>`, `<span>`, `<a>` …) join with no separator, because Word and Outlook
 *   split a typed number across runs (`<span>1506</span><span>50-3720</span>`);
 * - block elements, `<br>` and list items end a line; a number never crosses a line;
 * - table cells are separated by a tab and rows by a newline, so a "CPR" header names its column
 *   and two cells (`100108` | `8900`) never read as one `100108 8900`; a paragraph break inside
 *   a cell becomes U+2028, a hard break that keeps the row on one line;
 * - source whitespace collapses to one space (as a browser renders it), but `&nbsp;` is kept;
 * - quoted replies (`<blockquote>`) are kept: they are sent too; script, style and head are dropped;
 * - `href`, `alt` and `title` values and comments are sent but not shown, so they are scanned too:
 *   each goes on a line of its own after the paragraph (never inside a number or a table row).
 */
import { Parser } from "htmlparser2";

const BLOCK_ELEMENTS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
  "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
  "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
  "section", "summary", "table", "tbody", "tfoot", "thead", "ul", "option", "optgroup", "select", "textarea",
]);

/** Not rendered and not written by the user. */
const SKIPPED_ELEMENTS = new Set(["script", "style", "head", "title", "noembed"]);

/** Attributes whose values travel with the mail and may hold a number (`mailto:…?subject=…`). */
const SCANNED_ATTRIBUTES = ["href", "alt", "title"];

/** Kept as one row: a paragraph break inside a table cell. */
const CELL_LINE_BREAK = "\u2028";

class TextWriter {
  private readonly out: string[] = [];
  private tail = "";
  private pendingSpace = false;
  private pendingBreak = false;
  private readonly deferred: string[] = [];
  private skipDepth = 0;
  private preDepth = 0;
  private tableDepth = 0;
  /** Cells written so far in each open row (innermost last). */
  private readonly rowCells: number[] = [];
  private cellDepth = 0;
  private cellHasText = false;

  private write(s: string): void {
    if (s === "") return;
    this.out.push(s);
    this.tail = s.charAt(s.length - 1);
    if (this.cellDepth > 0) this.cellHasText = true;
  }

  private newline(): void {
    if (this.out.length > 0 && this.tail !== "\n") this.write("\n");
    if (this.tableDepth === 0 && this.deferred.length > 0) this.flushDeferred();
  }

  private flushDeferred(): void {
    for (const d of this.deferred.splice(0)) {
      if (this.out.length > 0 && this.tail !== "\n") this.write("\n");
      this.write(d);
      this.write("\n");
    }
  }

  private separate(): void {
    if (this.pendingBreak) {
      if (this.cellDepth > 0) {
        if (this.cellHasText && this.tail !== CELL_LINE_BREAK && this.tail !== "\t") this.write(CELL_LINE_BREAK);
      } else {
        this.newline();
      }
    } else if (this.pendingSpace && this.out.length > 0 && !/[\n\t\u2028 ]/.test(this.tail)) {
      this.write(" ");
    }
    this.pendingBreak = false;
    this.pendingSpace = false;
  }

  private block(): void {
    this.pendingBreak = true;
    this.pendingSpace = false;
  }

  text(data: string): void {
    if (this.skipDepth > 0 || data === "") return;
    if (this.preDepth > 0) {
      this.separate();
      const lines = data.replace(/\r\n?/g, "\n").split("\n");
      lines.forEach((line, i) => {
        if (i > 0) {
          if (this.cellDepth > 0) this.write(CELL_LINE_BREAK);
          else this.write("\n");
        }
        this.write(line);
      });
      return;
    }
    // Only ASCII whitespace collapses; U+00A0 from &nbsp; is the user's own space and stays.
    const collapsed = data.replace(/[ \t\n\r\f]+/g, " ");
    if (collapsed === " ") {
      this.pendingSpace = true;
      return;
    }
    let s = collapsed;
    if (s.charAt(0) === " ") {
      this.pendingSpace = true;
      s = s.slice(1);
    }
    const trailing = s.charAt(s.length - 1) === " ";
    if (trailing) s = s.slice(0, -1);
    this.separate();
    this.write(s);
    if (trailing) this.pendingSpace = true;
  }

  open(name: string, attribs: Record<string, string>): void {
    if (name === "body") this.skipDepth = 0;
    if (SKIPPED_ELEMENTS.has(name)) {
      this.skipDepth++;
      return;
    }
    if (this.skipDepth > 0) return;
    for (const a of SCANNED_ATTRIBUTES) {
      const v = attribs[a];
      if (v !== undefined) this.defer(a === "href" ? decodeHref(v) : v);
    }
    if (name === "br") {
      if (this.cellDepth > 0) {
        if (this.cellHasText && this.tail !== CELL_LINE_BREAK) this.write(CELL_LINE_BREAK);
      } else {
        this.write("\n");
      }
      this.pendingSpace = false;
      this.pendingBreak = false;
      return;
    }
    if (name === "table") {
      this.block();
      this.tableDepth++;
      return;
    }
    if (name === "tr") {
      this.pendingBreak = false;
      this.pendingSpace = false;
      this.newline();
      this.rowCells.push(0);
      return;
    }
    if (name === "td" || name === "th") {
      if (this.rowCells.length === 0) this.rowCells.push(0);
      const n = this.rowCells[this.rowCells.length - 1] as number;
      if (n > 0) this.write("\t");
      this.rowCells[this.rowCells.length - 1] = n + 1;
      this.cellDepth++;
      this.cellHasText = false;
      this.pendingBreak = false;
      this.pendingSpace = false;
      return;
    }
    if (name === "pre") this.preDepth++;
    if (BLOCK_ELEMENTS.has(name)) this.block();
  }

  close(name: string): void {
    if (SKIPPED_ELEMENTS.has(name)) {
      if (this.skipDepth > 0) this.skipDepth--;
      return;
    }
    if (this.skipDepth > 0) return;
    if (name === "td" || name === "th") {
      if (this.cellDepth > 0) this.cellDepth--;
      this.pendingBreak = false;
      this.pendingSpace = false;
      return;
    }
    if (name === "tr") {
      this.rowCells.pop();
      this.pendingBreak = true;
      this.pendingSpace = false;
      return;
    }
    if (name === "table") {
      if (this.tableDepth > 0) this.tableDepth--;
      this.block();
      return;
    }
    if (name === "pre" && this.preDepth > 0) this.preDepth--;
    if (BLOCK_ELEMENTS.has(name)) this.block();
  }

  comment(data: string): void {
    if (this.skipDepth > 0) return;
    this.defer(data);
  }

  private defer(value: string): void {
    const v = value.replace(/[\t\n\r\f\u2028\u2029]+/g, " ").trim();
    if (v !== "" && v !== "#") this.deferred.push(v);
  }

  finish(): string {
    this.pendingBreak = true;
    this.separate();
    this.flushDeferred();
    return this.out.join("").replace(/[ \n]+$/, "").replace(/^\n+/, "");
  }
}

/** `mailto:…?subject=CPR%20150650-3720` reads as typed; a malformed escape leaves the value as is. */
function decodeHref(href: string): string {
  if (href.indexOf("%") < 0) return href;
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

export function htmlToText(html: string): string {
  const w = new TextWriter();
  const parser = new Parser(
    {
      onopentag: (name, attribs) => w.open(name, attribs),
      onclosetag: (name) => w.close(name),
      ontext: (data) => w.text(data),
      oncomment: (data) => w.comment(data),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return w.finish();
}
