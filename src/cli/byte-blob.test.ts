/**
 * ByteBlob stands in for the global Blob inside the compiled CLI (scripts/build-cli.js), so it
 * must give a reader exactly what Node's Blob gives for the same parts.
 */
import { ByteBlob } from "./byte-blob";

const enc = new TextEncoder();
const bytesOf = async (b: { arrayBuffer(): Promise<ArrayBuffer> }): Promise<number[]> => [...new Uint8Array(await b.arrayBuffer())];

describe("ByteBlob", () => {
  const parts = (): (Uint8Array<ArrayBuffer> | string | ArrayBuffer | DataView<ArrayBuffer>)[] => {
    const big = enc.encode("xxlinje ét\r\nyy");
    return [big.subarray(2, 12) as Uint8Array<ArrayBuffer>, "\n", "æøå ✓", new Uint8Array([0, 255]).buffer, new DataView(enc.encode("dv").buffer as ArrayBuffer), "\n", ""];
  };

  it("joins the parts as Node's Blob does (views, strings as UTF-8, ArrayBuffers, DataViews)", async () => {
    const ours = new ByteBlob(parts(), { type: "Application/Octet-Stream" });
    const node = new Blob(parts(), { type: "Application/Octet-Stream" });
    expect(await bytesOf(ours)).toEqual(await bytesOf(node));
    expect(ours.size).toBe(node.size);
    expect(ours.type).toBe(node.type);
    expect(await ours.text()).toBe(await node.text());
  });

  it("gives every reader the same bytes, and slices like Blob", async () => {
    const ours = new ByteBlob(parts());
    const node = new Blob(parts());
    const first = await bytesOf(ours);
    expect(await bytesOf(ours)).toEqual(first);
    for (const [a, b] of [[0, 4], [-5, -1], [3, 100], [7, 2], [-100, 3]] as const) {
      expect(await bytesOf(ours.slice(a, b))).toEqual(await bytesOf(node.slice(a, b)));
    }
    expect(await bytesOf(new ByteBlob([ours, "!"]))).toEqual(await bytesOf(new Blob([node, "!"])));
  });

  it("is empty without parts", async () => {
    expect(new ByteBlob().size).toBe(0);
    expect(await bytesOf(new ByteBlob())).toEqual([]);
  });
});

describe("the compiled CLI", () => {
  it("has ByteBlob in place of every bundled use of the global Blob (built by the cli project's globalSetup)", () => {
    const bundle: string = require("node:fs").readFileSync(require("node:path").join(__dirname, "..", "..", "dist-cli", "main.js"), "utf8");
    expect(bundle).toContain("new ByteBlob(");
    expect(bundle).not.toMatch(/new Blob\(/);
    expect(bundle).not.toMatch(/instanceof Blob\b/);
  });
});
