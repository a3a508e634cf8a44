import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SmartAlertsCompletion } from "../addin/office/office-types";
import { SmartAlertDialog } from "./SmartAlertDialog";

function renderDialog(completion: SmartAlertsCompletion | undefined, lang: "da" | "en" = "da") {
  const handlers = { onDontSend: jest.fn(), onTakeAction: jest.fn(), onSendAnyway: jest.fn() };
  render(
    <FluentProvider theme={webLightTheme}>
      <SmartAlertDialog completion={completion} lang={lang} addinName="Postvagt" {...handlers} />
    </FluentProvider>,
  );
  return handlers;
}

const stop: SmartAlertsCompletion = {
  allowEvent: false,
  errorMessage: "Postvagt har stoppet mailen.\n• anders.dk ligner randers.dk",
  cancelLabel: "Ret mailen",
  commandId: "postvagtOpenPane",
  contextData: '{"postvagt":1}',
};

describe("SmartAlertDialog", () => {
  it("is closed when there is no answer to show", () => {
    renderDialog(undefined);
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("shows the add-in's name and message, and opens the pane with the contextData", async () => {
    const handlers = renderDialog(stop);
    const dialog = screen.getByRole("alertdialog", { name: "Postvagt" });
    expect(dialog).toHaveTextContent("anders.dk ligner randers.dk");
    expect(screen.queryByRole("button", { name: "Send alligevel" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Ret mailen" }));
    expect(handlers.onTakeAction).toHaveBeenCalledWith('{"postvagt":1}');
  });

  it.each([
    ["da", "Send ikke", "Send alligevel"],
    ["en", "Don't Send", "Send Anyway"],
  ] as const)("offers %s buttons: '%s', and '%s' only for PromptUser", async (lang, dontSend, sendAnyway) => {
    const handlers = renderDialog({ ...stop, sendModeOverride: "promptUser" }, lang);
    await userEvent.click(screen.getByRole("button", { name: sendAnyway }));
    expect(handlers.onSendAnyway).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole("button", { name: dontSend }));
    expect(handlers.onDontSend).toHaveBeenCalled();
  });

  it("has no take-action button without a commandId (older Outlook)", () => {
    renderDialog({ allowEvent: false, errorMessage: "Stop" });
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Send ikke"]);
  });
});
