import "@testing-library/jest-dom";

// jsdom has no TextEncoder/TextDecoder, which postal-mime (through core/index.ts) needs at import.
// Node's are the same WHATWG classes the browsers have.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
if (typeof globalThis.TextEncoder === "undefined") {
  Object.assign(globalThis, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder });
}
