#!/usr/bin/env python3
"""
Regenerates test/fixtures/tune/sgd-multiservice.jsonl: a TUNING probe for out of scope in the middle of a conversation,
from multi-service dialogues of the Schema-Guided Dialogue TRAIN split (the blind sets use its test split, or none of it).

The scope is the first service's (the same wording as build-multiturn.py's `sgd_scope`). Labels come from the source's
own dialogue acts, never from the engine:
  out_of_scope  cut right after the first user turn with an INFORM_INTENT for a service of another family (travel, food,
                leisure, care, money, utility): the customer turns to something the scoped assistant does not do;
  none          cut right after a user turn that belongs only to the first service (one per dialogue, picked by SHA-1).
Usage:
  python3 scripts/tune/build-sgd-multiservice.py --sgd <SGD bare git dir> [--out FILE] [--n 400]
"""
import argparse
import hashlib
import importlib.util
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('build_multiturn', os.path.join(HERE, 'build-multiturn.py'))
bm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bm)


def show(gitdir, path):
    r = subprocess.run(['git', '--git-dir', gitdir, 'show', f'{bm.SGD_COMMIT}:{path}'], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else ''


def rank(s):
    return hashlib.sha1(s.encode()).hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--sgd', required=True)
    ap.add_argument('--out', default=os.path.join(HERE, '..', '..', 'test', 'fixtures', 'tune', 'sgd-multiservice.jsonl'))
    ap.add_argument('--n', type=int, default=400)
    args = ap.parse_args()
    schema = {s['service_name']: s for s in json.loads(show(args.sgd, 'train/schema.json'))}
    base = {'license': 'CC BY-SA 4.0', 'upstream': f'google-research-datasets/dstc8-schema-guided-dialogue@{bm.SGD_COMMIT}', 'tier': 'silver'}
    out = []
    for n in range(1, 128):
        text = show(args.sgd, f'train/dialogues_{n:03d}.json')
        if not text:
            continue  # absent from the snapshot
        for dl in json.loads(text):
            if len(dl['services']) < 2:
                continue
            turns = dl['turns']
            first, second, same = None, None, []
            for k, t in enumerate(turns):
                if t['speaker'] != 'USER':
                    continue
                for f in t['frames']:
                    for a in f['actions']:
                        if a['act'] != 'INFORM_INTENT':
                            continue
                        if first is None:
                            first = f['service']
                        elif second is None and bm.family(f['service']) != bm.family(first):
                            second = (k, f['service'])
                if first and second is None and k > 0 and all(f['service'] == first for f in t['frames']):
                    same.append(k)
            if not first or not second:
                continue
            scope = bm.sgd_scope(schema[first])
            msgs = bm.sgd_msgs(turns)
            file = f'train/dialogues_{n:03d}.json'
            k, svc = second
            out.append(bm.item('sgd-multi', f"{dl['dialogue_id']}:out_of_scope", msgs[:k + 1], 'out_of_scope', scope, {
                **base, 'file': file, 'orig_id': dl['dialogue_id'],
                'label_basis': f'source act: first user INFORM_INTENT for {svc} ({bm.family(svc)}) in a dialogue scoped to {first} ({bm.family(first)}); cut right after it'}))
            if same:
                kk = same[int(rank(dl['dialogue_id']), 16) % len(same)]
                out.append(bm.item('sgd-multi', f"{dl['dialogue_id']}:none", msgs[:kk + 1], 'none', scope, {
                    **base, 'file': file, 'orig_id': dl['dialogue_id'],
                    'label_basis': f'source frames: a user turn within {first} only, before any other service; cut right after it'}))
    out.sort(key=lambda x: rank(x['id']))
    out = sorted(out[:args.n], key=lambda x: x['id'])
    with open(args.out, 'w') as f:
        for x in out:
            f.write(json.dumps(x, ensure_ascii=False) + '\n')
    print(len(out), 'items,', sum(x['expected']['escalate'] for x in out), 'out_of_scope')


if __name__ == '__main__':
    main()
