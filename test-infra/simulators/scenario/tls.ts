/**
 * Self-signed certificates made at start with the `openssl` binary, so tests can exercise
 * custom-CA and insecure TLS settings against a simulator without shipping key material.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CertificateSet {
  /** PEM of the CA that signed the server (and client) certificates: what a client trusts. */
  caPem: string;
  /** Kept so the server can verify client certificates it issued. */
  caKeyPem: string;
  serverCertPem: string;
  serverKeyPem: string;
}

export interface ClientCertificate {
  certPem: string;
  keyPem: string;
}

/** Fail early with a message that says what to install, rather than with an ENOENT deep inside. */
export function assertOpensslAvailable(): void {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
  } catch {
    throw new Error('TLS needs the `openssl` binary on PATH to make a self-signed certificate; install OpenSSL or start the simulator without TLS');
  }
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

// P-256 keys: generated in milliseconds, unlike RSA, which matters when every test file starts a server.
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** One certificate set per common name and process: every test file starts many servers. */
const generated = new Map<string, CertificateSet>();

export function generateCertificates(commonName = 'simulator'): CertificateSet {
  const cached = generated.get(commonName);
  if (cached) return cached;
  const certs = makeCertificates(commonName);
  generated.set(commonName, certs);
  return certs;
}

function makeCertificates(commonName: string): CertificateSet {
  assertOpensslAvailable();
  const dir = mkdtempSync(join(tmpdir(), 'sim-tls-'));
  try {
    openssl(dir, [
      'req',
      '-x509',
      '-new',
      ...EC_KEY,
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '2',
      '-subj',
      `/CN=${commonName}-ca`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
    openssl(dir, ['req', '-new', ...EC_KEY, '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${commonName}`]);
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.crt',
      '-days',
      '2',
      '-extfile',
      'server.ext',
    ]);
    return {
      caPem: readFileSync(join(dir, 'ca.crt'), 'utf8'),
      caKeyPem: readFileSync(join(dir, 'ca.key'), 'utf8'),
      serverCertPem: readFileSync(join(dir, 'server.crt'), 'utf8'),
      serverKeyPem: readFileSync(join(dir, 'server.key'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A client certificate signed by the set's CA; Kubernetes reads the user from CN and groups from O. */
export function generateClientCertificate(certs: CertificateSet, user: string, groups: string[] = []): ClientCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'sim-tls-client-'));
  try {
    writeFileSync(join(dir, 'ca.crt'), certs.caPem);
    writeFileSync(join(dir, 'ca.key'), certs.caKeyPem);
    writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
    const subject = `/CN=${user}` + groups.map((g) => `/O=${g}`).join('');
    openssl(dir, ['req', '-new', ...EC_KEY, '-keyout', 'client.key', '-out', 'client.csr', '-subj', subject]);
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      'client.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'client.crt',
      '-days',
      '2',
      '-extfile',
      'client.ext',
    ]);
    return { certPem: readFileSync(join(dir, 'client.crt'), 'utf8'), keyPem: readFileSync(join(dir, 'client.key'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
