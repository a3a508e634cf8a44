/**
 * Generated hostile PDFs (issue: hostile input). Each is built here from a seed, never downloaded:
 * form XObjects that draw one another, page counts and nesting past the reader's limits. Numbers
 * in them are synthetic (docs/design/cpr-number.md §7: 150375-6125 is the project's test number).
 */
import { mulberry32 } from "./seeded-random";

export const PDF_NUMBER = "150375-6125";

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 255);

/** A PDF from numbered objects (1-based, in order): strings are dictionaries, pairs are streams. */
export function writePdf(objects: ReadonlyArray<string | readonly [string, string]>): Uint8Array {
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    if (typeof o === "string") out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    else out += `${i + 1} 0 obj\n<< /Length ${o[1].length} ${o[0]} >>\nstream\n${o[1]}\nendstream\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}

const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
const text = (s: string, y = 700): string => `BT /F1 12 Tf 72 ${y} Td (${s}) Tj ET`;

/**
 * Forms that draw one another: `count` forms, each drawing `fanout` others (chosen by the seed,
 * cycles and self-draws included), ten-ish operators per stream. Exponential work for a reader
 * that re-runs every `Do`; the number sits in the last form, so a reader that gives up early must
 * say so.
 */
export function formGraphPdf(seed: number, count = 12, fanout = 2): Uint8Array {
  const rnd = mulberry32(seed);
  // 1 catalog, 2 pages, 3 page, 4 page content, 5 font, 6.. forms
  const first = 6;
  const objects: Array<string | [string, string]> = [];
  const xobjs = Array.from({ length: count }, (_, i) => `/X${i} ${first + i} 0 R`).join(" ");
  const res = `<< /Font << /F1 5 0 R >> /XObject << ${xobjs} >> >>`;
  objects.push("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${res} /Contents 4 0 R >>`);
  objects.push(["", `${text("Forside")} q /X0 Do Q`]);
  objects.push(FONT);
  for (let i = 0; i < count; i++) {
    const draws: string[] = [];
    for (let k = 0; k < fanout; k++) {
      // The first draw is always the next form (the number stays reachable), the rest mostly the next (a chain whose work doubles at each level), sometimes itself or an earlier one.
      const r = rnd();
      const target = k === 0 || r < 0.7 ? Math.min(i + 1, count - 1) : r < 0.85 ? i : Math.floor(rnd() * count);
      draws.push(`q 1 0 0 1 0 ${k} cm /X${target} Do Q`);
    }
    const body = i === count - 1 ? `${text("CPR-nr. " + PDF_NUMBER, 600)} ${draws.join(" ")}` : draws.join(" ");
    objects.push([`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources ${res}`, body]);
  }
  return writePdf(objects);
}

/** Forms nested `depth` deep (each draws the next once); the number is in the deepest. */
export function deepFormPdf(depth: number): Uint8Array {
  const first = 6;
  const objects: Array<string | [string, string]> = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >> /Contents 4 0 R >>`,
    ["", "/X Do"],
    FONT,
  ];
  for (let i = 0; i < depth; i++) {
    const last = i === depth - 1;
    const res = last ? "<< /Font << /F1 5 0 R >> >>" : `<< /Font << /F1 5 0 R >> /XObject << /X ${first + i + 1} 0 R >> >>`;
    objects.push([`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources ${res}`, last ? text("CPR-nr. " + PDF_NUMBER) : "/X Do"]);
  }
  return writePdf(objects);
}

/** `pages` one-line pages in a flat tree; the number is on the last page only. */
export function manyPagesPdf(pages: number): Uint8Array {
  const first = 5;
  const kids = Array.from({ length: pages }, (_, i) => `${first + 2 * i} 0 R`).join(" ");
  const objects: Array<string | [string, string]> = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    FONT,
    "<< /Font << /F1 3 0 R >> >>",
  ];
  for (let i = 0; i < pages; i++) {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 4 0 R /Contents ${first + 2 * i + 1} 0 R >>`);
    objects.push(["", text(i === pages - 1 ? "CPR-nr. " + PDF_NUMBER : `Side ${i + 1}`)]);
  }
  return writePdf(objects);
}

/** A page tree `depth` levels deep with the one page (holding the number) at the bottom. */
export function deepPageTreePdf(depth: number): Uint8Array {
  const objects: Array<string | [string, string]> = ["<< /Type /Catalog /Pages 2 0 R >>"];
  for (let i = 0; i < depth; i++) objects.push(`<< /Type /Pages /Kids [${i + 3} 0 R] /Count 1 >>`);
  const page = depth + 2;
  objects.push(`<< /Type /Page /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${page + 2} 0 R >> >> /Contents ${page + 1} 0 R >>`);
  objects.push(["", text("CPR-nr. " + PDF_NUMBER)]);
  objects.push(FONT);
  return writePdf(objects);
}

