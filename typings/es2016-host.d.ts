/**
 * The few host globals the send bundle touches beyond ES2016, declared for tsconfig.es2016.json only (outside the folders tsconfig.json includes)
 * (the normal type check has them from the DOM and Node libs). Each is feature-detected before use:
 * Outlook's JavaScript-only runtime does not document them (docs/design/outlook-runtime.md).
 */
declare const console: { log(...data: unknown[]): void } | undefined;
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare function fetch(url: string, init?: { method?: string; cache?: string; credentials?: string; signal?: unknown }): Promise<{
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}>;
