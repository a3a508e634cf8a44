/**
 * The event-runtime entry: builds launchevent.js, the one self-contained file classic Outlook on
 * Windows loads (its `<Override type="javascript">`) and commands.html includes for web, new Outlook
 * and Mac. It only wires the handlers to Outlook.
 *
 * In classic Outlook on Windows, Office.onReady/Office.initialize are NOT run for event handlers, so
 * nothing here waits for them; Office.actions.associate runs as the file evaluates (without it a
 * SoftBlock add-in blocks every send). No imports at run time, no timers assumed: setTimeout and
 * fetch are feature-detected.
 */
// Must stay the first import: see install-shims.ts.
import { INSTALLED_SHIMS } from "./install-shims";
import { associateHandlers, connectMailbox } from "../office/mailbox-host";
import { HANDLER_NAMES } from "../office/manifest-ids";
import type { MailboxEventLike } from "../office/office-types";
import { getOffice } from "../office/office-async";
import { confirmationStore } from "../office/roaming-confirmations";
import { runtimeStore } from "../office/runtime-storage";
import { loadPolicy, type FetchLike } from "../policy/load-policy";
import { policyUrl, runtimeBaseUrl } from "../policy/policy-url";
import { onAppointmentSend } from "./on-appointment-send";
import { onMessageSend } from "./on-message-send";
import { onAttachmentsChanged, onRecipientsChanged } from "./pre-scan";

/** Set by the build's prologue (scripts/webpack/prologue.js) before any module evaluates. */
declare const __postvagtBundleStart: number | undefined;
/**
 * When the bundle's first statement ran: loading and evaluating every module counts against Smart
 * Alerts' 5 s (docs/design/outlook-runtime.md). Without the prologue (sources run by tests): now.
 */
const STARTED_AT = typeof __postvagtBundleStart === "number" ? __postvagtBundleStart : Date.now();
/** Read while evaluating: only now is document.currentScript this file's <script>. */
const BASE_URL = runtimeBaseUrl();

function log(line: string): void {
  // Lines carry codes, counts and timings only (see the callers); never mail content.
  if (typeof console !== "undefined" && typeof console.log === "function") console.log(`[Postvagt] ${line}`);
}

const setTimer = typeof setTimeout === "function" ? (fn: () => void, ms: number): unknown => setTimeout(fn, ms) : undefined;
const clearTimer =
  typeof clearTimeout === "function" ? (handle: unknown): void => clearTimeout(handle as ReturnType<typeof setTimeout>) : undefined;
const fetchFn: FetchLike | undefined = typeof fetch === "function" ? (url, init) => fetch(url, init) : undefined;

function policyLoader() {
  return () => loadPolicy({ url: policyUrl(BASE_URL), fetch: fetchFn, store: runtimeStore(), log, setTimer, clearTimer });
}

/**
 * Send checks running now. All handlers share one runtime (docs/design/outlook-runtime.md, "One
 * runtime"): a pre-scan yields between slices and stops when a send check has started.
 */
let sendsRunning = 0;
/** A macrotask turn: lets a queued Send event in. Absent without timers (then no slicing). */
const yieldControl = setTimer ? (): Promise<void> => new Promise<void>((resolve) => void setTimer(resolve, 0)) : undefined;

function onMessageSendHandler(event: MailboxEventLike): void {
  sendsRunning++;
  const done = (): void => {
    sendsRunning--;
  };
  onMessageSend(event, {
    host: connectMailbox(),
    loadPolicy: policyLoader(),
    startedAt: STARTED_AT,
    setTimer,
    clearTimer,
    log,
    confirmedRecipients: () => confirmationStore(getOffice(), runtimeStore()).list(),
  })
    .catch(() => log("send: handler rejected"))
    // then(done, done), not finally(): Promise.prototype.finally is ES2018.
    .then(done, done);
}

function onAppointmentSendHandler(event: MailboxEventLike): void {
  onAppointmentSend(event, {
    host: connectMailbox(),
    loadPolicy: policyLoader(),
    startedAt: STARTED_AT,
    setTimer,
    clearTimer,
    log,
  }).catch(() => log("send: appointment handler rejected"));
}

function onMessageAttachmentsChangedHandler(event: MailboxEventLike): void {
  onAttachmentsChanged(event, {
    host: connectMailbox(),
    loadPolicy: policyLoader(),
    log,
    ...(yieldControl ? { yieldControl } : {}),
    sendPending: () => sendsRunning > 0,
  }).catch(() => undefined);
}

function onMessageRecipientsChangedHandler(event: MailboxEventLike): void {
  onRecipientsChanged(event, { host: connectMailbox(), loadPolicy: policyLoader(), log }).catch(() => undefined);
}

if (INSTALLED_SHIMS.length > 0) log(`runtime shims: ${INSTALLED_SHIMS.join(", ")}`);

if (
  !associateHandlers({
    [HANDLER_NAMES.send]: onMessageSendHandler,
    [HANDLER_NAMES.attachmentsChanged]: onMessageAttachmentsChangedHandler,
    [HANDLER_NAMES.recipientsChanged]: onMessageRecipientsChangedHandler,
    [HANDLER_NAMES.appointmentSend]: onAppointmentSendHandler,
  })
) {
  log("Office.actions is missing: handlers not registered");
}
