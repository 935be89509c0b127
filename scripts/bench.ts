/**
 * `npm run bench [-- --json] [-- --worst]`: speed and cost figures. Engine time in Node on generated conversations;
 * worst-case customer text (scripts/bench-worst.ts); time to verdict in real Chromium; requests per escalation from
 * the sandbox traffic; requests per open conversation per hour from a simulated hour (scripts/bench-budget.ts); LLM calls and input tokens against the sandbox's OpenAI endpoint. `--worst`: only the
 * worst-case figures (no browser). Team Insights' requests and time for 30 days of 500 escalations per helpdesk
 * (scripts/bench-team.ts); `--team`: only those (no browser).
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkEscalation, checkOffline, createVerdictCache } from '../lib/engine';
import { countTokens, readyTokenizer } from '../lib/engine/llm';
import type { OpenAISandbox } from '../test/sandbox/openai';
import { ConversationSchema, PLATFORMS, type Conversation, type Platform } from '../lib/schema/conversation';
import { startSandbox } from '../test/sandbox/server';
import { configure, launchBrowser, OUTPUT_DIR, ROOT, verdictStatus } from '../test/e2e/harness';
import { labelOf } from '../lib/platforms/metas';
import { demoPolicy, DEMO_BASE } from '../test/fixtures/demo-policy';
import { conversationUrl } from '../test/fixtures/urls';
import { PolicySchema } from '../lib/schema/policy';
import { formatWorstCase, worstCase } from './bench-worst';
import { HOUR_CASES, requestsPerHour } from './bench-budget';
import { formatTeamRead, teamReadFigures } from './bench-team';
import { formatWatchCosts, watchScanCosts } from './bench-watch';

const json = process.argv.includes('--json');
const log = (...a: unknown[]) => {
  if (!json) console.log(...a);
};
/**
 * Most write requests one escalation may cost: Zendesk carries note, assignment, tags and pause in one
 * ticket update; Gorgias posts the note, then one ticket update; Front posts the comment, assigns, then tags
 * with the stop tag last (its API has no combined update).
 */
// Gorgias: note, owner, then tags by name on the tag endpoint; one more than a full-list PUT so that a tag a rule
// or the AI Agent adds meanwhile is never wiped (issue 19).
const REQUEST_FLOORS: Record<Platform, number> = { zendesk: 1, gorgias: 3, front: 3 };

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 100) / 100;

const LINES = [
  ['customer', 'Hi, I ordered a blender last week (order #A-10234) and it still has not arrived.'],
  ['bot', 'Thanks! Your order shipped on Monday with DHL; tracking shows it is in transit.'],
  ['customer', 'It says delivered but I have nothing. My email is sam@example.com.'],
  ['bot', 'Let me check that for you. The courier marked it delivered at 14:02 yesterday.'],
] as const;

function generated(n: number): Conversation {
  const messages = Array.from({ length: n }, (_, i) => ({ role: LINES[i % 4][0], text: `${LINES[i % 4][1]} (${i})` }));
  messages.push({ role: 'customer', text: 'This is useless. I want to talk to a real person now.' });
  return ConversationSchema.parse({ id: `gen-${n}`, messages });
}

function engineTimes() {
  const policy = PolicySchema.parse(DEMO_BASE);
  const out: Record<string, number> = {};
  for (const n of [50, 500, 2000]) {
    const conv = generated(n);
    for (let i = 0; i < 5; i++) checkOffline(conv, policy); // warm up
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      checkOffline(conv, policy);
      times.push(performance.now() - t);
    }
    out[String(n)] = round(p50(times));
  }
  return out;
}

function bundleKb() {
  const dir = join(OUTPUT_DIR, 'chrome-mv3');
  const size = (files: string[]) => round(files.filter(existsSync).reduce((s, f) => s + statSync(f).size, 0) / 1024);
  const chunks = existsSync(join(dir, 'chunks')) ? readdirSync(join(dir, 'chunks')).map((f) => join(dir, 'chunks', f)) : [];
  return {
    content: size([join(dir, 'content-scripts/content.js'), join(dir, 'content-scripts/content.css')]),
    background: size([join(dir, 'background.js')]),
    options: size([join(dir, 'options.html'), ...chunks]),
  };
}

/** Input tokens of one recorded model request, counted as Baton counts its prompt (lib/engine/llm/tokens.ts). */
const requestTokens = (body: any) => (body.messages as { content: string }[]).reduce((n, m) => n + countTokens(m.content) + 8, 0);

