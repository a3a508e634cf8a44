import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OUTPUT_PATH, SOURCES, build, formProblems, parseInputs, siteText } from "./gen-dk-real-domains";

const dir = mkdtempSync(join(tmpdir(), "dk-real-"));
function file(name: string, text: string): { path: string; sha256: string } {
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path, sha256: createHash("sha256").update(text).digest("hex") };
}

describe("gen-dk-real-domains", () => {
  it("reads only the sites a filter list names, not the hosts it blocks", () => {
    const list = ["! a comment naming comment.dk", "||tracker.dk^$third-party", "butik.dk,~avis.dk##.cookie-banner", "/ad.js$script,domain=blad.dk|~gl.dk"].join("\n");
    const text = siteText("filters", list);
    for (const site of ["butik.dk", "avis.dk", "blad.dk", "gl.dk"]) expect(text).toContain(site);
    for (const host of ["tracker.dk", "comment.dk"]) expect(text).not.toContain(host);
    expect(siteText("crux", "https://www.tracker.dk,1000")).toContain("tracker.dk");
  });

  it("refuses an input whose SHA-256 is not the recorded one", () => {
    const good = file("good.csv", "origin,rank\nhttps://www.example-butik.dk,50000000\n");
    const pinned = [{ kind: "crux" as const, url: "https://example.invalid/a.csv", sha256: good.sha256 }];
    expect(build([{ kind: "crux", path: good.path }], pinned)).toContain("\nexample-butik.dk\n");
    const changed = file("changed.csv", "origin,rank\nhttps://www.example-butik.dk,50000000\nhttps://planted.dk,1\n");
    expect(() => build([{ kind: "crux", path: changed.path }], pinned)).toThrow(/SHA-256 [0-9a-f]{64}, expected .*refused/);
  });

  it("leaves out the shipped public list (allow-listed, it cannot alarm)", () => {
    const input = file("public.txt", "randers.dk##.banner\nexample-klub.dk##.banner\n");
    const text = build([{ kind: "filters", path: input.path }], [{ kind: "filters", url: "x", sha256: input.sha256 }]);
    expect(text).toContain("\nexample-klub.dk\n");
    expect(text).not.toContain("\nranders.dk\n");
  });

  it("takes one file per source, in the recorded order", () => {
    const args = SOURCES.flatMap((s, i) => [`--${s.kind}`, `f${i}`]);
    expect(parseInputs(args)).toHaveLength(SOURCES.length);
    expect(() => parseInputs(args.slice(2))).toThrow(/in this order/);
    expect(() => parseInputs([...args.slice(2), ...args.slice(0, 2)])).toThrow(/in this order/);
  });

  it("the committed file has the form the generator writes and names every pinned source", () => {
    const committed = readFileSync(OUTPUT_PATH, "utf8");
    expect(formProblems(committed)).toEqual([]);
    for (const s of SOURCES) expect(committed).toContain(`#   ${s.kind}: ${s.url} sha256:${s.sha256}\n`);
    expect(formProblems("# head\nb.dk\na.dk\n")).toEqual(["not sorted"]);
    expect(formProblems("# head\na.dk\na.dk\nnot a domain\n")[0]).toMatch(/1 bad lines .* 1 duplicates/);
  });
});
