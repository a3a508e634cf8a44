/**
 * Stands in for @kenjiuno/msgreader in launchevent.js only (scripts/webpack/addin.js swaps it in):
 * the real reader pulls in Buffer and iconv-lite (~580 KB, Node built-ins) that classic Outlook's
 * JavaScript-only runtime does not have, and the event bundle must stay one small file. An attached
 * .msg is then reported as not inspected at send time; the task pane reads it with the real library.
 */
/** Read by extractors/msg.ts so a missing reader is reported as such, not as a corrupt file. */
export const MSG_READER_UNAVAILABLE = true;

export default class MsgReaderUnavailable {
  constructor() {
    throw new Error("msgreader is not part of the send-time bundle");
  }
}
