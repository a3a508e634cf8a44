import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { invalidRecipient, lookalike } from "../test-data";
import { RecipientFindings } from "./RecipientFindings";

function renderList(lang: "da" | "en" = "da") {
  const onReplace = jest.fn();
  const onRemove = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <RecipientFindings
        reasons={[
          { finding: lookalike, action: "block" },
          { finding: invalidRecipient, action: "warn" },
        ]}
        lang={lang}
        busy={false}
        onReplace={onReplace}
        onRemove={onRemove}
      />
    </FluentProvider>,
  );
  return { onReplace, onRemove };
}

describe("RecipientFindings", () => {
  it("asks 'Mente du randers.dk?' and explains the slip", () => {
    renderList();
    expect(screen.getByText("anders.dk ligner randers.dk – der mangler et 'r'. Mente du randers.dk?")).toBeInTheDocument();
  });

  it("in English too", () => {
    renderList("en");
    expect(screen.getByText(/Did you mean randers\.dk\?/)).toBeInTheDocument();
  });

  it("offers the corrected address in one click", async () => {
    const { onReplace } = renderList();
    await userEvent.click(screen.getByRole("button", { name: "Ret til sagsbehandler@randers.dk" }));
    expect(onReplace).toHaveBeenCalledWith(lookalike);
  });

  it.each([
    ["Fjern sagsbehandler@anders.dk fra Til", lookalike],
    ["Fjern borger@@example fra Cc", invalidRecipient],
  ])("names the remove button '%s'", async (name, finding) => {
    const { onRemove } = renderList();
    await userEvent.click(screen.getByRole("button", { name }));
    expect(onRemove).toHaveBeenCalledWith(finding);
  });

  it("is reachable and usable by keyboard alone", async () => {
    const { onReplace } = renderList();
    await userEvent.tab();
    expect(screen.getByRole("button", { name: "Ret til sagsbehandler@randers.dk" })).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    expect(onReplace).toHaveBeenCalledTimes(1);
  });
});
