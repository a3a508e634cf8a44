// Injected by scripts/build-cli.js: every bundled reference to the global `Blob` becomes ByteBlob
// (see byte-blob.ts for why). Not imported by any source file.
export { ByteBlob as Blob } from "./byte-blob";
