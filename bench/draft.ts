/**
 * The typical 5 MB draft of the send rows (docx + 20-page PDF with images + xlsx, 20 KB
 * body), shared by the Chromium bench, the bundle bench and the realistic-PDF send row: send.bench.ts's
 * seeded draft with its PDF replaced by the realistic case file (test/helpers/realistic-pdf.ts:
 * 20 pages of Flate-compressed text in two fonts, one with a ToUnicode CMap, a photo on every page),
 * the way a word processor writes one, rather than a single image shared by hand-written pages.
 *
 * Also its extraction floor: unzip + decode of the parts our readers read,
 * pdf.js's text of the PDF, and a bare CPR regex over the body and all that text.
 */
import { unzlibSync, unzipSync } from "fflate";
import type { Message } from "../src/core/index";
import { realisticPdf } from "../test/helpers/realistic-pdf";
import { partsRead } from "./parts-read";
import { typicalDraft } from "./send.bench";

export function benchDraft(): Message {
  const draft = typicalDraft();
  return {
    ...draft,
    attachments: draft.attachments.map((a) => (a.kind === "file" && a.name.endsWith(".pdf") ? { ...a, bytes: realisticPdf() } : a)),
  };
}

export function draftBytes(message: Message): number {
  return message.attachments.reduce((n, a) => n + (a.kind === "file" ? a.bytes.length : 0), 0) + (message.bodyHtml?.length ?? 0);
}

type PdfjsLib = {
  getDocument: (o: object) => {
    promise: Promise<{ numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<{ items: Array<{ str?: string }> }> }> }>;
    destroy(): Promise<void>;
  };
};

/** pdf.js's text of every page (legacy build, no worker, as the CLI runs it). */
export async function loadPdfjsText(): Promise<(bytes: Uint8Array) => Promise<string>> {
  const dyn = new Function("s", "return import(s)") as (s: string) => Promise<unknown>;
  await dyn("pdfjs-dist/legacy/build/pdf.worker.mjs");
  const lib = (await dyn("pdfjs-dist/legacy/build/pdf.mjs")) as PdfjsLib;
  return async (bytes) => {
    const task = lib.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
    const doc = await task.promise;
    let text = "";
    for (let p = 1; p <= doc.numPages; p++) for (const item of (await (await doc.getPage(p)).getTextContent()).items) text += item.str ?? "";
    await task.destroy();
    return text;
  };
}

/**
 * The least a PDF text reader must do, and no more: find each stream, and inflate and decode
 * those that are Flate-compressed and not images (the page content streams, the ToUnicode CMap).
 * No xref, no object parsing, no content-stream operators, no fonts: less than any real reader.
 */
export function pdfContentStreams(bytes: Uint8Array): string {
  const latin1 = new TextDecoder("latin1");
  let text = "";
  const marker = [0x73, 0x74, 0x72, 0x65, 0x61, 0x6d]; // "stream"
  for (let i = bytes.indexOf(0x73); i >= 0; i = bytes.indexOf(0x73, i + 1)) {
    let hit = true;
    for (let k = 1; k < marker.length && hit; k++) hit = bytes[i + k] === marker[k];
    if (!hit || bytes[i - 1] === 0x64 /* "endstream" */) continue;
    const dict = latin1.decode(bytes.subarray(Math.max(0, i - 200), i));
    const length = /\/Length (\d+)/.exec(dict.slice(dict.lastIndexOf("<<")));
    let start = i + 6;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    if (!length) continue;
    const end = start + Number(length[1]);
    if (/\/FlateDecode/.test(dict) && !/\/Subtype\s*\/Image/.test(dict)) text += latin1.decode(unzlibSync(bytes.subarray(start, end)));
    i = end;
  }
  return text;
}

/**
 * The draft's extraction floor as a function to time: per zip attachment only the parts ours
 * reads (recorded once, here, untimed), pdf.js's text for the PDF, one bare regex over it all.
 */
export async function extractionFloor(message: Message, pdf: "pdf.js" | "content streams" = "pdf.js"): Promise<() => Promise<number>> {
  const pdfText = await loadPdfjsText();
  const decoder = new TextDecoder();
  const parts = new Map<string, ReadonlySet<string>>();
  for (const a of message.attachments) if (a.kind === "file" && !a.name.endsWith(".pdf")) parts.set(a.name, await partsRead(a.name, a.bytes));
  return async () => {
    let text = message.bodyHtml ?? "";
    for (const a of message.attachments) {
      if (a.kind !== "file") continue;
      if (a.name.endsWith(".pdf")) text += pdf === "pdf.js" ? await pdfText(a.bytes) : pdfContentStreams(a.bytes);
      else {
        const wanted = parts.get(a.name)!;
        for (const data of Object.values(unzipSync(a.bytes, { filter: (f) => wanted.has(f.name) }))) text += decoder.decode(data);
      }
    }
    const re = /\d{6}-?\d{4}/g;
    let n = 0;
    while (re.exec(text)) n++;
    return n;
  };
}
