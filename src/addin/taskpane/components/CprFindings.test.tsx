import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { groupReasons } from "../pane-model";
import { cprFinding } from "../test-data";
import { CprFindings } from "./CprFindings";

const inSubject = cprFinding("241210-****", { part: "subject" });
const inBody = cprFinding("150650-****", { part: "body" }, "medium");
const inDocx = cprFinding("150650-****", { part: "attachment", attachment: "Bilag.zip/Ansøgning.docx", place: { kind: "page", page: 3 } });
const inSheet = cprFinding("241210-****", { part: "attachment", attachment: "Liste.xlsx", place: { kind: "cell", sheet: "Ark1", cell: "C14" } });

function renderList(props: Partial<React.ComponentProps<typeof CprFindings>> = {}) {
  const onMask = jest.fn();
  const groups = groupReasons([
    { finding: inSubject, action: "block" },
    { finding: inBody, action: "warn" },
    { finding: inDocx, action: "block" },
    { finding: inSheet, action: "block" },
  ]).cpr;
  render(
    <FluentProvider theme={webLightTheme}>
      <CprFindings groups={groups} lang="da" busy={false} hasRoute onMask={onMask} {...props} />
    </FluentProvider>,
  );
  return { onMask };
}

describe("CprFindings", () => {
  it("is a section named by its heading, with the count", () => {
    renderList();
    expect(screen.getByRole("region", { name: "CPR-numre (4)" })).toBeInTheDocument();
  });

  it.each([
    ["I emnefeltet", "241210-****"],
    ["I brødteksten", "150650-****"],
    ["I den vedhæftede fil Bilag.zip/Ansøgning.docx", "150650-****"],
    ["I den vedhæftede fil Liste.xlsx", "241210-****"],
  ])("lists %s with the masked number", (heading, masked) => {
    renderList();
    const list = screen.getByRole("list", { name: heading });
    expect(within(list).getByText(masked)).toBeInTheDocument();
  });

  it("says where inside an attachment: page and cell", () => {
    renderList();
    expect(screen.getByText("side 3")).toBeInTheDocument();
    expect(screen.getByText("Ark1!C14")).toBeInTheDocument();
  });

  it("names each mask button by number and place, and calls the fix with that finding", async () => {
    const { onMask } = renderList();
    await userEvent.click(screen.getByRole("button", { name: "Masker 241210-**** i emnefeltet" }));
    await userEvent.click(screen.getByRole("button", { name: "Masker 150650-**** i brødteksten" }));
    expect(onMask.mock.calls.map((c) => c[0])).toEqual([inSubject, inBody]);
  });

  it("offers no mask for an attachment and says so plainly", () => {
    renderList();
    expect(screen.getAllByRole("button")).toHaveLength(2);
    expect(screen.getAllByText("Postvagt retter ikke i vedhæftede filer. Fjern filen, eller send mailen sikkert.")).toHaveLength(2);
  });

  it("says what to do when the organisation has no secure route", () => {
    renderList({ hasRoute: false });
    expect(screen.getAllByText(/Fjern filen, eller ret den og vedhæft den igen\./)).toHaveLength(2);
  });

  it("states what each finding does in words (no colour-only meaning)", () => {
    renderList();
    expect(screen.getAllByText("Stopper afsendelsen")).toHaveLength(3);
    expect(screen.getByText("Advarsel")).toBeInTheDocument();
    expect(screen.getByText("Sandsynligt fund")).toBeInTheDocument();
  });

  it("keeps buttons focusable but inert while a fix runs", async () => {
    const { onMask } = renderList({ busy: true });
    const button = screen.getByRole("button", { name: "Masker 241210-**** i emnefeltet" });
    expect(button).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(button);
    expect(onMask).not.toHaveBeenCalled();
  });

  it("renders nothing when there are no CPR numbers", () => {
    const { container } = render(<CprFindings groups={[]} lang="da" busy={false} hasRoute onMask={jest.fn()} />);
    expect(container).toBeEmptyDOMElement();
  });
});
