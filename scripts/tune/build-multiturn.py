#!/usr/bin/env python3
"""
Regenerates test/fixtures/tune/multiturn-sgd-tau.jsonl: a TUNING set built with the construction of the blind
test/fixtures/blind/multiturn.jsonl (scripts/blind/build.ts: SGD + tau-bench, labels from the sources' own actions),
from source items the blind builder did not pick (see test/fixtures/tune/SOURCES-single.md):

  python3 scripts/tune/build-multiturn.py --sgd <SGD git dir> --tau <tau-bench git dir> [--out FILE] [--blind-check FILE]

This is a line-by-line Python port of scripts/blind/build.ts (same regexes, same SHA-1 ranks, same cuts). It first
replays the blind selection in memory (blind quotas, never reading the blind file), records which source
dialogues/runs/rows it consumed, then runs the same picking again over what is left with the tuning quotas.
Not run by tests: the sources are not available offline.
"""
import argparse, hashlib, json, os, re, subprocess

SGD_COMMIT = 'e852981ae34990f4358979625854259302feaa78'
TAU_COMMIT = '59a200c6d575d595120f1cb70fea53cef0632f6b'
HERE = os.path.dirname(os.path.abspath(__file__))
TUNE_META = {'set': 'tuning (disjoint from test/fixtures/blind)'}


def git_show(gitdir, commit, path):
    return subprocess.run(['git', '--git-dir', gitdir, 'show', f'{commit}:{path}'], check=True, capture_output=True).stdout.decode('utf8')


def rank(s):
    return hashlib.sha1(s.encode('utf8')).hexdigest()


def by_rank(xs, key):
    return sorted(xs, key=lambda x: rank(key(x)))


def escalates(s):
    return s in ('user_requested_human', 'bot_handed_off', 'out_of_scope')


def item(source, iid, messages, signal, scope, meta):
    return {'id': f'{source}:{iid}', 'source': source, 'messages': messages, 'expected': {'escalate': escalates(signal), 'signal': signal},
            'scope': scope, 'meta': {'multi_turn': True, 'n_messages': len(messages), **meta}}


def msg(role, text):
    return {'role': role, 'text': text}


# ---------------------------------------------------------------- tau-bench (sierra-research/tau-bench, MIT)
TAU_SCOPE = {
    'airline': 'Airline customer-service agent (tau-bench airline policy): book, modify or cancel flight reservations, change cabin, flights, baggage and passenger details within policy, and handle refunds and compensation certificates for delayed or cancelled flights; transfers to a human agent only when a request cannot be handled within policy.',
    'retail': "Online retail customer-service agent (tau-bench retail policy): authenticate the user, then cancel or modify pending orders, return or exchange delivered orders, change the default address, and give information about the user's own profile, orders and products.",
}
TAU_META = {
    'license': 'MIT',
    'upstream': f'sierra-research/tau-bench@{TAU_COMMIT}',
    'agent_role_mapping': 'tau-bench assistant (an LLM agent following the domain policy) -> bot; simulated user (an LLM playing a customer from a task instruction) -> customer',
}
# JS regexes without the u flag: ASCII \b, \w, \W.
F = re.I | re.A
ASKS_HUMAN = re.compile(r'\b(human|agent|supervisor|manager|representative|someone|somebody|person|transfer|connect me|escalat|speak (to|with))', F)
BOT_OFFERS = re.compile(r'\b(transfer|human agent|customer service|customer support)', F)
ASKS_DETAILS = re.compile(r'\b(user id|reservation id|reservation number|order id|email|zip code|name|details|provide|confirm)\b[^?]*\?|\b(could|can|would) you (please )?(provide|share|confirm|tell|let me know)', F)
ACCEPTS = re.compile(r"^\W*(yes|yeah|yep|sure|ok|okay|please|that would|that'd|oui|si|sí|alright|i would|i'd)", F)
PROBLEM = re.compile(r'\b(upset|frustrat|disappoint|delay|cancell?ed by|refund|compensat|complain|problem|issue|wrong|error|mistake|lost|broken|sick|ill\b|illness|passed away|emergency|urgent|unfortunately|not happy|unhappy|charged)', F)
CLOSING = re.compile(r"\b(thank|thanks|that's all|that is all|bye|great|perfect|appreciate)", F)
RETAIL_TOPIC = re.compile(r'\b(order|return|exchange|item|product|deliver|package|shipped|refund|laptop|watch|shirt|lamp|keyboard|headphone|address)', F)
AIRLINE_TOPIC = re.compile(r'\b(flight|reservation|book|fly|trip|baggage|bag|cabin|seat|airline)', F)
JS_WS = ' \t\n\r\x0b\x0c\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'


