import { concatBytes } from "./concat-bytes";

describe("concatBytes", () => {
  it("joins chunks in order, counting them itself or trusting the caller's total", () => {
    const chunks = [Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3)];
    expect(Array.from(concatBytes(chunks))).toEqual([1, 2, 3]);
    expect(Array.from(concatBytes(chunks, 3))).toEqual([1, 2, 3]);
    expect(concatBytes([]).length).toBe(0);
  });
});
