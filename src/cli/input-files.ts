/**
 * The files a command was given: each path a file (taken whatever its extension: the user chose
 * it) or a folder, walked depth first in name order so output order is stable. Shared by
 * `postvagt scan` (.eml) and `postvagt audit` (.eml, .msg).
 */
import { readdirSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";

/** Every wanted file under a folder, sorted by name; symlinked folders are not followed (a link back up the tree would never end). */
export function collectFiles(dir: string, wanted: (name: string) => boolean): string[] {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const f of collectFiles(path, wanted)) out.push(f);
    } else if (wanted(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isFile(path)))) {
      out.push(path);
    }
  }
  return out;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface InputErrors {
  /** The path does not exist. */
  readonly notFound: (path: string) => Error;
  /** A folder holds no wanted file. */
  readonly empty: (path: string) => Error;
}

/** The files behind the paths, in order; throws the command's own error for a missing path or an empty folder. */
export function resolveInputs(paths: readonly string[], wanted: (name: string) => boolean, errors: InputErrors): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw errors.notFound(p);
    }
    if (stat.isDirectory()) {
      const found = collectFiles(p, wanted);
      if (found.length === 0) throw errors.empty(p);
      for (const f of found) files.push(f);
    } else {
      files.push(p);
    }
  }
  return files;
}
