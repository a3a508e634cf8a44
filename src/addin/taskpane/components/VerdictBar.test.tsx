import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { VerdictBar } from "./VerdictBar";

const renderBar = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe("VerdictBar", () => {
  it.each([
    ["block", "Mailen kan ikke sendes endnu", "error"],
    ["warn", "Tjek mailen, før du sender", "warning"],
    ["unchecked", "Ikke alt kunne tjekkes", "info"],
    ["allow", "Intet at rette", "success"],
  ] as const)("%s: says it in words, not only in colour", (display, title, intent) => {
    renderBar(<VerdictBar display={display} lang="da" />);
    // What a screen reader hears: a group named by the verdict's title.
    const bar = screen.getByRole("group", { name: title });
    expect(bar).toHaveAttribute("data-intent", intent);
    // The intent's icon is there too, hidden from screen readers (the title already says it).
    expect(bar.querySelector(".fui-MessageBar__icon svg")).toHaveAttribute("aria-hidden", "true");
  });

  it("uses the test language to show which sentence was chosen", () => {
    renderBar(<VerdictBar display="block" lang="test" incomplete="timeout" route="[sikker]" />);
    expect(screen.getByText("[[taskpane.verdict.block.title]]")).toBeInTheDocument();
    expect(screen.getByText("[[taskpane.verdict.routeApplied route=[sikker]]]")).toBeInTheDocument();
    expect(screen.getByText("[[taskpane.verdict.incomplete.timeout]]")).toBeInTheDocument();
  });

  it("speaks English when asked", () => {
    renderBar(<VerdictBar display="warn" lang="en" />);
    expect(screen.getByText("Check the message before sending")).toBeInTheDocument();
  });

  it("can take focus (the pane moves focus here after a fix)", () => {
    const ref = { current: null as HTMLDivElement | null };
    renderBar(<VerdictBar ref={ref} display="allow" lang="da" />);
    ref.current?.focus();
    expect(document.activeElement).toBe(ref.current);
  });
});
