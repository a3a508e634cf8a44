/**
 * The CPR pass under a deadline and in slices: it stops reading in time and keeps what
 * it found, reports the rest as not read in time, hands control back between slices, gives up at a
 * yield when told to, and keeps at most N findings per part.
 */
import { DEFAULT_POLICY, scanMessage, type Message } from "./index";
import { capPerPart, runCprPass, unreadFrom } from "./scan-cpr-pass";
import type { CprFinding } from "./finding";
import { findCprPass } from "./detectors/cpr-pass";
import type { TextSegment } from "./location";

const NOW = new Date("2026-06-01T12:00:00Z");
const encoder = new TextEncoder();

/** A register extract: `rows` lines, each with a synthetic CPR number (born 1858-1899: docs/design/cpr-number.md §7). */
function register(rows: number): Uint8Array {
  const lines = ["Navn;CPR-nr.;By"];
  for (let i = 0; i < rows; i++) {
    const dd = String(1 + (i % 28)).padStart(2, "0");
    const mm = String(1 + (i % 12)).padStart(2, "0");
    const yy = String(58 + (i % 42));
    lines.push(`Borger ${i};${dd}${mm}${yy}-${5000 + (i % 1000)};Randers`);
  }
  return encoder.encode(lines.join("\n"));
}

function message(rows: number): Message {
  return { subject: "Udtræk", bodyText: "Se vedlagte.", recipients: [], attachments: [{ kind: "file", name: "register.csv", bytes: register(rows) }] };
}

/** A clock that moves `step` ms each time it is read: the scan's own progress is the time. */
function steppingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

describe("the CPR pass within the deadline", () => {
  it("stops reading in time, keeps what it found and reports the rest as not read in time", async () => {
    const full = await scanMessage(message(3000), DEFAULT_POLICY, { now: NOW, clock: steppingClock(0), deadline: 1 });
    const allFound = full.findings.filter((f) => f.kind === "cpr").length;
    expect(allFound).toBeGreaterThan(2900);

    const clock = steppingClock(1);
    const r = await scanMessage(message(3000), DEFAULT_POLICY, { now: NOW, clock, deadline: 20 });
    const found = r.findings.filter((f) => f.kind === "cpr").length;
    expect(r.timedOut).toBe(true);
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(allFound);
    expect(r.findings).toContainEqual({ kind: "unreadable-attachment", attachment: "register.csv", why: "timeout" });
    // The pass looked at the clock often enough to stop near the deadline, not after the whole file.
    expect(clock()).toBeLessThan(200);
  });

  it("without a deadline problem reads everything (the CLI's case)", async () => {
    const r = await scanMessage(message(500), DEFAULT_POLICY, { now: NOW });
    expect(r.timedOut).toBe(false);
    expect(r.findings.filter((f) => f.kind === "cpr").length).toBe(500);
  });
});

