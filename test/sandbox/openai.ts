import type { SandboxPlatform, SandboxRequest, SandboxResponse } from './types';
import { checkOffline } from '../../lib/engine/offline';
import { RESPONSE_FORMAT_NAME } from '../../lib/engine/llm';
import { ConversationSchema } from '../../lib/schema/conversation';
import { PolicySchema } from '../../lib/schema/policy';

export const OPENAI_SANDBOX = { apiKey: 'sk-sandbox', model: 'gpt-4o-mini' };

/**
 * How the fake model behaves, for tests of every failure path:
 * - ok: a sensible, schema-valid answer (Baton's schema: the offline engine's verdict on the parsed transcript);
 * - invalid_json / schema_mismatch / refusal / empty: broken answers with status 200;
 * - escalate_without_evidence: says "escalate" with no signal (Baton must not trust it);
 * - escalate_unconfirmed: escalates with a made-up quote (not in the transcript);
 * - rate_limit / server_error / unauthorized: the matching HTTP errors in OpenAI's envelope;
 * - slow: answers after `delayMs` (default 5 s), for timeouts and for the sidebar's quick-then-refined verdict;
 * - fenced / think / prose / percent_confidence: the ok answer as local servers and small models shape it
 *   (in a ```json fence, after a `<think>` block, after a line of prose, with `confidence: 85`);
 * - cut_off: half an answer with `finish_reason: "length"` (the output limit or the context was reached);
 * - origin_forbidden: Ollama's bare 403 to an Origin it does not allow (a browser extension's, by default);
 * - context_overflow: llama.cpp's 400 when the prompt exceeds the context size;
 * - loading: the 503 a server sends while it loads the model.
 * `requireKey: false` makes it a key-less local server (it ignores the Authorization header).
 */
type OpenAISandboxMode =
  | 'ok'
  | 'invalid_json'
  | 'schema_mismatch'
  | 'refusal'
  | 'empty'
  | 'escalate_without_evidence'
  | 'escalate_unconfirmed'
  | 'rate_limit'
  | 'server_error'
  | 'unauthorized'
  | 'slow'
  | 'fenced'
  | 'think'
  | 'prose'
  | 'percent_confidence'
  | 'cut_off'
  | 'origin_forbidden'
  | 'context_overflow'
  | 'loading';

interface RecordedLlmCall {
  path: string;
  model: string | undefined;
  /** The system (or developer) message: where Baton puts the policy. */
  system: string;
  /** The user message(s): where Baton puts the delimited transcript. */
  user: string;
  /** Name of the requested json_schema, when structured outputs were asked for. */
  schemaName: string | undefined;
  strict: boolean | undefined;
}

export interface OpenAISandbox extends SandboxPlatform {
  setMode(mode: OpenAISandboxMode, opts?: { delayMs?: number; requireKey?: boolean }): void;
  /** Raw requests as received (bench and contract tests read their bodies). */
  requests: SandboxRequest[];
  calls(): RecordedLlmCall[];
  state(): { mode: OpenAISandboxMode; calls: number; requests: RecordedLlmCall[] };
}

type ChatMessage = { role: string; content: unknown };

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((c) => (typeof c === 'string' ? c : ((c as { text?: string })?.text ?? ''))).join('\n');
  return '';
}

function messagesOf(body: any): ChatMessage[] {
  if (Array.isArray(body?.messages)) return body.messages;
  const input: ChatMessage[] = Array.isArray(body?.input) ? body.input : body?.input ? [{ role: 'user', content: String(body.input) }] : [];
  return body?.instructions ? [{ role: 'system', content: body.instructions }, ...input] : input;
}

function requestedSchema(body: any): { name?: string; schema?: any; strict?: boolean } {
  const chat = body?.response_format?.type === 'json_schema' ? body.response_format.json_schema : undefined;
  const responses = body?.text?.format?.type === 'json_schema' ? body.text.format : undefined;
  return chat ?? responses ?? {};
}

/** A minimal instance of any JSON schema: enough for a test double to answer schemas it does not know. */
function instanceOf(schema: any): unknown {
  if (!schema || typeof schema !== 'object') return null;
  if (schema.enum) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.anyOf) return instanceOf(schema.anyOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, instanceOf(v)]));
    case 'array':
      return [];
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/**
 * The Baton answer: parses the policy and the delimited transcript out of the prompt and runs the offline
 * engine on them, so the real SDK, structured outputs and Baton's validation are exercised end to end.
 */
