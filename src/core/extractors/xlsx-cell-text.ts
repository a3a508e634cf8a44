/**
 * The text of a worksheet cell, read from its markup: the `r`/`t`/`s` attributes in one walk, the
 * column of a reference, and a number as Excel shows it. Every cell of a sheet comes through here.
 */
import { decodeXmlText } from "./xml";

/** "1.5065037199999999E9" → "1506503720"; other numbers unchanged. */
export function numberText(v: string): string {
  // indexOf, not a regex: this runs for every number cell.
  if (v.indexOf("e") < 0 && v.indexOf("E") < 0) return v;
  const n = Number(v);
  return isFinite(n) && Math.floor(n) === n && Math.abs(n) < 1e15 ? String(n) : v;
}

export function columnOf(ref: string): string {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 90) i++;
  return ref.slice(0, i);
}

/** 0-based column index of a reference's leading letters (`columnOf`), read without slicing. */
export function columnIndexOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The `r`, `t` and `s` attributes of the cell being opened (first of each, any prefix), or undefined. */
export const CELL: { r: string | undefined; t: string; s: string | undefined } = { r: undefined, t: "", s: undefined };

/**
 * One pass over a `<c>` element's attributes. Every cell of a sheet comes through here, so this
 * replaces three `attr` searches (each an `indexOf` over the string and a slice) with one walk; it
 * reads exactly what `attr(attrs, "r" | "t" | "s")` would.
 */
export function readCellAttrs(attrs: string): void {
  CELL.r = undefined;
  CELL.t = "";
  CELL.s = undefined;
  let seenT = false;
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    while (i < n && attrs.charCodeAt(i) <= 32) i++;
    const nameStart = i;
    let local = i;
    while (i < n) {
      const c = attrs.charCodeAt(i);
      if (c === 61 || c <= 32) break;
      if (c === 58) local = i + 1;
      i++;
    }
    const nameEnd = i;
    while (i < n && attrs.charCodeAt(i) <= 32) i++;
    if (i >= n || attrs.charCodeAt(i) !== 61 || nameEnd === nameStart) return;
    i++;
    while (i < n && attrs.charCodeAt(i) <= 32) i++;
    const q = attrs.charCodeAt(i);
    if (q !== 34 && q !== 39) return;
    const end = attrs.indexOf(q === 34 ? '"' : "'", i + 1);
    if (end < 0) return;
    if (nameEnd - local === 1) {
      const c = attrs.charCodeAt(local);
      if (c === 114 /* r */ && CELL.r === undefined) CELL.r = decodeXmlText(attrs.slice(i + 1, end));
      else if (c === 116 /* t */ && !seenT) {
        CELL.t = decodeXmlText(attrs.slice(i + 1, end));
        seenT = true;
      } else if (c === 115 /* s */ && CELL.s === undefined) CELL.s = decodeXmlText(attrs.slice(i + 1, end));
    }
    i = end + 1;
  }
}

export function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

export function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
