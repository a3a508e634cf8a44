/**
 * What the words around a number say (cpr-context.ts, docs/design/cpr-number.md §6.1 step 5, §6.4),
 * at the edges mutation testing found unpinned (docs/mutation.md): keywords that read only after
 * normalizing, a keyword inside a longer word, how close a negative label must stand, that one
 * number's words do not carry over to the next, where a URL starts, and what a short table cell
 * or list item is. Through findCprNumbers, as a caseworker sees it: found or not, and how sure.
 *
 * Synthetic numbers only (docs/design/cpr-number.md §7): 150650-3720, 241210-2145 and 150375-6125
 * are born 1950, 1910 and 1875 and fail modulus 11 on a date other than 1 January, or are held by
 * nobody alive.
 */
import { findCprNumbers, type CprMatch } from "./cpr";

const NOW = new Date(2026, 10, 23); // 2026-11-23

function levels(text: string): string[] {
  return findCprNumbers(text, { now: NOW }).map((m) => m.confidence);
}

function only(text: string): CprMatch {
  const found = findCprNumbers(text, { now: NOW });
  expect(found).toHaveLength(1);
  return found[0] as CprMatch;
}

describe("keywords that only read after normalizing the window", () => {
  // A compact number failing modulus 11 is LOW alone and HIGH with a keyword (§6.2).
  it.each([
    ["\uFF23\uFF30\uFF32 1506503720"], // full-width CPR
    ["CP\u00ADR-nr. 1506503720"], // a soft hyphen inside the word
    ["Pers.\u00A0nr. 1506503720"], // a non-breaking space inside the keyword
    ["1506503720 (\uFF23\uFF30\uFF32)"],
    ["1506503720 (CP\u00ADR)"],
  ])("%j → HIGH by keyword", (text) => {
    const m = only(text);
    expect(m.confidence).toBe("high");
    expect(m.reasons).toContain("keyword");
  });
});

describe("a keyword counts only at the start of a word", () => {
  it.each([
    ["XCPR 1506503720"],
    ["ACPR 1506503720"],
    ["ZCPR 1506503720"],
    ["\u00C0CPR 1506503720"], // À
    ["\u00DECPR 1506503720"], // Þ
    ["xcpr 1506503720"],
    ["9cpr 1506503720"],
    ["0cpr 1506503720"],
    ["acpr 1506503720"],
    ["zcpr 1506503720"],
    ["\u00E0cpr 1506503720"], // à
    ["\u00FFcpr 1506503720"], // ÿ
    ["XCPR 1506503720 \u2013"], // the same in a window that is normalized (the en dash)
    ["\u2013 XCPR 1506503720"],
  ])("%j: part of a longer word, LOW", (text) => {
    expect(only(text).confidence).toBe("low");
  });

  it.each([
    ["@CPR 1506503720"],
    ["[CPR 1506503720"],
    ["\u00D7CPR 1506503720"], // ×
    ["/cpr 1506503720"],
    [":cpr 1506503720"],
    ["`cpr 1506503720"],
    ["{cpr 1506503720"],
    ["\u00F7cpr 1506503720"], // ÷
  ])("%j: after a character that is no letter or digit, HIGH", (text) => {
    expect(only(text).confidence).toBe("high");
  });
});

