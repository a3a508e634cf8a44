/** User-facing sentences for the findings namespace. Danish is the source; English must match its shape. */
import type { Shape } from "../shape";

export const da = {} as const;

export const en: Shape<typeof da> = {};