def strip_stop(t):
    return t.replace('###STOP###', '').strip(JS_WS)


def tau_visible(traj, end=None):
    end = len(traj) if end is None else end
    out = []
    for i in range(end):
        m = traj[i]
        if m['role'] not in ('user', 'assistant') or not m.get('content') or not strip_stop(m['content']):
            continue
        out.append((i, msg('customer' if m['role'] == 'user' else 'bot', strip_stop(m['content']))))
    return out


def is_transfer(m):
    return m['role'] == 'assistant' and any(c['function']['name'] == 'transfer_to_human_agents' for c in (m.get('tool_calls') or []))


def last_index(xs, v):
    return max((k for k, x in enumerate(xs) if x == v), default=-1)


def tau_historical(gitdir, skip=frozenset(), skip_none_tasks=frozenset(), none_limit=20, used=None):
    """Port of build.ts tauHistorical. `skip`: run keys not to touch; `used` collects the run keys picked."""
    file = 'historical_trajectories/gpt-4o-airline.json'
    runs = json.loads(git_show(gitdir, TAU_COMMIT, file))
    runs.sort(key=lambda r: (r['task_id'], r['trial']))
    out = []
    unconfirmed_per_task, none_per_task = {}, set()
    for run in runs:
        key = f"{run['task_id']}.{run['trial']}"
        if key in skip:
            continue
        meta = {**TAU_META, 'file': file, 'orig_id': key, 'domain': 'airline'}
        t = run['traj']
        t_idx = next((k for k, m in enumerate(t) if is_transfer(m)), -1)
        if t_idx >= 0:
            vis = tau_visible(t, t_idx)
            last_user = last_index([v[1]['role'] for v in vis], 'customer')
            if last_user < 1:
                continue
            user_text = vis[last_user][1]['text']
            prev_bot = next((v for v in reversed(vis[:last_user]) if v[1]['role'] == 'bot'), None)
            directly = not any(m['role'] == 'user' or (m['role'] == 'assistant' and m.get('content')) for m in t[vis[last_user][0] + 1:t_idx])
            signal, basis = None, ''
            if prev_bot and BOT_OFFERS.search(prev_bot[1]['text']) and ACCEPTS.search(user_text):
                signal = 'bot_handed_off'
                basis = "the bot offered/recommended a transfer to a human agent (regex), the customer accepted, and the source's next action is transfer_to_human_agents -> bot_handed_off (handoff agreed)"
            elif ASKS_HUMAN.search(user_text):
                signal = 'user_requested_human'
                basis = 'source action transfer_to_human_agents follows this customer turn; the customer asks for a person/transfer (regex) without the bot having just offered one -> user_requested_human'
            if signal:
                out.append(item('taubench_airline', f'{key}:{signal}', [v[1] for v in vis[:last_user + 1]], signal, TAU_SCOPE['airline'],
                                {**meta, 'source_label': 'transfer_to_human_agents', 'tier': 'gold' if directly else 'silver',
                                 'label_basis': f'{basis}; cut right after that customer turn (the transfer itself is a silent tool call)', 'truncated': True}))
                if used is not None:
                    used.add(key)
            asks = [k for k in range(len(vis)) if k >= 1 and k < last_user and vis[k][1]['role'] == 'bot' and ASKS_DETAILS.search(vis[k][1]['text'])
                    and not any(w[1]['role'] == 'bot' and BOT_OFFERS.search(w[1]['text']) for w in vis[:k + 1])]

            def raised_by(k):
                return any(v[1]['role'] == 'customer' and PROBLEM.search(v[1]['text']) for v in vis[:k])
            raised_cut = next((k for k in reversed(asks) if raised_by(k)), None)
            n = unconfirmed_per_task.get(run['task_id'], 0)
            cut = raised_cut if raised_cut is not None else (asks[0] if n == 0 and asks else None)
            if cut is not None and n < 4:
                unconfirmed_per_task[run['task_id']] = n + 1
                sig = 'unconfirmed' if raised_cut is not None else 'none'
                out.append(item('taubench_airline', f'{key}:{sig}:{cut}', [v[1] for v in vis[:cut + 1]], sig, TAU_SCOPE['airline'],
                                {**meta, 'source_label': 'transfer_to_human_agents (later in the run)', 'tier': 'silver',
                                 'label_basis': 'run later ends in transfer_to_human_agents; the customer has already raised a problem (regex); cut right after the last bot turn asking for identity/details (regex) before any transfer offer -> unconfirmed (must not escalate)'
                                 if sig == 'unconfirmed' else
                                 'run later ends in transfer_to_human_agents, but at the cut the customer has only made an ordinary request and the bot asks for identity/details to do it itself (regex), before any transfer offer -> none',
                                 'truncated': True}))
                if used is not None:
                    used.add(key)
        elif run['task_id'] not in none_per_task and run['task_id'] not in skip_none_tasks and len(none_per_task) < none_limit:
            vis = tau_visible(t)
            last = vis[-1] if vis else None
            if not last or len(vis) < 4 or not CLOSING.search(last[1]['text']):
                continue
            if any(v[1]['role'] == 'bot' and BOT_OFFERS.search(v[1]['text']) for v in vis):
                continue
            none_per_task.add(run['task_id'])
            out.append(item('taubench_airline', f'{key}:none', [v[1] for v in vis], 'none', TAU_SCOPE['airline'],
                            {**meta, 'source_label': 'no transfer_to_human_agents action in the run', 'tier': 'gold',
                             'label_basis': 'no transfer_to_human_agents action anywhere in the run and no bot turn mentioning a transfer/customer service; the customer closes (thanks/bye) -> none (full conversation, ###STOP### marker removed)',
                             'truncated': False}))
            if used is not None:
                used.add(key)
    return out, none_per_task


