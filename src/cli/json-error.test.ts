import { locateJsonError } from "./json-error";

describe("locateJsonError: line, column and the mistake", () => {
  it.each<[string, string, number, number, string]>([
    ["a comma after the last value", '{\n  "ownDomains": ["randers.dk"],\n}', 2, 31, "trailing-comma"],
    ["a comma after the last array element", '{"ownDomains": ["randers.dk",]}', 1, 29, "trailing-comma"],
    ["single quotes", "{\n  'ownDomains': []\n}", 2, 3, "single-quotes"],
    ["a line comment", '{\n  // egne domæner\n  "ownDomains": []\n}', 2, 3, "comment"],
    ["a missing comma", '{\n  "ownDomains": []\n  "trustedDomains": []\n}', 3, 3, "comma-expected"],
    ["a missing colon", '{"ownDomains" []}', 1, 15, "colon-expected"],
    ["a bare key", "{ownDomains: []}", 1, 2, "unquoted-text"],
    ["a bare word as a value", '{"ownDomains": [randers.dk]}', 1, 17, "unquoted-text"],
    ["a missing value", '{"ownDomains": }', 1, 16, "value-expected"],
    ["a cut-off file", '{"ownDomains": [', 1, 17, "unexpected-end"],
    ["two objects", '{"ownDomains": []} {}', 1, 20, "end-of-file-expected"],
    ["an unclosed string", '{"ownDomains": ["randers.dk]}', 1, 17, "unterminated-string"],
    ["a bad escape", '{"tag": "\\q"}', 1, 9, "invalid-escape"],
    ["a line break in a string", '{"tag": "a\nb"}', 1, 9, "unterminated-string"],
    ["Danish letters count as one column", '{"tag": "æøå" "x"}', 1, 15, "comma-expected"],
    ["an empty file", "  \n", 1, 1, "empty"],
  ])("%s", (_name, text, line, column, problem) => {
    // The premise: JSON.parse refuses every one of these.
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(locateJsonError(text)).toMatchObject({ line, column, problem });
  });

  it("finds nothing in valid JSON", () => {
    expect(locateJsonError('{"ownDomains": ["randers.dk"], "trustedDomains": []}')).toBeUndefined();
  });
});
