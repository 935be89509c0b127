/**
 * Regenerates test/fixtures/blind/multiturn.jsonl, Baton's own blind multi-turn evaluation set, from pinned
 * snapshots of two public corpora (fetched as bare git dirs; see test/fixtures/blind/SOURCES.md):
 *
 *   npx tsx scripts/blind/build.ts --sgd /work/.mirror/google-research-datasets+dstc8-schema-guided-dialogue/repo \
 *                                  --tau /work/.mirror/sierra-research+tau-bench/repo [--out FILE]
 *
 * (or BLIND_SGD_GIT / BLIND_TAU_GIT). Output order and selection are deterministic: items are picked by a
 * SHA-1 rank of their source id, never by Math.random. Not run by tests: the sources are not available offline.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SGD_COMMIT = 'e852981ae34990f4358979625854259302feaa78';
const TAU_COMMIT = '59a200c6d575d595120f1cb70fea53cef0632f6b';

type Role = 'customer' | 'bot' | 'agent';
type Signal = 'user_requested_human' | 'bot_handed_off' | 'out_of_scope' | 'unconfirmed' | 'none';
interface Msg {
  role: Role;
  text: string;
}
interface Item {
  id: string;
  source: string;
  messages: Msg[];
  expected: { escalate: boolean; signal: Signal };
  scope: string;
  meta: Record<string, unknown>;
}

function arg(name: string, env: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : process.env[env];
  if (!v) throw new Error(`missing --${name} (or ${env})`);
  return v;
}

function gitShow(gitDir: string, commit: string, path: string): string {
  return execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], { maxBuffer: 64 << 20 }).toString('utf8');
}

/** Stable pseudo-random rank so that "pick N" spreads over the corpus but never changes between runs. */
const rank = (s: string) => createHash('sha1').update(s).digest('hex');
const byRank = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => (rank(key(a)) < rank(key(b)) ? -1 : 1));

const escalates = (s: Signal) => s === 'user_requested_human' || s === 'bot_handed_off' || s === 'out_of_scope';

function item(source: string, id: string, messages: Msg[], signal: Signal, scope: string, meta: Record<string, unknown>): Item {
  return {
    id: `${source}:${id}`,
    source,
    messages,
    expected: { escalate: escalates(signal), signal },
    scope,
    meta: { multi_turn: true, n_messages: messages.length, ...meta },
  };
}

// ---------------------------------------------------------------- tau-bench (sierra-research/tau-bench, MIT)

const TAU_SCOPE = {
  airline:
    'Airline customer-service agent (tau-bench airline policy): book, modify or cancel flight reservations, change cabin, flights, baggage and passenger details within policy, and handle refunds and compensation certificates for delayed or cancelled flights; transfers to a human agent only when a request cannot be handled within policy.',
  retail:
    "Online retail customer-service agent (tau-bench retail policy): authenticate the user, then cancel or modify pending orders, return or exchange delivered orders, change the default address, and give information about the user's own profile, orders and products.",
};
const TAU_META = {
  license: 'MIT',
  upstream: `sierra-research/tau-bench@${TAU_COMMIT}`,
  agent_role_mapping:
    'tau-bench assistant (an LLM agent following the domain policy) -> bot; simulated user (an LLM playing a customer from a task instruction) -> customer',
};

/** The customer explicitly asks for a person (used only to choose between the two escalating signals). */
const ASKS_HUMAN = /\b(human|agent|supervisor|manager|representative|someone|somebody|person|transfer|connect me|escalat|speak (to|with))/i;
/** The bot's visible turn offers or recommends the transfer / another team. */
const BOT_OFFERS = /\b(transfer|human agent|customer service|customer support)/i;
/** The bot asks the customer for identifying or booking details. */
const ASKS_DETAILS =
  /\b(user id|reservation id|reservation number|order id|email|zip code|name|details|provide|confirm)\b[^?]*\?|\b(could|can|would) you (please )?(provide|share|confirm|tell|let me know)/i;
/** The customer's turn accepts what the bot just offered. */
const ACCEPTS = /^\W*(yes|yeah|yep|sure|ok|okay|please|that would|that'd|oui|si|sí|alright|i would|i'd)/i;
/** The customer reports a problem or complaint (not just a routine request). */
const PROBLEM =
  /\b(upset|frustrat|disappoint|delay|cancell?ed by|refund|compensat|complain|problem|issue|wrong|error|mistake|lost|broken|sick|ill\b|illness|passed away|emergency|urgent|unfortunately|not happy|unhappy|charged)/i;
