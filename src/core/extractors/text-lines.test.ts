/**
 * Streamed text gives the segments whole text gives, wherever the pieces are cut; a big text's
 * first lines are kept when the deadline stops the rest, plain or zipped.
 */
import { zipSync } from "fflate";
import type { TextSegment } from "../location";
import { Budget } from "./budget";
import type { ReadContext } from "./context";
import { DEFAULT_POLICY } from "../policy/default-policy";
import { extractAttachments } from "./extract";
import { effectiveLimits } from "./limits";
import { decodeText } from "./text-decode";
import { LineStream, readLines } from "./text-lines";

function collect(run: (ctx: ReadContext) => void): Array<[string, number | undefined]> {
  const out: Array<[string, number | undefined]> = [];
  const ctx: ReadContext = {
    budget: new Budget(effectiveLimits(undefined), Infinity, () => 0),
    emit: (text, place) => {
      if (/\S/.test(text)) out.push([text, place?.kind === "line" ? place.line : undefined]);
    },
    nested: () => undefined,
  };
  run(ctx);
  return out;
}

const whole = (bytes: Uint8Array) => collect((ctx) => readLines(decodeText(bytes), ctx));
const streamed = (bytes: Uint8Array, cuts: number[]) =>
  collect((ctx) => {
    const s = new LineStream(ctx);
    let at = 0;
    for (const cut of [...cuts, bytes.length]) {
      s.push(bytes.subarray(at, cut), cut === bytes.length);
      at = cut;
    }
  });

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("LineStream", () => {
  const samples: Array<[string, Uint8Array]> = [
    ["LF", utf8("Navn;CPR\nÅse Ærø;150375-6125\n\nØst;1\n")],
    ["CRLF, cut inside \\r\\n", utf8("a æ\r\nb ø\r\nc å\r\n")],
    ["lone CR (old Mac)", utf8("en\rto\r\rtre")],
    ["CR, LF and CRLF mixed", utf8("a\r\nb\rc\n\r\nd\r\re\n\nf\r")],
    ["BOM", utf8("\ufeffførste\nanden")],
    ["4-byte UTF-8", utf8("x 🙂 y\n🙂\n")],
    ["UTF-16LE with BOM", new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("æble\r\npære\n", "utf16le")]))],
    ["windows-1252", new Uint8Array([0x41, 0xe6, 0x0a, 0x42, 0xf8, 0x0d, 0x0a, 0x80])],
  ];
  it.each(samples)("%s: every cut gives the lines whole text gives", (_, bytes) => {
    const expected = whole(bytes);
    for (let a = 0; a <= bytes.length; a++) {
      expect(streamed(bytes, [a])).toEqual(expected);
      for (let b = a; b <= bytes.length; b += 3) expect(streamed(bytes, [a, b])).toEqual(expected);
    }
  });
});

/** A register extract: one synthetic CPR number (born 1858-1899) per line. */
function register(lines: number): Uint8Array {
  const out: string[] = ["Navn;CPR-nr.;By"];
  for (let i = 0; i < lines; i++) out.push(`Borger ${i};${String(10 + (i % 18)).slice(-2)}0${1 + (i % 9)}${60 + (i % 39)}-${5000 + (i % 3999)};8900 Randers`);
  return utf8(out.join("\n"));
}

describe("a big text stopped by the deadline keeps what it read", () => {
  const csv = register(60_000);
  // A clock that moves 1 ms per reading: the deadline falls in the middle of the file.
  const ticking = () => {
    let t = 0;
    return () => t++;
  };
  const lines = (segments: readonly TextSegment[]) => segments.filter((s) => s.location.place?.kind === "line");

  it.each([
    ["register.csv", csv],
    ["register.zip", zipSync({ "register.csv": csv })],
  ])("%s: the first lines are segments, the attachment is 'not read in time'", async (name, bytes) => {
    const r = await extractAttachments([{ kind: "file", name, bytes }], { limits: DEFAULT_POLICY.limits, deadline: 400, clock: ticking() });
    const read = lines(r.segments);
    expect(read.length).toBeGreaterThan(1000);
    expect(read.length).toBeLessThan(60_000);
    expect(read[1]!.text).toMatch(/^Borger 0;/);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: name, why: "timeout", limit: "SEND_BUDGET_MS" }]);
  });

  it.each([
    ["register.csv", csv],
    ["register.zip", zipSync({ "register.csv": csv })],
  ])("%s: with time enough, every line is read, as the whole-file reader reads it", async (name, bytes) => {
    const r = await extractAttachments([{ kind: "file", name, bytes }], { limits: DEFAULT_POLICY.limits, deadline: Date.now() + 60_000 });
    expect(r.unreadable).toEqual([]);
    expect(lines(r.segments).map((s) => [s.text, (s.location.place as { line: number }).line])).toEqual(whole(csv));
  });
});