/**
 * A Type0 (CID) font whose ToUnicode CMap maps each glyph to a UTF-16 string with a NUL before the
 * character (`<0000 0031>` for "1"), as some producers write it: pdf.js and a literal reader both
 * give "\0" between the characters, which hides the number from a matcher that expects digits side
 * by side. Glyph ids are shuffled by the seed, so nothing but the CMap says which glyph is a digit.
 */
export function nulToUnicodePdf(seed: number, line = "CPR-nr. " + PDF_NUMBER): Uint8Array {
  const rnd = mulberry32(seed);
  const chars = Array.from(new Set(line.split("")));
  const used = new Set<number>();
  const cid = new Map<string, number>();
  for (const c of chars) {
    let g = 0;
    while (g === 0 || used.has(g)) g = 1 + Math.floor(rnd() * 900);
    used.add(g);
    cid.set(c, g);
  }
  const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, "0");
  const bfchar = chars.map((c) => `<${hex4(cid.get(c) as number)}> <0000${hex4(c.charCodeAt(0))}>`).join("\n");
  const cmap =
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Nul-UCS def\n" +
    "1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
    `${chars.length} beginbfchar\n${bfchar}\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end`;
  const shown = line.split("").map((c) => hex4(cid.get(c) as number)).join("");
  return writePdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    ["", `BT /F1 12 Tf 72 700 Td <${shown}> Tj ET`],
    "<< /Type /Font /Subtype /Type0 /BaseFont /Nul-Identity /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
    "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Nul-Identity /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 /CIDToGIDMap /Identity /FontDescriptor 8 0 R >>",
    ["", cmap],
    "<< /Type /FontDescriptor /FontName /Nul-Identity /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
  ]);
}

/**
 * `pages` pages that share one content stream drawing `forms` forms, each form running `body`;
 * after them one last page with the number. Built to reach the document-wide bounds (operators,
 * form entries, characters) with a small file: each form runs once per page, so the work is
 * pages × forms × body, and a reader that stops at a bound never reaches the number.
 */
export function sharedFormsPdf(pages: number, forms: number, body: string, fonts = "/F1 3 0 R", extra: ReadonlyArray<string | [string, string]> = []): Uint8Array {
  // 1 catalog, 2 pages, 3 font, 4 resources, 5 shared content, 6 last content, 7.. forms, then pages.
  const first = 7;
  const pageStart = first + forms + extra.length;
  const xobjs = Array.from({ length: forms }, (_, i) => `/X${i} ${first + i} 0 R`).join(" ");
  const kids = Array.from({ length: pages + 1 }, (_, i) => `${pageStart + i} 0 R`).join(" ");
  const objects: Array<string | [string, string]> = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${pages + 1} >>`,
    FONT,
    `<< /Font << ${fonts} >> /XObject << ${xobjs} >> >>`,
    ["", Array.from({ length: forms }, (_, i) => `/X${i} Do`).join(" ")],
    ["", text("CPR-nr. " + PDF_NUMBER)],
  ];
  for (let i = 0; i < forms; i++) objects.push(["/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources 4 0 R", body]);
  objects.push(...extra);
  for (let i = 0; i <= pages; i++) objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 4 0 R /Contents ${i === pages ? 6 : 5} 0 R >>`);
  return writePdf(objects);
}

