/**
 * The task pane's state: the verdict on the draft, the secure route's status, and the one-click
 * fixes. Each fix goes through the ComposeEditor (Office) and is followed by a fresh scan, so what
 * the pane shows is always what the next Send will meet.
 *
 * Nothing here stores or announces a full CPR number: findings carry only the masked form, and the
 * draft's text lives only inside the edit functions for the moment of the edit.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { confirmable, confirmationKey, decideResult, PANE_SCAN_BUDGET_MS, redactCpr, scanMessage, withoutConfirmed } from "../../../core";
import type { CprFinding, InvalidRecipientFinding, LookalikeFinding, Policy, SecureRoute, Verdict } from "../../../core";
import { describeLocation } from "../../../i18n/describe-finding";
import { t } from "../../../i18n/t";
import type { ComposeEditor, EditResult } from "../../office/apply-fix";
import { maskCprInHtml, maskCprInPlainText } from "../edits/mask-cpr";
import { removeRecipient, replaceRecipient } from "../edits/recipients";
import { hasSubjectTag, withSubjectTag, withoutSubjectTag } from "../edits/subject-tag";
import { displayFor, initialRoute, type Display, type RouteState } from "../pane-model";
import type { PaneServices } from "../pane-services";


export type PaneState =
  | { readonly phase: "loading" }
  | { readonly phase: "failed" }
  | {
      readonly phase: "ready";
      readonly verdict: Verdict;
      readonly route: RouteState;
      readonly source: "send-check" | "scan";
      readonly policy?: Policy;
      /** The names of the attached files, as the mail carries them (for grouping and "Fjern"). */
      readonly attachmentNames: readonly string[];
      /** Look-alike recipients of this mail the user has confirmed: no longer findings, listed apart. */
      readonly confirmed: readonly LookalikeFinding[];
    };

/** The last change a fix made, shown until the next one, with its undo where Outlook allows one. */
export interface LastChange {
  readonly text: string;
  readonly id: number;
  readonly undo?: () => Promise<EditResult>;
}

export interface Announcement {
  readonly text: string;
  /** Bumped on every announcement, so the same sentence twice is heard twice. */
  readonly id: number;
}

export interface PaneActions {
  maskCpr(finding: CprFinding): Promise<void>;
  replaceRecipient(finding: LookalikeFinding): Promise<void>;
  removeRecipient(finding: LookalikeFinding | InvalidRecipientFinding): Promise<void>;
  applySecureRoute(): Promise<void>;
  /** Removes the attached file (a zip, not the file inside it) with this name. */
  removeAttachment(name: string): Promise<void>;
  confirmRecipient(finding: LookalikeFinding): Promise<void>;
  forgetRecipient(finding: LookalikeFinding): Promise<void>;
  /** Undoes the last change, where it has an undo. */
  undo(): Promise<void>;
  /** Scan the draft again as it is now (the user may have edited it by hand). */
  recheck(): Promise<void>;
  retry(): Promise<void>;
}

export interface Pane {
  readonly state: PaneState;
  readonly busy: boolean;
  readonly announcement: Announcement;
  readonly change: LastChange | undefined;
  readonly actions: PaneActions;
}

async function routeStatus(route: SecureRoute, editor: ComposeEditor): Promise<RouteState> {
  const state = initialRoute(route);
  if (state.kind === "subject-tag") {
    const subject = await editor.readSubject();
    return { ...state, applied: subject !== undefined && hasSubjectTag(subject, state.tag) };
  }
  if (state.kind === "sensitivity-label") {
    const support = await editor.labelSupport();
    const current = support === "supported" ? await editor.readLabel() : undefined;
    return { ...state, support, applied: current === state.labelId };
  }
  return state;
}

