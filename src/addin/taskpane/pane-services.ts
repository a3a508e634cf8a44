/**
 * What the task pane needs from its host, as one object handed to <App>. In Outlook (and the
 * simulator) index.tsx builds it from the Office adapters; component tests build it from a plain
 * Message. No component touches Office: this interface is the whole boundary.
 */
import type { Action, Finding, Message, PdfTextReader, Policy } from "../../core";
import type { Lang } from "../../i18n/t";
import type { ComposeEditor } from "../office/apply-fix";
import type { RecipientMemoryServices } from "./components/RecipientMemory";
import type { ConfirmationStore } from "../office/roaming-confirmations";
import type { PolicySource } from "../policy/load-policy";

/** The send check's result as the handler left it (masked by construction). */
export interface SendCheck {
  readonly verdict: Action;
  readonly incomplete?: "timeout" | "error";
  readonly reasons: ReadonlyArray<{ readonly finding: Finding; readonly action: Action }>;
}

export interface PaneServices {
  readonly lang: Lang;
  /** "Today" for the CPR date rules. */
  readonly now: () => Date;
  loadPolicy(): Promise<Policy>;
  /** The draft as it is now, read through the add-in's adapter. */
  readMessage(policy: Policy): Promise<Message>;
  /** The result of the send check that opened the pane, if it was one. */
  sendCheck(): Promise<SendCheck | undefined>;
  readonly editor: ComposeEditor;
  /** How to read PDFs: pdf.js where the host can load it; absent or undefined means core's reader. */
  readonly pdfReader?: () => Promise<PdfTextReader | undefined>;
  /** The recipient memory panel (components/RecipientMemory.tsx); absent = not shown. */
  readonly memory?: RecipientMemoryServices;
  /** Where the policy came from (the footer says so); absent in tests that do not care. */
  readonly policySource?: PolicySource;
  /** The user's confirmed recipients (policy.confirmLookalikes); absent where the host keeps none. */
  readonly confirmations?: ConfirmationStore;
  /** Office.context.officeTheme, where the host gives it. */
  readonly officeTheme?: { readonly isDarkTheme?: boolean; readonly bodyBackgroundColor?: string };
}
