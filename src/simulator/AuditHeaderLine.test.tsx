import { render, screen } from "@testing-library/react";
import { AUDIT_HEADER_NAME, buildMarker } from "../core";
import { AuditHeaderLine } from "./Simulator";

describe("the simulator's sent page shows the audit marker", () => {
  it("prints the header the send handler set", () => {
    const value = buildMarker({ verdict: "allow", cpr: 0, lookalike: 0, unreadable: 0, policy: "p1abc" });
    render(<AuditHeaderLine lang="da" value={value} />);
    expect(screen.getByTestId("audit-header").textContent).toBe(`Postvagt satte headeren ${AUDIT_HEADER_NAME}: ${value}`);
  });

  it("says when no header was set", () => {
    render(<AuditHeaderLine lang="en" value={undefined} />);
    expect(screen.getByTestId("audit-header").textContent).toBe("Postvagt set no X-Postvagt header.");
  });
});