async function llmFigures(sandbox: Awaited<ReturnType<typeof startSandbox>>) {
  const openai = sandbox.platforms.openai as unknown as { requests: { body: any }[] };
  const before = openai.requests.length;
  const policy = PolicySchema.parse({ ...DEMO_BASE, engine: { kind: 'openai', baseURL: `${sandbox.httpUrl}/v1`, model: 'gpt-4o-mini' } });
  const fetchVia: typeof fetch = (input, init) =>
    fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), 'x-sandbox-host': 'api.openai.com' } });
  const cache = createVerdictCache();
  // A typical conversation (dev-multiturn's are 4–20 messages) and a 2,000-message one.
  const conversations = [generated(12), generated(2000)];
  const tokens: number[] = [];
  await readyTokenizer();
  for (const c of conversations) {
    const v = await checkEscalation(c, policy, {
      engine: 'openai',
      cache,
      openai: { apiKey: 'sk-sandbox', baseURL: `${sandbox.httpUrl}/v1`, model: 'gpt-4o-mini', fetch: fetchVia },
    });
    if (v.fallback) throw new Error(`LLM path fell back: ${v.fallback}`);
    tokens.push(requestTokens(openai.requests.at(-1)!.body));
  }
  const firstPass = openai.requests.length - before;
  // Unchanged conversations again: answered from the cache, no call.
  for (const c of conversations)
    await checkEscalation(c, policy, {
      engine: 'openai',
      cache,
      openai: { apiKey: 'sk-sandbox', baseURL: `${sandbox.httpUrl}/v1`, model: 'gpt-4o-mini', fetch: fetchVia },
    });
  const unchangedCalls = openai.requests.length - before - firstPass;
  return {
    llm_calls_per_check: round(firstPass / conversations.length),
    llm_input_tokens_per_check: { typical: tokens[0], messages_2000: tokens[1] },
    llm_calls_unchanged: unchangedCalls,
  };
}

/**
 * With the LLM engine on (the sandbox's model answering after `MODEL_DELAY_MS`): time to the first verdict on
 * screen (the quick offline one) and to the model's verdict replacing it. Each round names another model, so
 * the worker's verdict cache never answers for the model.
 */
