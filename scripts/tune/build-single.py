#!/usr/bin/env python3
"""
Regenerates test/fixtures/tune/single-smalltalk-scope.jsonl: a TUNING set built with the same construction as the
MultiDoGO and PersonalityChat parts of the blind test/fixtures/blind/single-v3.jsonl, from items the blind builder
did not pick (see test/fixtures/tune/SOURCES-single.md):

  python3 scripts/tune/build-single.py --multidogo <git dir> --personality <git dir> [--out FILE]

Disjointness is by construction: the blind builder (scripts/blind/build-v3.py) is imported and its selection is
recomputed in memory (never read from the blind file); its source ids are skipped, picking continues with the next
SHA-1 ranks, and any item whose customer text equals a blind customer text (case and spacing ignored) is dropped.
Noise uses the blind builder's noise() with a different seed salt ('tune:'), so noisy variants differ from the blind's.
Not run by tests: the sources are not available offline.
"""
import argparse, csv, importlib.util, io, json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('blind_v3', os.path.join(HERE, '..', 'blind', 'build-v3.py'))
B = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(B)
rank, item, noise, SCOPES, DOMAINS, OOS_PAIR, GENERIC = B.rank, B.item, B.noise, B.SCOPES, B.DOMAINS, B.OOS_PAIR, B.GENERIC