DISPLAY_LINE = re.compile(r'^(user|assistant|tool): ([^\n\r\u2028\u2029]*)$')


def parse_display(s):
    turns = []
    for line in s.split('\n'):
        m = DISPLAY_LINE.match(line)
        if m:
            turns.append({'role': m.group(1), 'text': m.group(2)})
        elif turns:
            turns[-1]['text'] += '\n' + line
    return [msg('customer' if t['role'] == 'user' else 'bot', strip_stop(t['text'])) for t in turns
            if t['role'] != 'tool' and strip_stop(t['text']) and strip_stop(t['text']) != 'None']


FEWSHOT = [('retail', 'few_shot_data/MockRetailDomainEnv-few_shot.jsonl'), ('airline', 'few_shot_data/MockAirlineDomainEnv-few_shot.jsonl')]


def tau_few_shot(gitdir, quotas, skip=frozenset(), used=None):
    """Port of build.ts tauFewShot; quotas: {domain: (none, oos)}; skip/used: (file, row number)."""
    out = []
    for domain, file in FEWSHOT:
        q_none, q_oos = quotas[domain]
        other = 'airline' if domain == 'retail' else 'retail'
        lines = [l for l in git_show(gitdir, TAU_COMMIT, file).split('\n') if l]
        rows = [{'n': n, 'msgs': parse_display(json.loads(l)['messages_display'])} for n, l in enumerate(lines)]
        meta = {**TAU_META, 'file': file, 'domain': domain}
        none = oos = 0
        for r in by_rank(rows, lambda r: f"{file}:{r['n']}"):
            if (file, r['n']) in skip:
                continue
            msgs = r['msgs']
            last = msgs[-1]
            clean = not any(m['role'] == 'bot' and BOT_OFFERS.search(m['text']) for m in msgs)
            if none < q_none and clean and len(msgs) >= 4 and last['role'] == 'customer' and CLOSING.search(last['text']):
                none += 1
                out.append(item(f'taubench_{domain}', f"fewshot{r['n']}:none", msgs, 'none', TAU_SCOPE[domain],
                                {**meta, 'orig_id': r['n'], 'source_label': 'few-shot conversation without transfer', 'tier': 'silver',
                                 'label_basis': 'few-shot demo conversation: no bot turn mentions a transfer/customer service (regex) and the customer closes (thanks/bye) -> none (full conversation)',
                                 'truncated': False}))
                if used is not None:
                    used.add((file, r['n']))
                continue
            first_ask = next((k for k, m in enumerate(msgs) if m['role'] == 'customer' and (
                (RETAIL_TOPIC.search(m['text']) and not AIRLINE_TOPIC.search(m['text'])) if domain == 'retail'
                else (AIRLINE_TOPIC.search(m['text']) and not RETAIL_TOPIC.search(m['text'])))), -1)
            if oos < q_oos and 0 <= first_ask <= 2:
                oos += 1
                out.append(item(f'taubench_{domain}', f"fewshot{r['n']}:out_of_scope", msgs[:first_ask + 1], 'out_of_scope', TAU_SCOPE[other],
                                {**meta, 'orig_id': r['n'], 'source_label': f'{domain} conversation', 'tier': 'silver',
                                 'label_basis': f"derived: a {domain} customer request (topic regex) judged against the {other} agent's scope (written from tau-bench's {other} policy) -> out_of_scope; cut right after the customer's request",
                                 'truncated': True}))
                if used is not None:
                    used.add((file, r['n']))
    return out


