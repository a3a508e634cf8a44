/**
 * `npm run validate [files…]`: checks add-in manifests offline. Two layers:
 *  1. the XSDs of [MS-OWEMXML] (vendored in schemas/office-addin-manifest/), through xmllint-wasm, which
 *     catch element order, required elements, enumerations and lengths;
 *  2. the cross-references the XSDs cannot express (resids resolve, the LaunchEvent page is the Runtime,
 *     the code's commandId and handler names exist in the manifest, the requirement set the code
 *     feature-detects against, English overrides for every Danish string).
 * Without arguments it checks manifest.xml and every dist/manifest*.xml. Microsoft's own validator
 * (office-addin-manifest) needs a web service, so it is not used here.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { validateXML } from "xmllint-wasm";
import { DomUtils, parseDocument } from "htmlparser2";
import { APPOINTMENT_TASKPANE_COMMAND_ID, HANDLER_NAMES, MIN_MAILBOX_SET, TASKPANE_COMMAND_ID } from "../src/addin/office/manifest-ids";

/** htmlparser2's own domhandler Element (a nested copy of the package). */
type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

export const SCHEMA_DIR = resolve(__dirname, "..", "schemas", "office-addin-manifest");
const ROOT_SCHEMA = "offappmanifest-1.1.xsd";
const IMPORTED_SCHEMAS = [
  "OfficeAppBasicTypesV1_0.xsd",
  "MailAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_1.xsd",
  "TaskPaneAppVersionOverridesV1_0.xsd",
  "ContentAppVersionOverridesV1_0.xsd",
];

/** Events Outlook fires for event-based activation that this add-in may declare. */
const KNOWN_EVENTS = new Set([
  "OnNewMessageCompose",
  "OnMessageSend",
  "OnMessageRecipientsChanged",
  "OnMessageAttachmentsChanged",
  "OnMessageFromChanged",
  "OnSensitivityLabelChanged",
  "OnMessageCompose",
  "OnNewAppointmentOrganizer",
  "OnAppointmentSend",
]);

export interface ManifestIssue {
  readonly layer: "xsd" | "structure";
  readonly message: string;
}

export interface ManifestReport {
  readonly valid: boolean;
  readonly issues: readonly ManifestIssue[];
}

export interface StructureOptions {
  /** When given, every URL in the manifest must start with it (a built manifest for this base). */
  readonly baseUrl?: string;
  /** The SendMode the OnMessageSend event must carry. */
  readonly sendMode?: "PromptUser" | "SoftBlock" | "Block";
}

export async function validateManifestXsd(xml: string, fileName = "manifest.xml"): Promise<ManifestIssue[]> {
  const read = (f: string) => ({ fileName: f, contents: readFileSync(join(SCHEMA_DIR, f), "utf8") });
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [read(ROOT_SCHEMA)],
    preload: IMPORTED_SCHEMAS.map(read),
  });
  return result.errors.map((e) => ({ layer: "xsd" as const, message: e.rawMessage.trim() }));
}

function elements(root: ReturnType<typeof parseDocument>, name: string): Element[] {
  return DomUtils.getElementsByTagName(name, root, true);
}

function controls(root: ReturnType<typeof parseDocument>): Element[] {
  return elements(root, "Control");
}

function childElements(el: Element, name: string): Element[] {
  return el.children.filter((c): c is Element => c.type === "tag" && (c as Element).name === name);
}

