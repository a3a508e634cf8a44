/**
 * A vm context as classic Outlook before build 2403 gives an event handler: ES2016 built-ins only.
 * STRIP_SOURCE, run in a fresh context before the bundle, deletes every built-in newer than ES2016
 * and returns the paths it could not delete. Used by the built-bundle tests
 * (scripts/webpack/launchevent-bundle.test.ts, test/hostile-bundle.test.ts).
 */

/**
 * Every built-in newer than ES2016 that an engine or host may offer, as "owner.name" paths from the
 * context's global. Classic Outlook before build 2403 has none of them (docs/design/outlook-runtime.md).
 */
export const NEWER_THAN_ES2016 = [
  "Object.values", "Object.entries", "Object.fromEntries", "Object.getOwnPropertyDescriptors", "Object.hasOwn",
  "String.prototype.padStart", "String.prototype.padEnd", "String.prototype.trimStart", "String.prototype.trimEnd",
  "String.prototype.matchAll", "String.prototype.replaceAll", "String.prototype.at", "String.prototype.isWellFormed",
  "Array.prototype.flat", "Array.prototype.flatMap", "Array.prototype.at", "Array.prototype.findLast",
  "Array.prototype.findLastIndex", "Array.prototype.toSorted", "Array.prototype.toReversed",
  "Promise.prototype.finally", "Promise.allSettled", "Promise.any",
  "BigInt", "WeakRef", "FinalizationRegistry", "AggregateError", "SharedArrayBuffer", "Atomics",
  "structuredClone", "queueMicrotask", "TextDecoder", "TextEncoder", "atob", "btoa", "fetch", "URL", "Blob",
  // Last: the deleting script itself reaches the others through it.
  "globalThis",
];

/** Run in a fresh context before the bundle: deletes every NEWER_THAN_ES2016 path and says which remain. */
export const STRIP_SOURCE = `(function (g, paths) {
  var left = [];
  for (var i = 0; i < paths.length; i++) {
    var parts = paths[i].split(".");
    var owner = g;
    for (var j = 0; j < parts.length - 1 && owner; j++) owner = owner[parts[j]];
    var name = parts[parts.length - 1];
    if (owner) delete owner[name];
    if (owner && owner[name] !== undefined) left.push(paths[i]);
  }
  return left;
})(this, ${JSON.stringify(NEWER_THAN_ES2016)})`;