function batonAnswer(system: string, user: string, schema: any, mode: OpenAISandboxMode): Record<string, unknown> {
  const policyJson = /<policy>\s*([\s\S]*?)\s*<\/policy>/.exec(system)?.[1];
  const p = policyJson ? JSON.parse(policyJson) : {};
  const data = /<transcript>\s*([\s\S]*?)\s*<\/transcript>/.exec(user)?.[1];
  const transcript: { index: number; role: 'customer' | 'bot' | 'agent'; internal?: boolean; text: string }[] = data
    ? JSON.parse(data)
    : [];
  const policy = PolicySchema.parse({
    version: 3,
    scope: p.scope ?? '',
    subAgents: p.subAgents ?? [],
    customInstruction: p.customInstruction ?? '',
    // Baton's default fields are always there; only the team lead's own go into the policy.
    summarySchema: Object.fromEntries(
      Object.entries((p.summaryFields ?? {}) as Record<string, string>).filter(
        ([k]) => !['issue', 'customer_details', 'steps_taken', 'next_step'].includes(k),
      ),
    ),
    signals: {
      user_requested_human: (p.enabledSignals ?? ['user_requested_human']).includes('user_requested_human'),
      bot_handed_off: (p.enabledSignals ?? ['bot_handed_off']).includes('bot_handed_off'),
      out_of_scope: (p.enabledSignals ?? ['out_of_scope']).includes('out_of_scope'),
    },
  });
  const conv = ConversationSchema.parse({
    id: 'sandbox',
    messages: transcript.map((t) => ({ role: t.role, text: t.text, internal: !!t.internal })),
  });
  const v = checkOffline(conv, policy);
  const fields: string[] = schema?.properties?.summary?.required ?? Object.keys(p.summaryFields ?? {});
  const summary = Object.fromEntries(fields.map((f) => [f, v.summary[f] ?? null]));
  if (mode === 'escalate_without_evidence') {
    return {
      status: 'escalate',
      signals: [],
      missing: [],
      suggestedQuestion: null,
      subAgent: null,
      sentiment: 'neutral',
      urgency: 'normal',
      summary,
      note: 'Escalate.',
      reason: 'The model thinks so.',
      acts: null,
    };
  }
  if (mode === 'escalate_unconfirmed') {
    const last = transcript.filter((t) => t.role === 'customer').at(-1);
    return {
      status: 'escalate',
      signals: [
        {
          kind: 'user_requested_human',
          confidence: 0.9,
          messageIndex: last?.index ?? 0,
          quote: 'I demand to speak with your manager right now',
        },
      ],
      missing: [],
      suggestedQuestion: null,
      subAgent: null,
      sentiment: 'negative',
      urgency: 'high',
      summary,
      note: 'Escalate.',
      reason: 'The customer asked for a manager.',
      acts: null,
    };
  }
  return {
    status: v.status,
    // Offline indexes are positions in the (possibly trimmed) transcript; map them back to the conversation's.
    signals: v.signals.map((s) => ({
      kind: s.kind,
      confidence: s.confidence,
      messageIndex: transcript[s.evidence.messageIndex]?.index ?? 0,
      quote: s.evidence.quote,
    })),
    missing: v.missing,
    suggestedQuestion: v.suggestedQuestion ?? null,
    subAgent: v.subAgent ?? null,
    sentiment: v.sentiment,
    urgency: v.urgency,
    summary,
    note: `[sandbox model] ${v.note}`,
    reason: `[sandbox model] ${v.reason}`,
    acts: v.acts?.map((a) => ({ messageIndex: transcript[a.messageIndex]?.index ?? 0, acts: a.acts })) ?? null,
  };
}

const errorBody = (message: string, type: string, code: string | null) => ({ error: { message, type, param: null, code } });