describe("the CPR pass in slices", () => {
  it("hands control back between slices and finds the same as in one go", async () => {
    const whole = await scanMessage(message(2000), DEFAULT_POLICY, { now: NOW });
    let yields = 0;
    const sliced = await scanMessage(message(2000), DEFAULT_POLICY, {
      now: NOW,
      clock: steppingClock(1),
      deadline: Number.MAX_SAFE_INTEGER,
      sliceMs: 20,
      yieldControl: () => {
        yields++;
        return Promise.resolve();
      },
    });
    expect(yields).toBeGreaterThan(10);
    expect(sliced.findings).toEqual(whole.findings);
  });

  it("gives up at a yield when told to (a Send takes over): reported as not read in time", async () => {
    let yields = 0;
    const r = await scanMessage(message(2000), DEFAULT_POLICY, {
      now: NOW,
      clock: steppingClock(1),
      deadline: Number.MAX_SAFE_INTEGER,
      sliceMs: 20,
      yieldControl: () => {
        yields++;
        return Promise.resolve();
      },
      abandon: () => yields >= 3,
    });
    expect(yields).toBe(3);
    expect(r.timedOut).toBe(true);
    expect(r.findings.filter((f) => f.kind === "cpr")).toEqual([]);
    expect(r.findings).toContainEqual({ kind: "unreadable-attachment", attachment: "register.csv", why: "timeout" });
  });

  it("touches no segment before it first hands control back: its setup opens a slice of its own", async () => {
    // Segments that count every look at them: grouping them into flows reads each one.
    let looks = 0;
    const segments: TextSegment[] = [];
    for (let i = 0; i < 2000; i++) {
      const text = `Borger ${i};Randers`;
      const location = { part: "attachment", attachment: "register.csv", place: { kind: "line", line: i + 1 } } as const;
      const seg = {} as TextSegment;
      Object.defineProperty(seg, "text", { enumerable: true, get: () => (looks++, text) });
      Object.defineProperty(seg, "location", { enumerable: true, get: () => (looks++, location) });
      segments.push(seg);
    }
    const looksAtYield: number[] = [];
    const pass = await runCprPass(segments, { now: NOW, contextWindow: 40, mustRead: 0 }, {
      clock: steppingClock(1),
      deadline: Number.MAX_SAFE_INTEGER,
      sliceMs: 20,
      yieldControl: () => {
        looksAtYield.push(looks);
        return Promise.resolve();
      },
    });
    expect(pass.stoppedAt).toBeUndefined();
    expect(looksAtYield.length).toBeGreaterThan(1);
    expect(looksAtYield[0]).toBe(0);
  });
});

describe("findings kept per part", () => {
  it("keeps the first N of each part and counts the rest", async () => {
    const m = { ...message(300), bodyText: "CPR-nr. 150375-6125 og CPR-nr. 150375-6125" };
    const r = await scanMessage(m, DEFAULT_POLICY, { now: NOW, maxFindingsPerPart: 50 });
    const inFile = r.findings.filter((f) => f.kind === "cpr" && f.location.part === "attachment");
    const inBody = r.findings.filter((f) => f.kind === "cpr" && f.location.part === "body");
    expect(inFile).toHaveLength(50);
    expect(inBody).toHaveLength(2);
    expect(r.omittedFindings).toBe(250);
  });

  it("capPerPart keeps order and leaves short lists alone", () => {
    const f = (part: "body" | "attachment", attachment?: string) => ({ kind: "cpr", location: { part, ...(attachment ? { attachment } : {}) } }) as CprFinding;
    const list = [f("body"), f("attachment", "a"), f("attachment", "a"), f("attachment", "b"), f("body")];
    expect(capPerPart(list, 1)).toEqual([list[0], list[1], list[3]]);
    expect(capPerPart(list, undefined)).toBe(list);
  });
});

describe("unreadFrom", () => {
  it("names each unread attachment once, not again inside one already reported", () => {
    const seg = (attachment?: string) => ({ text: "x", location: attachment ? { part: "attachment" as const, attachment } : { part: "body" as const } });
    const segments = [seg(), seg("a.csv"), seg("Bilag.zip/register.csv"), seg("b.csv"), seg("b.csv")];
    const reported = [{ kind: "unreadable-attachment" as const, attachment: "Bilag.zip", why: "timeout" as const }];
    expect(unreadFrom(segments, 1, reported)).toEqual(["a.csv", "b.csv"]);
    expect(unreadFrom(segments, 3, [])).toEqual(["b.csv"]);
  });
});

