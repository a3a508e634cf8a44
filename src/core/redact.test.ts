import { redactCpr } from "./redact";

const NOW = new Date("2026-11-23T12:00:00Z");

describe("redactCpr", () => {
  it.each([
    ["150650-3720_ansøgning.pdf", "150650-****_ansøgning.pdf"],
    ["scan 2412102145.pdf", "scan 241210-****.pdf"],
    // Full-width digits are folded by the matcher; the cheap pre-check must not skip them.
    ["１５０６５０-３７２０.pdf", "150650-****.pdf"],
    ["referat.docx", "referat.docx"],
  ])("%s → %s", (input, expected) => {
    const out = redactCpr(input, NOW);
    expect(out).toBe(expected);
  });
});