export function usePane(services: PaneServices): Pane {
  const { lang, editor } = services;
  const [state, setState] = useState<PaneState>({ phase: "loading" });
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState<Announcement>({ text: "", id: 0 });
  const [change, setChange] = useState<LastChange | undefined>(undefined);
  const policy = useRef<Policy | undefined>(undefined);
  const alive = useRef(true);

  const announce = useCallback((text: string) => {
    if (alive.current) setAnnouncement((a) => ({ text, id: a.id + 1 }));
  }, []);

  /** Reads the draft, scans it, and returns the new state (or undefined when reading failed). */
  const scan = useCallback(async (): Promise<PaneState | undefined> => {
    try {
      policy.current ??= await services.loadPolicy();
      const p = policy.current;
      const message = await services.readMessage(p);
      const now = services.now();
      const pdf = message.attachments.length > 0 && services.pdfReader ? await services.pdfReader() : undefined;
      const deadline = Date.now() + Math.max(p.limits.sendBudgetMs, PANE_SCAN_BUDGET_MS);
      const result = await scanMessage(message, p, pdf ? { now, deadline, pdf } : { now, deadline });
      const keys = p.confirmLookalikes && services.confirmations ? (await services.confirmations.list()).map(confirmationKey) : [];
      const findings = withoutConfirmed(result.findings, p, keys);
      const confirmed = result.findings.filter((f): f is LookalikeFinding => confirmable(f, p) && keys.indexOf(confirmationKey(f.recipient)) >= 0);
      const verdict = decideResult({ ...result, findings }, p);
      const route = await routeStatus(p.secureRoute, editor);
      const attachmentNames = message.attachments.map((a) => a.name);
      return { phase: "ready", verdict, route, source: "scan", policy: p, attachmentNames, confirmed };
    } catch {
      return undefined;
    }
  }, [services, editor]);

  /** The first look: the send check's result if there is one, then a fresh scan. */
  const load = useCallback(async () => {
    const check = await services.sendCheck().catch(() => undefined);
    if (check && alive.current) {
      // Shown at once; replaced by the fresh scan a moment later.
      policy.current ??= await services.loadPolicy().catch(() => undefined);
      const route = policy.current ? initialRoute(policy.current.secureRoute) : initialRoute({ kind: "none" });
      setState({
        phase: "ready",
        verdict: { verdict: check.verdict, reasons: check.reasons, ...(check.incomplete ? { incomplete: check.incomplete } : {}) },
        route,
        source: "send-check",
        ...(policy.current ? { policy: policy.current } : {}),
        attachmentNames: [],
        confirmed: [],
      });
    }
    const next = await scan();
    if (!alive.current) return;
    if (next) setState(next);
    else if (!check) setState({ phase: "failed" });
  }, [services, scan]);

  useEffect(() => {
    alive.current = true;
    void load();
    return () => {
      alive.current = false;
    };
  }, [load]);

  /** Applies one fix, re-scans, and says what happened and where things stand now. */
  const fix = useCallback(
    async (apply: () => Promise<EditResult>, success: string, undo?: () => Promise<EditResult>) => {
      if (busy) return;
      setBusy(true);
      const result = await apply().catch((): EditResult => ({ ok: false, code: "office-error" }));
      const next = await scan();
      if (!alive.current) return;
      if (next) setState(next);
      setBusy(false);
      const outcome = !result.ok
        ? t(lang, result.code === "body-too-large" ? "taskpane.announce.bodyTooLarge" : "taskpane.announce.failed")
        : result.changed
          ? success
          : t(lang, "taskpane.announce.nothingChanged");
      const display: Display | undefined = next?.phase === "ready" ? displayFor(next.verdict, next.route) : undefined;
      const now =
        display === "block"
          ? t(lang, "taskpane.announce.rescanned.block")
          : display === "warn" || display === "unchecked"
            ? t(lang, "taskpane.announce.rescanned.warn")
            : display === "allow"
              ? t(lang, "taskpane.announce.rescanned.allow")
              : "";
      announce([outcome, now].filter((s) => s !== "").join(" "));
      // What changed stays on screen for everyone (not only screen readers), with its undo.
      if (success !== "") {
        setChange((c) => ({
          text: outcome,
          id: (c?.id ?? 0) + 1,
          ...(result.ok && result.changed && undo ? { undo } : {}),
        }));
      }
    },
    [busy, scan, lang, announce],
  );

  const actions: PaneActions = {
    maskCpr: (finding) => {
      const now = services.now();
      const where = describeLocation(finding.location, lang);
      const success = t(lang, "taskpane.announce.masked", { masked: finding.masked, where });
      if (finding.location.part === "subject") {
        return fix(() => editor.editSubject((s) => maskCprInPlainText(s, finding.masked, now).text), success);
      }
      return fix(
        () =>
          editor.editBody({
            html: (h) => maskCprInHtml(h, finding.masked, now).text,
            text: (s) => maskCprInPlainText(s, finding.masked, now).text,
          }),
        success,
      );
    },
    replaceRecipient: (finding) =>
      fix(
        () => editor.editRecipients(finding.field, (list) => replaceRecipient(list, finding.recipient, finding.suggestion)),
        t(lang, "taskpane.announce.replaced", { recipient: finding.recipient, suggestion: finding.suggestion }),
        () => editor.editRecipients(finding.field, (list) => replaceRecipient(list, finding.suggestion, finding.recipient)),
      ),
    removeRecipient: (finding) =>
      fix(
        () => editor.editRecipients(finding.field, (list) => removeRecipient(list, finding.recipient)),
        t(lang, "taskpane.announce.removed", { recipient: finding.recipient }),
        // Put back as Outlook resolves a typed address (the display name was not kept).
        () => editor.editRecipients(finding.field, (list) => [...list, { emailAddress: finding.recipient, displayName: "" }]),
      ),
    removeAttachment: (name) =>
      fix(() => editor.removeAttachment(name), t(lang, "taskpane.announce.removedFile", { name: redactCpr(name) })),
    confirmRecipient: (finding) => {
      const store = services.confirmations;
      if (!store) return Promise.resolve();
      const recipient = redactCpr(finding.recipient);
      return fix(
        async () => ((await store.add(finding.recipient)) ? { ok: true, changed: true } : { ok: false, code: "office-error" }),
        t(lang, "taskpane.announce.confirmed", { recipient }),
        async () => ((await store.remove(finding.recipient)) ? { ok: true, changed: true } : { ok: false, code: "office-error" }),
      );
    },
    forgetRecipient: (finding) => {
      const store = services.confirmations;
      if (!store) return Promise.resolve();
      return fix(
        async () => ((await store.remove(finding.recipient)) ? { ok: true, changed: true } : { ok: false, code: "office-error" }),
        t(lang, "taskpane.announce.unconfirmed", { recipient: redactCpr(finding.recipient) }),
      );
    },
    undo: async () => {
      const last = change;
      if (!last?.undo || busy) return;
      await fix(last.undo, t(lang, "taskpane.change.undone"));
    },
    applySecureRoute: () => {
      const route = state.phase === "ready" ? state.route : undefined;
      if (!route || route.kind === "none") return Promise.resolve();
      if (route.kind === "subject-tag") {
        return fix(
          () => editor.editSubject((s) => withSubjectTag(s, route.tag)),
          t(lang, "taskpane.announce.routeTag", { tag: route.tag }),
          () => editor.editSubject((s) => withoutSubjectTag(s, route.tag)),
        );
      }
      return fix(() => editor.setLabel(route.labelId), t(lang, "taskpane.announce.routeLabel", { label: route.label }));
    },
    recheck: () => fix(() => Promise.resolve({ ok: true, changed: true }), ""),
    retry: () => {
      setState({ phase: "loading" });
      return load();
    },
  };

  return { state, busy, announcement, change, actions };
}
