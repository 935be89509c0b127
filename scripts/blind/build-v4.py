#!/usr/bin/env python3
"""Build the blind multi-turn set v4 (test/fixtures/blind/multiturn-v4.jsonl).

Stdlib only. Reads the pinned source files straight out of bare git dirs (as brought in by the `fetch` tool):

  python3 scripts/blind/build-v4.py \
      --convlab2 /work/.mirror/thu-coai+ConvLab-2/repo \
      --parlant  /work/.mirror/emcie-co+parlant/repo \
      [--labels scripts/blind/v4-labels.tsv] [--out test/fixtures/blind/multiturn-v4.jsonl]

Sources (see test/fixtures/blind/SOURCES.md, "Blind sets v4: sources"):
  - MultiWOZ 2.1 test and validation dialogues as shipped (zipped) in thu-coai/ConvLab-2, data/multiwoz/{test,val}.json.zip
    (ConvLab-2's README gives this MultiWOZ 2.1 copy as CC BY 4.0; the MultiWOZ repository is MIT; ConvLab-2 code is
    Apache-2.0. Attribution: Budzianowski et al. 2018, Eric et al. 2019, Zhu et al. 2020).
  - Conversations written into the test suite of emcie-co/parlant (Apache-2.0): (EventSource, text) lists in
    tests/**/*.py and "a customer message, ..."/"an agent message, ..." steps of tests/**/*.feature.

Every item is a source conversation cut right after message `cut` (0-based); no text is written or edited.
Labels, scope keys and reasons are hand labels from scripts/blind/v4-labels.tsv. Output is sorted by id, so the file
is byte-identical from run to run.
"""
import argparse
import ast
import io
import json
import re
import subprocess
import sys
import zipfile

CONVLAB2_COMMIT = "b014b81fcb1ff74f54681917eee39c14c87af3e5"
PARLANT_COMMIT = "ea737442b8ae65854a842542e544fbe7e6144bad"

MW_FULL = (
    "Cambridge TownInfo centre assistant (MultiWOZ): helps visitors find restaurants, hotels and guesthouses, "
    "attractions, trains and taxis in and around Cambridge, gives their details (address, phone, postcode, area, "
    "prices) and books restaurant tables, hotel rooms, train tickets and taxis; it can also give police and hospital "
    "contact details."
)
SCOPES = {
    "full": MW_FULL,
    "restaurant": (
        "Cambridge restaurant assistant (MultiWOZ restaurant service only): finds restaurants in Cambridge by area, "
        "food type and price range, gives their address, phone and postcode, and books tables. It handles nothing else."
    ),
    "hotel": (
        "Cambridge accommodation assistant (MultiWOZ hotel service only): finds hotels and guesthouses in Cambridge by "
        "area, price range, star rating, parking and internet, gives their details and books rooms. It handles "
        "nothing else."
    ),
    "attraction": (
        "Cambridge attractions assistant (MultiWOZ attraction service only): finds places to visit in Cambridge "
        "(museums, colleges, theatres, parks, pools, boats, nightclubs...) by area and type and gives their address, "
        "phone, postcode and entrance fee. It handles nothing else."
    ),
    "train": (
        "Train-ticket assistant for journeys to and from Cambridge (MultiWOZ train service only): finds trains by day, "
        "departure and arrival station and time, gives times, durations and prices, and books tickets. It handles "
        "nothing else."
    ),
    # Parlant test conversations: scopes written from the business the test agent serves (the feature files'
    # "an agent whose job is ..." line where there is one, otherwise the conversation's own business).
    "bank": (
        "Digital assistant of a retail bank: accounts and balances, cards (lock, replace, limits), transfers and bill "
        "payments, statements, loans and investment products, branch information."
    ),
    "food": (
        "Ordering assistant of a food business (pizza, calzone, sandwich and drinks shop): menu questions, taking and "
        "changing orders, payment, pickup and delivery, order status and problems with orders."
    ),
    "retail": (
        "Customer-service assistant of an online retail store (electronics, phones, sports goods): product questions "
        "and recommendations, placing orders, order status and shipping."
    ),
    "airline": "Flight-booking assistant: finds and books flights (airports, dates, class, travellers) and answers travel questions.",
    "account": "Account-support assistant of an online service: registration, logins and password resets.",
    "tech": "Technical-support assistant of an app and internet service: troubleshooting crashes, loading and connection problems.",
    "taxi": "Taxi-booking assistant: books rides (pickup, drop-off, time) for the customer.",
    "cleaning": "Home-cleaning service assistant: schedules cleanings at the customer's saved locations.",
    "clinic": "Digital assistant of a medical clinic whose job is to help customers get information from the clinic, such as their lab results.",
    "hsbc": "Assistant of HSBC UK whose job is to help customers transfer money and stocks between accounts.",
    "chase": "Digital assistant acting on behalf of Chase bank, answering customers' banking questions.",
}

EVENT_SOURCES = {"CUSTOMER": "customer", "AI_AGENT": "ai_agent"}
FEATURE_STEP = re.compile(r'^\s*(?:Given|And) an? (customer|agent) message, "(.*)"\s*$')


def git_show(git_dir, commit, path, binary=False):
    out = subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}"], capture_output=True, check=True)
    return out.stdout if binary else out.stdout.decode("utf-8")


def load_multiwoz(git_dir):
    dialogues = {}
    for split in ("test", "val"):
        path = f"data/multiwoz/{split}.json.zip"
        z = zipfile.ZipFile(io.BytesIO(git_show(git_dir, CONVLAB2_COMMIT, path, binary=True)))
        data = json.loads(z.read(f"{split}.json"))
        for k, v in data.items():
            assert k not in dialogues
            dialogues[k] = (path + f" ({split}.json)", v["log"])
    return dialogues


