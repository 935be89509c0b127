import selfsigned from 'selfsigned';
import { SANDBOX_HOSTS } from './hosts';

export interface Certificate {
  key: string;
  cert: string;
}

// Front also serves company-specific API hosts (yourCompany.api.frontapp.com) in _links and _pagination.
const DNS_NAMES = [...SANDBOX_HOSTS, '*.api.frontapp.com', 'localhost'];
const IPS = ['127.0.0.1'];

let cached: Certificate | undefined;

/**
 * A throwaway certificate made in memory (nothing on disk, nothing downloaded). Chromium runs with
 * --ignore-certificate-errors; the SANs are there so tools that do check names see the real hosts.
 * Made once per process: key generation is the slow part of starting a sandbox.
 */
export function sandboxCertificate(): Certificate {
  if (cached) return cached;
  const yesterday = new Date(Date.now() - 24 * 3600_000);
  const pems = selfsigned.generate([{ name: 'commonName', value: 'Baton sandbox helpdesk' }], {
    days: 30,
    notBeforeDate: yesterday,
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...DNS_NAMES.map((value) => ({ type: 2, value })), ...IPS.map((ip) => ({ type: 7, ip }))],
      },
    ],
  });
  cached = { key: pems.private, cert: pems.cert };
  return cached;
}
