import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { RecipientMemory, type MemoryView, type RecipientMemoryServices } from "./RecipientMemory";

function renderMemory(view: MemoryView, hasCpr = true) {
  const services: RecipientMemoryServices = { load: jest.fn(() => Promise.resolve(view)), clear: jest.fn(() => Promise.resolve()) };
  render(
    <FluentProvider theme={webLightTheme}>
      <RecipientMemory services={services} lang="da" hasCpr={hasCpr} />
    </FluentProvider>,
  );
  return services;
}

describe("RecipientMemory", () => {
  it("names the domain never written to, on a mail with a CPR number", async () => {
    renderMemory({ mode: "show", available: true, count: 3, fresh: ["example.dk"] });
    expect(await screen.findByText("Du har ikke skrevet til example.dk før")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Modtagere, du har skrevet til" })).toBeInTheDocument();
    expect(screen.getByText(/husker 3 eksterne domæner/)).toBeInTheDocument();
  });

  it("says nothing about new domains on a mail without a CPR number", async () => {
    renderMemory({ mode: "show", available: true, count: 3, fresh: ["example.dk"] }, false);
    await screen.findByText(/husker 3 eksterne domæner/);
    expect(screen.queryByText(/ikke skrevet til/)).toBeNull();
  });

  it("lets the user forget everything", async () => {
    const services = renderMemory({ mode: "warn", available: true, count: 12, fresh: [] });
    await userEvent.click(await screen.findByRole("button", { name: "Glem alle domæner" }));
    expect(services.clear).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("Postvagt har glemt de domæner, du har skrevet til.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Glem alle domæner" })).toBeNull();
  });

  it.each([
    [{ mode: "off", available: true, count: 0, fresh: [] } as MemoryView, "Din organisation har slået hukommelsen over modtagere fra."],
    [{ mode: "show", available: false, count: 0, fresh: [] } as MemoryView, "Denne Outlook kan ikke gemme hukommelsen over modtagere."],
    [{ mode: "show", available: true, count: 0, fresh: [] } as MemoryView, "Postvagt husker endnu ingen domæner, du har skrevet til."],
  ])("explains %j", async (view, sentence) => {
    renderMemory(view);
    expect(await screen.findByText(sentence)).toBeInTheDocument();
    expect(screen.queryByRole("button")).toBeNull();
  });
});
