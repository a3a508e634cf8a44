/**
 * The CPR rule's speed against the floor: a bare `/\d{6}-?\d{4}/g` pass over the same text, in the
 * same run, alternately with ours. Target: ≤ 1.5× the bare pass over ≥ 10 MB of mixed Danish text,
 * for the whole text and for the same text as a file's lines (the structural context included),
 * on both mixes: a mailbox where some mails carry a CPR number, and dense case mail (one number per
 * ~4 KB), which shows the cost of each number found (keyword windows, scoring, masking). CPU time
 * is the figure to read on a shared machine (wall time counts the waits for a core too).
 *
 * The text is seeded and synthetic: prose with æøå, en dashes and curly quotes (which make the
 * string two-byte, as real mail is), phone numbers, amounts, dates, times, postcodes, journal and
 * CVR numbers, URLs with timestamps, tab-separated rows, and synthetic CPR numbers (docs/design/cpr-number.md §7:
 * births 1858–1915 or failing modulus 11 on a date other than 1 January) in every written form.
 */
import { findCprInSegments, findCprNumbers } from "../src/core/detectors/cpr";
import type { TextSegment } from "../src/core/location";
import { mulberry32 as rng } from "../test/helpers/seeded-random";
import { header, ratioRow, stats } from "./rows";

const TARGET_CHARS = 10 * 1024 * 1024;
const ITERATIONS = 21;
const TARGET_RATIO = 1.5;
const NOW = new Date(2026, 10, 23);


const WORDS = (
  "og i at det en til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu over da fra " +
  "du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville jo deres " +
  "efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din " +
  "nogle hos blive mange ad bliver hendes været sådan borgeren kommunen sagsbehandler ansøgning bevilling hjælp økonomi " +
  "ydelse afgørelse klage møde jobcenter handleplan børne- og ungeudvalget forvaltningen partshøring aktindsigt " +
  "journalnotat udbetaling kontanthjælp boligstøtte førtidspension tilbud visitation hjemmepleje"
).split(" ");
const TOWNS = ["Randers C", "Aarhus N", "Viborg", "Silkeborg", "Odense SØ", "København K", "Aalborg Øst"];
/** Synthetic CPR numbers only (docs/design/cpr-number.md §7). */
const CPRS = ["150650-3720", "241210-2145", "150375-6125", "010190-5811", "030968-4711", "290200-4810", "120508-3911", "121212-1212"];

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

/**
 * ≥ `size` characters of seeded mixed Danish mail text, and how many CPR numbers went in.
 * `cprRate` is the share of tokens that are a CPR number: 0.0004 ≈ one per 16 KB (a mailbox where
 * some mails carry one), 0.0016 ≈ one per 4 KB (dense case mail).
 */
export function buildText(size: number, seed = 42, cprRate = 0.0004): { text: string; cprs: number } {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
  const int = (n: number): number => Math.floor(r() * n);
  const parts: string[] = [];
  let length = 0;
  let cprs = 0;
  while (length < size) {
    const x = r();
    let s: string;
    if (x < 0.012) s = `tlf. ${pad(int(100), 2)} ${pad(int(100), 2)} ${pad(int(100), 2)} ${pad(int(100), 2)}`;
    else if (x < 0.018) s = `+45 ${pad(int(1e8), 8)}`;
    else if (x < 0.03) s = `${(int(1e6) / 100).toFixed(2).replace(".", ",")} kr.`;
    else if (x < 0.04) s = `den ${pad(1 + int(28), 2)}-${pad(1 + int(12), 2)}-${1950 + int(75)}`;
    else if (x < 0.045) s = `${pad(1 + int(28), 2)}.${pad(1 + int(12), 2)}.${2000 + int(25)}`;
    else if (x < 0.05) s = `kl. ${pad(8 + int(8), 2)}.${pad(int(60), 2)}\u2013${pad(9 + int(8), 2)}.00`;
    else if (x < 0.054) s = `${1000 + int(9000)} ${pick(TOWNS)}`;
    else if (x < 0.057) s = `J.nr. ${2000 + int(26)}-${pad(int(1000), 3)}-${pad(int(10000), 4)}`;
    else if (x < 0.059) s = `CVR ${pad(int(1e8), 8)}`;
    else if (x < 0.06) s = `https://sag.example.dk/vis?id=${int(1e6)}&ts=${1700000000 + int(1e8)}`;
    else if (x < 0.0625) s = `Ordrenr. ${pad(int(1e10), 10)}`;
    else if (x < 0.0625 + cprRate) {
      const c = pick(CPRS);
      const form = int(4);
      s = form === 0 ? `CPR-nr.: ${c}` : form === 1 ? `cpr ${c.replace("-", "")}` : form === 2 ? c : `${c.slice(0, 2)}.${c.slice(2, 4)}.${c.slice(4)}`;
      cprs++;
    } else if (x < 0.0645) s = `\n${pick(WORDS)}\t${pick(WORDS)}\t${pad(int(1e5), 5)}\n`;
    else if (x < 0.0665) s = `\u201d${pick(WORDS)}\u201d`;
    else {
      s = pick(WORDS);
      if (r() < 0.08) s = s.charAt(0).toUpperCase() + s.slice(1);
    }
    if (r() < 0.06) s += ".";
    if (r() < 0.012) s += "\n";
    parts.push(s);
    length += s.length + 1;
  }
  return { text: parts.join(" "), cprs };
}

