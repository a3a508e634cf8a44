/** Danish: the source language. Each namespace lives in strings/<namespace>.ts. */
import * as alert from "./strings/alert";
import * as audit from "./strings/audit";
import * as cli from "./strings/cli";
import * as findings from "./strings/findings";
import * as policyIssue from "./strings/policy-issue";
import * as simulator from "./strings/simulator";
import * as taskpane from "./strings/taskpane";

export const da = {
  findings: findings.da,
  cli: cli.da,
  alert: alert.da,
  taskpane: taskpane.da,
  simulator: simulator.da,
  policyIssue: policyIssue.da,
  audit: audit.da,
};