describe("a negative label stands close before its number", () => {
  it("at most 30 characters between the label and the number", () => {
    const at30 = only(`Tlf ${"x".repeat(28)} 150650-3720`);
    expect(at30.confidence).toBe("medium");
    expect(at30.reasons).toContain("negative-context");
    const at31 = only(`Tlf ${"x".repeat(29)} 150650-3720`);
    expect(at31.confidence).toBe("high");
    expect(at31.reasons).not.toContain("negative-context");
  });

  it("a negative word after the number labels nothing", () => {
    expect(only("Se 150650-3720, ikke tlf.").confidence).toBe("high");
    expect(only("150650-3720 tlf").reasons).not.toContain("negative-context");
  });

  it("a strong keyword after a negative one, both before the number, wins", () => {
    for (const text of ["Kontonr. og CPR: 1506503720", "Kontonr./CPR-nr.: 1506503720"]) {
      const m = only(text);
      expect(m.confidence).toBe("high");
      expect(m.reasons).not.toContain("negative-context");
    }
  });

  it("a date between the label and the number joins no digits around it into a number", () => {
    // Without the date, "123 45" would be a number between: the label would not reach.
    expect(levels("Faktura 123 12.03.2026 45 nr. 1506503720")).toEqual([]);
    expect(levels("Faktura 123 45 nr. 1506503720")).toEqual(["low"]);
  });

  it.each([
    ["Faktura 2024 nr. 1506503720", "a four-digit group is no number between"],
    ["Faktura12.03.2026 nr. 1506503720", "a date right after the label"],
    ["Faktura af 12.03.2026 nr. 1506503720", "a date after a word"],
    ["Faktura af 12.03.26 nr. 1506503720", "a date with a two-digit year"],
  ])("%s: the label reaches the number (%s)", (text) => {
    expect(levels(text)).toEqual([]);
    // …where a real number between stops it (the digits after the number's own block).
    expect(levels(text.replace("Faktura", "Faktura 12345"))).toEqual(["low"]);
  });

  it("a strong keyword after the number does not undo the label before it", () => {
    const m = only("Tlf 150650-3720 (cpr)");
    expect(m.confidence).toBe("medium");
    expect(m.reasons).toContain("negative-context");
  });

  it("the window after the number is bounded too (default 100 characters)", () => {
    expect(levels(`1506503720 ${"x".repeat(150)} CPR`)).toEqual(["low"]);
    expect(levels(`1506503720 ${"x".repeat(90)} CPR`)).toEqual(["high"]);
  });
});

describe("one number's words do not carry over to the next", () => {
  const far = (n: number) => ` ${"y".repeat(n)} `;

  it("a keyword raises only the number it stands by", () => {
    expect(levels(`CPR 1506503720${far(200)}2412102145`)).toEqual(["high", "low"]);
    expect(levels(`F\u00F8dt 1506503720${far(200)}2412102145`)).toEqual(["medium", "low"]);
  });

  it("a negative label silences only the number it labels", () => {
    expect(levels(`${"x".repeat(100)} Tlf 150650-3720${far(120)}241210-2145`)).toEqual(["medium", "high"]);
    expect(levels(`${"x".repeat(100)} P-nr. 1506503720${far(120)}2412102145`)).toEqual(["low"]);
  });

  it("a strong keyword before one number does not shield the next from its label", () => {
    expect(levels(`${"x".repeat(100)} CPR 150650-3720${far(120)}Tlf 241210-2145`)).toEqual(["high", "medium"]);
  });
});

describe("a number in a URL", () => {
  it.each([[" "], ["\t"], ['"'], ["'"], ["<"], [">"], ["\u00A0"], ["\u2028"], ["\u2029"]])(
    "%j ends the URL: the number after it is not in it",
    (sep) => {
      const m = only(`https://example.org/side${sep}150650-3720`);
      expect(m.confidence).toBe("high");
      expect(m.reasons).not.toContain("in-url");
    },
  );

  it.each([["Se www.example.dk/150650-3720"], ["Se WWW.EXAMPLE.DK/150650-3720"], ["Se www.150650-3720.dk"], ["Se https://example.org/a/150650-3720"]])(
    "%j is in a URL: MEDIUM",
    (text) => {
      const m = only(text);
      expect(m.confidence).toBe("medium");
      expect(m.reasons).toContain("in-url");
    },
  );

  it.each([["Se wwwx.dk/150650-3720"], ["Se www-x.dk/150650-3720"], ["Tid: 10:15/150650-3720"]])("%j is no URL: HIGH", (text) => {
    expect(only(text).confidence).toBe("high");
  });

  it.each([["https://x.dk/?cprnr=150650-3720"], ["https://x.dk/?a=1&cpr-nr=150650-3720"], ["https://x.dk/;cpr_nr=150650-3720"]])(
    "%j: the number is a cpr parameter's value, HIGH",
    (text) => {
      const m = only(text);
      expect(m.confidence).toBe("high");
      expect(m.reasons).toContain("keyword");
      expect(m.reasons).not.toContain("in-url");
    },
  );

  it.each([["https://x.dk/?cpr=1&id=150650-3720"], ["https://x.dk/?xcpr=150650-3720"]])("%j: another parameter's value, MEDIUM", (text) => {
    const m = only(text);
    expect(m.confidence).toBe("medium");
    expect(m.reasons).toContain("in-url");
  });

  it("looks back at most 512 characters for where the URL starts", () => {
    // The scheme's colon 512 characters before the number is seen, 513 is not.
    const url = (n: number) => `https://${"a".repeat(n)}150650-3720`;
    expect(only(url(509)).reasons).toContain("in-url");
    expect(only(url(510)).reasons).not.toContain("in-url");
    expect(only(url(600)).confidence).toBe("high");
  });
});

