/** English: `satisfies` the Danish shape, so a missing key is a compile error. */
import type { Shape } from "./shape";
import type { da } from "./da";
import * as alert from "./strings/alert";
import * as audit from "./strings/audit";
import * as cli from "./strings/cli";
import * as findings from "./strings/findings";
import * as policyIssue from "./strings/policy-issue";
import * as simulator from "./strings/simulator";
import * as taskpane from "./strings/taskpane";

export const en = {
  findings: findings.en,
  cli: cli.en,
  alert: alert.en,
  taskpane: taskpane.en,
  simulator: simulator.en,
  policyIssue: policyIssue.en,
  audit: audit.en,
} satisfies Shape<typeof da>;