# ------------------------------------------------- Schema-Guided Dialogue (google-research-datasets, CC BY-SA 4.0)
FAMILY = {'Flights': 'travel', 'Buses': 'travel', 'Trains': 'travel', 'RentalCars': 'travel', 'Hotels': 'travel', 'Travel': 'travel',
          'RideSharing': 'travel', 'Homes': 'travel', 'Events': 'leisure', 'Movies': 'leisure', 'Media': 'leisure', 'Music': 'leisure',
          'Restaurants': 'food', 'Services': 'care', 'Payment': 'money', 'Banks': 'money', 'Alarm': 'utility', 'Messaging': 'utility',
          'Calendar': 'utility', 'Weather': 'utility'}


def family(service):
    return FAMILY.get(service.split('_')[0], service)


def sgd_scope(s):
    return f"Virtual assistant for one service (Schema-Guided Dialogue {s['service_name']}): {s['description']}. It handles only: {'; '.join(i['description'].lower() for i in s['intents'])}."


def acts(t):
    return [a['act'] for f in t['frames'] for a in f['actions']]


def sgd_msgs(turns):
    return [msg('customer' if t['speaker'] == 'USER' else 'bot', t['utterance']) for t in turns]


def sgd(gitdir, split, files, quota, caps, skip=frozenset(), used=None, id_prefix=''):
    """Port of build.ts sgd, for a split; quota/caps: totals and per-service caps for closing/request/oos."""
    schema = json.loads(git_show(gitdir, SGD_COMMIT, f'{split}/schema.json'))
    services = {s['service_name']: s for s in schema}
    dialogues = []
    for file in files:
        for d in json.loads(git_show(gitdir, SGD_COMMIT, file)):
            if len(d['services']) == 1:
                dialogues.append((file, d))
    base = {'license': 'CC BY-SA 4.0', 'upstream': f'google-research-datasets/dstc8-schema-guided-dialogue@{SGD_COMMIT}',
            'agent_role_mapping': 'SGD SYSTEM (machine-generated dialogue, paraphrased by crowd workers) -> bot; USER -> customer'}
    out = []
    used_per = {'closing': {}, 'request': {}, 'oos': {}}
    count = {'closing': 0, 'request': 0, 'oos': 0}

    def bump(k, svc):
        used_per[k][svc] = used_per[k].get(svc, 0) + 1
        count[k] += 1
    targets = list(services.keys())
    for file, d in by_rank(dialogues, lambda x: x[1]['dialogue_id']):
        if (file, d['dialogue_id']) in skip:
            continue
        svc = d['services'][0]
        s = services.get(svc)
        if not s:
            continue
        did = id_prefix + d['dialogue_id']
        meta = {**base, 'file': file, 'orig_id': d['dialogue_id'], 'service': svc}
        turns = d['turns']
        last = turns[-1]
        if count['closing'] < quota['closing'] and used_per['closing'].get(svc, 0) < caps['closing'] and last['speaker'] == 'SYSTEM' and 'GOODBYE' in acts(last):
            failed = any('NOTIFY_FAILURE' in acts(t) for t in turns)
            bump('closing', svc)
            out.append(item('sgd', f'{did}:none', sgd_msgs(turns), 'none', sgd_scope(s),
                            {**meta, 'source_label': 'SYSTEM GOODBYE', 'tier': 'gold',
                             'label_basis': f"SGD has no handoff; the dialogue ends with the system act GOODBYE{' (after a NOTIFY_FAILURE the system handled itself)' if failed else ''} -> none (full conversation)",
                             'truncated': False}))
            if used is not None:
                used.add((file, d['dialogue_id']))
            continue
        req = next((k for k, t in enumerate(turns) if k >= 3 and t['speaker'] == 'SYSTEM' and 'REQUEST' in acts(t)), -1)
        if count['request'] < quota['request'] and used_per['request'].get(svc, 0) < caps['request'] and req >= 0:
            bump('request', svc)
            out.append(item('sgd', f'{did}:none:{req}', sgd_msgs(turns[:req + 1]), 'none', sgd_scope(s),
                            {**meta, 'source_label': 'SYSTEM REQUEST', 'tier': 'gold',
                             'label_basis': 'SGD has no handoff; cut right after a system REQUEST act (the assistant collects slots for a task it performs itself) -> none',
                             'truncated': True}))
            if used is not None:
                used.add((file, d['dialogue_id']))
            continue
        ask = next((k for k, t in enumerate(turns) if t['speaker'] == 'USER' and 'INFORM_INTENT' in acts(t)), -1)
        if count['oos'] < quota['oos'] and used_per['oos'].get(svc, 0) < caps['oos'] and 0 <= ask <= 2:
            foreign = by_rank([x for x in targets if family(x) != family(svc)], lambda x: f"{d['dialogue_id']}:{x}")[0]
            fs = services.get(foreign)
            if not fs:
                continue
            bump('oos', svc)
            out.append(item('sgd', f'{did}:out_of_scope', sgd_msgs(turns[:ask + 1]), 'out_of_scope', sgd_scope(fs),
                            {**meta, 'scope_service': foreign, 'source_label': 'USER INFORM_INTENT', 'tier': 'silver',
                             'label_basis': f"derived: the user's first INFORM_INTENT turn (a {svc} request) judged against the scope of {foreign}, a service of another family (scope written from SGD's schema description) -> out_of_scope; cut right after that user turn",
                             'truncated': True}))
            if used is not None:
                used.add((file, d['dialogue_id']))
    return out