def parlant_python_conversations(src):
    """(line of the list literal) -> [(role, text)] for list literals of (EventSource.X, "text") pairs."""
    convs = {}
    for node in ast.walk(ast.parse(src)):
        if not (isinstance(node, ast.List) and node.elts):
            continue
        turns = []
        for e in node.elts:
            if not (isinstance(e, ast.Tuple) and len(e.elts) == 2):
                break
            a, b = e.elts
            if not (isinstance(a, ast.Attribute) and isinstance(a.value, ast.Name) and a.value.id == "EventSource"):
                break
            if a.attr not in EVENT_SOURCES or not (isinstance(b, ast.Constant) and isinstance(b.value, str)):
                break
            turns.append((EVENT_SOURCES[a.attr], b.value))
        else:
            convs[node.lineno] = turns
    return convs


def parlant_feature_conversations(src):
    """(line of the Scenario) -> [(role, text)] from the scenario's customer/agent message steps."""
    convs, cur = {}, None
    for ln, line in enumerate(src.split("\n"), 1):
        if line.strip().startswith("Scenario"):
            cur = ln
            convs[cur] = []
            continue
        m = FEATURE_STEP.match(line)
        if m and cur is not None:
            convs[cur].append(("customer" if m.group(1) == "customer" else "ai_agent", m.group(2)))
    return convs


def read_labels(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            source, orig_id, cut, label, scope_key, kind, reason = line.split("\t")
            rows.append(dict(source=source, orig_id=orig_id, cut=int(cut), label=label, scope_key=scope_key,
                             kind=kind, reason=reason))
    return rows


ESCALATES = {"user_requested_human": True, "bot_handed_off": True, "out_of_scope": True, "unconfirmed": False, "none": False}
LAST_ROLE = {"user_requested_human": "customer", "out_of_scope": "customer", "bot_handed_off": "bot", "unconfirmed": "bot", "none": "bot"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--convlab2", required=True, help="bare git dir of thu-coai/ConvLab-2")
    ap.add_argument("--parlant", required=True, help="bare git dir of emcie-co/parlant")
    ap.add_argument("--labels", default="scripts/blind/v4-labels.tsv")
    ap.add_argument("--out", default="test/fixtures/blind/multiturn-v4.jsonl")
    args = ap.parse_args()

    rows = read_labels(args.labels)
    mw = load_multiwoz(args.convlab2)
    parlant_cache = {}
    items, seen_conv = [], set()
    for r in rows:
        conv_key = (r["source"], r["orig_id"])
        assert conv_key not in seen_conv, f"two items from one conversation: {conv_key}"
        seen_conv.add(conv_key)
        meta = {"tier": "silver", "orig_id": r["orig_id"], "cut_after_message": r["cut"], "scope_key": r["scope_key"]}
        if r["kind"] != "-":
            meta["handoff_kind"] = r["kind"]
        if r["source"] == "multiwoz":
            file, log = mw[r["orig_id"]]
            # MultiWOZ logs alternate user (even index) / system (odd index).
            messages = [{"role": "customer" if i % 2 == 0 else "bot", "text": t["text"]} for i, t in enumerate(log)]
            meta.update(
                license="CC BY 4.0 (MultiWOZ 2.1 as distributed by ConvLab-2, per its README; MultiWOZ repository: MIT, Copyright (c) 2019 Paweł Budzianowski)",
                upstream=f"thu-coai/ConvLab-2@{CONVLAB2_COMMIT}",
                dataset="MultiWOZ 2.1 (budzianowski/multiwoz), ConvLab-2 copy",
                file=file,
                agent_role_mapping="MultiWOZ system (a crowd worker playing the TownInfo desk, Wizard-of-Oz) -> bot; user -> customer",
            )
        elif r["source"] == "parlant":
            path, line = r["orig_id"].rsplit(":", 1)
            if path not in parlant_cache:
                src = git_show(args.parlant, PARLANT_COMMIT, path)
                parlant_cache[path] = (parlant_feature_conversations(src) if path.endswith(".feature")
                                       else parlant_python_conversations(src))
            turns = parlant_cache[path][int(line)]
            if path.endswith(".feature"):
                # keep only step texts that need no unescaping (none of the picked ones has a backslash)
                assert all("\\" not in t for _, t in turns[: r["cut"] + 1]), r["orig_id"]
            messages = [{"role": "customer" if role == "customer" else "bot", "text": t} for role, t in turns]
            meta.update(
                license="Apache-2.0 (Copyright Emcie Co Ltd., parlant)",
                upstream=f"emcie-co/parlant@{PARLANT_COMMIT}",
                file=path,
                source_line=int(line),
                agent_role_mapping="Parlant test conversation: AI_AGENT / 'an agent message' -> bot; CUSTOMER -> customer",
            )
        else:
            sys.exit(f"unknown source {r['source']}")
        cut = r["cut"]
        assert 0 <= cut < len(messages), (r, len(messages))
        messages = messages[: cut + 1]
        assert messages[-1]["role"] == LAST_ROLE[r["label"]], (r["orig_id"], r["label"], messages[-1]["role"])
        meta["n_messages"] = len(messages)
        meta["label_basis"] = (
            f"hand label ({r['label']}): {r['reason']}; cut right after message {cut} (0-based), the turn that decides the label"
        )
        items.append({
            "id": f"{r['source']}:{r['orig_id']}:{cut}",
            "source": r["source"],
            "messages": messages,
            "expected": {"escalate": ESCALATES[r["label"]], "signal": r["label"]},
            "scope": SCOPES[r["scope_key"]],
            "meta": meta,
        })
    items.sort(key=lambda x: x["id"])
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(items)} items to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
