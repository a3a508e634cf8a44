import { ExtractStop } from "../../src/core/extractors/budget";

/** The ExtractStop that `f` throws (the extractor's verdict), undefined if it returns; other errors are rethrown. */
export function stopOf(f: () => unknown): ExtractStop | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof ExtractStop) return e;
    throw e;
  }
  return undefined;
}
