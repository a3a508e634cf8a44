import { u16le, u32be, u32le, u64le } from "./byte-readers";

describe("byte readers", () => {
  const b = Uint8Array.from([0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x00, 0x00, 0x00]);

  it("read little- and big-endian unsigned values, the top bit included", () => {
    expect(u16le(b, 0)).toBe(0x0201);
    expect(u32le(b, 0)).toBe(0xff030201);
    expect(u32be(b, 0)).toBe(0x010203ff);
    expect(u32be(Uint8Array.of(0xff, 0xff, 0xff, 0xff), 0)).toBe(0xffffffff);
    expect(u64le(b, 1)).toBe(0xfeff0302 + 0 * 0x100000000);
    expect(u64le(Uint8Array.of(0, 0, 0, 0, 1, 0, 0, 0), 0)).toBe(0x100000000);
  });

  it("a byte past the end reads as 0, never NaN", () => {
    expect(u16le(b, 8)).toBe(0);
    expect(u32le(b, 7)).toBe(0);
    expect(u32le(Uint8Array.of(1, 2), 0)).toBe(0x0201);
    expect(u32be(Uint8Array.of(1), 0)).toBe(0x01000000);
  });
});
