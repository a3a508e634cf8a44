import { Budget } from "./budget";
import type { ReadContext } from "./context";
import { effectiveLimits } from "./limits";
import { readRtf } from "./rtf";

function text(rtf: string): string {
  const out: string[] = [];
  const ctx: ReadContext = {
    budget: new Budget(effectiveLimits(undefined), Infinity, () => 0),
    emit: (t) => out.push(t),
    nested: () => undefined,
  };
  readRtf(Uint8Array.from(rtf, (c) => c.charCodeAt(0)), ctx);
  return out.join("").replace(/\n+/g, "\n");
}

const tag = (html: string): string => `{\\*\\htmltag84 ${html}}`;

describe("readRtf on HTML encapsulated in RTF (\\fromhtml1, as Outlook stores it)", () => {
  it.each([
    ["inline tags join the runs of a number", `${tag("<b>")}150375${tag("</b>")}-6125`, "150375-6125"],
    ["an entity's RTF rendering stands in for it", `150650${tag("&#8209;")}\\htmlrtf \\u8209?\\htmlrtf0 3720`, "150650\u20113720"],
    ["table cells end a line", `${tag("<td>")}100108${tag("</td>")}${tag("<td>")}8900${tag("</td>")}`, "\n100108\n8900\n"],
    ["<br> ends a line, <b> and <span> do not", `1${tag('<br class="x">')}2${tag("<b>")}3${tag('<span style="x">')}4`, "1\n234"],
    ["closing a div ends a line", `12${tag("</div>")}34${tag("<DIV>")}56`, "12\n34\n56"],
    ["markup itself is never text", `${tag('<meta content="280568-7315">')}hej`, "hej"],
    ["an empty tag group is nothing", `a{\\*\\htmltag64}b`, "ab"],
  ])("%s", (_name, body, want) => {
    expect(text(`{\\rtf1\\ansi\\fromhtml1 \\deff0 ${body}}`)).toBe(want);
  });
});