export function checkManifestStructure(xml: string, options: StructureOptions = {}): ManifestIssue[] {
  const issues: string[] = [];
  const doc = parseDocument(xml, { xmlMode: true });

  const resourceIds = new Map<string, string>();
  for (const tag of ["bt:Image", "bt:Url", "bt:String"]) {
    for (const el of elements(doc, tag)) {
      const id = el.attribs.id;
      if (id === undefined) continue; // an <bt:Image size=… resid=…> inside <Icon>, not a resource
      if (resourceIds.has(id)) issues.push(`resource id "${id}" is defined twice`);
      resourceIds.set(id, tag);
    }
  }

  const all = DomUtils.findAll(() => true, doc.children);
  for (const el of all) {
    const resid = el.attribs.resid;
    if (resid !== undefined && !resourceIds.has(resid)) {
      issues.push(`<${el.name} resid="${resid}"> does not resolve to any resource under <Resources>`);
    }
  }

  const runtimes = elements(doc, "Runtime");
  const runtimeResids = runtimes.map((r) => r.attribs.resid ?? "");
  if (runtimes.length === 0) issues.push("no <Runtime>: Smart Alerts needs one");
  for (const r of runtimes) {
    const js = childElements(r, "Override").filter((o) => o.attribs.type === "javascript");
    if (js.length !== 1) issues.push(`<Runtime resid="${r.attribs.resid}"> needs exactly one <Override type="javascript"> for classic Outlook`);
    if (resourceIds.get(r.attribs.resid ?? "") !== "bt:Url") issues.push(`<Runtime resid="${r.attribs.resid}"> must name a bt:Url`);
  }

  const launchPoints = elements(doc, "ExtensionPoint").filter((e) => e.attribs["xsi:type"] === "LaunchEvent");
  if (launchPoints.length !== 1) issues.push(`expected one LaunchEvent extension point, found ${launchPoints.length}`);
  const declared = new Map<string, Element>();
  for (const point of launchPoints) {
    const source = childElements(point, "SourceLocation")[0];
    const resid = source?.attribs.resid ?? "";
    if (!runtimeResids.includes(resid)) {
      issues.push(`LaunchEvent <SourceLocation resid="${resid}"> must be the <Runtime> resid (${runtimeResids.join(", ") || "none"})`);
    }
    for (const ev of elements(point as unknown as ReturnType<typeof parseDocument>, "LaunchEvent")) {
      const type = ev.attribs.Type ?? "";
      if (!KNOWN_EVENTS.has(type)) issues.push(`LaunchEvent Type="${type}" is not an Outlook event`);
      if (declared.has(type)) issues.push(`LaunchEvent Type="${type}" is declared twice (Outlook allows one)`);
      declared.set(type, ev);
    }
  }
  const expectedHandlers: Array<[string, string]> = [
    ["OnMessageSend", HANDLER_NAMES.send],
    ["OnMessageRecipientsChanged", HANDLER_NAMES.recipientsChanged],
    ["OnMessageAttachmentsChanged", HANDLER_NAMES.attachmentsChanged],
    ["OnAppointmentSend", HANDLER_NAMES.appointmentSend],
  ];
  for (const [type, fn] of expectedHandlers) {
    const ev = declared.get(type);
    if (ev === undefined) issues.push(`LaunchEvent ${type} is missing`);
    else if (ev.attribs.FunctionName !== fn) {
      issues.push(`LaunchEvent ${type} FunctionName="${ev.attribs.FunctionName}" but the code associates "${fn}"`);
    }
  }
  const send = declared.get("OnMessageSend");
  if (send !== undefined && options.sendMode !== undefined && (send.attribs.SendMode ?? "SoftBlock") !== options.sendMode) {
    issues.push(`OnMessageSend SendMode="${send.attribs.SendMode}" but ${options.sendMode} was asked for`);
  }
  const appointmentSend = declared.get("OnAppointmentSend");
  if (send !== undefined && appointmentSend !== undefined && (appointmentSend.attribs.SendMode ?? "SoftBlock") !== (send.attribs.SendMode ?? "SoftBlock")) {
    issues.push(`OnAppointmentSend SendMode="${appointmentSend.attribs.SendMode}" differs from OnMessageSend's`);
  }
  const appointmentControl = controls(doc).find((c) => c.attribs.id === APPOINTMENT_TASKPANE_COMMAND_ID);
  const organizerSurface = DomUtils.findAll(
    (e) => e.name === "ExtensionPoint" && e.attribs["xsi:type"] === "AppointmentOrganizerCommandSurface",
    doc.children,
  )[0];
  if (appointmentControl === undefined || organizerSurface === undefined || !DomUtils.findAll((e) => e === appointmentControl, organizerSurface.children).length) {
    issues.push(`<Control id="${APPOINTMENT_TASKPANE_COMMAND_ID}"> must sit on the AppointmentOrganizerCommandSurface (the invite's Smart Alerts commandId)`);
  }
  if (!elements(doc, "SupportsSharedFolders").some((e) => DomUtils.textContent(e).trim() === "true")) {
    issues.push("<SupportsSharedFolders>true</SupportsSharedFolders> is missing: drafts in shared and delegated mailboxes would go unchecked");
  }

  const paneControl = controls(doc).find((c) => c.attribs.id === TASKPANE_COMMAND_ID);
  if (paneControl === undefined) {
    issues.push(`no <Control id="${TASKPANE_COMMAND_ID}">: the Smart Alerts commandId would open nothing`);
  } else {
    const action = childElements(paneControl, "Action")[0];
    if (action?.attribs["xsi:type"] !== "ShowTaskpane") issues.push(`<Control id="${TASKPANE_COMMAND_ID}"> must be a ShowTaskpane button`);
    const composeSurface = DomUtils.findAll(
      (e) => e.name === "ExtensionPoint" && e.attribs["xsi:type"] === "MessageComposeCommandSurface",
      doc.children,
    )[0];
    if (composeSurface === undefined || !DomUtils.findAll((e) => e === paneControl, composeSurface.children).length) {
      issues.push(`<Control id="${TASKPANE_COMMAND_ID}"> must sit on the MessageComposeCommandSurface`);
    }
  }

  const overrideSets = elements(doc, "bt:Sets");
  const minVersion = overrideSets[0]?.attribs.DefaultMinVersion;
  if (minVersion !== MIN_MAILBOX_SET) {
    issues.push(`VersionOverrides requires Mailbox ${minVersion ?? "(none)"}, the code is built for ${MIN_MAILBOX_SET}`);
  }

  const defaultLocale = elements(doc, "DefaultLocale")[0];
  if (DomUtils.textContent(defaultLocale ?? []).trim() !== "da-DK") issues.push("DefaultLocale must be da-DK");
  const localized = [
    ...elements(doc, "DisplayName"),
    ...elements(doc, "Description").filter((d) => d.attribs.DefaultValue !== undefined),
    ...elements(doc, "bt:String"),
  ];
  for (const el of localized) {
    const overrides = [...childElements(el, "Override"), ...childElements(el, "bt:Override")];
    if (!overrides.some((o) => o.attribs.Locale === "en-US")) {
      issues.push(`<${el.name}${el.attribs.id ? ` id="${el.attribs.id}"` : ""}> has no en-US override`);
    }
  }

  const permissions = DomUtils.textContent(elements(doc, "Permissions")[0] ?? []).trim();
  if (permissions !== "ReadWriteItem") issues.push(`Permissions must be ReadWriteItem (the fixes write the item), found "${permissions}"`);

  const urls: string[] = [];
  for (const el of all) {
    const v = el.attribs.DefaultValue ?? el.attribs.Value;
    if (v !== undefined && /^[a-z]+:\/\//i.test(v)) urls.push(v);
  }
  for (const el of elements(doc, "AppDomain")) urls.push(DomUtils.textContent(el).trim());
  for (const u of urls) {
    if (!u.startsWith("https://")) issues.push(`URL ${u} is not https`);
  }
  if (options.baseUrl !== undefined) {
    const base = options.baseUrl.replace(/\/+$/, "");
    const origin = new URL(base).origin;
    for (const u of urls) {
      if (!(u === origin || u.startsWith(`${base}/`))) issues.push(`URL ${u} is outside the base URL ${base}`);
    }
  }

  return issues.map((message) => ({ layer: "structure" as const, message }));
}

export async function validateManifest(
  xml: string,
  fileName = "manifest.xml",
  options: StructureOptions = {},
): Promise<ManifestReport> {
  const issues = [...(await validateManifestXsd(xml, fileName)), ...checkManifestStructure(xml, options)];
  return { valid: issues.length === 0, issues };
}

/** The manifests `npm run validate` checks when given no arguments. */
export function defaultManifestPaths(root = resolve(__dirname, "..")): string[] {
  const paths = [join(root, "manifest.xml")];
  const dist = join(root, "dist");
  if (existsSync(dist)) {
    for (const f of readdirSync(dist).sort()) if (/^manifest.*\.xml$/.test(f)) paths.push(join(dist, f));
  }
  return paths;
}

async function main(argv: readonly string[]): Promise<number> {
  const paths = argv.length > 0 ? argv.map((p) => resolve(p)) : defaultManifestPaths();
  let failed = 0;
  for (const path of paths) {
    const xml = readFileSync(path, "utf8");
    const sendMode = /SendMode="Block"/.test(xml) ? "Block" : undefined;
    const report = await validateManifest(xml, path, sendMode ? { sendMode } : {});
    if (report.valid) {
      console.log(`ok    ${path}`);
    } else {
      failed++;
      console.log(`FAIL  ${path}`);
      for (const i of report.issues) console.log(`      [${i.layer}] ${i.message}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(2);
    },
  );
}
