import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { RouteState } from "../pane-model";
import { SecureRoute } from "./SecureRoute";

function renderRoute(route: RouteState, busy = false) {
  const onApply = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <SecureRoute route={route} lang="da" busy={busy} onApply={onApply} />
    </FluentProvider>,
  );
  return { onApply };
}

const label = { kind: "sensitivity-label", labelId: "guid", label: "Fortrolig", applied: false } as const;

describe("SecureRoute", () => {
  it.each([
    [{ kind: "subject-tag", tag: "[sikker]", applied: false } as const, "Send sikkert (emnet får [sikker])"],
    [{ ...label, support: "supported" } as const, "Send sikkert (mærkat Fortrolig)"],
  ])("offers the route as one button: %j", async (route, name) => {
    const { onApply } = renderRoute(route);
    await userEvent.click(screen.getByRole("button", { name }));
    expect(onApply).toHaveBeenCalledTimes(1);
  });

  it.each([
    [{ kind: "subject-tag", tag: "[sikker]", applied: true } as const, "Emnet begynder med [sikker]. Mailen sendes krypteret."],
    [{ ...label, applied: true, support: "supported" } as const, "Mærkaten Fortrolig er sat. Mailen sendes krypteret."],
    [{ ...label, support: "not-supported" } as const, "Din Outlook lader ikke Postvagt sætte mærkater. Vælg selv mærkaten Fortrolig under Følsomhed."],
    [{ ...label, support: "catalog-disabled" } as const, "Mærkater er slået fra i din organisation. Spørg IT, hvordan du sender sikkert."],
    [{ kind: "none" } as const, "Din organisation har ikke valgt en sikker forsendelse i Postvagt. Spørg IT, hvordan du sender sikkert."],
  ])("explains instead of showing a dead button: %j", (route, sentence) => {
    renderRoute(route);
    expect(screen.getByText(sentence)).toBeInTheDocument();
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByRole("region", { name: "Send sikkert" })).toBeInTheDocument();
  });
});
