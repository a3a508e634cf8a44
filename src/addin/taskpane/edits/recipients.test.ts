import { removeRecipient, replaceRecipient } from "./recipients";

const list = [
  { emailAddress: "borger@example.dk", displayName: "Borger" },
  { emailAddress: "sagsbehandler@anders.dk", displayName: "sagsbehandler@anders.dk" },
  { emailAddress: "leder@randers.dk", displayName: "Leder" },
];

describe("replaceRecipient", () => {
  it("replaces only the look-alike, in place, and keeps every other recipient", () => {
    expect(replaceRecipient(list, "sagsbehandler@anders.dk", "sagsbehandler@randers.dk")).toEqual([
      list[0],
      { emailAddress: "sagsbehandler@randers.dk", displayName: "sagsbehandler@randers.dk" },
      list[2],
    ]);
  });

  it.each([
    ["a real name is kept", "Hans Hansen", "Hans Hansen"],
    ["an empty name becomes the address", "", "h@randers.dk"],
    ["a name that was the wrong address follows it", "H@ANDERS.DK", "h@randers.dk"],
  ])("%s", (_case, displayName, expected) => {
    const out = replaceRecipient([{ emailAddress: "h@anders.dk", displayName }], "H@Anders.dk", "h@randers.dk");
    expect(out).toEqual([{ emailAddress: "h@randers.dk", displayName: expected }]);
  });

  it("drops the wrong address when the right one is already there", () => {
    const both = [...list, { emailAddress: "sagsbehandler@randers.dk", displayName: "S" }];
    const out = replaceRecipient(both, "sagsbehandler@anders.dk", "sagsbehandler@randers.dk");
    expect(out.map((r) => r.emailAddress)).toEqual(["borger@example.dk", "leder@randers.dk", "sagsbehandler@randers.dk"]);
  });
});

describe("removeRecipient", () => {
  it("removes the address (any case) and nothing else", () => {
    expect(removeRecipient(list, "SAGSBEHANDLER@anders.dk")).toEqual([list[0], list[2]]);
  });
});
