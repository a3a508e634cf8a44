/**
 * Office's callback APIs as promises, promisified once here so the handlers read linearly.
 * A failed call rejects with an OfficeCallError carrying the API name and Office's error code only:
 * Office's message text is not kept, since nothing guarantees it never quotes item content.
 * The callback itself never throws (a throw inside an Office callback escapes every try/catch).
 */
import type { OfficeCallback, OfficeLike } from "./office-types";

export class OfficeCallError extends Error {
  readonly api: string;
  readonly code: number | undefined;
  /** Office's error name ("InvalidAttachmentId", "NumberOfRecipientsExceeded"…), kept only when it is one identifier. */
  readonly officeName: string | undefined;
  constructor(api: string, code?: number, officeName?: string) {
    super(`Office call ${api} failed${code !== undefined ? ` (code ${code})` : ""}`);
    this.name = "OfficeCallError";
    this.api = api;
    this.code = code;
    this.officeName = officeName !== undefined && /^[A-Za-z]{1,60}$/.test(officeName) ? officeName : undefined;
  }
}

/** The Office global, or undefined where none is loaded (a test, a page outside Outlook). */
export function getOffice(): OfficeLike | undefined {
  const g = globalThis as { Office?: OfficeLike };
  return g.Office;
}

function succeeded(office: OfficeLike, status: unknown): boolean {
  const ok = office.AsyncResultStatus?.Succeeded;
  // Office.js uses "succeeded"; the typings declare a numeric enum. Accept what the host defines.
  return status === ok || status === "succeeded";
}

export function officeCall<T>(office: OfficeLike, api: string, invoke: (callback: OfficeCallback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((result) => {
        try {
          if (result && succeeded(office, result.status)) resolve(result.value);
          else reject(new OfficeCallError(api, result?.error?.code, result?.error?.name));
        } catch {
          reject(new OfficeCallError(api));
        }
      });
    } catch {
      // Some hosts throw synchronously for an unsupported call instead of calling back.
      reject(new OfficeCallError(api));
    }
  });
}