describe("the CPR pass's layout step within the deadline", () => {
  const N = 20_000;
  /**
   * Touches of one run of 1024 segments (the check interval of planning and layout) at most:
   * planning and layout each read a segment's text and location a few times. The whole flow is
   * ~10 touches × 20,000 segments.
   */
  const RUN = 8 * 1024;

  /**
   * Register lines (the number near the line's start, so the flow is laid out, not read line by
   * line alone) whose every read of `text` or `location` is counted: the work, not the wall clock.
   */
  function countedRegister(touched: { n: number; lastRead: boolean }): TextSegment[] {
    const segments: TextSegment[] = [];
    for (let i = 0; i < N; i++) {
      const dd = String(1 + (i % 28)).padStart(2, "0");
      const mm = String(1 + (i % 12)).padStart(2, "0");
      const text = `${dd}${mm}${58 + (i % 42)}-${5000 + (i % 1000)};Borger ${i};Randers`;
      const location = { part: "attachment" as const, attachment: "register.csv", place: { kind: "line" as const, line: i + 1 } };
      const last = i === N - 1;
      segments.push({
        get text() {
          touched.n++;
          if (last) touched.lastRead = true;
          return text;
        },
        get location() {
          touched.n++;
          return location;
        },
      } as TextSegment);
    }
    return segments;
  }

  it("reads everything when there is time", () => {
    const segments = countedRegister({ n: 0, lastRead: false });
    expect(findCprPass(segments, { now: NOW, shouldStop: () => false }).findings).toHaveLength(N);
  });

  it("asks between bounded runs of work once the shapes are found (planning, layout, analysis)", () => {
    const touched = { n: 0, lastRead: false };
    const segments = countedRegister(touched);
    let last = 0;
    let most = 0;
    findCprPass(segments, {
      now: NOW,
      shouldStop: () => {
        if (touched.lastRead) most = Math.max(most, touched.n - last);
        last = touched.n;
        return false;
      },
    });
    expect(most).toBeLessThanOrEqual(RUN);
  });

  it.each([1, 3, 10, 30, 60])(
    "a clock that jumps past the deadline at the %i-th check after the shape scan ends the pass soon, keeping what was found",
    (jumpAt) => {
      const touched = { n: 0, lastRead: false };
      const segments = countedRegister(touched);
      let after = 0;
      let touchedAtJump: number | undefined;
      const r = findCprPass(segments, {
        now: NOW,
        shouldStop: (phase) => {
          if (!touched.lastRead || phase !== "read") return false;
          if (++after < jumpAt) return false;
          touchedAtJump ??= touched.n;
          return true;
        },
      });
      expect(touchedAtJump).toBeDefined();
      expect(r.stoppedAt).toBeDefined();
      expect(r.findings.length).toBeGreaterThan(0);
      expect(r.findings.length).toBeLessThan(N);
      // After the jump at most one more bounded run: not the rest of a 20,000-line flow.
      expect(touched.n - (touchedAtJump as number)).toBeLessThanOrEqual(RUN);
    },
  );

  it("past the deadline starts no further flow: 2,000 one-line attachments are not all laid out", () => {
    const touched = { n: 0, lastRead: false };
    const lines = countedRegister(touched).slice(0, 2000);
    // Each line its own attachment, so each is a flow of its own.
    const segments = lines.map((seg, i) => {
      const location = { part: "attachment" as const, attachment: `bilag-${i}.txt`, place: { kind: "line" as const, line: 1 } };
      return { get text() { return seg.text; }, get location() { touched.n++; return location; } } as TextSegment;
    });
    const all = findCprPass(segments, { now: NOW }).findings.length;
    let jumped = false;
    let touchedAtJump = 0;
    let k = 0;
    const r = findCprPass(segments, {
      now: NOW,
      // The shape scan asks every 128 segments: the 16th question is after it, among the flows.
      shouldStop: (phase) => {
        if (phase === "read" && ++k === 17 && !jumped) {
          jumped = true;
          touchedAtJump = touched.n;
        }
        return jumped;
      },
    });
    expect(jumped).toBe(true);
    expect(all).toBe(2000);
    expect(r.stoppedAt).toBeDefined();
    expect(r.findings.length).toBeLessThan(10);
    expect(touched.n - touchedAtJump).toBeLessThan(100);
  });
});
