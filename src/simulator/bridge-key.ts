/** What the simulator page puts on its window for the add-in pages in its iframes (office-shim.ts). */
import type { OfficeLike, OfficeRuntimeLike } from "../addin/office/office-types";

export const SIMULATOR_KEY = "postvagtSimulator";

export interface SimulatorBridge {
  readonly Office: OfficeLike;
  readonly OfficeRuntime: OfficeRuntimeLike | undefined;
}
