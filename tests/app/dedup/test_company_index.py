"""The in-memory index answers the same whether it grew record by record between matches (its
cached block lists extended) or was built in one go."""

from __future__ import annotations

import random

from sqlalchemy import text

from app.dedup.blocking import BLOCK_CAP, CompanyIndex
from app.dedup.features import CompanyRecord, features

WORDS = ["Trading", "Logistics", "Robotics", "Medical", "Foods", "Textiles"]
CN = ["华为", "中兴", "联想", "海尔", "美的", "格力"]


def _records(n: int, seed: int) -> list[CompanyRecord]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        if rng.random() < 0.3:
            name = f"{rng.choice(CN)}{rng.choice(['科技', '电子', '贸易'])}有限公司"
        else:
            name = f"{rng.choice(WORDS)} {rng.choice(['Acme', 'Nordic', 'Pacific'])} {i % 97} Ltd"
        out.append(CompanyRecord(f"c{i:05d}", name, address="12 Market Street, Springfield IL 62701",
                                 phone=f"+1 217 555 {rng.randrange(10000):04d}"))
    return out


def test_growing_between_matches_equals_building_at_once():
    recs = [features(r, "US") for r in _records(6 * BLOCK_CAP, seed=3)]
    grown = CompanyIndex()
    for i, f in enumerate(recs):
        grown.match(f)  # fills the caches of the big blocks this record falls in
        grown.add(f)
        if i % 17 == 0:  # a record edited: removed and added again
            grown.add(f)
    fresh = CompanyIndex(recs)
    # misspelt names, no address or phone: found only through the big name blocks' pre-filter
    probes = [features(CompanyRecord(f"p{r.id}", r.name.replace("a", "e", 1)), "US")
              for r in _records(40, seed=4)]
    for p in probes + recs[::25]:
        assert grown.match(p) == fresh.match(p)
    assert grown._lists, "the test must exercise the cached block lists"


def test_blocks_that_shrink_to_one_record_and_grow_again_answer_as_a_fresh_index():
    """A block of one record is kept as that record's id, not a dict: removing records down to
    one, or to none, and adding them back must leave the index as one built at once."""
    recs = [features(r, "US") for r in _records(3 * BLOCK_CAP, seed=5)]
    index = CompanyIndex(recs)
    gone = recs[1::3]
    for f in gone:
        index.remove(f.id)
    kept = [f for f in recs if f not in gone]
    probes = [features(CompanyRecord(f"p{r.id}", r.name.replace("a", "e", 1), r.address), "US")
              for r in _records(30, seed=6)]
    for p in probes:
        assert index.match(p) == CompanyIndex(kept).match(p)
    for f in gone:
        index.add(f)
    for p in probes:
        assert index.match(p) == CompanyIndex(recs).match(p)
    ones = [b for b in index.blocks.values() if type(b) is str]
    assert ones and len(ones) < len(index.blocks), "the test must exercise both kinds of block"


def test_uncommitted_companies_are_matched_in_their_transaction_only(store):
    from app import capture, matching
    from app.domain import CompanyDraft

    draft = CompanyDraft("Nordwind Logistik GmbH", address="Hafenstraße 3, 20457 Hamburg")

    class Undo(Exception):
        pass

    try:
        with store.write() as tx:
            capture.save_company(tx, draft)
            assert matching.match_company(tx.session, draft).decision == "same"  # own writes
            raise Undo
    except Undo:
        pass
    with store.read() as s:  # rolled back: gone from the matcher too
        assert matching.match_company(s, draft).decision == "new"
    with store.write() as tx:
        kept = capture.save_company(tx, draft).company_id
    with store.read() as s:  # committed: in the shared index
        assert matching.match_company(s, draft).company_id == kept


def test_the_vectorised_pre_check_drops_only_pairs_score_pair_calls_new():
    """worth_scoring mirrors score_pair's quick "new" answers (names < 60 % alike, or < 75 %
    without the same address, and no shared domain or phone): every candidate it drops must
    score "new". Labelled companies of many languages with their look-alikes and variants,
    plus the same names moved to other houses of one street and to one postcode."""
    from app.dedup.blocking import worth_scoring
    from app.dedup.scoring import NEW, score_pair
    from bench.dedup.generate import generate

    rng = random.Random(11)
    recs = generate(600, seed=5)
    moved = [CompanyRecord(f"m{i}", r.name, address=f"{rng.randrange(1, 40)} Market Street, "
                           "Springfield IL 62701") for i, r in enumerate(recs[:150])]
    feats = [features(r, "US") for r in recs + moved]
    dropped = kept = 0
    for f in feats[::3]:
        others = [g for g in feats if g.id != f.id]
        worth = {g.id for g in worth_scoring(f, others)}
        for g in others:
            if g.id in worth:
                kept += 1
                continue
            dropped += 1
            assert score_pair(f, g).decision == NEW, (f.name, f.raw_address, g.name,
                                                      g.raw_address)
    assert dropped > 10 * kept > 0


def test_features_of_many_records_on_two_cores_are_those_of_one():
    """The index of a store is built with half its features worked out in a forked process
    (app.parallel), which the parent then keeps for later (features.learn): both must be
    exactly what one process works out."""
    from app import normalize, parallel
    from app.dedup import features as feature_module
    from app.dedup.features import features_many
    from bench.dedup.generate import generate

    def forget() -> None:
        feature_module._NAMES.clear()
        feature_module._ADDRESSES.clear()
        normalize._COMPANY_KEYS.clear()

    recs = generate(4200, seed=9)
    assert len(recs) >= parallel.MIN_ITEMS
    forget()
    one = [features(r, "CN") for r in recs]
    forget()
    assert features_many(recs, "CN") == one
    assert [features(r, "CN") for r in recs] == one  # from what the parent learnt


