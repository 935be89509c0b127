import type { SandboxPlatform, SandboxRequest, SandboxResponse } from './types';
import { checkOffline } from '../../lib/engine/offline';
import { ConversationSchema } from '../../lib/schema/conversation';
import { PolicySchema } from '../../lib/schema/policy';

export const OPENAI_SANDBOX = { apiKey: 'sk-sandbox' };

type Mode = 'ok' | 'invalid_json' | 'schema_mismatch' | 'escalate_without_evidence';

/**
 * A deterministic OpenAI-compatible endpoint (chat completions and responses) for the LLM path. It parses
 * the delimited transcript out of the request and answers with JSON for the requested schema, built from
 * Baton's offline engine, so the real SDK, structured outputs and validation are exercised end to end.
 */
export function createOpenAISandbox(): SandboxPlatform & {
  setMode(m: Mode): void;
  requests: SandboxRequest[];
} {
  let mode: Mode = 'ok';
  const requests: SandboxRequest[] = [];

  function answerFor(body: any): string {
    if (mode === 'invalid_json') return '{"status": "escalate", ';
    const messages: { role: string; content: string }[] = body.messages ?? (Array.isArray(body.input) ? body.input : [{ role: 'user', content: String(body.input ?? '') }]);
    const user = messages.filter((m) => m.role === 'user').map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
    const system = messages.find((m) => m.role === 'system' || m.role === 'developer')?.content ?? String(body.instructions ?? '');
    const data = /<transcript>\n?([\s\S]*?)\n?<\/transcript>/.exec(user)?.[1];
    const transcript: { index: number; role: 'customer' | 'bot' | 'agent'; internal: boolean; text: string }[] = data ? JSON.parse(data) : [];
    const scope = /Bot scope: (.*)/.exec(String(system))?.[1] ?? '';
    const schema = body.response_format?.json_schema?.schema ?? body.text?.format?.schema;
    const fields: string[] = schema?.properties?.summary?.required ?? [];
    const conv = ConversationSchema.parse({ id: 'llm', messages: transcript.map((t) => ({ role: t.role, text: t.text, internal: t.internal })), scope: scope.startsWith('(') ? '' : scope });
    const v = checkOffline(conv, PolicySchema.parse({ version: 2 }));
    // Offline indices are positions in the trimmed transcript; map them back to the conversation's.
    const signals = v.signals.map((s) => ({ kind: s.kind, confidence: s.confidence, messageIndex: transcript[s.evidence.messageIndex]?.index ?? 0, quote: s.evidence.quote }));
    if (mode === 'schema_mismatch') return JSON.stringify({ verdict: 'yes', confidence: 'high' });
    if (mode === 'escalate_without_evidence') {
      return JSON.stringify({ status: 'escalate', signals: [], missing: [], suggestedQuestion: null, subAgent: null, sentiment: 'neutral', urgency: 'normal', summary: Object.fromEntries(fields.map((f) => [f, null])), note: 'n', reason: 'r' });
    }
    return JSON.stringify({
      status: v.status,
      signals,
      missing: v.missing,
      suggestedQuestion: v.suggestedQuestion ?? null,
      subAgent: null,
      sentiment: v.sentiment,
      urgency: v.urgency,
      summary: Object.fromEntries(fields.map((f) => [f, v.summary[f] ?? null])),
      note: `[sandbox model] ${v.note}`,
      reason: `[sandbox model] ${v.reason}`,
    });
  }

  return {
    name: 'openai',
    requests,
    setMode: (m) => void (mode = m),
    handles: (host) => host === 'api.openai.com' || host.startsWith('openai.') || host.startsWith('llm.'),
    handle(req): SandboxResponse | null {
      requests.push(req);
      if (req.headers.authorization !== `Bearer ${OPENAI_SANDBOX.apiKey}`) {
        return { status: 401, body: { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } } };
      }
      const body = (req.body ?? {}) as any;
      const usage = { prompt_tokens: Math.ceil(JSON.stringify(body).length / 4), completion_tokens: 200, total_tokens: 0 };
      if (req.method === 'GET' && req.path === '/v1/models') return { status: 200, body: { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', owned_by: 'sandbox' }] } };
      if (req.method === 'POST' && req.path === '/v1/chat/completions') {
        return {
          status: 200,
          body: {
            id: `chatcmpl-sandbox-${requests.length}`,
            object: 'chat.completion',
            created: 1_790_000_000,
            model: body.model ?? 'gpt-4o-mini',
            choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: answerFor(body), refusal: null } }],
            usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
          },
        };
      }
      if (req.method === 'POST' && req.path === '/v1/responses') {
        const text = answerFor(body);
        return {
          status: 200,
          body: {
            id: `resp_sandbox_${requests.length}`,
            object: 'response',
            created_at: 1_790_000_000,
            status: 'completed',
            model: body.model ?? 'gpt-4o-mini',
            output: [{ type: 'message', id: `msg_${requests.length}`, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] }],
            usage: { input_tokens: usage.prompt_tokens, output_tokens: 200, total_tokens: usage.prompt_tokens + 200 },
          },
        };
      }
      return null;
    },
    reset() {
      mode = 'ok';
      requests.length = 0;
    },
    state: () => ({ mode, calls: requests.length, requests: requests.map((r) => ({ path: r.path, body: r.body })) }),
  };
}
