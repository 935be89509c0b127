#!/usr/bin/env python3
"""
Regenerates test/fixtures/blind/single-v3.jsonl and test/fixtures/blind/multiturn-v3.jsonl (blind sets for the
engine-v3 classes: noisy in-scope requests, small talk, bot replies that name teams, redirects) from pinned public
corpora fetched as bare git dirs (see test/fixtures/blind/SOURCES.md, section "v3"):

  python3 scripts/blind/build-v3.py --multidogo <git dir> --personality <git dir> --cucom <git dir> [--out DIR]

Selection is deterministic (SHA-1 rank of source ids, seeded noise), so the same snapshots give the same files.
Labels of the CuCom items were written by hand, one by one, in scripts/blind/v3-cucom-labels.tsv (conversation id,
the bot turn the item is cut after, label); the MultiDoGO and PersonalityChat labels follow from how items are
picked (see the SOURCES section), after a read-through that removed the ones listed in DROP.
Not run by tests: the sources are not available offline.
"""
import argparse, csv, hashlib, io, json, os, random, re, subprocess, zipfile

MULTIDOGO_COMMIT = 'baa3063'
PERSONALITY_COMMIT = 'bab2f27'
CUCOM_COMMIT = '60b9a7f'
HERE = os.path.dirname(os.path.abspath(__file__))

def rank(s):
    return hashlib.sha1(s.encode()).hexdigest()

def git_show(gitdir, commit, path, binary=False):
    out = subprocess.run(['git', '--git-dir', gitdir, 'show', f'{commit}:{path}'], check=True, capture_output=True).stdout
    return out if binary else out.decode('utf8')

def full_commit(gitdir, commit):
    return subprocess.run(['git', '--git-dir', gitdir, 'rev-parse', commit], check=True, capture_output=True).stdout.decode().strip()

