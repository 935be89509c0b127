import { describe, expect, it } from 'vitest';
import { parseImport } from '@/components/options/state/import-export';
import { baseUrlWarning, POLICY_VERSION } from '@/lib/schema/policy';

const withBaseURL = (baseURL: string) =>
  JSON.stringify({ version: POLICY_VERSION, engine: { kind: 'openai', model: 'gpt-4o-mini', baseURL } });

describe('an imported policy cannot send the saved OpenAI key elsewhere (review #3)', () => {
  it.each([
    ['http://attacker.example/v1', /https:\/\//],
    ['javascript:alert(1)', /https:\/\//],
    ['file:///etc/passwd', /https:\/\//],
    ['ftp://llm.example/v1', /https:\/\//],
    // Plain http is for this machine and private networks only: a public host or address stays refused.
    ['http://8.8.8.8/v1', /https:\/\//],
    ['http://192.169.1.5/v1', /https:\/\//],
    ['http://172.32.0.1/v1', /https:\/\//],
    ['http://gpu-box/v1', /https:\/\//],
    ['http://10.0.0.1.attacker.example/v1', /https:\/\//],
    ['http://llm.local.attacker.example/v1', /https:\/\//],
    ['not a url', /full URL/],
  ])('"%s" is refused at engine.baseURL', (baseURL, message) => {
    const res = parseImport(withBaseURL(baseURL));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.issues).toEqual([{ path: 'engine.baseURL', message: expect.stringMatching(message) }]);
  });

  it.each([
    'https://api.openai.com/v1',
    'https://llm.acme.example/v1',
    'http://localhost:11434/v1',
    'http://127.0.0.1:8080/v1',
    'http://[::1]:8080/v1',
    'http://192.168.1.5:11434/v1',
    'http://10.1.2.3:8000/v1',
    'http://172.16.0.9/v1',
    'http://gpu-box.local:8000/v1',
    'http://[fd12:3456::1]:8000/v1',
  ])('"%s" is accepted', (baseURL) => {
    const res = parseImport(withBaseURL(baseURL));
    expect(res.ok).toBe(true);
  });
});

describe('plain http to a private-network host is accepted with a warning', () => {
  it.each(['http://192.168.1.5:11434/v1', 'http://gpu-box.local/v1', 'http://[fd12::1]/v1'])('%s is warned about', (url) => {
    expect(baseUrlWarning(url)).toMatch(/unencrypted/);
  });
  it.each(['https://llm.acme.example/v1', 'http://localhost:11434/v1', 'http://127.0.0.1:8080/v1', 'https://192.168.1.5/v1'])(
    '%s needs no warning',
    (url) => {
      expect(baseUrlWarning(url)).toBeNull();
    },
  );
});
