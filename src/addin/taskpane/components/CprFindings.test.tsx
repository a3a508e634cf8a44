import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { RouteState } from "../pane-model";
import { groupReasons } from "../pane-model";
import { cprFinding } from "../test-data";
import { CprFindings } from "./CprFindings";

const inSubject = cprFinding("241210-****", { part: "subject" });
const inBody = cprFinding("150650-****", { part: "body" }, "medium");
const inDocx = cprFinding("150650-****", { part: "attachment", attachment: "Bilag.zip/Ansøgning.docx", place: { kind: "page", page: 3 } });
const inSheet = cprFinding("241210-****", { part: "attachment", attachment: "Liste.xlsx", place: { kind: "cell", sheet: "Ark1", cell: "C14" } });
const TAG: RouteState = { kind: "subject-tag", tag: "[sikker]", applied: false };

function renderList(props: Partial<React.ComponentProps<typeof CprFindings>> = {}, reasons = [
  { finding: inSubject, action: "block" as const },
  { finding: inBody, action: "warn" as const },
  { finding: inDocx, action: "block" as const },
  { finding: inSheet, action: "block" as const },
]) {
  const onMask = jest.fn();
  const onRemoveFile = jest.fn();
  const onApplyRoute = jest.fn();
  const groups = groupReasons(reasons, ["Bilag.zip", "Liste.xlsx"]).cpr;
  render(
    <FluentProvider theme={webLightTheme}>
      <CprFindings groups={groups} lang="da" busy={false} route={TAG} onMask={onMask} onRemoveFile={onRemoveFile} onApplyRoute={onApplyRoute} {...props} />
    </FluentProvider>,
  );
  return { onMask, onRemoveFile, onApplyRoute };
}

describe("CprFindings", () => {
  it("is a section named by its heading, with the count", () => {
    renderList();
    expect(screen.getByRole("region", { name: "CPR-numre (4)" })).toBeInTheDocument();
  });

  it.each([
    ["I emnefeltet", "241210-****"],
    ["I brødteksten", "150650-****"],
    ["I filen Bilag.zip", "150650-****"],
    ["I filen Liste.xlsx", "241210-****"],
  ])("lists %s with the masked number", (heading, masked) => {
    renderList();
    const list = screen.getByRole("list", { name: heading });
    expect(within(list).getByText(masked)).toBeInTheDocument();
  });

  it("says where inside an attachment: the file in the zip, page and cell", () => {
    renderList();
    expect(screen.getByText("Ansøgning.docx")).toBeInTheDocument();
    expect(screen.getByText("side 3")).toBeInTheDocument();
    expect(screen.getByText("Ark1!C14")).toBeInTheDocument();
  });

  it("names each button by number and place, and calls the fix with that finding", async () => {
    const { onMask } = renderList();
    await userEvent.click(screen.getByRole("button", { name: "Skjul cifrene i 241210-**** i emnefeltet" }));
    await userEvent.click(screen.getByRole("button", { name: "Skjul cifrene i 150650-**** i brødteksten" }));
    expect(onMask.mock.calls.map((c) => c[0])).toEqual([inSubject, inBody]);
  });

  it("offers to remove an attached file by its name, with the secure route beside it", async () => {
    const { onRemoveFile, onApplyRoute } = renderList();
    await userEvent.click(screen.getByRole("button", { name: "Fjern Bilag.zip" }));
    await userEvent.click(screen.getByRole("button", { name: "Fjern Liste.xlsx" }));
    expect(onRemoveFile.mock.calls.map((c) => c[0])).toEqual(["Bilag.zip", "Liste.xlsx"]);
    const routeButtons = screen.getAllByRole("button", { name: "Send sikkert (emnet får [sikker])" });
    expect(routeButtons).toHaveLength(2);
    await userEvent.click(routeButtons[0]!);
    expect(onApplyRoute).toHaveBeenCalledTimes(1);
    expect(screen.getAllByText("Postvagt kan ikke rette i filen. Fjern den, eller send mailen sikkert.")).toHaveLength(2);
  });

  it("once the route is on, says the file is protected and no longer offers the route", () => {
    renderList({ route: { ...TAG, applied: true } });
    expect(screen.getAllByText("Filen sendes krypteret, så nummeret er beskyttet.")).toHaveLength(2);
    expect(screen.queryByText(/send mailen sikkert/)).toBeNull();
    expect(screen.queryByRole("button", { name: /Send sikkert/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Fjern Bilag.zip" })).toBeInTheDocument();
  });

  it("says what to do when the organisation has no secure route", () => {
    renderList({ route: { kind: "none" } });
    expect(screen.getAllByText("Postvagt kan ikke rette i filen. Fjern den, eller ret den, og vedhæft den igen.")).toHaveLength(2);
    expect(screen.queryByRole("button", { name: /Send sikkert/ })).toBeNull();
  });

  it("states what each finding does in words, and never calls a number a 'fund'", () => {
    renderList();
    expect(screen.getAllByText("Stopper afsendelsen")).toHaveLength(3);
    expect(screen.getByText("Advarsel")).toBeInTheDocument();
    expect(screen.getByText("Sandsynligt CPR-nummer")).toBeInTheDocument();
    expect(screen.getAllByText("Tydeligt CPR-nummer")).toHaveLength(3);
    expect(document.body.textContent).not.toMatch(/fund/i);
  });

  it("groups a zip's inner files under the zip: one count, one hint, one remove button, the rest folded", async () => {
    const inner = ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"].map((name, i) =>
      cprFinding(`0${i + 1}0650-****`, { part: "attachment", attachment: `Bilag.zip/${name}` }),
    );
    renderList({}, inner.map((finding) => ({ finding, action: "block" as const })));
    expect(screen.getByText("5 filer i Bilag.zip")).toBeInTheDocument();
    expect(screen.getAllByText("Postvagt kan ikke rette i filen. Fjern den, eller send mailen sikkert.")).toHaveLength(1);
    expect(screen.getAllByRole("button", { name: "Fjern Bilag.zip" })).toHaveLength(1);
    const list = screen.getByRole("list", { name: "I filen Bilag.zip" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(3);
    const more = screen.getByRole("button", { name: "Vis 2 mere" });
    expect(more).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(more);
    expect(within(list).getAllByRole("listitem")).toHaveLength(5);
    expect(screen.getByRole("button", { name: "Vis færre" })).toHaveAttribute("aria-expanded", "true");
  });

  it("keeps buttons focusable but inert while a fix runs", async () => {
    const { onMask } = renderList({ busy: true });
    const button = screen.getByRole("button", { name: "Skjul cifrene i 241210-**** i emnefeltet" });
    expect(button).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(button);
    expect(onMask).not.toHaveBeenCalled();
  });

  it("renders nothing when there are no CPR numbers", () => {
    const { container } = render(
      <CprFindings groups={[]} lang="da" busy={false} route={TAG} onMask={jest.fn()} onRemoveFile={jest.fn()} onApplyRoute={jest.fn()} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