# ------------------------------------------------------------------ scopes (written by us from each source's intent list)
SCOPES = {
    'airline': 'Airline customer-service assistant: book a flight, check or change a seat assignment, tell the passenger their seat details, and send the boarding pass by e-mail or text for an existing booking.',
    'fastfood': 'Fast-food restaurant ordering assistant: takes food and drink orders (pizza, burgers, salads, sides, breakfast, desserts, drinks) with sizes, toppings and quantities, for delivery or pickup, and takes the payment method.',
    'finance': 'Bank customer-service assistant: report a lost or stolen card, order a replacement card, dispute a charge on a credit-card bill, check an account balance, transfer money between accounts, update the address on file, give the routing number, order checks, open or close an account, and check eligibility for offers.',
    'insurance': 'Insurance customer-service assistant: send proof of insurance (insurance card) for an insured car, check the status of an insurance claim, and report a broken or damaged phone covered by a phone-insurance plan.',
    'media': 'Cable and internet provider assistant: sign up for new cable TV or internet service, explain plans, data allowances and prices, show bills, and upgrade or transfer a service.',
    'software': 'Corporate IT and purchasing help-desk assistant: problems with company software (Outlook, Skype, Salesforce and other applications), software updates, global server status, travel expense reports and reimbursement, and ordering equipment such as musical instruments and keyboards (start, change or stop an order, receipts, promotions).',
    'cucom': "Customer-service assistant of an online marketplace (Amazon India): orders, delivery and tracking, missing or wrong items, returns, refunds and replacements, payments and failed payments, cancellations, counterfeit or damaged products, Prime membership and the customer's account.",
}
DOMAINS = ['airline', 'fastfood', 'finance', 'insurance', 'media', 'software']
# Out-of-scope pairing: a request from the first domain judged against the scope of the second (disjoint services).
OOS_PAIR = {'airline': 'insurance', 'fastfood': 'finance', 'finance': 'airline', 'insurance': 'fastfood', 'media': 'finance', 'software': 'fastfood'}
GENERIC = {'contentonly', 'confirmation', 'rejection', 'openinggreeting', 'thankyou', 'closinggreeting', 'outofdomain', ''}
# Small talk and meta questions to the bot, read one by one among MultiDoGO's `outofdomain` turns.
SMALLTALK = {
    'airline': ['9bf21fc3-abe3-49a3-82ba-4eec297dffdb<TURN>11', '6c62753d-fb88-4f22-b41e-427b7c469894<TURN>8', 'e969d65d-e282-49b2-a252-38e0a84ecfd9<TURN>19',
                'afafb9a8-5da7-4ca7-a864-39465abc4d26<TURN>5', '95a54224-1aa2-4fee-ab6c-d846e85571b2<TURN>5', 'f21155c2-023d-47e3-8f2a-78b25f29a60a<TURN>6',
                'b1b41b23-894e-4464-9a60-366837908f30<TURN>10', '792022ff-7e85-42c7-961c-8a01801ca4b4<TURN>17'],
    'fastfood': ['34302b12-89aa-4490-bfa9-520bda0ad418<TURN>18', '4c45f5a8-641a-479e-984d-87a84eda417c<TURN>15', 'e67ad4bb-a1b6-4e2b-b0ff-8f71ec4df0f8<TURN>2',
                 '37afeda0-fbbd-47da-a40d-d55d15fd881e<TURN>19', '2c2fd75b-1ca6-4ce6-87f0-7408c5d1fca8<TURN>14', '6f0db5eb-afdc-4b08-ba09-8af40c5d0c9a<TURN>6'],
    'finance': ['58133ab9-5984-4feb-bf68-0de38fddb19c<TURN>22', '90370744-1647-48e9-9e9e-151e6f4f71c1<TURN>11', 'e5fb89d1-fe57-4074-b578-9b1e6003af9d<TURN>3',
                '59792b5d-f0b0-4cb4-a41a-ec8026f1be35<TURN>19', '13c60fea-83a0-45bc-b925-320650e0ee6f<TURN>10'],
    'insurance': ['5cc054b3-5f16-452b-ad95-a9c02c746efb<TURN>9', '899ba7a6-279c-4b79-8358-d8e55f8cb9d5<TURN>3', '434de408-2360-48ad-afc3-b08a7d861e4b<TURN>17',
                  '0f1797a1-49d0-4bbe-9e18-d0f41be825f6<TURN>16', '00f790a0-4e4d-48a4-b0b5-61b97043f383<TURN>8', 'bb3acffa-8ebb-4dbf-8008-2ff8a78c4018<TURN>5'],
    'media': ['e2ca8cf5-e773-4374-b73d-ead55dd06f36<TURN>9', '86d3aae9-4989-45f7-813d-73e64cdc320a<TURN>14', '1ec40fe7-c7d4-483f-a46a-145b187bd8d9<TURN>10'],
    'software': ['9fc3d293-378e-4dab-9dcc-728f04d1b9a4<TURN>19', '99fb59e0-9d2c-4487-a373-3287d0295b17<TURN>10', 'cce2f254-cff4-4b79-bd3c-0844bca107b7<TURN>10'],
}
# Turns the read-through removed (not a request, only a slot value, ambiguous between scope and out of scope).
DROP = {
    'a275e9aa-65c7-4b3a-a422-3b0e5f800d91<TURN>2',  # "like to purchase": nothing to judge against a scope
    'eb6d72ba-5c2d-441a-bf70-949e2baccb01<TURN>2',  # "sign up for new service": a bank could mean an account
    '3ac373e1-a443-49f9-b71b-14620d91384c<TURN>2',  # a bare menu name, unknowable without the menu
    '4ea553cd-36bb-48f7-9f53-dfe64a943290<TURN>3',  # idem
    '9a4c2ba6-d39c-4d21-9e30-90cdea2c8691<TURN>2',  # idem
    'b3ca71b5-1364-40ea-952c-6cd4f4e30cd1<TURN>1',  # idem
    '039f9c5c-3084-40ef-bcd2-646ef2d29708<TURN>1',  # "change my address": an airline profile has one too
}
EXTRA_IN_SCOPE = {'software': ['21ea55f1-0e26-4bc2-a806-14605b3813d7<TURN>0']}

