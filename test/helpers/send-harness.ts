/**
 * Wires the real send handler to the fake Office: the real adapter (connectMailbox → read-message,
 * shared-state), the real policy loader with a fake policy.json response, OfficeRuntime.storage from
 * the fake, and a log that tests inspect (it must never hold mail content).
 */
import type { Message } from "../../src/core/index";
import { encodeUtf8 } from "../../src/addin/office/base64";
import { connectMailbox } from "../../src/addin/office/mailbox-host";
import { runtimeStore } from "../../src/addin/office/runtime-storage";
import { loadPolicy, type FetchLike } from "../../src/addin/policy/load-policy";
import type { SendDeps } from "../../src/addin/launchevent/on-message-send";
import type { PreScanDeps } from "../../src/addin/launchevent/pre-scan";
import { createFakeOffice, type FakeOffice, type FakeOfficeOptions } from "../../src/simulator/fake-office";

export const POLICY_URL = "https://addins.example.dk/postvagt/policy.json";

/** "today" for the CPR rules in tests: fixed, so results never depend on the run date. */
export const TEST_NOW = new Date("2026-06-01T12:00:00Z");

export type PolicyResponse =
  | { readonly kind: "json"; readonly body: unknown }
  | { readonly kind: "text"; readonly body: string }
  | { readonly kind: "status"; readonly status: number }
  | { readonly kind: "network-error" }
  | { readonly kind: "none" };

export interface Harness {
  readonly fake: FakeOffice;
  readonly logs: string[];
  readonly fetches: string[];
  sendDeps(extra?: Partial<SendDeps>): SendDeps;
  preScanDeps(): PreScanDeps;
}

export function fakeFetch(response: PolicyResponse, fetches: string[]): FetchLike | undefined {
  if (response.kind === "none") return undefined;
  return (url) => {
    fetches.push(url);
    if (response.kind === "network-error") return Promise.reject(new TypeError("Failed to fetch"));
    if (response.kind === "status") return Promise.resolve({ ok: false, status: response.status, text: () => Promise.resolve("") });
    const body = response.kind === "json" ? JSON.stringify(response.body) : response.body;
    return Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(body) });
  };
}

export function harness(message: Message, options: { fake?: FakeOfficeOptions; policy?: PolicyResponse } = {}): Harness {
  const fake = createFakeOffice(message, options.fake);
  const logs: string[] = [];
  const fetches: string[] = [];
  const log = (line: string) => logs.push(line);
  const store = runtimeStore(fake.OfficeRuntime, undefined);
  const policyLoader = () =>
    loadPolicy({
      url: POLICY_URL,
      fetch: fakeFetch(options.policy ?? { kind: "status", status: 404 }, fetches),
      store,
      log,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
  return {
    fake,
    logs,
    fetches,
    sendDeps: (extra = {}) => ({
      host: connectMailbox(fake.Office),
      loadPolicy: policyLoader,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      log,
      now: TEST_NOW,
      ...extra,
    }),
    preScanDeps: () => ({ host: connectMailbox(fake.Office), loadPolicy: policyLoader, log, now: TEST_NOW }),
  };
}

/** A mail as the CLI would see it. Only synthetic CPR numbers (docs/design/cpr-number.md §7). */
export function draft(parts: Partial<Message> = {}): Message {
  return {
    subject: "Sag 2026-117",
    bodyHtml: "<p>Hej,</p><p>Se vedlagte.</p>",
    recipients: [{ address: "borger@example.com", displayName: "Borger", field: "to" }],
    attachments: [],
    from: "sagsbehandler@randers.dk",
    ...parts,
  };
}

/** UTF-8 bytes without TextEncoder (absent in some jest environments). */
export function utf8(text: string): Uint8Array {
  return encodeUtf8(text);
}