describe("a short table cell or list item (a column needs three numbers in such cells)", () => {
  const NUMBERS = ["1506503720", "2412102145", "1503756125"];
  /** Three list lines, each number with `before` in front and `after` behind it. */
  const list = (before: string, after = "", sep = "\n") => `Liste:${sep}${NUMBERS.map((n) => before + n + after).join(sep)}`;

  it("at most 40 visible characters besides the number", () => {
    expect(levels(list("x".repeat(40) + " "))).toEqual(["high", "high", "high"]);
    expect(levels(list("x".repeat(41) + " "))).toEqual(["low", "low", "low"]);
    expect(levels(list("", " " + "x".repeat(40)))).toEqual(["high", "high", "high"]);
    expect(levels(list("", " " + "x".repeat(41)))).toEqual(["low", "low", "low"]);
    expect(levels(list("x".repeat(20) + " ", " " + "x".repeat(20)))).toEqual(["high", "high", "high"]);
    expect(levels(list("x".repeat(20) + " ", " " + "x".repeat(21)))).toEqual(["low", "low", "low"]);
  });

  it("the first character of the text counts too", () => {
    const lines = [`${"x".repeat(41)} 1506503720`, `${"x".repeat(40)} 2412102145`, `${"x".repeat(40)} 1503756125`];
    expect(levels(lines.join("\n"))).toEqual(["low", "low", "low"]);
  });

  it("and at most 81 characters, spaces counted, either side", () => {
    expect(levels(list("Nr" + " ".repeat(79)))).toEqual(["high", "high", "high"]);
    expect(levels(list("Nr" + " ".repeat(80)))).toEqual(["low", "low", "low"]);
    expect(levels(list("", " ".repeat(79) + "Nr"))).toEqual(["high", "high", "high"]);
    expect(levels(list("", " ".repeat(80) + "Nr"))).toEqual(["low", "low", "low"]);
  });

  it.each([["\r\n"], ["\r"], ["\u2028"], ["\u2029"], ["\u0085"]])("a %j line break ends an item", (sep) => {
    expect(levels(list("", "", sep))).toEqual(["high", "high", "high"]);
    expect(levels(list("Person med et langt navn, og mere til her!" + sep, "", sep)).filter((l) => l === "high")).toHaveLength(3);
  });

  it("a tab ends a cell: a long name in the cell before does not count", () => {
    const rows = NUMBERS.map((n, i) => `Person nummer ${i} med et meget langt navn her\t${n}`).join("\n");
    expect(levels(rows)).toEqual(["high", "high", "high"]);
  });
});

describe("a window with a character beyond Latin-1 is read lower-cased, as the rule reads it", () => {
  // Lower-casing İ (U+0130) gives two characters, so the negative label's 30-character reach is
  // measured on the longer text: 16 of them put "Tlf" 34 characters before the number, out of
  // reach; read as written it would be 18 and the label would hold (NOT_AS_WRITTEN in
  // cpr-context.ts: everything from U+0100 on is lower-cased first).
  it("Tlf + 16 × İ + compact number: no negative label, so LOW stays a finding", () => {
    const m = only(`Tlf ${"\u0130".repeat(16)} 1506503720`);
    expect(m.reasons).not.toContain("negative-context");
  });

  it("with 12 × İ the label still reaches the number: not reported (compact, negative)", () => {
    expect(levels(`Tlf ${"\u0130".repeat(12)} 1506503720`)).toEqual([]);
  });
});