# ------------------------------------------------------------------ seeded mechanical noise
KEY_NEIGHBOURS = {
    'q': 'wa', 'w': 'qeas', 'e': 'wrsd', 'r': 'etdf', 't': 'ryfg', 'y': 'tugh', 'u': 'yihj', 'i': 'uojk', 'o': 'ipkl', 'p': 'ol',
    'a': 'qwsz', 's': 'awedxz', 'd': 'serfcx', 'f': 'drtgvc', 'g': 'ftyhbv', 'h': 'gyujnb', 'j': 'huikmn', 'k': 'jiolm', 'l': 'kop',
    'z': 'asx', 'x': 'zsdc', 'c': 'xdfv', 'v': 'cfgb', 'b': 'vghn', 'n': 'bhjm', 'm': 'njk',
}
SHORTHAND = [(r'\bthank you\b', 'ty'), (r'\bwant to\b', 'wanna'), (r'\bgoing to\b', 'gonna'), (r'\byou\b', 'u'), (r'\byour\b', 'ur'),
             (r'\bare\b', 'r'), (r'\bto\b', '2'), (r'\bfor\b', '4'), (r'\bplease\b', 'pls'), (r'\bthanks\b', 'thx'), (r'\bokay\b', 'ok'),
             (r'\bbecause\b', 'cuz'), (r'\bwith\b', 'w/'), (r'\bwhat\b', 'wat'), (r'\bhave\b', 'hv')]

def noise(text, seed):
    """Lower-case, common text-speak substitutions (each applicable one with p=0.6) and 1-2 keyboard typos."""
    rng = random.Random(int(rank(seed)[:12], 16))
    ops = []
    t = text.lower()
    for pat, rep in SHORTHAND:
        if re.search(pat, t) and rng.random() < 0.6:
            t = re.sub(pat, rep, t)
            ops.append(f'shorthand:{rep}')
    words = t.split(' ')
    cands = [i for i, w in enumerate(words) if len(re.sub(r'[^a-z]', '', w)) >= 4]
    rng.shuffle(cands)
    for i in cands[: rng.choice([1, 1, 2])]:
        w = words[i]
        letters = [j for j, ch in enumerate(w) if ch in KEY_NEIGHBOURS]
        j = rng.choice(letters[1:] or letters)
        kind = rng.choice(['neighbour', 'swap', 'drop', 'double'])
        if kind == 'neighbour':
            w = w[:j] + rng.choice(KEY_NEIGHBOURS[w[j]]) + w[j + 1:]
        elif kind == 'swap' and j + 1 < len(w):
            w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        elif kind == 'drop':
            w = w[:j] + w[j + 1:]
        else:
            kind = 'double'
            w = w[:j] + w[j] + w[j:]
        ops.append(f'typo:{kind}')
        words[i] = w
    t = ' '.join(words)
    if t.endswith(('?', '.', '!')) and rng.random() < 0.5:
        t = t[:-1]
        ops.append('drop_final_punct')
    return t, ops

# ------------------------------------------------------------------ helpers
def escalates(sig):
    return sig in ('user_requested_human', 'bot_handed_off', 'out_of_scope')

def item(source, iid, messages, signal, scope, meta):
    return {'id': f'{source}:{iid}', 'source': source, 'messages': messages, 'expected': {'escalate': escalates(signal), 'signal': signal},
            'scope': scope, 'meta': meta}