const CLOSING = /\b(thank|thanks|that's all|that is all|bye|great|perfect|appreciate)/i;

interface TauTurn {
  role: string;
  content?: string | null;
  tool_calls?: { function: { name: string; arguments: string } }[] | null;
}

const stripStop = (t: string) => t.replace(/###STOP###/g, '').trim();

function tauVisible(traj: TauTurn[], end = traj.length): { i: number; msg: Msg }[] {
  const out: { i: number; msg: Msg }[] = [];
  for (let i = 0; i < end; i++) {
    const m = traj[i];
    if ((m.role !== 'user' && m.role !== 'assistant') || !m.content || !stripStop(m.content)) continue;
    out.push({ i, msg: { role: m.role === 'user' ? 'customer' : 'bot', text: stripStop(m.content) } });
  }
  return out;
}

const isTransfer = (m: TauTurn) =>
  m.role === 'assistant' && (m.tool_calls ?? []).some((c) => c.function.name === 'transfer_to_human_agents');

function tauHistorical(gitDir: string): Item[] {
  const file = 'historical_trajectories/gpt-4o-airline.json';
  const runs = JSON.parse(gitShow(gitDir, TAU_COMMIT, file)) as { task_id: number; trial: number; traj: TauTurn[] }[];
  runs.sort((a, b) => a.task_id - b.task_id || a.trial - b.trial);
  const out: Item[] = [];
  const unconfirmedPerTask = new Map<number, number>();
  const nonePerTask = new Set<number>();
  for (const run of runs) {
    const key = `${run.task_id}.${run.trial}`;
    const meta = { ...TAU_META, file, orig_id: key, domain: 'airline' };
    const t = run.traj;
    const tIdx = t.findIndex(isTransfer);
    if (tIdx >= 0) {
      const vis = tauVisible(t, tIdx);
      const lastUser = vis.map((v) => v.msg.role).lastIndexOf('customer');
      if (lastUser < 1) continue;
      const userText = vis[lastUser].msg.text;
      const prevBot = vis
        .slice(0, lastUser)
        .reverse()
        .find((v) => v.msg.role === 'bot');
      // Only tool calls (lookups) may sit between the last customer turn and the transfer for a gold label.
      const directlyFollowed = !t.slice(vis[lastUser].i + 1, tIdx).some((m) => m.role === 'user' || (m.role === 'assistant' && m.content));
      let signal: Signal | undefined;
      let basis = '';
      // Who took the initiative decides the signal: a transfer the bot offered and the customer accepted is the
      // bot's handoff; a customer asking for a person on their own is a request.
      if (prevBot && BOT_OFFERS.test(prevBot.msg.text) && ACCEPTS.test(userText)) {
        signal = 'bot_handed_off';
        basis =
          "the bot offered/recommended a transfer to a human agent (regex), the customer accepted, and the source's next action is transfer_to_human_agents -> bot_handed_off (handoff agreed)";
      } else if (ASKS_HUMAN.test(userText)) {
        signal = 'user_requested_human';
        basis =
          'source action transfer_to_human_agents follows this customer turn; the customer asks for a person/transfer (regex) without the bot having just offered one -> user_requested_human';
      }
      if (signal) {
        out.push(
          item(
            'taubench_airline',
            `${key}:${signal}`,
            vis.slice(0, lastUser + 1).map((v) => v.msg),
            signal,
            TAU_SCOPE.airline,
            {
              ...meta,
              source_label: 'transfer_to_human_agents',
              tier: directlyFollowed ? 'gold' : 'silver',
              label_basis: `${basis}; cut right after that customer turn (the transfer itself is a silent tool call)`,
              truncated: true,
            },
          ),
        );
      }
      // Earlier in the same run: the bot still collecting details after the customer raised the matter.
      const asks = vis
        .map((v, k) => k)
        .filter(
          (k) =>
            k >= 1 &&
            k < lastUser &&
            vis[k].msg.role === 'bot' &&
            ASKS_DETAILS.test(vis[k].msg.text) &&
            !vis.slice(0, k + 1).some((w) => w.msg.role === 'bot' && BOT_OFFERS.test(w.msg.text)),
        );
      // Only a customer who already raised a problem makes the pending handoff readable from the text; a plain
      // "change my flight" with an ID request is the bot doing its own job, so that cut is `none`.
      const raisedBy = (k: number) => vis.slice(0, k).some((v) => v.msg.role === 'customer' && PROBLEM.test(v.msg.text));
      const raisedCut = [...asks].reverse().find(raisedBy);
      const n = unconfirmedPerTask.get(run.task_id) ?? 0;
      const cut = raisedCut ?? (n === 0 ? asks[0] : undefined);
      if (cut !== undefined && n < 4) {
        unconfirmedPerTask.set(run.task_id, n + 1);
        const signal: Signal = raisedCut !== undefined ? 'unconfirmed' : 'none';
        out.push(
          item(
            'taubench_airline',
            `${key}:${signal}:${cut}`,
            vis.slice(0, cut + 1).map((v) => v.msg),
            signal,
            TAU_SCOPE.airline,
            {
              ...meta,
              source_label: 'transfer_to_human_agents (later in the run)',
              tier: 'silver',
              label_basis:
                signal === 'unconfirmed'
                  ? 'run later ends in transfer_to_human_agents; the customer has already raised a problem (regex); cut right after the last bot turn asking for identity/details (regex) before any transfer offer -> unconfirmed (must not escalate)'
                  : 'run later ends in transfer_to_human_agents, but at the cut the customer has only made an ordinary request and the bot asks for identity/details to do it itself (regex), before any transfer offer -> none',
              truncated: true,
            },
          ),
        );
      }
    } else if (!nonePerTask.has(run.task_id) && nonePerTask.size < 20) {
      const vis = tauVisible(t);
      const last = vis[vis.length - 1];
      if (!last || vis.length < 4 || !CLOSING.test(last.msg.text)) continue;
      if (vis.some((v) => v.msg.role === 'bot' && BOT_OFFERS.test(v.msg.text))) continue; // ambiguous: redirects without transfer
      nonePerTask.add(run.task_id);
      out.push(
        item(
          'taubench_airline',
          `${key}:none`,
          vis.map((v) => v.msg),
          'none',
          TAU_SCOPE.airline,
          {
            ...meta,
            source_label: 'no transfer_to_human_agents action in the run',
            tier: 'gold',
            label_basis:
              'no transfer_to_human_agents action anywhere in the run and no bot turn mentioning a transfer/customer service; the customer closes (thanks/bye) -> none (full conversation, ###STOP### marker removed)',
            truncated: false,
          },
        ),
      );
    }
  }
  return out;
}

function parseDisplay(s: string): Msg[] {
  const turns: { role: string; text: string }[] = [];
  for (const line of s.split('\n')) {
    const m = /^(user|assistant|tool): (.*)$/.exec(line);
    if (m) turns.push({ role: m[1], text: m[2] });
    else if (turns.length) turns[turns.length - 1].text += `\n${line}`;
  }
  return turns
    .filter((t) => t.role !== 'tool' && stripStop(t.text) && stripStop(t.text) !== 'None')
    .map((t) => ({ role: t.role === 'user' ? 'customer' : 'bot', text: stripStop(t.text) }));
}

const RETAIL_TOPIC =
  /\b(order|return|exchange|item|product|deliver|package|shipped|refund|laptop|watch|shirt|lamp|keyboard|headphone|address)/i;
const AIRLINE_TOPIC = /\b(flight|reservation|book|fly|trip|baggage|bag|cabin|seat|airline)/i;

function tauFewShot(gitDir: string): Item[] {
  const out: Item[] = [];
  for (const [domain, file, quota] of [
    ['retail', 'few_shot_data/MockRetailDomainEnv-few_shot.jsonl', { none: 22, oos: 10 }],
    ['airline', 'few_shot_data/MockAirlineDomainEnv-few_shot.jsonl', { none: 8, oos: 5 }],
  ] as const) {
    const other = domain === 'retail' ? 'airline' : 'retail';
    const rows = gitShow(gitDir, TAU_COMMIT, file)
      .split('\n')
      .filter(Boolean)
      .map((l, n) => ({ n, msgs: parseDisplay((JSON.parse(l) as { messages_display: string }).messages_display) }));
    const meta = { ...TAU_META, file, domain };
    let none = 0;
    let oos = 0;
    for (const r of byRank(rows, (r) => `${file}:${r.n}`)) {
      const last = r.msgs[r.msgs.length - 1];
      const clean = !r.msgs.some((m) => m.role === 'bot' && BOT_OFFERS.test(m.text));
      if (none < quota.none && clean && r.msgs.length >= 4 && last.role === 'customer' && CLOSING.test(last.text)) {
        none++;
        out.push(
          item(`taubench_${domain}`, `fewshot${r.n}:none`, r.msgs, 'none', TAU_SCOPE[domain], {
            ...meta,
            orig_id: r.n,
            source_label: 'few-shot conversation without transfer',
            tier: 'silver',
            label_basis:
              'few-shot demo conversation: no bot turn mentions a transfer/customer service (regex) and the customer closes (thanks/bye) -> none (full conversation)',
            truncated: false,
          }),
        );
        continue;
      }
      const firstAsk = r.msgs.findIndex(
        (m) =>
          m.role === 'customer' &&
          (domain === 'retail'
            ? RETAIL_TOPIC.test(m.text) && !AIRLINE_TOPIC.test(m.text)
            : AIRLINE_TOPIC.test(m.text) && !RETAIL_TOPIC.test(m.text)),
      );
      if (oos < quota.oos && firstAsk >= 0 && firstAsk <= 2) {
        oos++;
        out.push(
          item(`taubench_${domain}`, `fewshot${r.n}:out_of_scope`, r.msgs.slice(0, firstAsk + 1), 'out_of_scope', TAU_SCOPE[other], {
            ...meta,
            orig_id: r.n,
            source_label: `${domain} conversation`,
            tier: 'silver',
            label_basis: `derived: a ${domain} customer request (topic regex) judged against the ${other} agent's scope (written from tau-bench's ${other} policy) -> out_of_scope; cut right after the customer's request`,
            truncated: true,
          }),
        );
      }
    }
  }
  return out;
}

// ------------------------------------------------- Schema-Guided Dialogue (google-research-datasets, CC BY-SA 4.0)

interface SgdTurn {
  speaker: 'USER' | 'SYSTEM';
  utterance: string;
  frames: { service: string; actions: { act: string; slot: string }[] }[];
}
interface SgdDialogue {
  dialogue_id: string;
  services: string[];
  turns: SgdTurn[];
}
interface SgdService {
  service_name: string;
  description: string;
  intents: { name: string; description: string }[];
}

/** Service families that overlap in what a user would ask; an out-of-scope pair always crosses families. */
const FAMILY: Record<string, string> = {
  Flights: 'travel',
  Buses: 'travel',
  Trains: 'travel',
  RentalCars: 'travel',
  Hotels: 'travel',
  Travel: 'travel',
  RideSharing: 'travel',
  Homes: 'travel',
  Events: 'leisure',
  Movies: 'leisure',
  Media: 'leisure',
  Music: 'leisure',
  Restaurants: 'food',
  Services: 'care',
  Payment: 'money',
  Banks: 'money',
  Alarm: 'utility',
  Messaging: 'utility',
  Calendar: 'utility',
  Weather: 'utility',
};
const family = (service: string) => FAMILY[service.split('_')[0]] ?? service;

const sgdScope = (s: SgdService) =>
  `Virtual assistant for one service (Schema-Guided Dialogue ${s.service_name}): ${s.description}. It handles only: ${s.intents.map((i) => i.description.toLowerCase()).join('; ')}.`;

const acts = (t: SgdTurn) => t.frames.flatMap((f) => f.actions.map((a) => a.act));
const sgdMsgs = (turns: SgdTurn[]): Msg[] => turns.map((t) => ({ role: t.speaker === 'USER' ? 'customer' : 'bot', text: t.utterance }));

function sgd(gitDir: string): Item[] {
  const schema = JSON.parse(gitShow(gitDir, SGD_COMMIT, 'test/schema.json')) as SgdService[];
  const services = new Map(schema.map((s) => [s.service_name, s]));
  const files = Array.from({ length: 9 }, (_, k) => `test/dialogues_00${k + 1}.json`);
  const dialogues: { file: string; d: SgdDialogue }[] = [];
  for (const file of files)
    for (const d of JSON.parse(gitShow(gitDir, SGD_COMMIT, file)) as SgdDialogue[])
      if (d.services.length === 1) dialogues.push({ file, d });
  const base = {
    license: 'CC BY-SA 4.0',
    upstream: `google-research-datasets/dstc8-schema-guided-dialogue@${SGD_COMMIT}`,
    agent_role_mapping: 'SGD SYSTEM (machine-generated dialogue, paraphrased by crowd workers) -> bot; USER -> customer',
  };
  const out: Item[] = [];
  const used = { closing: new Map<string, number>(), request: new Map<string, number>(), oos: new Map<string, number>() };
  const quota = { closing: 32, request: 16, oos: 24 };
  const count = { closing: 0, request: 0, oos: 0 };
  const bump = (k: keyof typeof used, svc: string) => {
    used[k].set(svc, (used[k].get(svc) ?? 0) + 1);
    count[k]++;
  };
  const targets = [...services.keys()];
  for (const { file, d } of byRank(dialogues, (x) => x.d.dialogue_id)) {
    const svc = d.services[0];
    const s = services.get(svc);
    if (!s) continue;
    const meta = { ...base, file, orig_id: d.dialogue_id, service: svc };
    const turns = d.turns;
    const last = turns[turns.length - 1];
    // Resolved dialogue closed by the system's GOODBYE act: the whole conversation is `none`.
    if (count.closing < quota.closing && (used.closing.get(svc) ?? 0) < 2 && last.speaker === 'SYSTEM' && acts(last).includes('GOODBYE')) {
      const failed = turns.some((t) => acts(t).includes('NOTIFY_FAILURE'));
      bump('closing', svc);
      out.push(
        item('sgd', `${d.dialogue_id}:none`, sgdMsgs(turns), 'none', sgdScope(s), {
          ...meta,
          source_label: 'SYSTEM GOODBYE',
          tier: 'gold',
          label_basis: `SGD has no handoff; the dialogue ends with the system act GOODBYE${failed ? ' (after a NOTIFY_FAILURE the system handled itself)' : ''} -> none (full conversation)`,
          truncated: false,
        }),
      );
      continue;
    }
    // Mid-flow: the system asks for details of a task it serves itself: still `none`, not a pending handoff.
    const req = turns.findIndex((t, k) => k >= 3 && t.speaker === 'SYSTEM' && acts(t).includes('REQUEST'));
    if (count.request < quota.request && (used.request.get(svc) ?? 0) < 1 && req >= 0) {
      bump('request', svc);
      out.push(
        item('sgd', `${d.dialogue_id}:none:${req}`, sgdMsgs(turns.slice(0, req + 1)), 'none', sgdScope(s), {
          ...meta,
          source_label: 'SYSTEM REQUEST',
          tier: 'gold',
          label_basis:
            'SGD has no handoff; cut right after a system REQUEST act (the assistant collects slots for a task it performs itself) -> none',
          truncated: true,
        }),
      );
      continue;
    }
    // Out of scope: the user's first stated intent judged against a service from another family.
    const ask = turns.findIndex((t) => t.speaker === 'USER' && acts(t).includes('INFORM_INTENT'));
    if (count.oos < quota.oos && (used.oos.get(svc) ?? 0) < 2 && ask >= 0 && ask <= 2) {
      const foreign = byRank(
        targets.filter((x) => family(x) !== family(svc)),
        (x) => `${d.dialogue_id}:${x}`,
      )[0];
      const fs = services.get(foreign);
      if (!fs) continue;
      bump('oos', svc);
      out.push(
        item('sgd', `${d.dialogue_id}:out_of_scope`, sgdMsgs(turns.slice(0, ask + 1)), 'out_of_scope', sgdScope(fs), {
          ...meta,
          scope_service: foreign,
          source_label: 'USER INFORM_INTENT',
          tier: 'silver',
          label_basis: `derived: the user's first INFORM_INTENT turn (a ${svc} request) judged against the scope of ${foreign}, a service of another family (scope written from SGD's schema description) -> out_of_scope; cut right after that user turn`,
          truncated: true,
        }),
      );
    }
  }
  return out;
}

function main(): void {
  const sgdDir = arg('sgd', 'BLIND_SGD_GIT');
  const tauDir = arg('tau', 'BLIND_TAU_GIT');
  const outIdx = process.argv.indexOf('--out');
  const outFile = resolve(outIdx >= 0 ? process.argv[outIdx + 1] : 'test/fixtures/blind/multiturn.jsonl');
  const items = [...tauHistorical(tauDir), ...tauFewShot(tauDir), ...sgd(sgdDir)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = new Set(items.map((i) => i.id));
  if (ids.size !== items.length) throw new Error('duplicate ids');
  writeFileSync(outFile, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  const tally: Record<string, number> = {};
  for (const i of items) {
    const k = `${i.source}\t${i.expected.signal}\t${String(i.meta.tier)}`;
    tally[k] = (tally[k] ?? 0) + 1;
  }
  process.stdout.write(`${items.length} items -> ${outFile}\n`);
  for (const [k, v] of Object.entries(tally).sort()) process.stdout.write(`${k}\t${v}\n`);
}

main();
