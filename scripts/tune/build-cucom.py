#!/usr/bin/env python3
"""
Regenerates the CuCom TUNING sets (disjoint from the blind v3 set; see test/fixtures/tune/SOURCES.md):

  python3 scripts/tune/build-cucom.py --cucom <CuCom bare git dir> [--out DIR]

  test/fixtures/tune/cucom-multiturn.jsonl  whole-prefix conversations cut right after the labelled bot turn
  test/fixtures/tune/cucom-single.jsonl     the customer turn + the labelled bot reply

Labels were written by hand, one by one, in scripts/tune/cucom-labels.tsv (conversation id, the bot turn the item is
cut after, label, which file, kind, a short note saying why). Same line format and label rules as
scripts/blind/build-v3.py (whose CuCom helpers this copies). The script refuses to build if any conversation id of
scripts/blind/v3-cucom-labels.tsv appears in the labels, so the tuning set stays disjoint from the blind set.
Output is byte-identical for the same snapshot and labels. Not run by tests: the source is not available offline.
"""
import argparse, csv, io, json, os, subprocess, zipfile

CUCOM_COMMIT = '60b9a7f9670e2176330b0576e232be4ec5a7fe19'
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
SCOPE = "Customer-service assistant of an online marketplace (Amazon India): orders, delivery and tracking, missing or wrong items, returns, refunds and replacements, payments and failed payments, cancellations, counterfeit or damaged products, Prime membership and the customer's account."
LABELS = {'bot_handed_off', 'unconfirmed', 'none'}
KINDS = {
    'bot_handed_off': {'redirect_elsewhere', 'team_committed'},
    'unconfirmed': {'escalate_then_ask', 'ask_before_escalate'},
    'none': {'team_context', 'own_check', 'own_action', 'come_back_if', 'self_service', 'internal_feedback', 'polite_close', 'answer'},
}
BASIS = {
    'bot_handed_off': 'read by hand: in the cut turn the bot commits another team/department/person to act on the case, or sends the customer to people elsewhere (bank, seller, other team) because it cannot solve it -> bot_handed_off',
    'none': 'read by hand: the bot handles the case itself (answer, self-service steps, its own action, "contact us again if ...", a team named only as context or as the bot\'s own internal check, an escalation that is internal feedback while the bot resolves the case) -> none',
    'unconfirmed': 'read by hand: the bot announces or prepares an escalation but is still collecting details from the customer in the cut turn -> unconfirmed',
}

def git_show(gitdir, commit, path):
    return subprocess.run(['git', '--git-dir', gitdir, 'show', f'{commit}:{path}'], check=True, capture_output=True).stdout

def escalates(sig):
    return sig in ('user_requested_human', 'bot_handed_off', 'out_of_scope')

def item(iid, messages, signal, meta):
    return {'id': f'cucom:{iid}', 'source': 'cucom', 'messages': messages, 'expected': {'escalate': escalates(signal), 'signal': signal},
            'scope': SCOPE, 'meta': meta}

def blind_ids():
    with open(os.path.join(ROOT, 'scripts', 'blind', 'v3-cucom-labels.tsv')) as f:
        return {row['conv_id'] for row in csv.DictReader(f, delimiter='\t')}

def build(gitdir, labels_path):
    z = zipfile.ZipFile(io.BytesIO(git_show(gitdir, CUCOM_COMMIT, 'ecommerce/ecommerce_v_0_1.jsonl.zip')))
    convs = {}
    for line in z.read('merged.jsonl').decode('utf8').splitlines():
        r = json.loads(line); convs[r['id']] = r
    base = {'license': 'Apache-2.0', 'upstream': f'vakyansh/cucom@{CUCOM_COMMIT}', 'file': 'ecommerce/ecommerce_v_0_1.jsonl.zip (merged.jsonl)',
            'agent_role_mapping': "synthetic conversations written by an LLM for the source: 'agent' (an LLM-written Amazon India support agent) -> bot; 'user' (LLM-written customer, Indian English text-speak) -> customer",
            'tier': 'silver', 'purpose': 'tuning (disjoint from test/fixtures/blind)'}
    role = {'user': 'customer', 'agent': 'bot'}
    blind = blind_ids()
    single, multi, seen = [], [], set()
    with open(labels_path) as f:
        rows = list(csv.DictReader(f, delimiter='\t'))
    for row in rows:
        cid, k, lab, which, kind = row['conv_id'], int(row['cut_turn']), row['label'], row['set'], row['kind']
        assert cid not in blind, f'{cid} is in the blind v3 set'
        assert cid not in seen, f'{cid} labelled twice'
        seen.add(cid)
        assert lab in LABELS and kind in KINDS[lab] and which in ('multi', 'single'), row
        turns = convs[cid]['turns']
        msgs = [{'role': role[t['role'].lower()], 'text': t['content']} for t in turns[: k + 1]]
        assert msgs[-1]['role'] == 'bot' and msgs[-2]['role'] == 'customer', cid
        meta = dict(base, orig_id=cid, cut_after_turn=k, kind=kind, label_basis=BASIS[lab], label_note=row['note'], noise='none (text as written by the source)')
        if lab == 'bot_handed_off':
            meta['handoff_kind'] = kind
        if which == 'single':
            meta.update(multi_turn=False, n_messages=2, truncated='customer turn and the bot reply that follows it')
            single.append(item(f'{cid}@{k}:pair', msgs[-2:], lab, meta))
        else:
            meta.update(multi_turn=True, n_messages=len(msgs), truncated=k + 1 < len(turns))
            multi.append(item(f'{cid}@{k}', msgs, lab, meta))
    return single, multi

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cucom', required=True, help='bare git dir of vakyansh/cucom')
    ap.add_argument('--labels', default=os.path.join(HERE, 'cucom-labels.tsv'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'test', 'fixtures', 'tune'))
    a = ap.parse_args()
    single, multi = build(a.cucom, a.labels)
    for name, items in (('cucom-single.jsonl', single), ('cucom-multiturn.jsonl', multi)):
        items = sorted(items, key=lambda x: x['id'])
        assert len({x['id'] for x in items}) == len(items)
        with open(os.path.join(a.out, name), 'w') as f:
            for x in items: f.write(json.dumps(x, ensure_ascii=False, sort_keys=True) + '\n')
        counts = {}
        for x in items:
            key = (x['expected']['signal'], x['meta']['kind']); counts[key] = counts.get(key, 0) + 1
        print(name, len(items), ' '.join(f'{s}/{k}={n}' for (s, k), n in sorted(counts.items())))

if __name__ == '__main__':
    main()
