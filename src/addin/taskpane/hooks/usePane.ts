/**
 * The task pane's state: the verdict on the draft, the secure route's status, and the one-click
 * fixes. Each fix goes through the ComposeEditor (Office) and is followed by a fresh scan, so what
 * the pane shows is always what the next Send will meet.
 *
 * Nothing here stores or announces a full CPR number: findings carry only the masked form, and the
 * draft's text lives only inside the edit functions for the moment of the edit.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { decideResult, scanMessage } from "../../../core";
import type { CprFinding, InvalidRecipientFinding, LookalikeFinding, Policy, SecureRoute, Verdict } from "../../../core";
import { describeLocation } from "../../../i18n/describe-finding";
import { t } from "../../../i18n/t";
import type { ComposeEditor, EditResult } from "../../office/apply-fix";
import { maskCprInHtml, maskCprInPlainText } from "../edits/mask-cpr";
import { removeRecipient, replaceRecipient } from "../edits/recipients";
import { hasSubjectTag, withSubjectTag } from "../edits/subject-tag";
import { displayFor, initialRoute, type Display, type RouteState } from "../pane-model";
import type { PaneServices } from "../pane-services";

/** The pane may take longer than the send check: nobody is waiting on a Send button. */
const PANE_SCAN_BUDGET_MS = 20_000;

export type PaneState =
  | { readonly phase: "loading" }
  | { readonly phase: "failed" }
  | {
      readonly phase: "ready";
      readonly verdict: Verdict;
      readonly route: RouteState;
      readonly source: "send-check" | "scan";
    };

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
  /** Scan the draft again as it is now (the user may have edited it by hand). */
  recheck(): Promise<void>;
  retry(): Promise<void>;
}

export interface Pane {
  readonly state: PaneState;
  readonly busy: boolean;
  readonly announcement: Announcement;
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
      const verdict = decideResult(result, p);
      const route = await routeStatus(p.secureRoute, editor);
      return { phase: "ready", verdict, route, source: "scan" };
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
    async (apply: () => Promise<EditResult>, success: string) => {
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
      ),
    removeRecipient: (finding) =>
      fix(
        () => editor.editRecipients(finding.field, (list) => removeRecipient(list, finding.recipient)),
        t(lang, "taskpane.announce.removed", { recipient: finding.recipient }),
      ),
    applySecureRoute: () => {
      const route = state.phase === "ready" ? state.route : undefined;
      if (!route || route.kind === "none") return Promise.resolve();
      if (route.kind === "subject-tag") {
        return fix(() => editor.editSubject((s) => withSubjectTag(s, route.tag)), t(lang, "taskpane.announce.routeTag", { tag: route.tag }));
      }
      return fix(() => editor.setLabel(route.labelId), t(lang, "taskpane.announce.routeLabel", { label: route.label }));
    },
    recheck: () => fix(() => Promise.resolve({ ok: true, changed: true }), ""),
    retry: () => {
      setState({ phase: "loading" });
      return load();
    },
  };

  return { state, busy, announcement, actions };
}