function bare(text: string): number {
  const re = /\d{6}-?\d{4}/g;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** Wall and CPU time (user + system of this process) of one call, in ms. */
function timed<T>(f: () => T): { ms: number; cpuMs: number; result: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, result };
}

interface Mix {
  readonly name: string;
  readonly cprRate: number;
}

/** The target applies to both mixes; the dense one shows what each found number costs. */
const MIXES: readonly Mix[] = [
  { name: "mailbox: 1 CPR per ~16 KB", cprRate: 0.0004 },
  { name: "dense case mail: 1 CPR per ~4 KB", cprRate: 0.0016 },
];

async function benchMix(mix: Mix): Promise<void> {
  const { text, cprs } = buildText(TARGET_CHARS, 42, mix.cprRate);
  const mb = text.length / (1024 * 1024);
  const wall = { bare: [] as number[], cpr: [] as number[], seg: [] as number[] };
  const cpu = { bare: [] as number[], cpr: [] as number[], seg: [] as number[] };
  // The same text as a .txt attachment's lines: one segment per line, laid out again as one flow
  // by the structural context (cpr-structure.ts) before the rule runs.
  const segments: TextSegment[] = text.split("\n").map((line, i) => ({
    text: line,
    location: { part: "attachment", attachment: "udtræk.txt", place: { kind: "line", line: i + 1 } },
  }));
  let bareHits = 0;
  let found: ReturnType<typeof findCprNumbers> = [];
  // Warm all up, then interleave so drift (GC, CPU clock, other load) hits each alike.
  bare(text);
  findCprNumbers(text, { now: NOW });
  findCprInSegments(segments, { now: NOW });
  for (let i = 0; i < ITERATIONS; i++) {
    const b = timed(() => bare(text));
    wall.bare.push(b.ms);
    cpu.bare.push(b.cpuMs);
    bareHits = b.result;
    const c = timed(() => findCprNumbers(text, { now: NOW }));
    wall.cpr.push(c.ms);
    cpu.cpr.push(c.cpuMs);
    found = c.result;
    const g = timed(() => findCprInSegments(segments, { now: NOW }));
    wall.seg.push(g.ms);
    cpu.seg.push(g.cpuMs);
  }
  const byLevel = { high: 0, medium: 0, low: 0 };
  for (const m of found) byLevel[m.confidence]++;
  console.log(`\n### ${mix.name}`);
  console.log(`text: ${mb.toFixed(1)} MB (${text.length} chars, seeded), ${cprs} synthetic CPR numbers planted, ${ITERATIONS} rounds, each: floor, whole text, lines`);
  header();
  const floor = "bare /\\d{6}-?\\d{4}/g";
  ratioRow("findCprNumbers (whole text), CPU", stats(cpu.cpr), stats(cpu.bare), "ms", floor, TARGET_RATIO);
  ratioRow("findCprInSegments (lines, structural context), CPU", stats(cpu.seg), stats(cpu.bare), "ms", floor, TARGET_RATIO);
  ratioRow("findCprNumbers (whole text), wall", stats(wall.cpr), stats(wall.bare), "ms", floor, TARGET_RATIO);
  ratioRow("findCprInSegments (lines, structural context), wall", stats(wall.seg), stats(wall.bare), "ms", floor, TARGET_RATIO);
  // Each round's own ratio, for reading the rows on a shared machine: a slow spell hits a round's
  // floor and ours alike, so the median of these moves less from run to run than the ratio of medians.
  const perRound = (ours: readonly number[]): string => {
    const r = stats(ours.map((v, i) => v / (cpu.bare[i] as number)));
    return `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
  };
  console.log(`CPU, each round's ours/floor, median (range): whole text ${perRound(cpu.cpr)}, lines ${perRound(cpu.seg)}`);
  console.log(`bare pass matches: ${bareHits}; findCprNumbers findings: ${found.length} (high ${byLevel.high}, medium ${byLevel.medium}, low ${byLevel.low})`);
}

export async function bench(): Promise<void> {
  for (const mix of MIXES) await benchMix(mix);
}
