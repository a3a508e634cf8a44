/**
 * The only public entry of the core. The add-in, the CLI and i18n import from here and nowhere
 * else in core/ (ESLint enforces it); everything not exported here is private.
 */

// The pipeline: .eml → Message → findings → verdict.
export { messageFromEml } from "./eml";
export type { EmlError, EmlOptions, EmlResult } from "./eml";
export { scanMessage, ownDomainFromSender } from "./scan";
export type { ScanError, ScanOptions, ScanPhase, ScanResult } from "./scan";
export { actionFor, decide, decideResult, stricter } from "./decide";
export type { Verdict, VerdictKind, VerdictReason } from "./decide";

// Policy.
export { parsePolicy, normalizeDomain, LIMIT_RANGES, CONTEXT_WINDOW_RANGE, POLICY_KEYS } from "./policy/parse-policy";
export type { PolicyIssue, PolicyIssueCode, PolicyResult } from "./policy/parse-policy";
export type { EnumNoun, FoundValue, LimitUnit, PolicyIssueHint, PolicyIssueValues } from "./policy/policy-issue";
export { DEFAULT_POLICY, DEFAULT_LIMITS } from "./policy/default-policy";
export { withDefaults } from "./policy/with-defaults";
export type { PolicyInput } from "./policy/with-defaults";
export type { Action, FailMode, HelpContact, Limits, NewDomainMode, Policy, SecureRecipients, SecureRoute, SecureRouteMatch } from "./policy/policy";
export { isSecureRecipient, protectedBySecureRoute, secureRouteOf } from "./secure-route";
export { confirmable, confirmationKey, withoutConfirmed } from "./confirmed-recipients";

// Building blocks the add-in's fixes and the CLI's output need.
export { findCprNumbers, findCprInSegments } from "./detectors/cpr";
export type { CprMatch, CprOptions } from "./detectors/cpr";
export { maskChars, maskCpr, maskCprInText } from "./detectors/mask";
export { maskCprNumbers, redactCpr, type MaskOptions, type MaskResult, type MaskEdit } from "./redact";
export {
  AUDIT_HEADER_NAME,
  AUDIT_MARKER_VERSION,
  MARKER_PATTERNS,
  MARKER_ROUTES,
  MARKER_VERDICTS,
  MAX_COUNT,
  buildMarker,
  isPolicyId,
  parseMarker,
} from "./audit/marker";
export type { AuditMarker, MarkerError, MarkerIncomplete, MarkerParse, MarkerRoute, MarkerVerdict } from "./audit/marker";
export { markerOf, policyIdOf } from "./audit/marker-of";
export type { MarkerInput } from "./audit/marker-of";
export { RULE_CODES, ruleCodeOf } from "./audit/rule-code";
export {
  MEMORY_MAX_CHARS,
  MEMORY_SETTING,
  emptyMemory,
  externalDomains,
  hashDomain,
  isKnownDomain,
  newDomainsForCpr,
  parseMemory,
  rememberDomains,
} from "./audit/recipient-memory";
export type { RecipientMemory } from "./audit/recipient-memory";
export type { RuleCode } from "./audit/rule-code";
export { MAX_SHOWN_NAME, safeName, terminalSafe } from "./text/safe-name";
export { fixCp1252Controls } from "./extractors/text-decode";
export { htmlToText } from "./text/html-to-text";
export { encodeUtf8 } from "./text/encode-utf8";
export { compileDomainLists, findLookalikes } from "./detectors/lookalike-domain";
export type { CompiledDomainLists, DomainLists } from "./detectors/lookalike-domain";
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
export type { ExtractOptions, Extraction, PdfPageText, PdfReadControl, PdfReadResult, PdfReadStatus, PdfTextReader } from "./extractors/extract";
export { pageSegment } from "./extractors/pdf";
export { sniffFormat } from "./extractors/sniff";
export type { SniffedFormat } from "./extractors/sniff";
export { createPdfjsReader, linesFromItems, openPdfjsReader } from "./extractors/pdfjs-reader";
export type { PdfjsLoader, PdfjsModule } from "./extractors/pdfjs-reader";

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
