import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifestStructure, validateManifest, validateManifestXsd } from "./validate-manifest";
import { APPOINTMENT_TASKPANE_COMMAND_ID, HANDLER_NAMES, MIN_MAILBOX_SET, TASKPANE_COMMAND_ID } from "../src/addin/office/manifest-ids";

const { renderManifest } = require("./webpack/manifest") as {
  renderManifest: (template: string, o: { baseUrl: string; sendMode?: string }) => string;
};

const TEMPLATE = readFileSync(join(__dirname, "..", "manifest.xml"), "utf8");

describe("manifest.xml template", () => {
  it("is valid against the [MS-OWEMXML] XSDs and the structural checks", async () => {
    const report = await validateManifest(TEMPLATE);
    expect(report.issues).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("declares what the code relies on", () => {
    expect(TEMPLATE).toContain(`<bt:Sets DefaultMinVersion="${MIN_MAILBOX_SET}">`);
    expect(TEMPLATE).toContain(`<Control xsi:type="Button" id="${TASKPANE_COMMAND_ID}">`);
    expect(TEMPLATE).toContain(`<LaunchEvent Type="OnMessageSend" FunctionName="${HANDLER_NAMES.send}" SendMode="SoftBlock"/>`);
    expect(TEMPLATE).toContain("<DefaultLocale>da-DK</DefaultLocale>");
  });
});

/** Each mutation breaks the manifest in a way Outlook (or our code) would trip over. */
const XSD_MUTATIONS: Array<[string, (xml: string) => string, RegExp]> = [
  [
    "elements out of schema order (Permissions after Rule)",
    (x) => x.replace("  <Permissions>ReadWriteItem</Permissions>\n", "").replace("<DisableEntityHighlighting>", "<Permissions>ReadWriteItem</Permissions>\n  <DisableEntityHighlighting>"),
    /Permissions/,
  ],
  ["an unknown SendMode", (x) => x.replace('SendMode="SoftBlock"', 'SendMode="HardBlock"'), /SendMode/],
  ["a missing Id", (x) => x.replace(/<Id>[^<]*<\/Id>/, ""), /Id|Version/],
  ["a malformed Id", (x) => x.replace(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>"), /Id/],
  ["a resid longer than 32 characters", (x) => x.replace(/"Runtime\.Url"/g, '"Runtime.Url.That.Is.Far.Too.Long.For.Office"'), /resid|ReferenceId|length/i],
  ["not well-formed XML", (x) => x.replace("</OfficeApp>", ""), /.+/],
];

const STRUCTURE_MUTATIONS: Array<[string, (xml: string) => string, RegExp]> = [
  ["a resid that resolves to nothing", (x) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'), /Group\.Missing/],
  [
    "a LaunchEvent SourceLocation other than the Runtime",
    (x) => x.replace('<SourceLocation resid="Runtime.Url"/>\n            </ExtensionPoint>', '<SourceLocation resid="Taskpane.Url"/>\n            </ExtensionPoint>'),
    /must be the <Runtime> resid/,
  ],
  ["a renamed task pane Control (commandId would open nothing)", (x) => x.replace(`id="${TASKPANE_COMMAND_ID}"`, 'id="somethingElse"'), /commandId/],
  ["a renamed send handler", (x) => x.replace(`FunctionName="${HANDLER_NAMES.send}"`, 'FunctionName="onSend"'), /FunctionName="onSend"/],
  ["a typo in the event name", (x) => x.replace('Type="OnMessageRecipientsChanged"', 'Type="OnMessageRecipientChanged"'), /not an Outlook event/],
  ["a higher requirement set", (x) => x.replace('DefaultMinVersion="1.12"', 'DefaultMinVersion="1.15"'), /Mailbox 1\.15/],
  ["no JavaScript override for classic Outlook", (x) => x.replace('<Override type="javascript" resid="JSRuntime.Url"/>', ""), /Override type="javascript"/],
  ["a Danish string without English", (x) => x.replace('<bt:Override Locale="en-US" Value="Check this mail"/>', ""), /Pane\.Label.*en-US/],
  ["plain http", (x) => x.replace("https://localhost:3000/commands.html", "http://localhost:3000/commands.html"), /not https/],
  ["no shared-mailbox support", (x) => x.replace("<SupportsSharedFolders>true</SupportsSharedFolders>", ""), /SupportsSharedFolders/],
  [
    "a renamed appointment send handler",
    (x) => x.replace(`FunctionName="${HANDLER_NAMES.appointmentSend}"`, 'FunctionName="onInvite"'),
    /FunctionName="onInvite"/,
  ],
  [
    "the invite pane button renamed",
    (x) => x.replace(`id="${APPOINTMENT_TASKPANE_COMMAND_ID}"`, 'id="other"'),
    /AppointmentOrganizerCommandSurface/,
  ],
  [
    "invites under another send mode than messages",
    (x) => x.replace('<LaunchEvent Type="OnAppointmentSend" FunctionName="onAppointmentSendHandler" SendMode="SoftBlock"/>', '<LaunchEvent Type="OnAppointmentSend" FunctionName="onAppointmentSendHandler" SendMode="Block"/>'),
    /differs/,
  ],
];

describe("a broken manifest fails validation", () => {
  it.each(XSD_MUTATIONS)("XSD catches %s", async (_name, mutate, pattern) => {
    const mutated = mutate(TEMPLATE);
    expect(mutated).not.toBe(TEMPLATE);
    const issues = await validateManifestXsd(mutated);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.message).join("\n")).toMatch(pattern);
  });

  it.each(STRUCTURE_MUTATIONS)("structure check catches %s", async (_name, mutate, pattern) => {
    const mutated = mutate(TEMPLATE);
    expect(mutated).not.toBe(TEMPLATE);
    const report = await validateManifest(mutated);
    expect(report.valid).toBe(false);
    expect(report.issues.map((i) => i.message).join("\n")).toMatch(pattern);
  });
});

describe("renderManifest", () => {
  const base = "https://addins.example.dk/postvagt";

  it.each(["SoftBlock", "Block", "PromptUser"])("renders a valid %s manifest for a base URL", async (sendMode) => {
    const xml = renderManifest(TEMPLATE, { baseUrl: `${base}/`, sendMode });
    expect(xml).not.toContain("localhost");
    expect(xml).toContain("<AppDomain>https://addins.example.dk</AppDomain>");
    expect(xml).toContain(`${base}/launchevent.js`);
    expect(xml).toContain(`SendMode="${sendMode}"`);
    const report = await validateManifest(xml, "manifest.xml", { baseUrl: base, sendMode: sendMode as "Block" });
    expect(report.issues).toEqual([]);
  });

  it.each(["http://addins.example.dk", "not a url", "https://x.dk/?tenant=1"])("refuses the base URL %s", (baseUrl) => {
    expect(() => renderManifest(TEMPLATE, { baseUrl })).toThrow(/ADDIN_BASE_URL/);
  });

  it("refuses an unknown send mode", () => {
    expect(() => renderManifest(TEMPLATE, { baseUrl: base, sendMode: "Sometimes" })).toThrow(/SEND_MODE/);
  });

  it("the structure check notices a URL outside the base", () => {
    const xml = renderManifest(TEMPLATE, { baseUrl: base }).replace(`${base}/policy`, "x").replace(`${base}/assets/icon-16.png`, "https://cdn.example.com/icon-16.png");
    expect(checkManifestStructure(xml, { baseUrl: base }).map((i) => i.message).join("\n")).toMatch(/outside the base URL/);
  });
});
