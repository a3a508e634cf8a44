/**
 * Imported FIRST by launchevent.ts: ES modules evaluate in import order, so the shims are in place
 * before postal-mime (through core/) evaluates and creates its TextEncoder/TextDecoder.
 */
import { installRuntimeShims } from "./runtime-shims";

export const INSTALLED_SHIMS: readonly string[] = installRuntimeShims();
