#!/usr/bin/env python3
"""
Checks that tuning sets share nothing with the blind sets, without printing any blind item:

  python3 scripts/tune/check-disjoint.py test/fixtures/tune/<file>.jsonl [...]

Compares against every test/fixtures/blind/*.jsonl: item ids, (source, upstream orig_id), the exact text of each
customer turn (also after lower-casing and collapsing spaces), and the whole sequence of customer turns.
Prints counts only (and the tuning-side ids of any overlap), so the blind items stay unseen.
"""
import glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
BLIND = sorted(glob.glob(os.path.join(HERE, '..', '..', 'test', 'fixtures', 'blind', '*.jsonl')))


def norm(t):
    return re.sub(r'\s+', ' ', t).strip().lower()


def load(path):
    return [json.loads(line) for line in open(path, encoding='utf8') if line.strip()]


def upstream(x):
    """The upstream identity of an item: source family, upstream file and the item's id there."""
    m = x.get('meta', {})
    if m.get('orig_id') is None:
        return None
    return (x['source'].split('_')[0], m.get('file', ''), str(m['orig_id']))


def keys(items):
    ids, oids, exact, normed, seqs = set(), set(), set(), set(), set()
    for x in items:
        ids.add(x['id'])
        oid = upstream(x)
        if oid:
            oids.add(oid)
        cust = [m['text'] for m in x['messages'] if m['role'] == 'customer']
        exact.update(cust)
        normed.update(norm(t) for t in cust)
        seqs.add(tuple(norm(t) for t in cust))
    return ids, oids, exact, normed, seqs


def main():
    blind = [x for p in BLIND for x in load(p)]
    b_ids, b_oids, b_exact, b_norm, b_seqs = keys(blind)
    print(f'blind files: {len(BLIND)}, items: {len(blind)}')
    bad = 0
    for path in sys.argv[1:]:
        items = load(path)
        same_id = [x['id'] for x in items if x['id'] in b_ids]
        same_oid = [x['id'] for x in items if upstream(x) in b_oids]
        turns = [(x['id'], m['text']) for x in items for m in x['messages'] if m['role'] == 'customer']
        same_exact = sorted({i for i, t in turns if t in b_exact})
        same_norm = sorted({i for i, t in turns if norm(t) in b_norm})
        same_seq = [x['id'] for x in items if tuple(norm(m['text']) for m in x['messages'] if m['role'] == 'customer') in b_seqs]
        print(f'{os.path.basename(path)}: {len(items)} items, {len(turns)} customer turns')
        print(f'  same id: {len(same_id)}; same upstream (source, file, orig_id): {len(same_oid)}; same customer-turn sequence: {len(same_seq)}')
        print(f'  items with a customer turn whose exact text is in a blind item: {len(same_exact)}; after lower-case/spaces: {len(same_norm)}')
        for name, lst in (('id', same_id), ('orig_id', same_oid), ('sequence', same_seq), ('turn text', same_norm)):
            if lst:
                print(f'    {name}: {", ".join(lst[:40])}{" …" if len(lst) > 40 else ""}')
        bad += len(same_id) + len(same_oid) + len(same_seq)
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
