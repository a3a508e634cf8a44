import { readFileSync } from "node:fs";
import { deflateSync, inflateSync, Inflate, strToU8, unzipSync } from "fflate";
const files = unzipSync(new Uint8Array(readFileSync("test/fixtures/attachments/brev.docx")));
const xml = new TextDecoder().decode(files["word/document.xml"]); const a = xml.indexOf("<w:body>") + 8; const b = xml.lastIndexOf("<w:sectPr");
const big = strToU8(xml.slice(0, a) + xml.slice(a, b).repeat(300) + xml.slice(b));
const d = deflateSync(big, { level: 6 });
console.log("in", d.length, "out", big.length);
function streamed(chunk: number) { const parts: Uint8Array[] = []; let t = 0; const inf = new Inflate((c) => { parts.push(c); t += c.length; }); for (let o = 0; o < d.length; o += chunk) inf.push(d.subarray(o, Math.min(d.length, o + chunk)), o + chunk >= d.length); const out = new Uint8Array(t); let k = 0; for (const p of parts) { out.set(p, k); k += p.length; } return out; }
function bench(label: string, f: () => unknown) { f(); const t = performance.now(); for (let i = 0; i < 20; i++) f(); console.log(label, ((performance.now() - t) / 20).toFixed(1), "ms"); }
bench("inflateSync", () => inflateSync(d));
bench("inflateSync out", () => inflateSync(d, { out: new Uint8Array(big.length) }));
for (const c of [16384, 65536, 262144, 1 << 20]) bench("stream " + c, () => streamed(c));
