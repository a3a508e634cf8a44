/**
 * Loaded instead of office.js by the add-in's pages when the simulator serves them
 * (`?postvagt-simulator`, see scripts/simulator-server.ts). It hands the page the simulator's one
 * fake Office, shared by the compose window, the send handler and the task pane, so the add-in's
 * code runs unchanged. Opened outside the simulator it does nothing, and the page behaves as it
 * would outside Outlook.
 */
import { SIMULATOR_KEY, type SimulatorBridge } from "./bridge-key";

try {
  const parent = window.parent !== window ? (window.parent as unknown as Record<string, SimulatorBridge | undefined>) : undefined;
  const bridge = parent?.[SIMULATOR_KEY];
  if (bridge) {
    const self = window as unknown as Record<string, unknown>;
    self.Office = bridge.Office;
    self.OfficeRuntime = bridge.OfficeRuntime;
  }
} catch {
  // A parent from another origin: not the simulator.
}
