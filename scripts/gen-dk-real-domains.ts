/**
 * Real Danish domains that are no look-alikes, for measuring the look-alike rule's false alarms
 * (src/core/detectors/lookalike-measure.test.ts): test/data/lookalike/dk-real-domains.txt.
 *
 *   npx tsx scripts/gen-dk-real-domains.ts INPUTS            writes the file from the inputs
 *   npx tsx scripts/gen-dk-real-domains.ts --check            checks the committed file's form
 *   npx tsx scripts/gen-dk-real-domains.ts --check INPUTS     also rebuilds it from the inputs and
 *                                                             fails when it differs
 *   INPUTS = --alexa FILE --nordic FILE --nordic FILE --cookies FILE --crux FILE ×6 --filters FILE ×5
 *            (one per entry of SOURCES, in its order)
 *
 * Each input is one file of a public repository, at the commit named in SOURCES (clone it and pass
 * the file); its SHA-256 must match, or the script refuses it, so the committed list can be rebuilt
 * exactly. From each, only the registrable `.dk` domains of sites are taken:
 *  - alexa:   a CSV slice of a top-sites ranking (`rank,domain`), every `.dk` domain in it;
 *  - crux:    a CSV chunk of the Chrome UX Report's origins (`origin,rank`): every `.dk` origin;
 *  - nordic, filters: adblock filter lists (Nordic; uBlock Origin's and EasyList's), only the sites
 *             their cosmetic rules and `domain=` options name (the `||host^` lines are ad and
 *             tracker hosts: left out);
 *  - cookies: a cookie-banner rule set, every `.dk` site it names.
 * The shipped public-sector list is left out (it is allow-listed, so it cannot raise an alarm).
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getDomain } from "tldts";
import { DK_PUBLIC_DOMAINS } from "../src/core/detectors/dk-public-domains.generated";

export const OUTPUT_PATH = join(__dirname, "..", "test", "data", "lookalike", "dk-real-domains.txt");

type Kind = "alexa" | "nordic" | "cookies" | "crux" | "filters";

/** Kinds that are adblock filter lists: they name ad hosts too, so only their site names are read. */
const FILTER_LISTS: ReadonlySet<Kind> = new Set<Kind>(["nordic", "filters"]);

interface Source {
  readonly kind: Kind;
  readonly url: string;
  readonly sha256: string;
}

