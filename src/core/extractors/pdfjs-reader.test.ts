/**
 * The pdf.js reader's own contract, against a fake pdf.js module (the real one cannot load in
 * jest's CommonJS sandbox; src/cli/pdf-reader.test.ts runs the real one through the command).
 */
import type { PdfjsModule } from "./pdfjs-reader";
import { createPdfjsReader, linesFromItems, openPdfjsReader } from "./pdfjs-reader";

const control = { expired: (): boolean => false };

function named(name: string, message = name): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

/** A fake pdf.js: `fail` rejects the document promise; otherwise one page per entry of `pages`. */
function fakePdfjs(opts: { fail?: Error; pages?: string[][] }, seen: Uint8Array[] = []): PdfjsModule {
  return {
    getDocument(src) {
      seen.push(src.data as Uint8Array);
      const pages = opts.pages ?? [];
      const doc = {
        numPages: pages.length,
        getPage: (n: number) =>
          Promise.resolve({
            getTextContent: () => Promise.resolve({ items: (pages[n - 1] ?? []).map((str) => ({ str, hasEOL: true })) }),
            cleanup: () => undefined,
          }),
      };
      return { promise: opts.fail ? Promise.reject(opts.fail) : Promise.resolve(doc), destroy: () => Promise.resolve() };
    },
  };
}

describe("createPdfjsReader", () => {
  it("a failure to LOAD pdf.js is thrown, not reported as a corrupt file (the old bug)", async () => {
    const reader = createPdfjsReader(() => Promise.reject(new Error("A dynamic import callback was invoked without --experimental-vm-modules")));
    await expect(reader.read(new Uint8Array([37, 80, 68, 70]), control)).rejects.toThrow("dynamic import");
    await expect(openPdfjsReader(() => Promise.reject(new Error("no pdfjs")))).rejects.toThrow("no pdfjs");
  });

  it.each<[string, string, Error]>([
    ["PasswordException", "encrypted", named("PasswordException", "No password given")],
    ["InvalidPDFException", "corrupt", named("InvalidPDFException", "Invalid PDF structure.")],
    ["any other error", "corrupt", new TypeError("x is undefined")],
  ])("maps pdf.js's %s to %s", async (_name, status, fail) => {
    const result = await createPdfjsReader(() => Promise.resolve(fakePdfjs({ fail }))).read(new Uint8Array(4), control);
    expect(result.status).toBe(status);
  });

  it("reads every page, numbered from 1, and hands pdf.js a copy of the bytes (it detaches them)", async () => {
    const seen: Uint8Array[] = [];
    const bytes = new Uint8Array([1, 2, 3]);
    const reader = await openPdfjsReader(() => Promise.resolve(fakePdfjs({ pages: [["a", "b"], ["c"]] }, seen)));
    expect(await reader.read(bytes, control)).toEqual({ status: "ok", pageCount: 2, pages: [{ page: 1, lines: ["a", "b"] }, { page: 2, lines: ["c"] }] });
    expect(seen[0]).toEqual(bytes);
    expect(seen[0]).not.toBe(bytes);
    expect(seen[0]?.buffer).not.toBe(bytes.buffer);
  });

  it("stops between pages when the budget has run out", async () => {
    let calls = 0;
    const reader = createPdfjsReader(() => Promise.resolve(fakePdfjs({ pages: [["a"], ["b"]] })));
    const result = await reader.read(new Uint8Array(1), { expired: () => ++calls > 1 });
    expect(result).toEqual({ status: "timeout", pageCount: 2, pages: [{ page: 1, lines: ["a"] }] });
  });
});

describe("linesFromItems", () => {
  it.each<[string, Array<{ str?: string; hasEOL?: boolean; transform?: number[] }>, string[]]>([
    ["hasEOL ends a line", [{ str: "a", hasEOL: true }, { str: "b" }], ["a", "b"]],
    ["same baseline joins", [{ str: "150375", transform: [1, 0, 0, 1, 0, 700] }, { str: "-6125", transform: [1, 0, 0, 1, 40, 700.5] }], ["150375-6125"]],
    ["a new baseline breaks", [{ str: "a", transform: [1, 0, 0, 1, 0, 700] }, { str: "b", transform: [1, 0, 0, 1, 0, 686] }], ["a", "b"]],
    ["no items, no lines", [], []],
    ["NULs between characters are dropped (UTF-16 ToUnicode)", [{ str: "\u00001\u00005\u00000\u00003\u00007\u00005\u0000-\u00006\u00001\u00002\u00005", hasEOL: true }], ["150375-6125"]],
  ])("%s", (_name, items, lines) => {
    expect(linesFromItems(items)).toEqual(lines);
  });
});