SALT = 'tune:'
# Per domain, after the blind's first 22 unique opening requests (10 in scope, 8 out of scope, 4 noisy).
N_IN, N_OOS, N_NOISY, N_POLITE = 20, 17, 8, 3
BLIND_TAKEN = 22
# Small talk and meta remarks to the bot, read one by one among MultiDoGO test `outofdomain` turns not picked by the
# blind builder (same rule: checking the bot is still there, pleasantries, saying they are satisfied or will wait).
SMALLTALK = {
    'airline': ['27d62c77-5b5b-4d48-a8ad-fae1f8dbfb9f<TURN>13', '792022ff-7e85-42c7-961c-8a01801ca4b4<TURN>2', 'a75e3f95-acc3-48af-bd85-d95eefc31c5b<TURN>13',
                'e969d65d-e282-49b2-a252-38e0a84ecfd9<TURN>14', '9316cf7f-798c-490d-ac44-fbe31211cf53<TURN>6', 'b14792f5-ccee-4a9e-804b-1164ba1714a3<TURN>1',
                '53c6e380-0ddc-4e53-8e2e-6d1259b62e90<TURN>15', '06220cd6-8a4f-497a-a689-ca30874b12cb<TURN>9', 'e969d65d-e282-49b2-a252-38e0a84ecfd9<TURN>16',
                '8715ca7a-5cd1-471b-a8e9-f1090b450acb<TURN>13', '302d8c21-1b7a-4a72-926f-c8ed1cece995<TURN>12', '61ce8aa8-9fee-4b39-bc1a-e5a6195b80f8<TURN>8',
                '1e3ca8a0-d00f-4d49-842c-cfa65782f853<TURN>5', '4e9bae57-e9e6-42ba-994a-f4086d7f1ef0<TURN>12'],
    'fastfood': ['1a9ab9c6-7058-45ea-b89b-08359001f07f<TURN>5', 'ff72eb2d-cd61-4c18-9a6c-96c9909f9cb2<TURN>2', '502ecba7-1757-4c21-bf50-5ddf818c0447<TURN>3',
                 'd0571a47-a2a9-49f5-8174-4bbe6f328d28<TURN>10', '7e6a3c2e-6dc9-4759-9173-e2406a902989<TURN>19', '53da0602-31ff-4a78-8022-9fafcb0d3e7d<TURN>11',
                 '77625c82-349b-47b2-8ba4-04299eac9c80<TURN>18', 'aaa39b6a-e62f-4f06-af0b-4f048a2c4328<TURN>12', '2437cf39-fd1e-424e-877b-b10ecafbb2e5<TURN>5',
                 '2437cf39-fd1e-424e-877b-b10ecafbb2e5<TURN>23', '13ed921b-f38f-41b9-b957-7ed3ea91c362<TURN>24', 'd01f9d99-d39d-4916-bdef-70927d64582a<TURN>16',
                 'fcfaef3f-9184-46fd-b46b-b6cb4a605fa0<TURN>2', 'af78398d-e386-43ce-81ec-44a2c3396806<TURN>11', '536e07eb-a90b-42c0-a833-befabd9978d9<TURN>10'],
    'finance': ['4dcf26a0-f6a1-47a0-b493-1b2962a30a9e<TURN>15', '58cf0bdc-875c-4ebc-83f7-d9c78799758e<TURN>12', '05a2f6a6-3f7f-4259-98dc-28a711270254<TURN>18',
                '1d3718e0-abec-41d6-a700-763d62bbd321<TURN>5', '55284bc4-56f9-46ae-aa6c-bdae13a289f7<TURN>22', '88730dc5-9e98-49e5-834f-d5f64f6e886c<TURN>12',
                '4c316ff6-7edb-487f-9e4c-451ad194a427<TURN>19', '6cec4b90-891a-4044-8057-979b2b620fde<TURN>20', '88a60963-53df-4798-bf37-9f60d2b61827<TURN>1',
                '05a2f6a6-3f7f-4259-98dc-28a711270254<TURN>14', 'be099d91-94d4-4e6c-9479-144489abacc4<TURN>6', '5fa61c52-3732-441f-8823-dac5805c63e1<TURN>8',
                '84711764-6e25-4c2f-b4a7-77f96e61300e<TURN>23', '129208b4-1f4c-438c-92e5-d07273690075<TURN>9', 'baed4527-2277-4fde-a6c1-a782c2897e9b<TURN>3',
                'fdd4ae80-9f60-46ef-88d9-481acadb8c07<TURN>16', 'ed408862-9fe3-466a-8c10-cd6d56bff94e<TURN>26', '377193c0-ae1b-4e54-8ace-e1bd06ca995b<TURN>16',
                '06056b20-c69f-416e-a090-b6b8a5be11e1<TURN>16', '5ca8282b-bbaa-4e7c-8405-fd8757eee109<TURN>20'],
    'insurance': ['52b56621-6933-4249-90d9-7ae7671a7a0f<TURN>16', '762961cb-0817-4e22-abd4-44a680b66391<TURN>16', '481a4d2c-57ca-47f6-aa67-eb3b45a7f75e<TURN>17',
                  '08433c87-4386-40e9-918c-c0ad0eb6d13e<TURN>4', 'ed212c94-f8e6-4dbe-b6cc-1ae2a8710634<TURN>17', 'c65390e5-0330-4679-a4d8-f7ca752b0bc2<TURN>18',
                  'ea19591a-8da7-44cc-b152-08d88635a7b6<TURN>18', '6812179f-7517-47e9-8818-df0498b96d93<TURN>10', 'd1e98bb0-0c06-40d4-a769-eb436de17d8a<TURN>9',
                  '73d1bccb-5429-4f1e-aecf-5aca0b23ae67<TURN>13', '73d1bccb-5429-4f1e-aecf-5aca0b23ae67<TURN>11', '6e7c7acf-0f4d-4f39-9f4b-c323eb9f7719<TURN>12',
                  '86ca872d-892a-4942-ae9d-8df5cccd5957<TURN>5', '2449d8fe-e030-44ea-b83a-bbca013fa46a<TURN>13', 'f38a28b6-2d7e-4ee9-8cfe-8a7d49e0ee5d<TURN>3',
                  'bb2603a7-489d-4566-a954-bd6df208520a<TURN>5', '5836fd05-52ca-4d8c-9dcf-41295399bec0<TURN>13', '95baebb5-3123-421d-b1f7-2cef072bf52a<TURN>20',
                  'c02ab71f-c979-4e28-b7cf-e84c28cc0115<TURN>14', '4f4ee2cd-ea4a-4972-9e07-6e2b6d994a4d<TURN>13'],
    'media': ['a79ead42-a358-49bf-b9fc-9f070f443c6b<TURN>5', 'aafd29b5-a607-4002-97fa-72da43ebe941<TURN>15', '182061b8-5917-4327-9d4a-50fd33a113ca<TURN>16',
              'fb23d930-bb9f-4382-add6-e81d10947798<TURN>3', '3ffc6816-2c5b-45c1-bd65-db48e2239139<TURN>6', 'ea3331cc-2ea8-4a99-a64f-f9ee0690c709<TURN>5',
              '7158927c-4e52-4adf-ac23-382ff2056b4e<TURN>16', 'd04cc543-2323-42e8-a124-eb41aece7c59<TURN>10', 'd31a0569-2a7e-48af-b8d0-aabb575af878<TURN>5',
              'ea3331cc-2ea8-4a99-a64f-f9ee0690c709<TURN>13', '53a63585-e042-4269-b159-7e3c28ac096f<TURN>12', '5e6b5c1f-232c-41fd-a622-e2bc20af0d63<TURN>18',
              'c731893e-9187-40df-8aa4-f719527edd6c<TURN>6', '63f3f194-f2c5-4fee-98ea-4514ba37edc3<TURN>9', '182061b8-5917-4327-9d4a-50fd33a113ca<TURN>5',
              '5b331240-8355-49c0-99be-81c859c2b2b2<TURN>4', '4c418f69-6e7e-47df-8914-ec93c13c1a8b<TURN>13', '36a871e8-3546-4e2e-9c94-afe6e3c769aa<TURN>1'],
    'software': ['4c19e670-dac1-4706-9fb0-c5fa9ad62eee<TURN>4', '00af9a82-c179-4d10-9849-aabc299cad1c<TURN>6', '1bbf3a80-0307-41f7-8115-d97220fef56e<TURN>10',
                 'e56d169a-8907-48bb-8592-e397c5ae4060<TURN>10', 'ec5671ce-111a-4a13-ae8c-d88f49dd9e98<TURN>8', 'c487027d-e178-4bca-ab89-3ee9ad3f49a2<TURN>8',
                 '75e53c97-ef77-4150-8771-90f201512dde<TURN>4', '4c97b96d-aa7b-4869-bb4a-5a31a6eddc87<TURN>12', '0e2725b4-31aa-4718-8cd6-3daf2ca2a4bc<TURN>12',
                 '59436e51-bf6b-487c-9569-b0bafab51294<TURN>17', 'd98169c5-8ba4-4c17-ab8c-6e69bdb52b51<TURN>10'],
}
# Picked requests removed on reading (same reasons as the blind builder's DROP).
DROP = {
    '5038fbb2-cb05-44ac-a126-e33ef2bf156a<TURN>1',  # a greeting, not a request
    '2eed9e3b-a1c3-4b7f-b8f0-7cb19a43372a<TURN>1',  # a bare menu name, unknowable without the menu
    'c3d6ea49-83f9-4138-a8df-89ad05ff5fef<TURN>1',  # a greeting
    '862245d4-a2b9-4ab4-bece-47fe859ffd2f<TURN>0',  # "i wamt address": too vague to judge
    'bb3acffa-8ebb-4dbf-8008-2ff8a78c4018<TURN>0',  # a greeting
    '621836e0-7139-44d7-b53d-ef1c0bfcf2f6<TURN>2',  # "car isurance": too vague to judge
    '9302e290-02d8-4e28-a976-e448456c2382<TURN>2',  # a greeting
    '2baea5f6-ed5b-4a6f-a085-ddb762a43e72<TURN>1',  # a greeting
    '67c321d7-0851-41f8-83ed-354dbac1e817<TURN>1',  # WhatsApp: not clearly company software
    '584ce05b-ddae-4973-9d7b-b72fa8cc3e6a<TURN>2',  # "change address of my account": an airline profile has one too
    'a1966a12-e2f8-4482-bcf6-c63fecb918a4<TURN>3',  # "check my account": an airline account too
    '04a1a6b2-e682-4980-a0bc-cd5a03afd726<TURN>2',  # an overcharge could be a fare
    '29489f31-5556-46e6-9607-43d7727af83e<TURN>3',  # "i want to fix it": nothing to judge
    '5742aea1-5116-426e-b141-7fd5cbfc6ee5<TURN>2',  # "sign up for new service": a bank could mean an account
    'dfaf9755-6f20-4cb6-b371-bac55bd4b642<TURN>1',  # idem
    'f7d2494b-e9cd-4e5b-9ce7-c74e2b33febb<TURN>2',  # idem
    'f67234d3-5d1e-44c6-9fdc-c197b30f1f31<TURN>2',  # "i need a new service": idem
    'f96d68b1-be3b-4ada-832a-6d690269a16d<TURN>2',  # "change address": an airline profile has one too
    '01f2379b-dac0-490e-b345-dc1f8b1f6a3e<TURN>2',  # a missing car: not a bank's task although the domain is finance
}