export function createOpenAISandbox(): OpenAISandbox {
  let mode: OpenAISandboxMode = 'ok';
  let delayMs = 5000;
  let requireKey = true;
  const requests: SandboxRequest[] = [];
  const recorded: RecordedLlmCall[] = [];

  function answerText(body: any, call: RecordedLlmCall): string | null {
    if (mode === 'invalid_json') return '{"status": "escalate", "signals": [';
    if (mode === 'schema_mismatch') return JSON.stringify({ verdict: 'yes', confidence: 'high' });
    if (mode === 'empty') return null;
    const { name, schema } = requestedSchema(body);
    if (name === RESPONSE_FORMAT_NAME) return shaped(batonAnswer(call.system, call.user, schema, mode));
    if (schema) return JSON.stringify(instanceOf(schema));
    return 'Hello from the Baton sandbox model.';
  }

  /** The answer as the mode's server or model would shape it around the JSON. */
  function shaped(answer: Record<string, unknown>): string {
    const json = JSON.stringify(answer, null, mode === 'fenced' ? 2 : undefined);
    switch (mode) {
      case 'fenced':
        return `\`\`\`json\n${json}\n\`\`\``;
      case 'think':
        return `<think>\nThe customer wants {a person}; the bot said "we will contact you".\n</think>\n\n${json}`;
      case 'prose':
        return `Here is the assessment of the conversation:\n\n${json}\n\nLet me know if you need anything else.`;
      case 'percent_confidence':
        return JSON.stringify({
          ...answer,
          signals: (answer.signals as { confidence: number }[]).map((s) => ({ ...s, confidence: Math.round(s.confidence * 100) })),
        });
      case 'cut_off':
        return json.slice(0, Math.floor(json.length / 2));
      default:
        return json;
    }
  }

  function record(req: SandboxRequest): RecordedLlmCall {
    const body = (req.body ?? {}) as any;
    const msgs = messagesOf(body);
    const { name, strict } = requestedSchema(body);
    const call: RecordedLlmCall = {
      path: req.path,
      model: body.model,
      system: msgs
        .filter((m) => m.role === 'system' || m.role === 'developer')
        .map((m) => textOf(m.content))
        .join('\n'),
      user: msgs
        .filter((m) => m.role === 'user')
        .map((m) => textOf(m.content))
        .join('\n'),
      schemaName: name,
      strict,
    };
    recorded.push(call);
    return call;
  }

  return {
    name: 'openai',
    requests,
    calls: () => recorded,
    setMode(m, opts) {
      mode = m;
      if (opts?.delayMs !== undefined) delayMs = opts.delayMs;
      if (opts?.requireKey !== undefined) requireKey = opts.requireKey;
    },
    // `localhost` stands for a model server on the agent's machine (Ollama, llama.cpp) at the sandbox's http port.
    handles: (host) => host === 'api.openai.com' || host.startsWith('openai.') || host.startsWith('llm.') || host === 'localhost',
    async handle(req): Promise<SandboxResponse | null> {
      const path = req.path.replace(/\/+$/, '');
      const known =
        (req.method === 'GET' && (path === '/v1/models' || path.startsWith('/v1/models/'))) ||
        (req.method === 'POST' && (path === '/v1/chat/completions' || path === '/v1/responses'));
      if (!known) return null;
      requests.push(req);
      // Every model call is recorded, refused ones included, so tests can count what Baton sent.
      const call = req.method === 'POST' ? record(req) : undefined;
      const auth = req.headers.authorization ?? req.headers.Authorization;
      // Ollama's origin check comes before anything else, with no body at all.
      if (mode === 'origin_forbidden' && call) return { status: 403 };
      if ((requireKey && auth !== `Bearer ${OPENAI_SANDBOX.apiKey}`) || mode === 'unauthorized') {
        return {
          status: 401,
          body: errorBody(
            'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
            'invalid_request_error',
            'invalid_api_key',
          ),
        };
      }
      if (!call) {
        const model = { id: OPENAI_SANDBOX.model, object: 'model', created: 1_700_000_000, owned_by: 'baton-sandbox' };
        return { status: 200, body: path === '/v1/models' ? { object: 'list', data: [model] } : model };
      }
      if (mode === 'rate_limit')
        return {
          status: 429,
          headers: { 'retry-after': '20' },
          body: errorBody('Rate limit reached for requests.', 'requests', 'rate_limit_exceeded'),
        };
      if (mode === 'server_error')
        return { status: 500, body: errorBody('The server had an error while processing your request.', 'server_error', null) };
      if (mode === 'context_overflow')
        return {
          status: 400,
          body: {
            error: {
              code: 400,
              message: 'request (1470 tokens) exceeds the available context size (1024 tokens), try increasing it',
              type: 'exceed_context_size_error',
            },
          },
        };
      if (mode === 'loading') return { status: 503, body: { error: { message: 'Loading model', type: 'unavailable_error', code: 503 } } };
      if (mode === 'slow') await new Promise((r) => setTimeout(r, delayMs));
      const body = (req.body ?? {}) as any;
      const n = recorded.length;
      const text = mode === 'refusal' ? null : answerText(body, call);
      const promptTokens = Math.ceil(JSON.stringify(body).length / 4);
      const completionTokens = Math.ceil((text ?? '').length / 4);
      if (path === '/v1/chat/completions') {
        return {
          status: 200,
          body: {
            id: `chatcmpl-sandbox-${n}`,
            object: 'chat.completion',
            created: 1_790_000_000,
            model: body.model ?? OPENAI_SANDBOX.model,
            choices: [
              {
                index: 0,
                finish_reason: mode === 'cut_off' ? 'length' : 'stop',
                logprobs: null,
                message: { role: 'assistant', content: text, refusal: mode === 'refusal' ? 'I cannot help with that request.' : null },
              },
            ],
            usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
          },
        };
      }
      return {
        status: 200,
        body: {
          id: `resp_sandbox_${n}`,
          object: 'response',
          created_at: 1_790_000_000,
          status: 'completed',
          model: body.model ?? OPENAI_SANDBOX.model,
          output: [
            {
              type: 'message',
              id: `msg_sandbox_${n}`,
              status: 'completed',
              role: 'assistant',
              content:
                mode === 'refusal'
                  ? [{ type: 'refusal', refusal: 'I cannot help with that request.' }]
                  : [{ type: 'output_text', text: text ?? '', annotations: [] }],
            },
          ],
          usage: { input_tokens: promptTokens, output_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
        },
      };
    },
    reset() {
      mode = 'ok';
      delayMs = 5000;
      requireKey = true;
      requests.length = 0;
      recorded.length = 0;
    },
    state: () => ({ mode, calls: recorded.length, requests: recorded.map((r) => ({ ...r })) }),
  };
}
