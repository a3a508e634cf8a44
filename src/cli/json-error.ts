/**
 * Where a policy file stops being JSON, as line and column, and what is wrong there in words an
 * admin can act on (a comma too many, single quotes, a comment). Node's JSON.parse gives no
 * position for many mistakes ("Unexpected token '}'"), so the place is found with jsonc-parser
 * (the parser behind VS Code's JSON editing), with comments and trailing commas disallowed, as
 * JSON does. Only the CLI runs this, and only after JSON.parse has refused the file.
 */
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";

export type JsonProblem =
  | "empty"
  | "trailing-comma"
  | "single-quotes"
  | "comment"
  | "comma-expected"
  | "colon-expected"
  | "property-name-expected"
  | "value-expected"
  | "unexpected-end"
  | "end-of-file-expected"
  | "unterminated-string"
  | "invalid-number"
  | "invalid-escape"
  | "invalid-character"
  | "unquoted-text"
  | "invalid-symbol";

export interface JsonErrorPlace {
  /** 1-based, as editors count. */
  readonly line: number;
  /** 1-based, in characters (a Danish letter is one). */
  readonly column: number;
  readonly problem: JsonProblem;
  /** The character found there, when it helps ("}", "'"). */
  readonly char?: string;
}

function place(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: (before.match(/\n/g)?.length ?? 0) + 1, column: Array.from(before.slice(lineStart)).length + 1 };
}

/** The offset of the last non-blank character before `offset`, or -1. */
function previousNonBlank(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] as string)) i--;
  return i;
}

function classify(text: string, error: ParseError): { problem: JsonProblem; offset: number } {
  const at = text[error.offset];
  const atEnd = text.slice(error.offset).trim() === "";
  // jsonc-parser's codes are a const enum (not importable here); its names are stable API.
  const code = printParseErrorCode(error.error);
  switch (code) {
    case "InvalidCommentToken":
    case "UnexpectedEndOfComment":
      return { problem: "comment", offset: error.offset };
    case "UnexpectedEndOfString":
      return { problem: "unterminated-string", offset: error.offset };
    case "InvalidNumberFormat":
    case "UnexpectedEndOfNumber":
      return { problem: "invalid-number", offset: error.offset };
    case "InvalidEscapeCharacter":
    case "InvalidUnicode":
      return { problem: "invalid-escape", offset: error.offset };
    case "InvalidCharacter":
      return { problem: "invalid-character", offset: error.offset };
    case "EndOfFileExpected":
      return { problem: "end-of-file-expected", offset: error.offset };
    default:
      break;
  }
  if (at === "'") return { problem: "single-quotes", offset: error.offset };
  if (at === "/" || at === "#") return { problem: "comment", offset: error.offset };
  // A bare word (randers.dk, ownDomains): true, false and null are JSON's only unquoted words.
  if (code === "InvalidSymbol" && /[\p{L}_$]/u.test(at ?? "")) return { problem: "unquoted-text", offset: error.offset };
  if (atEnd) return { problem: "unexpected-end", offset: error.offset };
  if ((at === "}" || at === "]") && (code === "PropertyNameExpected" || code === "ValueExpected")) {
    const comma = previousNonBlank(text, error.offset);
    if (comma >= 0 && text[comma] === ",") return { problem: "trailing-comma", offset: comma };
  }
  if (code === "CommaExpected") return { problem: "comma-expected", offset: error.offset };
  if (code === "ColonExpected") return { problem: "colon-expected", offset: error.offset };
  if (code === "PropertyNameExpected") return { problem: "property-name-expected", offset: error.offset };
  if (code === "ValueExpected") return { problem: "value-expected", offset: error.offset };
  if (code === "CloseBraceExpected" || code === "CloseBracketExpected") {
    return { problem: "comma-expected", offset: error.offset };
  }
  return { problem: "invalid-symbol", offset: error.offset };
}

/**
 * The first place the text is not JSON, or undefined if jsonc-parser finds none (the caller then
 * shows the JavaScript engine's own words).
 */
export function locateJsonError(text: string): JsonErrorPlace | undefined {
  if (text.trim() === "") return { line: 1, column: 1, problem: "empty" };
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return undefined;
  const { problem, offset } = classify(text, first);
  const char = text[offset];
  return { ...place(text, offset), problem, ...(char !== undefined && problem !== "unexpected-end" ? { char } : {}) };
}
