import { render, screen } from "@testing-library/react";
import { LiveRegion } from "./LiveRegion";

describe("LiveRegion", () => {
  it("is a polite, atomic status region, present before the first message", () => {
    render(<LiveRegion announcement={{ text: "", id: 0 }} />);
    const region = screen.getByRole("status");
    expect(region).toHaveAttribute("aria-live", "polite");
    expect(region).toHaveAttribute("aria-atomic", "true");
    expect(region).toBeEmptyDOMElement();
  });

  it("changes its text even when the same sentence comes twice", () => {
    const { rerender } = render(<LiveRegion announcement={{ text: "Tjekket igen.", id: 1 }} />);
    const first = screen.getByRole("status").textContent;
    rerender(<LiveRegion announcement={{ text: "Tjekket igen.", id: 2 }} />);
    const second = screen.getByRole("status").textContent;
    expect(first?.trim()).toBe("Tjekket igen.");
    expect(second?.trim()).toBe("Tjekket igen.");
    expect(first).not.toBe(second);
  });
});
