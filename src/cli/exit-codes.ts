/**
 * The command's exit codes: a contract with admins' scripts (docs/cli.md). Codes are added, never
 * renumbered. Every code from 2 up means "not every message got a verdict", so a script that
 * tests `-ge 2` keeps working as codes are added.
 */
export const EXIT = {
  /** Every message allowed (policy check: the policy is valid). */
  allowed: 0,
  /** At least one message warned or blocked, and every message was read. */
  flagged: 1,
  /** The command line or the policy file is wrong: nothing was scanned. */
  usage: 2,
  /** At least one message could not be read (JSON: an object with "error"); all others were scanned. */
  unreadableMessage: 3,
  /** The run stopped before the end: the reader closed the output, or an internal error. */
  aborted: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
