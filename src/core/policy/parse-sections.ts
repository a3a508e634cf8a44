/**
 * The two policy sections whose keys depend on one another: the secure route (its `kind` decides
 * which other keys belong) and the help contact (a line of text and an optional link).
 */
import { type Json, type Issues, checkKeys, describe, found, isObject } from "./issue-list";
import type { HelpContact, SecureRoute } from "./policy";
import { parseEnum, parseLine, parseSection } from "./parse-values";
import { GUID, HELP_CONTACT_KEYS, MAX_TAG_LENGTH, ROUTE_KEYS, ROUTE_KINDS } from "./policy-keys";

export function parseSecureRoute(value: Json, issues: Issues): SecureRoute | undefined {
  const path = "secureRoute";
  if (!isObject(value)) {
    issues.add(path, "wrong-type", `must be an object such as {"kind": "subject-tag", "tag": "[sikker]"}, not ${describe(value)}`, "route-type", { found: found(value) });
    return undefined;
  }
  const kind = parseEnum(value.kind, `${path}.kind`, ROUTE_KINDS, "unknown-route", "route", issues);
  if (kind === undefined) return undefined;
  checkKeys(value, ROUTE_KEYS[kind], path, issues);
  if (kind === "none") return { kind };
  if (kind === "subject-tag") {
    const tag = value.tag;
    if (tag === undefined) {
      issues.add(`${path}.tag`, "required", `is required with "kind": "subject-tag"; write the tag your transport rule encrypts, such as "[sikker]"`, "required-tag");
      return undefined;
    }
    if (typeof tag !== "string") {
      issues.add(`${path}.tag`, "wrong-type", `must be the subject tag your transport rule encrypts, such as "[sikker]", not ${describe(tag)}`, "tag-type", { found: found(tag) });
      return undefined;
    }
    const trimmed = tag.trim();
    if (trimmed === "") {
      issues.add(`${path}.tag`, "empty", `is empty; write the tag your transport rule looks for, such as "[sikker]"`, "tag-empty");
      return undefined;
    }
    if (trimmed.length > MAX_TAG_LENGTH || /[\r\n]/.test(trimmed)) {
      issues.add(`${path}.tag`, "too-long", `must be one line of at most ${MAX_TAG_LENGTH} characters`, "tag-too-long", { max: MAX_TAG_LENGTH });
      return undefined;
    }
    return { kind, tag: trimmed };
  }
  const labelId = value.labelId;
  if (labelId === undefined) {
    issues.add(`${path}.labelId`, "required", `is required with "kind": "sensitivity-label"; copy the label's GUID from the Purview portal`, "required-label-id");
    return undefined;
  }
  if (typeof labelId !== "string" || !GUID.test(labelId.trim())) {
    issues.add(
      `${path}.labelId`,
      "not-a-guid",
      `${describe(labelId)} is not a label id; copy the label's GUID from the Purview portal (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`,
      "label-not-guid",
      { found: found(labelId) },
    );
    return undefined;
  }
  const labelName = value.labelName;
  if (labelName !== undefined && typeof labelName !== "string") {
    issues.add(`${path}.labelName`, "wrong-type", `must be the label's display name in quotes, not ${describe(labelName)}`, "label-name-type", { found: found(labelName) });
    return undefined;
  }
  return labelName === undefined ? { kind, labelId: labelId.trim() } : { kind, labelId: labelId.trim(), labelName };
}

/** Links users may open from the pane: a web page, a mail address or a phone number; nothing that runs. */
const HELP_URL = /^(?:https:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+|tel:\+?[0-9 ()-]{3,20})$/i;

export function parseHelpContact(value: Json, issues: Issues): HelpContact | undefined {
  const s = parseSection(value, "helpContact", HELP_CONTACT_KEYS, issues);
  if (!s) return undefined;
  if (!("text" in s)) {
    issues.add("helpContact.text", "required", `is required; write one sentence such as "Ring til IT-support på 8915 1234."`, "required-help-text");
    return undefined;
  }
  const text = parseLine(s.text, "helpContact.text", 200, "Ring til IT-support på 8915 1234.", issues);
  if (text === undefined) return undefined;
  if (!("url" in s)) return { text };
  const url = typeof s.url === "string" ? s.url.trim() : s.url;
  if (typeof url !== "string" || url.length > 500 || !HELP_URL.test(url)) {
    issues.add("helpContact.url", "not-a-link", `${describe(s.url)} is not a link users can open; write an https:, mailto: or tel: link, such as "https://intra.randers.dk/it-hjaelp"`, "not-a-link", { found: found(s.url) });
    return undefined;
  }
  return { text, url };
}