# ---------------------------------------------------------------- the blind selection, then the tuning one
SGD_TEST = [f'test/dialogues_00{k}.json' for k in range(1, 10)]
# dev files 015, 017 and 018 are absent from the snapshot (over the mirror's size limit).
SGD_DEV = [f'dev/dialogues_{k:03d}.json' for k in range(1, 21) if k not in (15, 17, 18)]
BLIND_SGD = ({'closing': 32, 'request': 16, 'oos': 24}, {'closing': 2, 'request': 1, 'oos': 2})
BLIND_FEWSHOT = {'retail': (22, 10), 'airline': (8, 5)}
# Tuning quotas (about 200 items; out_of_scope weighted up, the class the tuner works on).
TUNE_SGD_TEST = ({'closing': 32, 'request': 16, 'oos': 30}, {'closing': 2, 'request': 1, 'oos': 2})
TUNE_SGD_DEV = ({'closing': 24, 'request': 8, 'oos': 30}, {'closing': 2, 'request': 1, 'oos': 2})
TUNE_FEWSHOT = {'retail': (22, 40), 'airline': (8, 10)}


def blind_selection(sgd_dir, tau_dir):
    runs, rows, dials = set(), set(), set()
    h, none_tasks = tau_historical(tau_dir, used=runs)
    f = tau_few_shot(tau_dir, BLIND_FEWSHOT, used=rows)
    s = sgd(sgd_dir, 'test', SGD_TEST, *BLIND_SGD, used=dials)
    return h + f + s, runs, none_tasks, rows, dials


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--sgd', required=True)
    ap.add_argument('--tau', required=True)
    ap.add_argument('--out', default=os.path.join(HERE, '..', '..', 'test', 'fixtures', 'tune', 'multiturn-sgd-tau.jsonl'))
    ap.add_argument('--blind-ids', help='write the recomputed blind item ids (ids only) to this file, for the disjointness check')
    a = ap.parse_args()
    blind, runs, none_tasks, rows, dials = blind_selection(a.sgd, a.tau)
    if a.blind_ids:
        with open(a.blind_ids, 'w') as fh:
            fh.write('\n'.join(sorted(x['id'] for x in blind)) + '\n')
    # A task is one simulated customer's instruction: its other trials paraphrase the same conversation, so every task
    # with any blind item (a handoff, a cut or a `none` run) is left out, not only the blind runs themselves.
    blind_tasks = none_tasks | {int(k.split('.')[0]) for k in runs}
    hist, _ = tau_historical(a.tau, skip=runs, skip_none_tasks=blind_tasks, none_limit=50)
    few = tau_few_shot(a.tau, TUNE_FEWSHOT, skip=rows)
    st = sgd(a.sgd, 'test', SGD_TEST, *TUNE_SGD_TEST, skip=dials)
    sd = sgd(a.sgd, 'dev', SGD_DEV, *TUNE_SGD_DEV, id_prefix='dev-')
    items = hist + few + st + sd
    for x in items:
        x['meta'].update(TUNE_META)
    items.sort(key=lambda x: x['id'])
    assert len({x['id'] for x in items}) == len(items)
    with open(a.out, 'w') as fh:
        fh.write(''.join(json.dumps(x, ensure_ascii=False, separators=(',', ':')) + '\n' for x in items))
    tally = {}
    for x in items:
        k = f"{x['source']}\t{x['expected']['signal']}\t{x['meta']['tier']}"
        tally[k] = tally.get(k, 0) + 1
    print(len(items), 'items ->', os.path.relpath(a.out))
    for k in sorted(tally):
        print(f'{k}\t{tally[k]}')


if __name__ == '__main__':
    main()