/** The inputs the committed file was built from: repository, commit and path, and the file's hash. */
export const SOURCES: readonly Source[] = [
  {
    kind: "alexa",
    url: "https://github.com/peter-job/favicon-explorer/blob/18fcf37a9ca1b598dfdf7f535b5b7aa127fa5c8e/urls/top-1m.csv",
    sha256: "15416acb99cd2e824ae5612c50722ad7d6be128de8790e773f26e65f7a268e16",
  },
  {
    kind: "nordic",
    url: "https://github.com/DandelionSprout/adfilt/blob/0ee6b9b52c1bc08cd41a84f4d36da59533a6c1cc/NorwegianList.txt",
    sha256: "bb0bf2479c91aa33a253e50b3e6dd86e3de09cc27d655e76a454dcda3d9e56fe",
  },
  {
    kind: "nordic",
    url: "https://github.com/DandelionSprout/adfilt/blob/0ee6b9b52c1bc08cd41a84f4d36da59533a6c1cc/NorwegianExperimentalList%20alternate%20versions/NordicFiltersABP.txt",
    sha256: "f109d91e190a94727339cd7fef272eb5470263c140a289d5a41553f2ae17636d",
  },
  {
    kind: "cookies",
    url: "https://github.com/OhMyGuus/I-Still-Dont-Care-About-Cookies/blob/383256c6c611ae532cf7739f5afd0ce135fb6162/src/data/rules.js",
    sha256: "41eb658b0b09421a7638915abe86ba99bd1c23e7a909947a2e5e83dfe76b1c03",
  },
  // The last chunk of the October 2023 Chrome UX Report list (origins sorted by popularity bucket,
  // then by name): the tail of the alphabet, x to z and the `xn--` names, so mostly Danish names
  // with æ, ø and å, which the rule's homoglyph handling must leave alone.
  {
    kind: "crux",
    url: "https://github.com/lonetis/crux-cache/blob/751a77abbdf89b5cd5b02105cbea01519bcf9671/data/global/202310_21.csv",
    sha256: "4f7aba2768be4bf819c8c31a5da2b542007ea25de2f2ba3e2c46938111720b0d",
  },
  // The same last chunk of five other months' lists (2023-05, -08, -11, 2025-05, -08), at the same
  // commit: the tail of the alphabet again, but the origins Chrome users visited then; 325 more
  // Danish domains. Taken whole, like the first: every `.dk` origin in each.
  ...[
    ["202305_21", "512e3910c558888daf9e535b3f35dcd0a4bc5735eb0d312f50d577b8bdd59d16"],
    ["202308_21", "165ff9c0be7f0e10e34acd89a6e27131f037f653128ed9760637ce4de5981740"],
    ["202311_21", "90518d28924dcafc706763e19b7b2304e7b186c34f055e848040d38489d07a49"],
    ["202505_21", "30ea4e294b67e6d89d9277c70bd9071cdc623bdd57f35f3c56ccf775d6daf640"],
    ["202508_21", "e6d40c179076768c506b6ed0cc3c22a84ca59dc7891e94dd9c660ab76814667e"],
  ].map(([chunk, sha256]) => ({
    kind: "crux" as const,
    url: `https://github.com/lonetis/crux-cache/blob/751a77abbdf89b5cd5b02105cbea01519bcf9671/data/global/${chunk}.csv`,
    sha256: sha256!,
  })),
  // uBlock Origin's published lists (its own, and the EasyList lists it ships): the five that name
  // the most Danish sites, above all cookie-banner and newsletter-box rules for shops and media.
  ...[
    ["thirdparties/easylist-cookies.txt", "2ebcb9062cf80f4e50a9b06340297bedd256b3fe3a8bfc5096692066e6ae041d"],
    ["filters/annoyances-cookies.txt", "9feb08a4c13fd9f0e628528090cc5a50afbc1064fcf650eee9d71e6d1b12fd5f"],
    ["thirdparties/easylist-newsletters.txt", "19e80f656a9e558e0d362e5f6e2a9b98d938cd4ae839511079d0f5b635fab423"],
    ["thirdparties/easylist.txt", "71ad5f9e78e18e9fc7d200b9437dee8257a89d72f2aa339330fec24abf3620a3"],
    ["thirdparties/easylist-social.txt", "160dda6c4a9fbfba00fcf6bb4449df0a035f27be200a803629df2d581b919f32"],
  ].map(([path, sha256]) => ({
    kind: "filters" as const,
    url: `https://github.com/uBlockOrigin/uAssetsCDN/blob/14217dadf6e39872bc234498fb83567d47853188/${path}`,
    sha256: sha256!,
  })),
];

const DK_HOST = /(?<![a-z0-9.-])(?:[a-z0-9æøå](?:[a-z0-9æøå-]*[a-z0-9æøå])?\.)+dk(?![a-z0-9-])/g;

/** The registrable `.dk` domains named in `text` (lower case), in first-seen order. */
export function dkDomains(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().match(DK_HOST) ?? []) {
    const d = getDomain(m, { allowPrivateDomains: false });
    if (d && d.endsWith(".dk") && /^[a-z0-9-]+\.dk$/.test(d)) out.push(d);
  }
  return out;
}

/** The part of each input that names sites, by kind (see the header). */
export function siteText(kind: Kind, text: string): string {
  if (!FILTER_LISTS.has(kind)) return text;
  const parts: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.charAt(0) === "!" || line.startsWith("||") || line.startsWith("@@||")) continue;
    const cosmetic = /^([^#]*)#[@?$%]?#/.exec(line);
    if (cosmetic) parts.push(cosmetic[1]!.replace(/[~,]/g, " "));
    for (const m of line.match(/domain=[^\s$,]+/g) ?? []) parts.push(m.slice(7).replace(/[~|]/g, " "));
  }
  return parts.join("\n");
}