def multidogo(gitdir):
    commit = full_commit(gitdir, MULTIDOGO_COMMIT)
    base = {'license': 'CDLA-Permissive-1.0', 'upstream': f'awslabs/multi-domain-goal-oriented-dialogues-dataset@{commit}',
            'attribution': 'Peskov et al., MultiDoGO, EMNLP 2019'}
    single, seen = [], set()
    for d in DOMAINS:
        path = f'data/paper_splits/splits_annotated_at_turn_level/{d}/test.tsv'
        rows = [r for r in csv.reader(io.StringIO(git_show(gitdir, commit, path)), delimiter='\t') if len(r) >= 6][1:]
        by_uid = {r[2].split('<CONV>')[1]: r for r in rows}
        def mk(r, signal, scope_domain, basis, noisy=False, extra=None):
            uid = r[2].split('<CONV>')[1]
            text = r[3].strip()
            meta = dict(base, file=path, orig_id=uid, source_intent=r[5], domain=d, scope_domain=scope_domain, label_basis=basis, tier='silver')
            if noisy:
                text, ops = noise(text, 'multidogo:' + uid)
                meta['noise'] = {'function': 'scripts/blind/build-v3.py noise()', 'seed': 'sha1(multidogo:<orig_id>)', 'ops': ops}
            else:
                meta['noise'] = 'none (crowd-typed text as written; typos and shorthand are the workers\')'
            if extra: meta.update(extra)
            key = (text, scope_domain)
            if key in seen: return None
            seen.add(key)
            sid = f'{d}:{uid.replace("<TURN>", ":t")}' + (':noisy' if noisy else '') + (f':vs-{scope_domain}' if scope_domain != d else '')
            return item('multidogo', sid, [{'role': 'customer', 'text': text}], signal, SCOPES[scope_domain], meta)
        # requests: one intent, a request of 3-16 words, the customer's opening request (turn <= 3)
        req = [r for r in rows if r[5] not in GENERIC and '<div>' not in r[5] and 2 <= len(r[3].split()) <= 16 and float(r[1]) <= 3]
        req = [r for r in req if r[2].split('<CONV>')[1] not in DROP]
        req.sort(key=lambda r: rank(r[2]))
        # de-duplicate repeated texts before choosing
        uniq, texts = [], set()
        for r in req:
            if r[3].strip() not in texts:
                texts.add(r[3].strip()); uniq.append(r)
        ins, oos, noisy = uniq[:10], uniq[10:18], uniq[18:22]
        for r in ins + [by_uid[u] for u in EXTRA_IN_SCOPE.get(d, [])]:
            it = mk(r, 'none', d, f"customer's opening request, source intent '{r[5]}' is a task of this domain's scope -> none (in scope)")
            if it: single.append(it)
        for r in noisy:
            it = mk(r, 'none', d, f"customer's opening request, source intent '{r[5]}' is in scope -> none; seeded text-speak/typo noise applied", noisy=True)
            if it: single.append(it)
        for r in oos:
            od = OOS_PAIR[d]
            it = mk(r, 'out_of_scope', od, f"request of the {d} domain (source intent '{r[5]}') judged against the {od} scope, which has no such service -> out_of_scope")
            if it: single.append(it)
        for uid in SMALLTALK[d]:
            it = mk(by_uid[uid], 'none', d, "small talk / meta remark to the bot (source intent 'outofdomain'), read by hand: not a request for a service -> none")
            if it: single.append(it)
        # thanks / goodbyes / greetings with 2+ words
        polite = [r for r in rows if r[5] in ('thankyou', 'closinggreeting', 'openinggreeting') and 2 <= len(r[3].split()) <= 12]
        polite.sort(key=lambda r: rank(r[2]))
        n = 0
        for r in polite:
            it = mk(r, 'none', d, f"source intent '{r[5]}' (greeting, thanks or goodbye) -> none")
            if it:
                single.append(it); n += 1
            if n >= 3: break
    return single

def personality(gitdir):
    commit = full_commit(gitdir, PERSONALITY_COMMIT)
    text = git_show(gitdir, commit, 'EditorialScenarioList.md')
    base = {'license': 'MIT (Copyright (c) Microsoft Corporation)', 'upstream': f'sempjc/BotBuilder-PersonalityChat@{commit} (fork of microsoft/BotBuilder-PersonalityChat)',
            'file': 'EditorialScenarioList.md', 'tier': 'silver'}
    skip_scen = {'Command_FlipCoin', 'Command_Sing', 'Bot_BodyFunctions'}
    out = []
    for line in text.splitlines():
        m = re.match(r'\|(\d+)\|(\w+)\|(.*)\|\s*$', line)
        if not m or m.group(2) in skip_scen: continue
        scen = m.group(2)
        for k, q in enumerate(re.split(r'<br>|<', m.group(3))):
            q = re.sub(r'\s+', ' ', q).strip()
            if not q or '{' in q or q == 'Cook me something': continue
            oid = f'{scen}:{k}'
            dom = (DOMAINS + ['cucom'])[int(rank('pc:' + oid)[:8], 16) % 7]
            noisy = int(rank('pcn:' + oid)[:8], 16) % 3 == 0
            meta = dict(base, orig_id=oid, scenario=scen, scope_domain=dom,
                        label_basis=f"sample query of the small-talk scenario '{scen}' (chit-chat or a meta question to the bot, not a request for a service) -> none, never out of scope")
            t = q
            if noisy:
                t, ops = noise(q, 'personalitychat:' + oid)
                meta['noise'] = {'function': 'scripts/blind/build-v3.py noise()', 'seed': 'sha1(personalitychat:<orig_id>)', 'ops': ops}
            else:
                meta['noise'] = 'none'
            out.append(item('personalitychat', oid + (':noisy' if noisy else ''), [{'role': 'customer', 'text': t}], 'none', SCOPES[dom], meta))
    # the meta questions about the bot itself always, then other sample queries by rank up to 55 (the rest are
    # near-duplicates in kind)
    must = ('Bot_Real', 'Bot_Creator', 'Bot_WhatAreYou', 'Bot_WhoAreYou', 'Greetings_Bye', 'Bot_There', 'User_Testing')
    keep = [x for x in out if x['meta']['scenario'] in must]
    rest = sorted((x for x in out if x['meta']['scenario'] not in must), key=lambda x: rank(x['id']))
    return keep + rest[: 55 - len(keep)]

