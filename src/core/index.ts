/**
 * The only public entry of the core. The add-in, the CLI and i18n import from here and nowhere
 * else in core/ (ESLint enforces it); everything not exported here is private.
 */

// The pipeline: .eml → Message → findings → verdict.
export { messageFromEml } from "./eml";
export type { EmlError } from "./eml";
export { scanMessage } from "./scan";
export type { ScanResult } from "./scan";
export { actionFor, decide, decideResult, stricter } from "./decide";
export type { Verdict } from "./decide";

// Policy.
export { parsePolicy } from "./policy/parse-policy";
export type { PolicyIssue, PolicyResult } from "./policy/parse-policy";
export type { FoundValue, PolicyIssueHint, PolicyIssueValues } from "./policy/policy-issue";
export { DEFAULT_POLICY } from "./policy/default-policy";

export type { Action, HelpContact, Limits, NewDomainMode, Policy, SecureRoute, SecureRouteMatch } from "./policy/policy";
export { protectedBySecureRoute } from "./secure-route";
export { confirmable, confirmationKey, withoutConfirmed } from "./confirmed-recipients";

// Building blocks the add-in's fixes and the CLI's output need.
export { findCprNumbers, findCprInSegments } from "./detectors/cpr";

export { maskChars, maskCpr } from "./detectors/mask";
export { maskCprNumbers, redactCpr } from "./redact";
export {
  AUDIT_HEADER_NAME,
  AUDIT_MARKER_VERSION,
  MARKER_PATTERNS,
  MARKER_ROUTES,
  MARKER_VERDICTS,
  buildMarker,
  parseMarker,
} from "./audit/marker";
export type { AuditMarker, MarkerError, MarkerRoute } from "./audit/marker";
export { markerOf, policyIdOf } from "./audit/marker-of";

export { RULE_CODES, ruleCodeOf } from "./audit/rule-code";
export {
  MEMORY_SETTING,
  emptyMemory,
  externalDomains,
  newDomainsForCpr,
  parseMemory,
  rememberDomains,
} from "./audit/recipient-memory";
export type { RecipientMemory } from "./audit/recipient-memory";
export type { RuleCode } from "./audit/rule-code";
export { safeName, terminalSafe } from "./text/safe-name";
export { fixCp1252Controls } from "./extractors/text-decode";

export { encodeUtf8 } from "./text/encode-utf8";
export { compileDomainLists, findLookalikes } from "./detectors/lookalike-domain";

export { extractAttachments } from "./extractors/extract";
export {
  FINISH_MARGIN_MS,
  HARD_CAP_MS,
  MAX_LOAD_ALLOWANCE_MS,
  PANE_SCAN_BUDGET_MS,
  POLICY_FETCH_TIMEOUT_MS,
  POLICY_MAX_AGE_MS,
  PRE_SCAN_BUDGET_MS,
} from "./extractors/limits";
export type { Extraction, PdfPageText, PdfReadControl, PdfReadResult, PdfTextReader } from "./extractors/extract";

export { sniffFormat } from "./extractors/sniff";
export type { SniffedFormat } from "./extractors/sniff";
export { createPdfjsReader, openPdfjsReader } from "./extractors/pdfjs-reader";
export type { PdfjsModule } from "./extractors/pdfjs-reader";

// Contract types.
export type {
  Confidence,
  CprFinding,
  CprForm,
  CprReason,
  DomainEdit,
  Finding,
  InvalidRecipientFinding,
  LookalikeFinding,
  LookalikeReason,
  MaskedCpr,
  UnreadableAttachmentFinding,
  UnreadableCause,
  UnreadableReason,
} from "./finding";
export type { Location, Part, Place, TextSegment } from "./location";
export type { AttachmentInput, Message, Recipient, RecipientField, UnavailableReason } from "./message";