export function render(domains: readonly string[], sources: readonly Source[]): string {
  const head = [
    "# Real Danish domains that are no look-alikes: the false-alarm set of src/core/detectors/lookalike-measure.test.ts.",
    "# GENERATED by scripts/gen-dk-real-domains.ts; do not edit. Sources (file at commit, SHA-256):",
    ...sources.map((s) => `#   ${s.kind}: ${s.url} sha256:${s.sha256}`),
    "# Registrable .dk domains of the sites they name, without the shipped public-sector list.",
    `# ${domains.length} domains.`,
  ];
  return `${head.concat(domains).join("\n")}\n`;
}

export interface Input {
  readonly kind: Kind;
  readonly path: string;
}

/** Reads `--kind FILE` pairs; they must follow SOURCES' order, so each file meets its pinned hash. */
export function parseInputs(argv: readonly string[], sources: readonly Source[] = SOURCES): Input[] {
  const inputs: Input[] = [];
  for (let i = 0; i + 1 < argv.length; i += 2) inputs.push({ kind: argv[i]!.replace(/^--/, "") as Kind, path: argv[i + 1]! });
  const expected = sources.map((s) => `--${s.kind}`).join(" ");
  if (inputs.map((s) => `--${s.kind}`).join(" ") !== expected || argv.length % 2 !== 0) {
    throw new Error(`give one file per source, in this order: ${expected}`);
  }
  return inputs;
}

/** The file's text built from the inputs; refuses an input whose SHA-256 is not the recorded one. */
export function build(inputs: readonly Input[], sources: readonly Source[] = SOURCES): string {
  const publicList = new Set(DK_PUBLIC_DOMAINS);
  const all = new Set<string>();
  const used: Source[] = [];
  inputs.forEach((input, i) => {
    const bytes = readFileSync(input.path);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const source = sources[i]!;
    if (source.sha256 !== "" && source.sha256 !== sha256) {
      throw new Error(`${input.path}: SHA-256 ${sha256}, expected ${source.sha256} (${source.url}): refused`);
    }
    used.push({ ...source, sha256 });
    for (const d of dkDomains(siteText(input.kind, bytes.toString("utf8")))) if (!publicList.has(d)) all.add(d);
  });
  return render([...all].sort(), used);
}

function domainLines(text: string): string[] {
  return text.split("\n").filter((l) => l !== "" && l.charAt(0) !== "#");
}

/** Problems with the committed file's form: lines that are not registrable .dk domains, duplicates, order. */
export function formProblems(text: string): string[] {
  const lines = domainLines(text);
  const problems: string[] = [];
  const bad = lines.filter((d) => dkDomains(d)[0] !== d);
  const dupes = lines.length - new Set(lines).size;
  if (bad.length > 0 || dupes > 0) problems.push(`${bad.length} bad lines (${bad.slice(0, 5).join(" ")}), ${dupes} duplicates`);
  if (lines.join("\n") !== [...lines].sort().join("\n")) problems.push("not sorted");
  return problems;
}

function main(argv: readonly string[]): number {
  const check = argv[0] === "--check";
  const args = check ? argv.slice(1) : argv;
  const committed = readFileSync(OUTPUT_PATH, "utf8");
  try {
    if (check) {
      const problems = formProblems(committed);
      if (args.length > 0 && build(parseInputs(args)) !== committed) problems.push("differs from the file the pinned inputs build");
      if (problems.length > 0) {
        for (const p of problems) console.error(`${OUTPUT_PATH}: ${p}`);
        return 1;
      }
      console.log(`ok: ${domainLines(committed).length} domains, sorted and unique${args.length > 0 ? ", rebuilt from the pinned inputs" : ""}`);
      return 0;
    }
    const text = build(parseInputs(args));
    writeFileSync(OUTPUT_PATH, text);
    console.log(`${domainLines(text).length} domains → ${OUTPUT_PATH}`);
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
