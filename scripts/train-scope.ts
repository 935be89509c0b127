/**
 * Regenerates lib/engine/scope/weights.ts, the scope domain model, from public labelled data fetched as bare git
 * mirrors (see data/scope/SOURCES.md for sources, licences and the pinned commits):
 *
 *   npx tsx scripts/train-scope.ts [--mirrors /work/.mirror] [--check]
 *
 * Deterministic: fixed commits, a seeded shuffle and seeded typo noise, so the same mirrors give the same file.
 * --check trains and reports without writing. Never train on ../shared/eval (reserved for evaluation).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featuresOf } from '../lib/engine/scope/features';
import { domainScores, unpack, type PackedModel } from '../lib/engine/scope/model';

const args = process.argv.slice(2);
const MIRRORS = args.includes('--mirrors') ? args[args.indexOf('--mirrors') + 1] : '/work/.mirror';
const CHECK = args.includes('--check');
// --judge: no training; judges the held-out split with the engine's scope judge (shipped weights) against a few
// scopes, and reports the precision of "out of scope" (the signal escalates, so its precision is what matters).
const JUDGE = args.includes('--judge');

const SOURCES = {
  hwu: { repo: 'xliuhw/NLU-Evaluation-Data', commit: 'f6071b496b17d71e6eb43f543af0707f4ff30557' },
  banking77: { repo: 'PolyAI-LDN/task-specific-datasets', commit: '57ec275d8078af65b7731c2a98be812d844a6d6b' },
  snips: { repo: 'sonos/nlu-benchmark', commit: 'b86ac7f1577868c42158d0dec77db50956046696' },
  dstc11: { repo: 'amazon-science/dstc11-track2-intent-induction', commit: '969b95a0d7365fbc6cd0e05989f1be6b44e6680c' },
  tau: { repo: 'sierra-research/tau-bench', commit: '59a200c6d575d595120f1cb70fea53cef0632f6b' },
  tau2: { repo: 'sierra-research/tau2-bench', commit: 'a2c024725189473d2d7cea3a5cfdbcc67478e41f' },
} as const;

function git(source: keyof typeof SOURCES, ...rest: string[]): string {
  const { repo, commit } = SOURCES[source];
  const dir = join(MIRRORS, repo.replace('/', '+'), 'repo');
  const [cmd, path] = rest;
  const spec = cmd === 'show' ? [`${commit}:${path}`] : ['-r', '--name-only', commit];
  return execFileSync('git', ['--git-dir', dir, cmd, ...spec], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

type Example = { text: string; label: string };

// HWU64 scenario/intent → domain. Conversation management (thanks, yes, repeat) is "dialogue"; jokes and
// quirky chit-chat are "chitchat": both are told apart from topics but neither is a topic of a support bot.
function hwuDomain(scenario: string, intent: string): string {
  const si = `${scenario}_${intent}`;
  if (scenario === 'general') return ['joke', 'quirky'].includes(intent) ? 'chitchat' : 'dialogue';
  if (scenario === 'audio' || scenario === 'iot') return 'smarthome';
  if (si === 'play_music' || si === 'play_radio' || scenario === 'music') return 'music';
  if (scenario === 'play' || si === 'recommendation_movies') return 'media';
  if (scenario === 'recommendation') return 'local';
  if (scenario === 'qa') return 'knowledge';
  return scenario;
}

function loadHwu(): Example[] {
  const base = 'CrossValidation/autoGeneFromRealAnno/autoGene_2018_03_22-13_01_25_169/CrossValidation/KFold_1/';
  const files = git('hwu', 'ls-tree')
    .split('\n')
    .filter((f) => f.startsWith(base));
  const out: Example[] = [];
  for (const f of files.sort()) {
    if (f.includes('/trainset/') && f.endsWith('.csv')) {
      const lines = git('hwu', 'show', f).split('\n').slice(1);
      for (const line of lines) {
        const cols = line.split(';');
        if (cols.length < 6) continue;
        const text = cols.slice(5).join(';').replace(/^"|"$/g, '').trim();
        if (text) out.push({ text, label: hwuDomain(cols[1], cols[2]) });
      }
    } else if (f.includes('/testset/') && f.endsWith('.json')) {
      const data = JSON.parse(git('hwu', 'show', f)) as Record<string, { text: string; intent: string }[]>;
      for (const rows of Object.values(data)) {
        for (const r of rows) {
          const [scenario, ...rest] = r.intent.split('_');
          out.push({ text: r.text, label: hwuDomain(scenario, rest.join('_')) });
        }
      }
    }
  }
  return out;
}

// Banking77 intents grouped into what a scope description names: cards, payments and refunds, transfers,
// top-ups and currency exchange, and the account itself (identity, passcode, personal details, closing it).
function bankingDomain(intent: string): string {
  if (/transfer|beneficiary|receiving_money/.test(intent)) return 'bank_transfer';
  if (/top_up|topping_up|exchange|currenc|fiat/.test(intent)) return 'bank_topup';
  if (/refund|charge|payment|direct_debit|cash_withdrawal|pending|reverted|declined/.test(intent)) return 'bank_payment';
  if (/card|pin|atm|contactless|apple_pay|virtual|disposable|visa/.test(intent)) return 'bank_card';
  return 'account';
}

function loadBanking77(): Example[] {
  const out: Example[] = [];
  for (const line of git('banking77', 'show', 'banking_data/train.csv').split('\n').slice(1)) {
    const m = /^(?:"((?:[^"]|"")*)"|([^,]*)),([a-z_]+)\s*$/.exec(line.trim());
    if (!m) continue;
    out.push({ text: (m[1] ?? m[2]).replace(/""/g, '"'), label: bankingDomain(m[3]) });
  }
  return out;
}

const SNIPS_DOMAIN: Record<string, string> = {
  AddToPlaylist: 'music',
  PlayMusic: 'music',
  BookRestaurant: 'restaurant',
  GetWeather: 'weather',
  RateBook: 'media',
  SearchCreativeWork: 'media',
  SearchScreeningEvent: 'media',
};

function loadSnips(): Example[] {
  const out: Example[] = [];
  for (const [intent, label] of Object.entries(SNIPS_DOMAIN)) {
    const data = JSON.parse(
      git('snips', 'show', `2017-06-custom-intent-engines/${intent}/train_${intent}_full.json`).replace(/^\uFEFF/, ''),
    );
    for (const row of data[intent] as { data: { text: string }[] }[])
      out.push({
        text: row.data
          .map((d) => d.text)
          .join('')
          .trim(),
        label,
      });
  }
  return out;
}

function loadRestaurant8k(): Example[] {
  const out: Example[] = [];
  const files = git('banking77', 'ls-tree')
    .split('\n')
    .filter((f) => /^span_extraction\/restaurant8k\/train_\d+\.json$/.test(f));
  for (const f of files.sort())
    for (const r of JSON.parse(git('banking77', 'show', f)) as { userInput: { text: string } }[])
      out.push({ text: r.userInput.text, label: 'restaurant' });
  return out;
}

function loadHotels(): Example[] {
  const out: Example[] = [];
  const files = git('banking77', 'ls-tree')
    .split('\n')
    .filter((f) => /^nlupp\/data\/hotels\/fold\d+\.json$/.test(f));
  for (const f of files.sort()) {
    // Only rows with an intent: the slot-only answers ("tomorrow at 7") say nothing about the domain.
    for (const r of JSON.parse(git('banking77', 'show', f)) as { text: string; intents?: string[] }[])
      if (r.intents?.length) out.push({ text: r.text, label: 'hotel' });
  }
  return out;
}

// DSTC11 track 2 (customer-service calls, transcribed): insurance, banking and finance intents. Banking intents
// join the Banking77 groups; loans, investments, statements and market questions are "finance".
function dstcDomain(set: string, intent: string): string {
  if (set === 'development') return 'insurance';
  if (/Transfer|Wire/.test(intent)) return 'bank_transfer';
  if (/ExchangeRate/.test(intent)) return 'bank_topup';
  if (/Card|Pin|ATM/.test(intent)) return 'bank_card';
  if (/DisputeCharge|AutoPayment|CashDeposit/.test(intent)) return 'bank_payment';
  if (/Loan|Invest|Stock|Bond|Index|Ratio|NetIncome|CreditReport|Appointment|Check$|OrderCheck|CancelCheck|Statement/.test(intent))
    return 'finance';
  return 'account';
}

function loadDstc11(): Example[] {
  const out: Example[] = [];
  for (const set of ['development', 'test-banking', 'test-finance']) {
    for (const line of git('dstc11', 'show', `dstc11/${set}/test-utterances.jsonl`).split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { utterance: string; intent: string };
      out.push({ text: r.utterance, label: dstcDomain(set, r.intent) });
    }
  }
  return out;
}

// Identity details and confirmations ("my zip code is 19122", "yes, go ahead") say nothing about a shop.
const DETAILS_ONLY = /@|\bzip\b|\bmy name is\b|^(yes|yeah|sure|ok|okay|no|great|thanks?|thank you)\b[^?]{0,40}$|###/i;

/** "You want to return the lamp" → "I want to return the lamp": a task written for a simulated customer. */
function firstPerson(sentence: string): string {
  return sentence
    .replace(/\byou are\b/gi, 'I am')
    .replace(/\byou were\b/gi, 'I was')
    .replace(/\byou'd\b/gi, "I'd")
    .replace(/\byourself\b/gi, 'myself')
    .replace(/\byour\b/gi, 'my')
    .replace(/\byou\b/gi, 'I')
    .replace(/^i\b/, 'I');
}

// tau-bench retail (Sierra, MIT): an online store's customers (orders, returns, exchanges, address, payment).
// The few-shot conversations give the customers' own turns; tau2-bench's task scenarios give their reasons.
function loadRetail(): Example[] {
  const out: Example[] = [];
  for (const line of git('tau', 'show', 'few_shot_data/MockRetailDomainEnv-few_shot.jsonl').split('\n')) {
    if (!line.trim()) continue;
    const display = (JSON.parse(line) as { messages_display: string }).messages_display;
    for (const turn of display.split('\n')) {
      if (!turn.startsWith('user: ')) continue;
      const text = turn.slice(6).replace(/\*\*/g, '').trim();
      if (text.split(' ').length >= 5 && !DETAILS_ONLY.test(text)) out.push({ text, label: 'shop' });
    }
  }
  // The stores' own policies read like a scope description ("cancel or modify pending orders"): the sentences
  // about orders, returns, delivery and payment teach the model how a team lead names the shop's topics.
  for (const [src, path] of [
    ['tau', 'tau_bench/envs/retail/wiki.md'],
    ['tau2', 'data/tau2/domains/retail/policy.md'],
  ] as const) {
    for (const raw of git(src, 'show', path).split(/\n|(?<=\.)\s+/)) {
      const text = raw.replace(/[#*`]|^\s*-\s*/g, '').trim();
      if (
        text.split(' ').length >= 3 &&
        /order|return|exchange|refund|deliver|ship|cancel|product|item|address|payment/i.test(text) &&
        !/tool|database|\bapi\b/i.test(text)
      )
        out.push({ text, label: 'shop' });
    }
  }
  const tasks = JSON.parse(git('tau2', 'show', 'data/tau2/domains/retail/tasks.json')) as {
    user_scenario: { instructions: { reason_for_call?: string } };
  }[];
  for (const t of tasks) {
    const reason = t.user_scenario.instructions.reason_for_call ?? '';
    for (const s of reason.split(/(?<=[.!?])\s+/)) {
      // Conditions for the simulator ("If the agent asks…") are not what a customer says.
      if (/^(if|when|only|do not|don't)\b|agent/i.test(s) || s.split(' ').length < 5) continue;
      out.push({ text: firstPerson(s), label: 'shop' });
    }
  }
  return out;
}

// Seeded PRNG (mulberry32): the same noise on every run.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy with the slips customers make: a letter dropped, doubled, swapped or replaced in some words. */
function typoed(text: string, r: () => number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return text
    .split(' ')
    .map((w) => {
      if (w.length < 4 || r() > 0.35) return w;
      const i = 1 + Math.floor(r() * (w.length - 2));
      const k = r();
      if (k < 0.3) return w.slice(0, i) + w.slice(i + 1);
      if (k < 0.55) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
      if (k < 0.75) return w.slice(0, i) + w[i] + w.slice(i);
      return w.slice(0, i) + letters[Math.floor(r() * 26)] + w.slice(i + 1);
    })
    .join(' ');
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ---- data
const all = [
  ...loadHwu(),
  ...loadBanking77(),
  ...loadSnips(),
  ...loadRestaurant8k(),
  ...loadHotels(),
  ...loadDstc11(),
  ...loadRetail(),
].filter((e) => e.text.trim());
const seen = new Set<string>();
const unique = all.filter((e) => {
  const k = `${e.label}\t${e.text.toLowerCase()}`;
  if (seen.has(k)) return false;
  seen.add(k);
  return true;
});
const isTest = (e: Example) => hash(e.text) % 10 === 0;
// Large sources (restaurant, media, music) are capped so their names and titles do not swamp the vocabulary.
const CAP = 1500;
// The kept examples are drawn in hash order, so every source and intent of a capped domain is represented.
const perClass = new Map<string, number>();
const train = unique
  .filter((e) => !isTest(e))
  .map((e) => ({ e, h: hash(`cap ${e.label} ${e.text}`) }))
  .sort((a, b) => a.h - b.h)
  .filter(({ e }) => {
    const n = perClass.get(e.label) ?? 0;
    perClass.set(e.label, n + 1);
    return n < CAP;
  })
  .map(({ e }) => e);
const test = unique.filter(isTest);
// Scopes written the way team leads write them, with the domains each covers; domains that a scope arguably
// includes (a store's "account and login" vs Banking77's account questions) are left out of its count.
const JUDGE_SCOPES: { scope: string; covers: string[]; unclear: string[] }[] = [
  {
    scope:
      'Online store support: orders (place, change, cancel, track), shipping and delivery, returns, exchanges and refunds, payment methods, account and login, product questions.',
    covers: ['shop'],
    unclear: ['account', 'bank_payment', 'takeaway', 'bank_card'],
  },
  {
    scope:
      'Banking assistant: cards (lost, stolen, activate, PIN), payments and charges, transfers, top-ups and currency exchange, account details and security.',
    covers: ['bank_card', 'bank_payment', 'bank_topup', 'bank_transfer', 'account'],
    unclear: ['finance', 'insurance', 'shop'],
  },
  {
    scope: 'Insurance support bot: quotes, policies, claims, billing and payments, dependents, proof of insurance.',
    covers: ['insurance'],
    unclear: ['account', 'bank_payment', 'finance'],
  },
  {
    scope: 'Hotel assistant: room bookings, check-in and check-out, amenities, room service, parking.',
    covers: ['hotel'],
    unclear: ['restaurant', 'transport', 'local'],
  },
  {
    scope: 'Restaurant assistant: table reservations, opening hours, menu and dietary questions.',
    covers: ['restaurant'],
    unclear: ['takeaway', 'local', 'cooking'],
  },
];
if (JUDGE) {
  const { buildScope, judgeMessage } = await import('../lib/engine/scope/judge');
  const { plainText } = await import('../lib/engine/scope/words');
  const heldOut = unique.filter(isTest).filter((e) => e.label !== 'dialogue' && e.label !== 'chitchat');
  let TP = 0;
  let FP = 0;
  let FN = 0;
  for (const { scope, covers, unclear } of JUDGE_SCOPES) {
    const model = buildScope(scope, []);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const wrong: string[] = [];
    for (const e of heldOut) {
      if (unclear.includes(e.label)) continue;
      const out = judgeMessage(model, plainText(e.text), e.text, () => false).verdict === 'out';
      const foreign = !covers.includes(e.label);
      if (out && foreign) tp++;
      else if (out) {
        fp++;
        if (wrong.length < 8) wrong.push(e.text);
      } else if (foreign) fn++;
    }
    TP += tp;
    FP += fp;
    FN += fn;
    console.log(
      `${scope.slice(0, 40).padEnd(40)} out-of-scope P ${(tp / Math.max(1, tp + fp)).toFixed(3)} R ${(tp / Math.max(1, tp + fn)).toFixed(3)} (flagged ${tp + fp}; in-scope flagged ${fp})`,
    );
    for (const w of wrong) console.log(`    in scope, flagged: ${w}`);
  }
  console.log(`all held-out scopes: out-of-scope P ${(TP / (TP + FP)).toFixed(3)} R ${(TP / (TP + FN)).toFixed(3)}`);
  process.exit(0);
}
const classes = [...new Set(unique.map((e) => e.label))].sort();
const counts = Object.fromEntries(classes.map((c) => [c, train.filter((e) => e.label === c).length]));
console.log(`examples ${unique.length} (train ${train.length}, held out ${test.length}); classes ${classes.length}`);
console.log(counts);

const noise = rng(7);
const augmented: Example[] = [...train, ...train.map((e) => ({ text: typoed(e.text, noise), label: e.label }))];

// ---- vocabulary: features seen in at least 5 training texts (word pairs: 10)
const df = new Map<string, number>();
const vectors = augmented.map((e) => featuresOf(e.text));
for (const v of vectors) for (const k of v.keys()) df.set(k, (df.get(k) ?? 0) + 1);
const vocab = [...df.entries()]
  .filter(([k, n]) => n >= (k.includes(' ') ? 10 : 5))
  .map(([k]) => k)
  .sort();
const index = new Map(vocab.map((k, i) => [k, i]));
console.log(`features ${vocab.length}`);

// ---- softmax regression, AdaGrad, class-balanced (each domain counts alike whatever its size)
const C = classes.length;
const F = vocab.length;
const W = new Float64Array(F * C);
const G = new Float64Array(F * C).fill(1e-8);
const bias = new Float64Array(C);
const cls = new Map(classes.map((c, i) => [c, i]));
const mean = augmented.length / C;
const weightOf = classes.map((c) => Math.min(3, Math.sqrt(mean / (counts[c] * 2))));
const rows = augmented.map((e, i) => ({
  y: cls.get(e.label)!,
  x: [...vectors[i]].flatMap(([k, v]) => (index.has(k) ? [[index.get(k)!, v] as const] : [])),
}));
const order = rows.map((_, i) => i);
const shuffle = rng(11);
const L2 = 1e-5;
const LR = 0.5;
function logits(x: readonly (readonly [number, number])[]): Float64Array {
  const z = Float64Array.from(bias);
  for (const [f, v] of x) for (let c = 0; c < C; c++) z[c] += W[f * C + c] * v;
  return z;
}
function softmax(z: Float64Array): Float64Array {
  const m = Math.max(...z);
  let s = 0;
  for (let c = 0; c < C; c++) s += z[c] = Math.exp(z[c] - m);
  for (let c = 0; c < C; c++) z[c] /= s;
  return z;
}
for (let epoch = 0; epoch < 12; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let loss = 0;
  for (const i of order) {
    const { x, y } = rows[i];
    const p = softmax(logits(x));
    const w = weightOf[y];
    loss -= w * Math.log(p[y] + 1e-12);
    for (let c = 0; c < C; c++) {
      const g = w * (p[c] - (c === y ? 1 : 0));
      bias[c] -= 0.05 * g;
      for (const [f, v] of x) {
        const k = f * C + c;
        const gk = g * v + L2 * W[k];
        G[k] += gk * gk;
        W[k] -= (LR * gk) / Math.sqrt(G[k]);
      }
    }
  }
  console.log(`epoch ${epoch + 1} loss ${(loss / order.length).toFixed(4)}`);
}

// ---- pruning and 8-bit quantisation keep the shipped file small
// Weights under MIN_Q steps barely move a decision; dropping them is most of the size saving.
const MIN_Q = Number(process.env.MIN_Q ?? 7);
const SLOTS = 3;
// Softmax is unchanged when one feature's weights all shift by the same amount: centring each feature on its
// median across domains leaves only the domains it speaks for or against, which is what makes pruning cheap.
for (let f = 0; f < F; f++) {
  const row = Array.from(W.subarray(f * C, f * C + C)).sort((a, b) => a - b);
  const med = (row[(C - 1) >> 1] + row[C >> 1]) / 2;
  for (let c = 0; c < C; c++) W[f * C + c] -= med;
}
// A few features get very large weights; the scale follows the bulk (99.9th percentile) and clamps the rest.
const sortedAbs = Array.from(W, Math.abs).sort((a, b) => a - b);
const scale = sortedAbs[Math.floor(sortedAbs.length * 0.999)] / 127;
const kept: string[] = [];
const slots: number[] = [];
for (let f = 0; f < F; f++) {
  const qs: [number, number][] = [];
  for (let c = 0; c < C; c++) {
    const q = Math.max(-127, Math.min(127, Math.round(W[f * C + c] / scale)));
    if (Math.abs(q) >= MIN_Q) qs.push([c, q]);
  }
  // A feature speaks for or against a few domains; its strongest SLOTS weights carry the decision.
  qs.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0]);
  const top = qs.slice(0, SLOTS).sort((a, b) => a[0] - b[0]);
  if (!top.length) continue;
  kept.push(vocab[f]);
  for (let k = 0; k < SLOTS; k++) slots.push(...(top[k] ? [top[k][0], top[k][1] & 0xff] : [255, 0]));
}
const model: PackedModel = {
  classes,
  scale: Number(scale.toPrecision(6)),
  bias: [...bias].map((b) => Number(b.toFixed(3))),
  features: kept.join('|'),
  slots: Buffer.from(slots).toString('base64'),
};

// ---- held-out figures with the shipped (quantised, packed) weights, read by the engine's own code
const decoded = unpack(model);
const predict = (text: string) => domainScores(decoded, text);
const argmax = (p: number[]) => p.indexOf(Math.max(...p));
const noisy = rng(13);
let ok = 0;
let okTypo = 0;
for (const e of test) {
  if (argmax(predict(e.text)) === cls.get(e.label)) ok++;
  if (argmax(predict(typoed(e.text, noisy))) === cls.get(e.label)) okTypo++;
}
console.log(`held-out accuracy ${(ok / test.length).toFixed(3)}, with typos ${(okTypo / test.length).toFixed(3)} (n ${test.length})`);
// Per domain: how often a held-out text of another domain is read as this one with the confidence the engine
// needs to call a request foreign (precision of a confident reading), and how often its own texts are.
const CONFIDENT = 0.9;
const conf = classes.map(() => ({ tp: 0, fp: 0, n: 0 }));
for (const e of test) {
  const p = predict(e.text);
  const top = argmax(p);
  conf[cls.get(e.label)!].n++;
  if (p[top] >= CONFIDENT) conf[top][top === cls.get(e.label) ? 'tp' : 'fp']++;
}
console.log(`confident (≥ ${CONFIDENT}) readings per domain: precision, share of own texts`);
classes.forEach((c, i) =>
  console.log(
    `  ${c.padEnd(14)} P ${(conf[i].tp / Math.max(1, conf[i].tp + conf[i].fp)).toFixed(3)}  covered ${(conf[i].tp / Math.max(1, conf[i].n)).toFixed(2)}  (n ${conf[i].n})`,
  ),
);

const body = `// Generated by scripts/train-scope.ts from public data (data/scope/SOURCES.md); do not edit by hand.
// Softmax regression over words, word pairs and character trigrams. features: sorted keys joined by "|";
// slots: base64, ${SLOTS} (domain, int8 weight) byte pairs per feature (domain 255 = empty); weight = int8 × scale.
export const SCOPE_MODEL = ${JSON.stringify(model, null, 0)};
`;
if (!CHECK) {
  writeFileSync(new URL('../lib/engine/scope/weights.ts', import.meta.url), body);
  console.log(`wrote lib/engine/scope/weights.ts (${(body.length / 1024).toFixed(0)} KB)`);
} else console.log(`would write ${(body.length / 1024).toFixed(0)} KB`);