/** `count` filler objects before a one-page PDF with the number: past MAX_PDF_OBJECTS nothing is read. */
export function manyObjectsPdf(count: number): Uint8Array {
  const head = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
  ];
  let out = "%PDF-1.4\n";
  head.forEach((o, i) => (out += `${i + 1} 0 obj\n${o}\nendobj\n`));
  const content = text("CPR-nr. " + PDF_NUMBER);
  out += `4 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n5 0 obj\n${FONT}\nendobj\n`;
  // No xref table: the reader finds objects by scanning, and the file stays one string to build.
  const filler: string[] = [];
  for (let i = 0; i < count; i++) filler.push(`${6 + i} 0 obj 0 endobj\n`);
  out += filler.join("") + `trailer\n<< /Root 1 0 R >>\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

/**
 * `pages` pages of `perPage` characters each, cheaply: a Type0 font whose ToUnicode maps one glyph
 * to 250 characters (a ligature-like mapping the CMap syntax allows), so the text bound is reached
 * by decoding few codes.
 */
export function manyCharsPdf(pages: number, perPage: number): Uint8Array {
  const forms = 1;
  const fontObj = 7 + forms; // after the shared objects and the form (see sharedFormsPdf)
  const glyphs = Math.ceil(perPage / 250);
  const cmap = `1 begincodespacerange <0000> <FFFF> endcodespacerange\n1 beginbfchar\n<0001> <${"0078".repeat(250)}>\nendbfchar`;
  return sharedFormsPdf(pages, forms, `BT /G 12 Tf 72 700 Td <${"0001".repeat(glyphs)}> Tj ET`, `/F1 3 0 R /G ${fontObj} 0 R`, [
    `<< /Type /Font /Subtype /Type0 /BaseFont /Long /Encoding /Identity-H /DescendantFonts [${fontObj + 1} 0 R] /ToUnicode ${fontObj + 2} 0 R >>`,
    "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Long /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 >>",
    ["", cmap],
  ]);
}

/** The damage `damagedPdf` applies, each as the PDF fuzzer left it (seed 7). */
export type PdfDamage = "stray-lt" | "lone-gt" | "unclosed-dict" | "unclosed-form" | "tree-cycle" | "endstream-rewired" | "form-no-stream";

/**
 * A small file with one kind of damage the PDF fuzzer found (seed 7). pdf.js reads the number in
 * each but `tree-cycle` (there the fuzz case's pdf.js recovered the pages by scanning for them) and
 * `form-no-stream`:
 * - `stray-lt`: a stray `<` in the first form's resources opens a hex string (`/Font < /F1 5 0 R >>`)
 *   that ends at the first `>` of a `>>`, leaving a lone `>` before the form's /XObject;
 * - `lone-gt`: a lone `>` inside the first form's /XObject dictionary (`/X 7 0 R >0 7 0 R >>`);
 * - `unclosed-dict`: the font object's dictionary is never closed (`<< /Type << /Type /Font … >>`),
 *   right before the first form object;
 * - `unclosed-form`: the first form's /Font dictionary closed by `>x` (a lone `>`, junk), so the
 *   form's own dictionary closes only at the next object's `>>`, whose stream it takes (pdf.js too);
 * - `form-no-stream`: the first form's stream removed, so the form drawn is a dictionary only;
 * - `tree-cycle`: the page-tree kid of the last page (the one with the number) rewired to the tree's root;
 * - `endstream-rewired`: two pages; the first page's content stream lost its `endstream` keyword and
 *   the second page (the number) points at that stream: pdf.js reads it on to the next `endstream`.
 */
export function damagedPdf(damage: PdfDamage): Uint8Array {
  const latin = (b: Uint8Array): string => String.fromCharCode.apply(null, Array.from(b));
  const once = (s: string, from: string, to: string): string => {
    const at = s.indexOf(from);
    if (at < 0) throw new Error(`damagedPdf: no ${from}`);
    return s.slice(0, at) + to + s.slice(at + from.length);
  };
  if (damage === "endstream-rewired") return latin1(once(once(latin(manyPagesPdf(2)), "endstream", ""), "/Contents 8 0 R", "/Contents 6 0 R"));
  if (damage === "tree-cycle") return latin1(once(latin(manyPagesPdf(3)), "9 0 R]", "2 0 R]"));
  // Text on the page itself, so a reader that loses the forms still has text (not a file without a text layer).
  const page = `${text("Forside", 750)} /X Do`;
  const forms = once(latin(deepFormPdf(3)), "<< /Length 5  >>\nstream\n/X Do\n", `<< /Length ${page.length} >>\nstream\n${page}\n`);
  if (damage === "unclosed-dict") return latin1(once(forms, "<< /Type /Font", "<< /Type << /Type /Font"));
  if (damage === "unclosed-form") return latin1(once(forms, "/Font << /F1 5 0 R >> /XObject << /X 7 0 R", "/Font << /F1 5 0 R >x /XObject << /X 7 0 R"));
  if (damage === "form-no-stream") return latin1(once(forms, ">> >> >>\nstream\n/X Do\nendstream\n", ">> >> >>\n"));
  if (damage === "lone-gt") return latin1(once(forms, "/X 7 0 R >>", "/X 7 0 R >0 7 0 R >>"));
  return latin1(once(forms, "/Font << /F1 5 0 R >> /XObject << /X 7 0 R", "/Font < /F1 5 0 R >> /XObject << /X 7 0 R"));
}
