import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { createCA, createCert, type Certificate } from 'mkcert';
import { withDirectoryLock, writeFileAtomic } from './files';

/** Names every local server certificate covers, whatever else is asked for. */
export const defaultHostnames: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** A certificate (or the CA) is replaced when it expires within this many days. */
const renewWithinDays = 30;
const caValidityDays = 3650;
/** 397 days: the longest lifetime browsers accept, in case someone imports the CA into one. */
const serverValidityDays = 397;

/** PEM files of the local CA and one server certificate, with their contents. */
export interface DevCertificates {
  /** The CA certificate: what `NODE_EXTRA_CA_CERTS` points at. */
  caCertPath: string;
  caKeyPath: string;
  certPath: string;
  keyPath: string;
  ca: string;
  cert: string;
  key: string;
  /** Every name the server certificate covers. */
  hostnames: string[];
}

/** Options for {@link ensureDevCertificates}. */
export interface DevCertificateOptions {
  /**
   * File stem of the server certificate (`<name>.pem`, `<name>-key.pem`), so several servers
   * (identity provider, Power BI emulator) can each have their own certificate under one CA.
   */
  name?: string;
}

async function readPair(certPath: string, keyPath: string): Promise<Certificate | undefined> {
  try {
    return { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8') };
  } catch {
    return undefined;
  }
}

function expiresSoon(certificate: X509Certificate): boolean {
  return new Date(certificate.validTo).getTime() - Date.now() < renewWithinDays * 86_400_000;
}

function covers(certificate: X509Certificate, hostname: string): boolean {
  if (isIP(hostname)) return certificate.checkIP(hostname) !== undefined;
  // A wildcard is covered when a name it stands for is (checkHost does not accept patterns).
  const probe = hostname.startsWith('*.') ? `probe${hostname.slice(1)}` : hostname;
  return certificate.checkHost(probe, { wildcards: true }) !== undefined;
}

function usableCa(pair: Certificate | undefined): pair is Certificate {
  if (!pair) return false;
  try {
    const certificate = new X509Certificate(pair.cert);
    return certificate.ca && !expiresSoon(certificate) && certificate.checkPrivateKey(createPrivateKey(pair.key));
  } catch {
    return false;
  }
}

function usableServer(pair: Certificate | undefined, ca: Certificate, hostnames: readonly string[]): pair is Certificate {
  if (!pair) return false;
  try {
    const certificate = new X509Certificate(pair.cert);
    const authority = new X509Certificate(ca.cert);
    return (
      !expiresSoon(certificate) &&
      certificate.checkIssued(authority) &&
      certificate.verify(authority.publicKey) &&
      certificate.checkPrivateKey(createPrivateKey(pair.key)) &&
      hostnames.every((hostname) => covers(certificate, hostname))
    );
  } catch {
    return false;
  }
}

/**
 * Creates, once, a local certificate authority and a server certificate signed by it under `dir`
 * (`ca.pem`, `ca-key.pem`, `<name>.pem`, `<name>-key.pem`). Existing files are reused while they
 * are valid for more than 30 days, cover every requested name and chain to the current CA, so
 * `NODE_EXTRA_CA_CERTS` keeps pointing at the same CA across restarts.
 *
 * @param dir where the PEM files live (the stack uses `.local/certs`, which git ignores)
 * @param hostnames names besides `localhost`, `127.0.0.1` and `::1` (wildcards allowed: `*.analysis.windows.net`)
 */
export async function ensureDevCertificates(
  dir: string,
  hostnames: readonly string[] = [],
  options: DevCertificateOptions = {},
): Promise<DevCertificates> {
  const folder = resolve(dir);
  const name = options.name ?? 'localhost';
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name) || name === 'ca') throw new Error(`Invalid certificate name: ${name}`);
  const names = [...new Set([...defaultHostnames, ...hostnames])];
  const paths = {
    caCertPath: join(folder, 'ca.pem'),
    caKeyPath: join(folder, 'ca-key.pem'),
    certPath: join(folder, `${name}.pem`),
    keyPath: join(folder, `${name}-key.pem`),
  };
  return withDirectoryLock(folder, async () => {
    let ca = await readPair(paths.caCertPath, paths.caKeyPath);
    if (!usableCa(ca)) {
      ca = await createCA({
        organization: 'Planboard local development CA',
        countryCode: 'US',
        state: 'Local',
        locality: 'Local',
        validity: caValidityDays,
      });
      await writeFileAtomic(paths.caKeyPath, ca.key, 0o600);
      await writeFileAtomic(paths.caCertPath, ca.cert);
    }
    let server = await readPair(paths.certPath, paths.keyPath);
    if (!usableServer(server, ca, names)) {
      // The first name becomes the subject CN; put the requested names first when there are some.
      const domains = [...new Set([...hostnames, ...defaultHostnames])];
      server = await createCert({ ca, domains, validity: serverValidityDays, organization: 'Planboard local development' });
      await writeFileAtomic(paths.keyPath, server.key, 0o600);
      await writeFileAtomic(paths.certPath, server.cert);
    }
    return { ...paths, ca: ca.cert, cert: server.cert, key: server.key, hostnames: names };
  });
}
