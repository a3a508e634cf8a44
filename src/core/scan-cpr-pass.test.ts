/**
 * The CPR pass under a deadline and in slices: it stops reading in time and keeps what
 * it found, reports the rest as not read in time, hands control back between slices, gives up at a
 * yield when told to, and keeps at most N findings per part.
 */
import { DEFAULT_POLICY, scanMessage, type Message } from "./index";
import { capPerPart, unreadFrom } from "./scan-cpr-pass";
import type { CprFinding } from "./finding";

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
