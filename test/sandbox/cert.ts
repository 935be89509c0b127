import selfsigned from 'selfsigned';

/** A throwaway certificate for the sandbox, made in memory at start; Chromium runs with --ignore-certificate-errors. */
export function makeCertificate(): { key: string; cert: string } {
  const hosts = ['*.zendesk.com', '*.gorgias.com', 'app.frontapp.com', 'api2.frontapp.com', '*.api.frontapp.com', 'api.openai.com', 'localhost'];
  const pems = selfsigned.generate([{ name: 'commonName', value: 'baton-sandbox' }], {
    days: 7,
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [...hosts.map((value) => ({ type: 2, value })), { type: 7, ip: '127.0.0.1' }],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