const MODEL_DELAY_MS = 1000;
async function llmTimeToVerdict(launched: Awaited<ReturnType<typeof launchBrowser>>, sandbox: Awaited<ReturnType<typeof startSandbox>>) {
  const model = sandbox.platforms.openai as unknown as OpenAISandbox;
  const policy = await demoPolicy(Object.values(sandbox.platforms));
  model.setMode('slow', { delayMs: MODEL_DELAY_MS });
  const first: number[] = [];
  const refined: number[] = [];
  const page = await launched.context.newPage();
  try {
    for (let i = 0; i < 5; i++) {
      await configure(launched.worker, {
        policy: { ...policy, engine: { kind: 'openai', model: `bench-${i}`, baseURL: 'https://api.openai.com/v1' } },
      });
      await page.goto(conversationUrl('zendesk', 'human_request'), { waitUntil: 'commit' });
      const at = await page.waitForFunction(
        () => {
          const el = document.querySelector('baton-sidebar')?.shadowRoot?.querySelector('.verdict-title');
          return el ? performance.now() : null;
        },
        undefined,
        { polling: 'raf', timeout: 20_000 },
      );
      first.push(Math.round(Number(await at.jsonValue())));
      const done = await page.waitForFunction(
        () => {
          const root = document.querySelector('baton-sidebar')?.shadowRoot;
          const line = root?.querySelector('[data-testid="engine"]')?.textContent ?? '';
          return /^OpenAI engine/.test(line) || root?.querySelector('[data-testid="fallback"]') ? performance.now() : null;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      refined.push(Math.round(Number(await done.jsonValue())));
    }
  } finally {
    model.reset();
    await page.close();
  }
  return { first_verdict: p50(first), model_verdict: p50(refined), model_delay: MODEL_DELAY_MS };
}

async function browserFigures(sandbox: Awaited<ReturnType<typeof startSandbox>>) {
  const launched = await launchBrowser(sandbox);
  try {
    await configure(launched.worker, { policy: await demoPolicy(Object.values(sandbox.platforms)) });
    const ttv: Record<string, number> = {};
    const requests: Record<string, number> = {};
    const keys = ['human_request', 'bot_handoff', 'spanish_human'];
    for (const platform of PLATFORMS as readonly Platform[]) {
      const page = await launched.context.newPage();
      await page.goto(conversationUrl(platform, 'tracking_resolved')); // warm the worker and caches
      await verdictStatus(page);
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        await page.goto(conversationUrl(platform, keys[i % keys.length]), { waitUntil: 'commit' });
        // Measured inside the page: performance.now() counts from the start of the navigation.
        const at = await page.waitForFunction(
          () => {
            const el = document.querySelector('baton-sidebar')?.shadowRoot?.querySelector('.verdict-title');
            return el ? performance.now() : null;
          },
          undefined,
          { polling: 'raf', timeout: 20_000 },
        );
        times.push(Math.round(Number(await at.jsonValue())));
      }
      ttv[platform] = p50(times);
      await page.goto(conversationUrl(platform, 'human_request'));
      await verdictStatus(page);
      await page.waitForTimeout(300);
      const before = sandbox.traffic().length;
      await page.locator('[data-testid="escalate"]').click();
      await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
      requests[platform] = sandbox
        .traffic()
        .slice(before)
        .filter((t) => t.platform === platform && t.method !== 'GET').length;
      await page.close();
    }
    const llm = await llmTimeToVerdict(launched, sandbox);
    return { ttv, requests, llm };
  } finally {
    await launched.close();
  }
}

async function main() {
  const worst = worstCase();
  if (process.argv.includes('--team')) {
    const team = await teamReadFigures();
    log('Baton benchmark (team Insights)');
    for (const line of formatTeamRead(team)) log(line);
    if (json) console.log(JSON.stringify({ team_insights_30_days: team }));
    return;
  }
  if (process.argv.includes('--worst')) {
    log('Baton benchmark (worst case)');
    for (const line of formatWorstCase(worst)) log(line);
    if (json) console.log(JSON.stringify({ worst_case: worst }));
    return;
  }
  if (!existsSync(join(OUTPUT_DIR, 'chrome-mv3/manifest.json')))
    execSync('npx wxt build', { cwd: ROOT, stdio: json ? 'ignore' : 'inherit' });
  const engine = engineTimes();
  const perHour: { label: string; now: number; before: number }[] = [];
  for (const c of HOUR_CASES) perHour.push({ label: c.label, ...(await requestsPerHour(c)) });
  const team = await teamReadFigures();
  const watchCosts = await watchScanCosts();
  const sandbox = await startSandbox({ trafficFile: join(ROOT, 'test-results/bench-traffic.jsonl') });
  try {
    const llm = await llmFigures(sandbox);
    const { ttv, requests, llm: llmTtv } = await browserFigures(sandbox);
    const bundle = bundleKb();
    const result = {
      engine_ms_p50: engine,
      time_to_verdict_ms_p50: ttv,
      bundle_kb: bundle,
      api_requests_per_escalation: requests,
      api_requests_floor: REQUEST_FLOORS,
      api_requests_within_floor: PLATFORMS.every((p) => requests[p] !== undefined && requests[p]! <= REQUEST_FLOORS[p]),
      api_requests_per_open_conversation_hour: Object.fromEntries(perHour.map((h) => [h.label, h.now])),
      api_requests_per_open_conversation_hour_count_rule: Object.fromEntries(perHour.map((h) => [h.label, h.before])),
      llm_calls_per_check: llm.llm_calls_per_check,
      llm_input_tokens_per_check: llm.llm_input_tokens_per_check,
      llm_time_to_verdict_ms_p50: llmTtv,
      worst_case: worst,
      team_insights_30_days: team,
      queue_watch_scan: watchCosts,
    };
    log('Baton benchmark');
    log(
      `  engine p50 (offline, Node)      50 msgs: ${engine['50']} ms   500: ${engine['500']} ms   2,000: ${engine['2000']} ms   (target ≤ 20 ms at 2,000)`,
    );
    log(`  time to verdict p50 (Chromium)  ${PLATFORMS.map((p) => `${p}: ${ttv[p]} ms`).join('   ')}   (target ≤ 150 ms)`);
    log(
      `  requests per escalation         ${PLATFORMS.map((p) => `${labelOf(p)}: ${requests[p]} ${requests[p]! <= REQUEST_FLOORS[p] ? '✓' : '✗'}`).join('   ')}   (floor: ${PLATFORMS.map((p) => `${labelOf(p)} ${REQUEST_FLOORS[p]}`).join(', ')})`,
    );
    log(
      `  requests per open conversation   ${perHour.map((h) => `${h.label}: ${h.now}`).join('   ')}   per hour (9 new messages, 30 scrolls, tab visible)`,
    );
    log(
      `    (previous rule, row count)     ${perHour.map((h) => `${h.label}: ${h.before}`).join('   ')}   (no hooks: never re-read, misses all 9)`,
    );
    for (const line of formatWorstCase(worst)) log(line);
    for (const line of formatTeamRead(team)) log(line);
    for (const line of formatWatchCosts(watchCosts)) log(line);
    log(
      `  bundle                          content ${bundle.content} KB   background ${bundle.background} KB   options ${bundle.options} KB`,
    );
    log(
      `  LLM                             ${llm.llm_calls_per_check} call(s) per check, ${llm.llm_calls_unchanged} calls for unchanged conversations`,
    );
    log(
      `  LLM input tokens per check      typical (13 msgs): ${llm.llm_input_tokens_per_check.typical}   2,000 msgs: ${llm.llm_input_tokens_per_check.messages_2000}   (target ≈ 2,500; cl100k + 10%)`,
    );
    log(
      `  LLM engine on, Zendesk p50      first verdict (offline, marked): ${llmTtv.first_verdict} ms   model's verdict: ${llmTtv.model_verdict} ms (model answers after ${llmTtv.model_delay} ms)`,
    );
    if (json) console.log(JSON.stringify(result));
  } finally {
    await sandbox.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