def cucom(gitdir):
    commit = full_commit(gitdir, CUCOM_COMMIT)
    z = zipfile.ZipFile(io.BytesIO(git_show(gitdir, commit, 'ecommerce/ecommerce_v_0_1.jsonl.zip', binary=True)))
    convs = {}
    for line in z.read('merged.jsonl').decode('utf8').splitlines():
        r = json.loads(line); convs[r['id']] = r
    base = {'license': 'Apache-2.0', 'upstream': f'vakyansh/cucom@{commit}', 'file': 'ecommerce/ecommerce_v_0_1.jsonl.zip (merged.jsonl)',
            'agent_role_mapping': "synthetic conversations written by an LLM for the source: 'agent' (an LLM-written Amazon India support agent) -> bot; 'user' (LLM-written customer, Indian English text-speak) -> customer",
            'tier': 'silver'}
    single, multi = [], []
    basis = {
        'bot_handed_off': 'read by hand: in the cut turn the bot commits another team/department/person to act on the case, or sends the customer to people elsewhere (bank, seller, other team) because it cannot solve it -> bot_handed_off',
        'none': 'read by hand: the bot handles the case itself (answer, self-service steps, its own action, "contact us again if ...", a team named only as context or as the bot\'s own internal check) -> none',
        'unconfirmed': 'read by hand: the bot announces or prepares an escalation but is still collecting details from the customer in the cut turn -> unconfirmed',
    }
    role = {'user': 'customer', 'agent': 'bot'}
    for row in csv.DictReader(open(os.path.join(HERE, 'v3-cucom-labels.tsv')), delimiter='\t'):
        cid, k, lab, which = row['conv_id'], int(row['cut_turn']), row['label'], row['set']
        turns = convs[cid]['turns']
        msgs = [{'role': role[t['role'].lower()], 'text': t['content']} for t in turns[: k + 1]]
        assert msgs[-1]['role'] == 'bot', cid
        meta = dict(base, orig_id=cid, cut_after_turn=k, label_basis=basis[lab], noise='none (text as written by the source)')
        if row.get('kind'):
            meta['handoff_kind'] = row['kind']
        if which == 'single':
            m = msgs[-2:]
            meta.update(multi_turn=False, n_messages=2, truncated='customer turn and the bot reply that follows it')
            single.append(item('cucom', f'{cid}@{k}:pair', m, lab, SCOPES['cucom'], meta))
        else:
            meta.update(multi_turn=True, n_messages=len(msgs), truncated=k + 1 < len(turns))
            multi.append(item('cucom', f'{cid}@{k}', msgs, lab, SCOPES['cucom'], meta))
    return single, multi

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--multidogo', required=True); ap.add_argument('--personality', required=True); ap.add_argument('--cucom', required=True)
    ap.add_argument('--out', default=os.path.join(HERE, '..', '..', 'test', 'fixtures', 'blind'))
    a = ap.parse_args()
    cs, cm = cucom(a.cucom)
    single = multidogo(a.multidogo) + personality(a.personality) + cs
    for name, items in (('single-v3.jsonl', single), ('multiturn-v3.jsonl', cm)):
        items = sorted(items, key=lambda x: x['id'])
        assert len({x['id'] for x in items}) == len(items)
        with open(os.path.join(a.out, name), 'w') as f:
            for x in items: f.write(json.dumps(x, ensure_ascii=False, sort_keys=True) + '\n')
        print(name, len(items))

if __name__ == '__main__':
    main()
