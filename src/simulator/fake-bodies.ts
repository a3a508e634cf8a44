/**
 * Compose bodies the way the real clients hand them to body.getAsync(Html), so the add-in is tested
 * against what it will meet: classic Outlook's Word HTML (namespaced <html>, a <style> inside a
 * comment, conditional comments, WordSection1, MsoNormal paragraphs closed with <o:p></o:p>, VML
 * shapes beside <img> fallbacks, cid: images), and Outlook on the web's wrapper (elementToProof
 * divs). Shapes and sources: docs/design/outlook-fake-fidelity.md.
 */
import type { ClientProfile } from "./fake-profiles";

/** An image shown in the body and carried as an inline attachment with this content id. */
export interface InlineImageRef {
  readonly contentId: string;
  readonly name: string;
}

function wordParagraphs(html: string): string {
  // Outlook's editor is Word: every paragraph is a MsoNormal <p> ending in an empty <o:p>.
  const withClass = html.replace(/<p(\s[^>]*)?>/gi, (_m, attrs: string | undefined) => `<p class=MsoNormal${attrs ?? ""}>`);
  const closed = withClass.replace(/<\/p>/gi, "<o:p></o:p></p>");
  return /<p[\s>]/i.test(closed) ? closed : `<p class=MsoNormal>${closed}<o:p></o:p></p>`;
}

function wordImage(image: InlineImageRef, index: number): string {
  const id = `Billede_x0020_${index + 1}`;
  return (
    `<p class=MsoNormal><!--[if gte vml 1]><v:shape id="${id}" o:spid="_x0000_i102${index + 5}" type="#_x0000_t75" ` +
    `style='width:90pt;height:30pt;visibility:visible'><v:imagedata src="cid:${image.contentId}" o:title=""/></v:shape><![endif]-->` +
    `<![if !vml]><img width=120 height=40 style='width:1.25in;height:.4166in' src="cid:${image.contentId}" alt="${image.name}" v:shapes="${id}"><![endif]>` +
    `<o:p></o:p></p>`
  );
}

const WORD_HEAD =
  `<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15 (filtered medium)">` +
  `<!--[if !mso]><style>v\\:* {behavior:url(#default#VML);} o\\:* {behavior:url(#default#VML);}</style><![endif]-->` +
  `<style><!--\n/* Font Definitions */\n@font-face {font-family:"Cambria Math";}\n` +
  `p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}\n` +
  `@page WordSection1 {size:612.0pt 792.0pt; margin:72.0pt 72.0pt 72.0pt 72.0pt;}\ndiv.WordSection1 {page:WordSection1;}\n--></style>` +
  `<!--[if gte mso 9]><xml>\n<o:shapedefaults v:ext="edit" spidmax="1026" />\n</xml><![endif]-->` +
  `<!--[if gte mso 9]><xml>\n<o:shapelayout v:ext="edit">\n<o:idmap v:ext="edit" data="1" />\n</o:shapelayout></xml><![endif]--></head>`;

/** Classic Outlook on Windows (and LTSC): a whole Word document. */
export function classicWordHtml(inner: string, images: readonly InlineImageRef[]): string {
  return (
    `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ` +
    `xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" ` +
    `xmlns="http://www.w3.org/TR/REC-html40">${WORD_HEAD}` +
    `<body lang=DA link="#0563C1" vlink="#954F72" style='word-wrap:break-word'><div class=WordSection1>` +
    `${wordParagraphs(inner)}${images.map(wordImage).join("")}</div></body></html>`
  );
}

/** Outlook on the web and new Outlook: an HTML document whose blocks sit in elementToProof divs. */
export function owaHtml(inner: string, images: readonly InlineImageRef[]): string {
  const style = "font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);";
  const imgs = images
    .map((i) => `<div class="elementToProof"><img style="max-width: 100%;" size="1200" contenttype="image/png" data-outlook-trace="F:1|T:1" src="cid:${i.contentId}" alt="${i.name}"></div>`)
    .join("");
  return (
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head>` +
    `<body dir="ltr"><div class="elementToProof" style="${style}">${inner}</div>${imgs}</body></html>`
  );
}

/** Outlook for Mac (new UI): a plain document with the images inline. */
export function macHtml(inner: string, images: readonly InlineImageRef[]): string {
  const imgs = images.map((i) => `<div><img src="cid:${i.contentId}" alt="${i.name}"></div>`).join("");
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div dir="ltr">${inner}</div>${imgs}</body></html>`;
}

export function bodyAsClientWrites(profile: ClientProfile, inner: string, images: readonly InlineImageRef[]): string {
  if (profile.bodyStyle === "word") return classicWordHtml(inner, images);
  if (profile.bodyStyle === "owa") return owaHtml(inner, images);
  return macHtml(inner, images);
}

/**
 * What body.setAsync leaves behind: Outlook on the web wraps the written HTML once more on every call
 * (office-js #6778); the desktop clients keep it as written.
 */
export function bodyAfterSet(profile: ClientProfile, html: string): string {
  if (profile.bodyStyle !== "owa") return html;
  const open = /<body[^>]*>/i.exec(html);
  const close = html.toLowerCase().lastIndexOf("</body>");
  if (!open || close < 0) return `<div class="elementToProof">${html}</div>`;
  const start = open.index + open[0].length;
  return `${html.slice(0, start)}<div class="elementToProof">${html.slice(start, close)}</div>${html.slice(close)}`;
}

/**
 * The part of a client-written body an editor shows and edits: what is inside <body>, without the
 * comments (conditional ones included), the client's wrapper (WordSection1, elementToProof, the
 * Mac's ltr div) and Word's paragraph dress (MsoNormal, <o:p>), which `bodyAsClientWrites` puts
 * back. So editing and writing again does not stack a second dress on the first.
 */
export function editableBody(html: string): string {
  const open = /<body[^>]*>/i.exec(html);
  const close = html.toLowerCase().lastIndexOf("</body>");
  let inner = open && close > open.index ? html.slice(open.index + open[0].length, close) : html;
  inner = inner.replace(/<!--[\s\S]*?-->/g, "").replace(/<!\[(?:if [^\]]*|endif)\]>/gi, "");
  for (;;) {
    const wrapper = /^\s*<div\b[^>]*\b(?:class="?(?:WordSection1|elementToProof)"?|dir="?ltr"?)[^>]*>([\s\S]*)<\/div>\s*$/i.exec(inner);
    if (!wrapper) break;
    inner = wrapper[1] as string;
  }
  return inner.replace(/<o:p>\s*<\/o:p>/gi, "").replace(/(<p\b[^>]*?)\s+class="?MsoNormal"?/gi, "$1");
}

/** Text coercion: what a reader sees, without head, styles or comments (conditional ones included). */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<head[\s\S]*?<\/head>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<!\[[^\]]*\]>/g, "")
    .replace(/<(br|\/p|\/div|\/tr|\/li)[^>]*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
