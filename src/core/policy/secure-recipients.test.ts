import { DEFAULT_POLICY } from "./default-policy";
import { parsePolicy, POLICY_KEYS } from "./parse-policy";

const base = { ownDomains: ["randers.dk"], trustedDomains: [] };

describe("secureRecipients", () => {
  it("defaults to no secure recipients", () => {
    expect(DEFAULT_POLICY.secureRecipients).toEqual({ domains: [], addresses: [] });
    const parsed = parsePolicy(base);
    expect(parsed.ok && parsed.policy.secureRecipients).toEqual({ domains: [], addresses: [] });
  });

  it("normalises domains and addresses (case, spaces, IDN, duplicates) and keeps the other half's default", () => {
    const parsed = parsePolicy({
      ...base,
      secureRecipients: { domains: [" Digital-Post.DK ", "digital-post.dk", "sikkermail.københavn.dk"], addresses: ["SikkerPost@Aarhus.DK", "sikkerpost@aarhus.dk "] },
    });
    expect(parsed.ok && parsed.policy.secureRecipients).toEqual({
      domains: ["digital-post.dk", "sikkermail.xn--kbenhavn-54a.dk"],
      addresses: ["sikkerpost@aarhus.dk"],
    });
    const onlyDomains = parsePolicy({ ...base, secureRecipients: { domains: ["digital-post.dk"] } });
    expect(onlyDomains.ok && onlyDomains.policy.secureRecipients).toEqual({ domains: ["digital-post.dk"], addresses: [] });
  });

  it.each([
    [{ secureRecipients: "digital-post.dk" }, "secureRecipients", "wrong-type", 'secureRecipients: must be an object such as {"domains": ...}, not "digital-post.dk"'],
    [{ secureRecipients: { domain: [] } }, "secureRecipients.domain", "unknown-key", 'secureRecipients.domain: unknown key "domain"; did you mean "domains"?'],
    [{ secureRecipients: { domains: "digital-post.dk" } }, "secureRecipients.domains", "wrong-type", 'secureRecipients.domains: must be an array of domains such as ["randers.dk"], not "digital-post.dk"'],
    [{ secureRecipients: { domains: ["*.digital-post.dk"] } }, "secureRecipients.domains[0]", "wildcard", 'secureRecipients.domains[0]: "*.digital-post.dk": no wildcards; subdomains are always included, write "digital-post.dk"'],
    [{ secureRecipients: { domains: ["x@digital-post.dk"] } }, "secureRecipients.domains[0]", "not-a-domain", 'secureRecipients.domains[0]: "x@digital-post.dk" is an address, not a domain; write "digital-post.dk"'],
    [{ secureRecipients: { addresses: "a@b.dk" } }, "secureRecipients.addresses", "wrong-type", 'secureRecipients.addresses: must be an array of addresses such as ["sikkerpost@randers.dk"], not "a@b.dk"'],
    [{ secureRecipients: { addresses: [7] } }, "secureRecipients.addresses[0]", "wrong-type", "secureRecipients.addresses[0]: must be an address in quotes, not 7"],
    [{ secureRecipients: { addresses: [" "] } }, "secureRecipients.addresses[0]", "empty", 'secureRecipients.addresses[0]: is empty; write an address such as "sikkerpost@randers.dk"'],
    [
      { secureRecipients: { addresses: ["digital-post.dk"] } },
      "secureRecipients.addresses[0]",
      "not-an-address",
      'secureRecipients.addresses[0]: "digital-post.dk" is not an address; write a full address such as "sikkerpost@randers.dk", or put a domain in secureRecipients.domains',
    ],
    [
      { secureRecipients: { addresses: ["Sikker Post <sikkerpost@randers.dk>"] } },
      "secureRecipients.addresses[0]",
      "not-an-address",
      'secureRecipients.addresses[0]: "Sikker Post <sikkerpost@randers.dk>": write only the address, "sikkerpost@randers.dk", without a name or < >',
    ],
    [
      { secureRecipients: { addresses: ["sikker post@randers.dk"] } },
      "secureRecipients.addresses[0]",
      "not-an-address",
      'secureRecipients.addresses[0]: "sikker post@randers.dk" is not an address; write it as name@domain, such as "sikkerpost@randers.dk"',
    ],
    [
      { secureRecipients: { addresses: ["sikkerpost@randers"] } },
      "secureRecipients.addresses[0]",
      "not-an-address",
      'secureRecipients.addresses[0]: "sikkerpost@randers" is not an address: its domain "randers" is not a domain; write it as name.tld, such as "randers.dk"',
    ],
  ])("%j → %s %s", (extra, path, code, message) => {
    const parsed = parsePolicy({ ...base, ...extra });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]).toMatchObject({ path, code, message });
  });

  it("is one of the parser's published keys", () => {
    expect(POLICY_KEYS.top).toContain("secureRecipients");
    expect(POLICY_KEYS.secureRecipients).toEqual(["domains", "addresses"]);
  });
});
