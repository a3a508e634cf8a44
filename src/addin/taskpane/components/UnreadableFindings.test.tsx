import { render, screen } from "@testing-library/react";
import type { UnreadableAttachmentFinding } from "../../../core";
import { encryptedZip } from "../test-data";
import { UnreadableFindings } from "./UnreadableFindings";

describe("UnreadableFindings", () => {
  it.each([
    [encryptedZip, "Bilag.zip kunne ikke tjekkes: filen er krypteret eller beskyttet med adgangskode"],
    [
      { kind: "unreadable-attachment", attachment: "Scan.pdf", why: "unsupported", cause: "no-text-layer" } as UnreadableAttachmentFinding,
      "Scan.pdf kunne ikke tjekkes: PDF'en er et scannet billede uden tekst",
    ],
  ])("says which file and why", (finding, sentence) => {
    render(<UnreadableFindings reasons={[{ finding, action: "warn" }]} lang="da" />);
    expect(screen.getByRole("region", { name: "Filer, der ikke blev tjekket (1)" })).toBeInTheDocument();
    expect(screen.getByText(sentence)).toBeInTheDocument();
    expect(screen.getByText("Åbn filen, og se selv efter CPR-numre, før du sender.")).toBeInTheDocument();
  });

  it("masks a CPR number in a file name", () => {
    const finding: UnreadableAttachmentFinding = { kind: "unreadable-attachment", attachment: "150650-3720_ansoegning.zip", why: "encrypted" };
    const { container } = render(<UnreadableFindings reasons={[{ finding, action: "warn" }]} lang="da" />);
    expect(container.textContent).toContain("150650-****_ansoegning.zip");
    expect(container.innerHTML).not.toMatch(/\d{6}-?\d{4}/);
  });
});
