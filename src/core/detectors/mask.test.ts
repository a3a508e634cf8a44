import { maskCpr, maskCprInText } from "./mask";

describe("maskCpr", () => {
  it.each([
    ["1506503720", "150650-****"],
    ["150650-3720", "150650-****"],
    ["15.06.50-3720", "150650-****"],
    ["\uFF11\uFF15\uFF10\uFF16\uFF15\uFF10-\uFF13\uFF17\uFF12\uFF10", "150650-****"],
    ["15065037XX", "150650-****"],
    ["150650-37XX", "150650-****"],
    ["1506501AB3", "150650-****"],
    ["506503720", "050650-****"], // a spreadsheet value that lost its leading zero
    ["150650-****", "150650-****"], // idempotent
  ])("%j → %s", (input, masked) => {
    expect(maskCpr(input)).toBe(masked);
  });

  it.each([[""], ["12345"], ["abc"], ["XXXXXX-3720"]])("%j has no date part: a programmer error", (input) => {
    expect(() => maskCpr(input)).toThrow(RangeError);
  });
});

describe("maskCprInText", () => {
  it.each([
    ["CPR 150650-3720.", [{ start: 4, end: 15 }], "CPR 150650-****."],
    ["1506503720_ansøgning.pdf", [{ start: 0, end: 10 }], "150650-****_ansøgning.pdf"],
    ["a 150650-3720 b 2412102145 c", [{ start: 16, end: 26 }, { start: 2, end: 13 }], "a 150650-**** b 241210-**** c"],
    ["Se 15.06.50-3720 her", [{ start: 3, end: 16 }], "Se 150650-**** her"],
    ["Se 150650\u200B-3720 her", [{ start: 3, end: 15 }], "Se 150650-**** her"],
    ["x 150650-3720", [{ start: 2, end: 13 }, { start: 2, end: 13 }], "x 150650-****"], // duplicate span
    ["x 150650-3720", [{ start: 2, end: 13 }, { start: 5, end: 9 }], "x 150650-****"], // nested span
    ["x 150650-3720", [{ start: -5, end: 2 }, { start: 20, end: 30 }], "******-****150650-3720"], // clipped to [0, 2)
    ["unchanged", [], "unchanged"],
    ["x 12", [{ start: 2, end: 4 }], "x ******-****"], // no date part: still never left readable
  ])("%j", (text, spans, expected) => {
    expect(maskCprInText(text, spans)).toBe(expected);
  });

  it("is idempotent when the same spans are applied to the masked text of the written form", () => {
    const text = "CPR 150650-3720 og 241210-2145";
    const spans = [{ start: 4, end: 15 }, { start: 19, end: 30 }];
    const once = maskCprInText(text, spans);
    expect(maskCprInText(once, spans)).toBe(once);
  });
});
