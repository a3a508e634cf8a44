import { readFileSync } from "node:fs";
import { GENERATED_PATH, TSV_PATH, parseDomainTsv, renderGenerated } from "./gen-public-domains";

const HEADER = "domain\torganisation\tconfidence\tdecision\tsource\tnote";

describe("data/dk-public-domains.tsv", () => {
  const { rows, problems } = parseDomainTsv(readFileSync(TSV_PATH, "utf8"));

  it("has no problems (duplicates, syntax, missing sources)", () => {
    expect(problems).toEqual([]);
  });

  it("is in sync with src/core/detectors/dk-public-domains.generated.ts", () => {
    expect(readFileSync(GENERATED_PATH, "utf8")).toBe(renderGenerated(rows));
  });

  it("decides every medium and low entry of the research seed, with a source", () => {
    const reviewed = rows.filter((r) => r.confidence === "medium" || r.confidence === "low");
    expect(reviewed).toHaveLength(46);
    for (const r of reviewed) expect(r.source.length).toBeGreaterThan(10);
  });

  it("covers all 98 municipalities and the 5 regions among shipped rows", () => {
    const shipped = rows.filter((r) => r.decision === "ship");
    const municipalities = new Set(shipped.map((r) => r.organisation).filter((o) => / Kommune$|Regionskommune$/.test(o)));
    expect(municipalities.size).toBe(98);
    expect(shipped.filter((r) => /^Region /.test(r.organisation)).map((r) => r.domain)).toEqual(
      expect.arrayContaining(["regionh.dk", "regionsjaelland.dk", "rsyd.dk", "rm.dk", "rn.dk"]),
    );
  });
});

describe("parseDomainTsv --check rules", () => {
  const row = (domain: string, decision = "ship", source = "a public page") => `${domain}\tOrg\thigh\t${decision}\t${source}\t`;

  it.each([
    ["a duplicate", [row("randers.dk"), row("randers.dk")], /line 4: duplicate of line 3/],
    ["an upper-case domain", [row("Randers.dk")], /not a lower-case ASCII domain/],
    ["a domain with a space", [row("ran ders.dk")], /not a lower-case ASCII domain/],
    ["a public suffix", [row("co.uk")], /not a registrable domain/],
    ["a subdomain", [row("mail.randers.dk")], /not a registrable domain/],
    ["an unknown decision", [row("randers.dk", "maybe")], /decision "maybe"/],
    ["an empty source", [row("randers.dk", "ship", " ")], /source is empty/],
    ["a short row", ["randers.dk\tOrg\thigh"], /expected 6 TAB-separated columns/],
  ])("rejects %s", (_name, lines, message) => {
    const { problems } = parseDomainTsv([`# comment`, HEADER, ...lines].join("\n"));
    expect(problems.join("\n")).toMatch(message);
  });

  it("rejects a missing or wrong header", () => {
    expect(parseDomainTsv(row("randers.dk")).problems.join("\n")).toMatch(/header must be/);
    expect(parseDomainTsv("# only comments\n").problems).toEqual(["no header row"]);
  });

  it("ships only 'ship' rows, in file order", () => {
    const { rows } = parseDomainTsv([HEADER, row("b.dk"), row("a.dk", "drop"), row("c.dk")].join("\n"));
    const text = renderGenerated(rows);
    expect(text).toContain('"b.dk"');
    expect(text).not.toContain('"a.dk"');
    expect(text.indexOf('"b.dk"')).toBeLessThan(text.indexOf('"c.dk"'));
  });
});