def norm(t):
    return re.sub(r'\s+', ' ', t).strip().lower()


def blind_selection(multidogo_dir, personality_dir):
    """The blind builder's MultiDoGO and PersonalityChat picks, recomputed (source ids and normalised texts)."""
    items = B.multidogo(multidogo_dir) + B.personality(personality_dir)
    ids = {(x['source'], x['meta']['orig_id']) for x in items}
    texts = {norm(m['text']) for x in items for m in x['messages'] if m['role'] == 'customer'}
    return ids, texts


def multidogo(gitdir, blind_ids, blind_texts):
    commit = B.full_commit(gitdir, B.MULTIDOGO_COMMIT)
    base = {'license': 'CDLA-Permissive-1.0', 'upstream': f'awslabs/multi-domain-goal-oriented-dialogues-dataset@{commit}',
            'attribution': 'Peskov et al., MultiDoGO, EMNLP 2019', 'set': 'tuning (disjoint from test/fixtures/blind)'}
    single, seen = [], set()
    for d in DOMAINS:
        path = f'data/paper_splits/splits_annotated_at_turn_level/{d}/test.tsv'
        rows = [r for r in csv.reader(io.StringIO(B.git_show(gitdir, commit, path)), delimiter='\t') if len(r) >= 6][1:]
        by_uid = {r[2].split('<CONV>')[1]: r for r in rows}

        def mk(r, signal, scope_domain, basis, noisy=False):
            uid = r[2].split('<CONV>')[1]
            if ('multidogo', uid) in blind_ids:
                return None
            text = r[3].strip()
            meta = dict(base, file=path, orig_id=uid, source_intent=r[5], domain=d, scope_domain=scope_domain, label_basis=basis, tier='silver')
            if noisy:
                text, ops = noise(text, SALT + 'multidogo:' + uid)
                meta['noise'] = {'function': 'scripts/blind/build-v3.py noise()', 'seed': 'sha1(tune:multidogo:<orig_id>)', 'ops': ops}
            else:
                meta['noise'] = 'none (crowd-typed text as written; typos and shorthand are the workers\')'
            key = norm(text)
            if key in blind_texts or (key, scope_domain) in seen:
                return None
            seen.add((key, scope_domain))
            sid = f'{d}:{uid.replace("<TURN>", ":t")}' + (':noisy' if noisy else '') + (f':vs-{scope_domain}' if scope_domain != d else '')
            return item('multidogo', sid, [{'role': 'customer', 'text': text}], signal, SCOPES[scope_domain], meta)

        def take(rs, n, make):
            """The first n items made from rs (skipping rows that yield none), consuming rs (an iterator)."""
            got = []
            while len(got) < n:
                r = next(rs, None)
                if r is None:
                    break
                it = make(r)
                if it:
                    got.append(it)
            return got

        # Same filter and order as the blind builder; its first BLIND_TAKEN unique requests are the blind's.
        req = [r for r in rows if r[5] not in GENERIC and '<div>' not in r[5] and 2 <= len(r[3].split()) <= 16 and float(r[1]) <= 3]
        req = [r for r in req if r[2].split('<CONV>')[1] not in B.DROP and r[2].split('<CONV>')[1] not in DROP]
        req.sort(key=lambda r: rank(r[2]))
        uniq, texts = [], set()
        for r in req:
            if r[3].strip() not in texts:
                texts.add(r[3].strip())
                uniq.append(r)
        rest = iter(uniq[BLIND_TAKEN:])
        single += take(rest, N_IN, lambda r: mk(r, 'none', d, f"customer's opening request, source intent '{r[5]}' is a task of this domain's scope -> none (in scope)"))
        od = OOS_PAIR[d]
        single += take(rest, N_OOS, lambda r: mk(r, 'out_of_scope', od, f"request of the {d} domain (source intent '{r[5]}') judged against the {od} scope, which has no such service -> out_of_scope"))
        single += take(rest, N_NOISY, lambda r: mk(r, 'none', d, f"customer's opening request, source intent '{r[5]}' is in scope -> none; seeded text-speak/typo noise applied", noisy=True))
        for uid in SMALLTALK[d]:
            it = mk(by_uid[uid], 'none', d, "small talk / meta remark to the bot (source intent 'outofdomain'), read by hand: not a request for a service -> none")
            if it:
                single.append(it)
        polite = [r for r in rows if r[5] in ('thankyou', 'closinggreeting', 'openinggreeting') and 2 <= len(r[3].split()) <= 12]
        polite.sort(key=lambda r: rank(r[2]))
        single += take(iter(polite), N_POLITE, lambda r: mk(r, 'none', d, f"source intent '{r[5]}' (greeting, thanks or goodbye) -> none"))
    return single


