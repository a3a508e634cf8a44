/**
 * HTTPS for `npm start`, the way Office add-in developers expect: Microsoft's
 * office-addin-dev-certs, whose "Developer CA for Microsoft Office Add-ins" the operating system
 * (and so Outlook) trusts once the developer has agreed to install it.
 *
 *  - trusted:   that CA is installed and ~/.office-addin-dev-certs holds a valid localhost
 *               certificate (made by `npm start -- --install-cert`, or by any other add-in project
 *               that ran `npx office-addin-dev-certs install`): Outlook loads the add-in from here.
 *  - untrusted: no consent given: a certificate from a CA of our own in .cache/dev-cert/, made by
 *               the same library, installed nowhere. Enough for the simulator (the end-to-end tests
 *               accept it); Outlook will not load the add-in.
 *  - none:      no certificate could be made: plain HTTP, for the simulator alone.
 *
 * Nothing is installed without --install-cert, and nothing here prompts, so CI and the end-to-end
 * tests run `npm start` as they always did.
 */
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureCertificatesAreInstalled, generateCertificates, verifyCertificates } from "office-addin-dev-certs";
import * as officeDefaults from "office-addin-dev-certs/lib/defaults";

export type DevTls =
  | { readonly kind: "trusted" | "untrusted"; readonly key: Buffer; readonly cert: Buffer; readonly certFile: string }
  | { readonly kind: "none"; readonly reason: string };

const DOMAINS = ["127.0.0.1", "localhost"];
const DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

function validForADay(certFile: string): boolean {
  try {
    return new Date(new X509Certificate(readFileSync(certFile)).validTo).getTime() - Date.now() > DAY_MS;
  } catch {
    return false;
  }
}

/** The certificate trusted through Office's developer CA, if it is installed and valid. */
function trustedCertificate(): DevTls | undefined {
  const certFile = officeDefaults.localhostCertificatePath;
  const keyFile = officeDefaults.localhostKeyPath;
  if (!existsSync(certFile) || !existsSync(keyFile) || !validForADay(certFile)) return undefined;
  try {
    if (!verifyCertificates(certFile, keyFile)) return undefined;
  } catch {
    return undefined;
  }
  return { kind: "trusted", key: readFileSync(keyFile), cert: readFileSync(certFile), certFile };
}

/** A certificate for the simulator only, from a CA nobody trusts, in `dir`; reused while valid. */
async function untrustedCertificate(dir: string): Promise<DevTls> {
  const ca = join(dir, "ca.crt");
  const certFile = join(dir, "localhost.crt");
  const keyFile = join(dir, "localhost.key");
  try {
    if (!existsSync(keyFile) || !validForADay(certFile)) {
      // generateCertificates writes nothing when a CA file is already there.
      for (const f of [ca, certFile, keyFile]) rmSync(f, { force: true });
      await generateCertificates(ca, certFile, keyFile, DAYS, DOMAINS);
    }
    return { kind: "untrusted", key: readFileSync(keyFile), cert: readFileSync(certFile), certFile };
  } catch (e) {
    return { kind: "none", reason: e instanceof Error ? e.message.split("\n")[0] ?? e.message : String(e) };
  }
}

export interface DevTlsOptions {
  /** The developer agreed: install Office's developer CA (the OS may ask for a password). */
  readonly install: boolean;
  /** Folder for the simulator-only certificate (.cache/dev-cert). */
  readonly dir: string;
  readonly log: (line: string) => void;
}

export async function devTls(options: DevTlsOptions): Promise<DevTls> {
  if (options.install) {
    try {
      await ensureCertificatesAreInstalled(DAYS, DOMAINS, false);
    } catch (e) {
      options.log(`Could not install the developer CA: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return trustedCertificate() ?? (await untrustedCertificate(options.dir));
}