def test_a_rolled_back_transaction_leaves_the_shared_index_nothing_to_re_read(store):
    """An import's preview writes and rolls back thousands of companies; the shared index never
    saw them, so afterwards it re-reads nothing and still answers from the committed store."""
    from app import capture, matching
    from app.dedup.store_index import store_index
    from app.domain import CompanyDraft

    with store.write() as tx:
        kept = capture.save_company(tx, CompanyDraft("Nordwind Logistik GmbH")).company_id

    class Undo(Exception):
        pass

    try:
        with store.write() as tx:
            capture.save_company(tx, CompanyDraft("Südwind Spedition AG"))
            # fills the stored company's empty address inside the transaction
            capture.save_company(tx, CompanyDraft("Nordwind Logistik GmbH",
                                                  address="Hafenstraße 3, 20457 Hamburg"))
            raise Undo
    except Undo:
        pass
    with store.read() as s:
        idx = store_index(s)
        assert not idx.dirty and not idx.pending
        assert matching.match_company(s, CompanyDraft("Südwind Spedition AG")).decision == "new"
        main, _, _ = idx.refresh(s, store.region)
        assert main.feats[kept].raw_address == ""  # as committed


def test_name_keys_taken_over_from_another_process_are_those_worked_out():
    """An import's new companies bear the names of drafts whose block keys its reading process
    worked out; blocking.learn takes the name's keys from those (all but the domain, phone and
    street keys): they must be exactly the keys of the name."""
    from app.dedup import blocking
    from bench.dedup.generate import generate

    recs = generate(300, seed=9) + [
        CompanyRecord("w", "Acme Trading", "1 Main St, Springfield IL 62701", "+1 217 555 0101",
                      "https://acme.example", ("acme.example", "acme-sales.example")),
        CompanyRecord("c", "深圳华为技术有限公司", "深圳市龙岗区坂田华为基地", "0755 2878 0808", "huawei.com")]
    for r in recs:
        f = features(r, "US")
        blocking.block_keys(f)  # as the reading process's match does
        blocking._NAME_KEYS.clear()
        blocking.learn(f)
        learnt = blocking._NAME_KEYS[f.name]
        assert learnt == frozenset(blocking._work_out_name_keys(f)), r.name
        assert learnt | {k for k in f.keys if k[:2] in ("d:", "p:", "s:")} == f.keys
    assert sum(1 for r in recs if features(r, "US").domains) > 1


def test_the_triggers_are_quiet_only_while_a_writer_tells_the_index_itself(store):
    """`StoreIndex.writing` silences the triggers for an import's batch, and only for it:
    after the batch, even one that failed, a company written otherwise is matched at once."""
    import pytest

    from app import capture, matching
    from app.dedup.store_index import store_index
    from app.domain import CompanyDraft

    draft = CompanyDraft("Nordwind Logistik GmbH", address="Hafenstraße 3, 20457 Hamburg")
    with store.write() as tx:
        idx = store_index(tx.session)
        assert matching.match_company(tx.session, draft).decision == "new"
        with pytest.raises(RuntimeError), idx.writing(tx.session, {}):
            raise RuntimeError("the batch failed")
        capture.save_company(tx, draft)
        assert matching.match_company(tx.session, draft).decision == "same"
        with idx.writing(tx.session, {}):  # quiet: the writer tells (here: nothing)
            capture.save_company(tx, CompanyDraft("Südwind Spedition AG"))
        assert matching.match_company(tx.session, CompanyDraft("Südwind Spedition AG")
                                      ).decision == "new"


def test_an_index_prepared_ahead_answers_as_one_that_builds_its_lists_on_use():
    """prepare() builds the big blocks' lists before the first match (the store's index, at
    launch): the answers must be those of an index that builds them when first asked."""
    recs = [features(r, "US") for r in _records(50 * BLOCK_CAP, seed=5)]
    lazy, ready = CompanyIndex(recs[::2]), CompanyIndex(recs[::2])
    ready.prepare()
    assert ready._lists and ready._sorted, "the test must have big blocks"
    for f in recs[1::2][:60]:
        assert ready.match(f) == lazy.match(f)
    for f in recs[1::2][60:120]:  # and as the blocks grow
        ready.add(f)
        lazy.add(f)
    for f in recs[1::4]:
        assert ready.match(f) == lazy.match(f)
    assert ready._lists.keys() >= lazy._lists.keys()


def test_a_write_takes_in_what_was_committed_as_it_begins_and_a_read_does_not(store):
    """What another transaction committed joins the shared index as the next write begins
    (before it can touch those companies), not as a read begins (the window's next read after
    an import would take in its 10,000 companies)."""
    from app import capture, matching
    from app.dedup.store_index import store_index
    from app.domain import CompanyDraft

    with store.read() as s:
        matching.warm(s, store.region)
        idx = store_index(s)
    with store.write() as tx:
        made = capture.save_company(tx, CompanyDraft("Zyxel Widgets Ltd")).company_id
    assert made not in idx.index.feats  # committed, not yet taken in
    with store.read() as s:
        s.execute(text("SELECT 1"))
    assert made not in idx.index.feats
    with store.write() as tx:
        tx.session.execute(text("SELECT 1"))
        assert made in idx.index.feats