def personality(gitdir, blind_ids, blind_texts):
    commit = B.full_commit(gitdir, B.PERSONALITY_COMMIT)
    text = B.git_show(gitdir, commit, 'EditorialScenarioList.md')
    base = {'license': 'MIT (Copyright (c) Microsoft Corporation)', 'upstream': f'sempjc/BotBuilder-PersonalityChat@{commit} (fork of microsoft/BotBuilder-PersonalityChat)',
            'file': 'EditorialScenarioList.md', 'tier': 'silver', 'set': 'tuning (disjoint from test/fixtures/blind)'}
    skip_scen = {'Command_FlipCoin', 'Command_Sing', 'Bot_BodyFunctions'}
    out, seen = [], set()
    for line in text.splitlines():
        m = re.match(r'\|(\d+)\|(\w+)\|(.*)\|\s*$', line)
        if not m or m.group(2) in skip_scen:
            continue
        scen = m.group(2)
        for k, q in enumerate(re.split(r'<br>|<', m.group(3))):
            q = re.sub(r'\s+', ' ', q).strip()
            if not q or '{' in q or q == 'Cook me something':
                continue
            oid = f'{scen}:{k}'
            if ('personalitychat', oid) in blind_ids:
                continue
            dom = (DOMAINS + ['cucom'])[int(rank(SALT + 'pc:' + oid)[:8], 16) % 7]
            noisy = int(rank(SALT + 'pcn:' + oid)[:8], 16) % 3 == 0
            meta = dict(base, orig_id=oid, scenario=scen, scope_domain=dom,
                        label_basis=f"sample query of the small-talk scenario '{scen}' (chit-chat or a meta question to the bot, not a request for a service) -> none, never out of scope")
            t = q
            if noisy:
                t, ops = noise(q, SALT + 'personalitychat:' + oid)
                meta['noise'] = {'function': 'scripts/blind/build-v3.py noise()', 'seed': 'sha1(tune:personalitychat:<orig_id>)', 'ops': ops}
            else:
                meta['noise'] = 'none'
            key = norm(t)
            if key in blind_texts or norm(q) in blind_texts or key in seen:
                continue
            seen.add(key)
            out.append(item('personalitychat', oid + (':noisy' if noisy else ''), [{'role': 'customer', 'text': t}], 'none', SCOPES[dom], meta))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--multidogo', required=True)
    ap.add_argument('--personality', required=True)
    ap.add_argument('--out', default=os.path.join(HERE, '..', '..', 'test', 'fixtures', 'tune', 'single-smalltalk-scope.jsonl'))
    a = ap.parse_args()
    blind_ids, blind_texts = blind_selection(a.multidogo, a.personality)
    items = multidogo(a.multidogo, blind_ids, blind_texts) + personality(a.personality, blind_ids, blind_texts)
    items.sort(key=lambda x: x['id'])
    assert len({x['id'] for x in items}) == len(items)
    # Disjointness from the blind picks, by source id and by customer text.
    assert not any((x['source'], x['meta']['orig_id']) in blind_ids for x in items)
    assert not any(norm(m['text']) in blind_texts for x in items for m in x['messages'])
    with open(a.out, 'w') as f:
        for x in items:
            f.write(json.dumps(x, ensure_ascii=False, sort_keys=True) + '\n')
    print(os.path.basename(a.out), len(items))


if __name__ == '__main__':
    main()
