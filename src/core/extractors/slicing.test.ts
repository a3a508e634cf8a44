/**
 * Extraction in slices: a host that passes `slicing` (a pre-scan) gets the event loop back after
 * every piece of a big attachment, and a host that abandons the scan at a yield ends it there.
 * Not timed: a clock that says "slice used up" at every look makes every pause a yield, so the
 * count of yields bounds the work between two of them.
 */
import { zipSync } from "fflate";
import { DEFAULT_POLICY } from "../policy/default-policy";
import { extractAttachments } from "./extract";
import { INFLATE_CHUNK_BYTES } from "./limits";
import { TEXT_PIECE_BYTES } from "./text-lines";
import { extractSliced } from "../../../test/helpers/extract-sliced";

function register(lines: number): Uint8Array {
  const out: string[] = ["Navn;CPR-nr.;By"];
  for (let i = 0; i < lines; i++) out.push(`Borger ${i};${String(10 + (i % 18))}0${1 + (i % 9)}${60 + (i % 39)}-${5000 + (i % 3999)};8900 Randers`);
  return new Uint8Array(Buffer.from(out.join("\n"), "utf8"));
}

const csv = register(100_000); // ~4.4 MB
const zipped = zipSync({ "register.csv": csv });


describe("extraction yields between pieces of a big attachment", () => {
  it("a 4.4 MB text: a yield after every piece, so at most one piece of work runs between two", async () => {
    const { r, yields } = await extractSliced("register.csv", csv);
    expect(r.unreadable).toEqual([]);
    expect(yields).toBeGreaterThanOrEqual(Math.floor(csv.length / TEXT_PIECE_BYTES));
  });

  it("the same zipped: a yield after every inflate push (16 KB of compressed input)", async () => {
    const { r, yields } = await extractSliced("register.zip", zipped);
    expect(r.unreadable).toEqual([]);
    const entryBytes = zipped.length - 200;
    expect(yields).toBeGreaterThanOrEqual(Math.floor(entryBytes / INFLATE_CHUNK_BYTES) - 1);
  });

  it("abandoned at a yield, the scan stops there: the rest is 'not read in time', what was read is kept", async () => {
    const { r, yields } = await extractSliced("register.zip", zipped, 5);
    expect(yields).toBe(5);
    expect(r.unreadable).toEqual([{ kind: "unreadable-attachment", attachment: "register.zip", why: "timeout", limit: "SEND_BUDGET_MS" }]);
    expect(r.segments.filter((s) => s.location.place?.kind === "line").length).toBeGreaterThan(0);
  });

  it("without slicing nothing yields (the send check runs straight through)", async () => {
    const r = await extractAttachments([{ kind: "file", name: "register.zip", bytes: zipped }], { limits: DEFAULT_POLICY.limits, deadline: Date.now() + 60_000 });
    expect(r.unreadable).toEqual([]);
  });
});
