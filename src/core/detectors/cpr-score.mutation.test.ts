/**
 * "≥ 2 valid compact numbers" (docs/design/cpr-number.md §6.2, compact row) counts compact numbers
 * only: written forms are judged on their own. Pinned through findCprNumbers; found by mutation
 * testing (docs/mutation.md). Synthetic numbers born 2030-2039 that pass modulus 11, valid only
 * with the clock in 2041 (as in cpr-context.test.ts).
 */
import { findCprNumbers } from "./cpr";

const Y2041 = new Date(2041, 5, 1);

describe("repeated in one message counts compact numbers only", () => {
  it("two hyphenated numbers passing modulus 11 do not mark each other repeated", () => {
    const found = findCprNumbers("Numre: 020330-5001 og 171133-5001", { now: Y2041 });
    expect(found).toHaveLength(2);
    for (const m of found) expect(m.reasons).not.toContain("repeated-in-message");
  });

  it("a hyphenated number does not raise a compact one: the compact number stays MEDIUM", () => {
    const found = findCprNumbers(`Numre: 020330-5001 og senere ${"x".repeat(120)} 1711335001`, { now: Y2041 });
    expect(found.map((m) => [m.form, m.confidence])).toEqual([
      ["hyphen", "high"],
      ["compact", "medium"],
    ]);
    for (const m of found) expect(m.reasons).not.toContain("repeated-in-message");
  });
});
