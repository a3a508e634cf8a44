/**
 * Where a number sits in a text's table structure (docs/cpr-rule.en.md): htmlToText writes table
 * cells as tabs and rows as lines, and cpr-structure.ts lays out every reader's cells the same way,
 * so a run of consecutive lines with tabs is a table whose first line is the header, and a run of
 * short lines without tabs is a list whose first line may be a label ("CPR-numre:").
 */
import { isCprHeader, isOtherNumberHeader } from "./cpr-keywords";

const LINE_LOOK = 4096;

export function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}

/** Longer tables are judged in chunks of this many rows (the ≥ 80 %-valid rule still holds). */
const MAX_RUN_LINES = 1000;
/** A list item or label line; longer lines without tabs are prose and end a list. */
const MAX_LIST_LINE = 100;

export interface ColumnPlace {
  /** Identifies the table column (or list) the offset belongs to within this text. */
  readonly key: string;
  /** The run's first line names the CPR number in this column. */
  readonly headed: boolean;
  /** The run's first line names another kind of number in this column (isOtherNumberHeader). */
  readonly otherHeaded: boolean;
}

/** Lines are found lazily and memoized, so many numbers in one long table stay linear. */
export class TableIndex {
  private readonly runStartOf = new Map<number, number>();

  constructor(private readonly text: string) {}

  private lineBounds(offset: number): { start: number; end: number } | undefined {
    const t = this.text;
    let s = offset;
    const sStop = Math.max(0, offset - LINE_LOOK);
    while (s > sStop && !isLineBreak(t.charCodeAt(s - 1))) s--;
    if (s > 0 && !isLineBreak(t.charCodeAt(s - 1))) return undefined;
    let e = offset;
    const eStop = Math.min(t.length, offset + LINE_LOOK);
    while (e < eStop && !isLineBreak(t.charCodeAt(e))) e++;
    if (e < t.length && !isLineBreak(t.charCodeAt(e))) return undefined;
    return { start: s, end: e };
  }

  private previousLine(lineStart: number): { start: number; end: number } | undefined {
    if (lineStart === 0) return undefined;
    let e = lineStart - 1;
    // \r\n is one break.
    if (e > 0 && this.text.charCodeAt(e) === 0x0a && this.text.charCodeAt(e - 1) === 0x0d) e--;
    return this.lineBounds(e);
  }

  private hasTab(l: { start: number; end: number }): boolean {
    for (let i = l.start; i < l.end; i++) if (this.text.charCodeAt(i) === 0x09) return true;
    return false;
  }

  private isBlank(l: { start: number; end: number }): boolean {
    for (let i = l.start; i < l.end; i++) if (this.text.charCodeAt(i) > 0x20) return false;
    return true;
  }

  private readonly headerCache = new Map<string, "cpr" | "other" | "none">();

  /** What the header cell of `column` in the run starting at `runStart` names. */
  private headerKind(runStart: number, column: number, tabbed: boolean): "cpr" | "other" | "none" {
    const key = runStart + ":" + column;
    const known = this.headerCache.get(key);
    if (known !== undefined) return known;
    const header = this.lineBounds(runStart);
    let result: "cpr" | "other" | "none" = "none";
    if (header) {
      const line = this.text.slice(header.start, header.end);
      const cell = tabbed ? line.split("\t")[column] : line;
      if (cell !== undefined) result = isCprHeader(cell) ? "cpr" : isOtherNumberHeader(cell) ? "other" : "none";
    }
    this.headerCache.set(key, result);
    return result;
  }

  private runStart(line: { start: number; end: number }, tabbed: boolean): number {
    const known = this.runStartOf.get(line.start);
    if (known !== undefined) return known;
    const visited: number[] = [line.start];
    let cur = line;
    let result = line.start;
    for (let n = 0; n < MAX_RUN_LINES; n++) {
      const prev = this.previousLine(cur.start);
      if (!prev || this.isBlank(prev) || this.hasTab(prev) !== tabbed || (!tabbed && prev.end - prev.start > MAX_LIST_LINE)) {
        result = cur.start;
        break;
      }
      const memo = this.runStartOf.get(prev.start);
      if (memo !== undefined) {
        result = memo;
        break;
      }
      visited.push(prev.start);
      cur = prev;
      result = cur.start;
    }
    for (const v of visited) this.runStartOf.set(v, result);
    return result;
  }

  /**
   * The column place of `offset`, or undefined when its line is too long to be a table row.
   * Call only for numbers in a short cell (inShortCell).
   */
  place(offset: number): ColumnPlace | undefined {
    const line = this.lineBounds(offset);
    if (!line) return undefined;
    const tabbed = this.hasTab(line);
    let column = 0;
    for (let i = line.start; i < offset; i++) if (this.text.charCodeAt(i) === 0x09) column++;
    const runStart = this.runStart(line, tabbed);
    const header = runStart !== line.start ? this.headerKind(runStart, column, tabbed) : "none";
    return { key: runStart + ":" + column, headed: header === "cpr", otherHeaded: header === "other" };
  }
}
