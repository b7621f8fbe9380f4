"""The matcher's features kept beside the store (app.dedup.saved_features): the next process
builds the same index from them, and a company changed since is worked out anew."""

from __future__ import annotations

import json

import pytest

from app import capture, matching
from app.dedup import saved_features
from app.dedup.store_index import store_index
from app.domain import CompanyDraft, ContactDraft, Email
from app.services import rows
from app.store import Store

NAMES = ["华为技术有限公司", "深圳市腾讯计算机系统有限公司", "Zyxo Trading GmbH", "Nordwind Logistik AG",
         "Park & Co", "Société Générale", "鸿睿科技 Hong Rui Technology", "ACME Robotics Intl"]


def _fill(path) -> None:
    store = Store.open(path, region="CN")
    with store.write() as tx:
        for i, name in enumerate(NAMES * 4):
            company = capture.save_company(tx, CompanyDraft(
                f"{name} {i}", address=f"深圳市南山区科技园路{i}号", phone=f"+86 755 8888 {i:04d}",
                website=f"https://www.site{i}.com.cn")).company_id
            capture.save_contact(tx, ContactDraft(name=f"P{i}", emails=[Email(f"p{i}@mail{i}.cn")]),
                                 company_id=company)
    store.close()


def _index(path) -> dict:
    """The features of the index a fresh process would build from the store at `path`."""
    store = Store.open(path, region="CN")
    with store.read() as s:
        main, _, _ = store_index(s).refresh(s, "CN")
        feats = dict(main.feats)
    store.close()
    return feats


@pytest.fixture
def small_enough(monkeypatch):
    monkeypatch.setattr(saved_features, "SAVE_MIN", 1)


def test_an_index_built_from_saved_features_is_the_one_worked_out(tmp_path, small_enough):
    db = tmp_path / "s.sqlite3"
    _fill(db)
    kept = saved_features.path_beside(str(db))
    assert not kept.exists()
    worked_out = _index(db)
    assert kept.exists() and len(worked_out) == len(NAMES) * 4
    saved, mail = saved_features.load(kept, "CN")
    assert len(saved) == len(worked_out) and "mail3.cn" in mail
    assert _index(db) == worked_out
    # (keys are left out of the comparison: the same name gives the same keys)


def test_the_saved_file_is_used_and_a_changed_company_is_worked_out_again(tmp_path, small_enough,
                                                                          monkeypatch):
    db = tmp_path / "s.sqlite3"
    _fill(db)
    _index(db)
    store = Store.open(db, region="CN")
    with store.write() as tx:
        rows.dbapi(tx.session).execute(
            "UPDATE company SET name = '鸿睿科技 Hong Rui Technology Group' "
            "WHERE name = 'Park & Co 4'")
    store.close()
    worked: list[int] = []
    real = saved_features.features

    def counted(recs, region, saved):
        feats, n = real(recs, region, saved)
        worked.append(n)
        return feats, n

    monkeypatch.setattr(saved_features, "features", counted)
    feats = _index(db)
    assert worked == [1]  # the renamed company only
    renamed = [f for f in feats.values() if f.name.endswith("Group")]
    assert len(renamed) == 1 and renamed[0].latin.startswith("hongrui")
    store = Store.open(db, region="CN")
    with store.read() as s:  # and the matcher finds it by its new name
        found = matching.match_company(s, CompanyDraft("鸿睿科技 Hong Rui Technology Group"))
    store.close()
    assert found.company_id == renamed[0].id and found.decision == "same"


@pytest.mark.parametrize("damage", ["garbage", "other code", "other region", "folder"])
def test_a_damaged_or_foreign_file_is_ignored(tmp_path, small_enough, damage):
    db = tmp_path / "s.sqlite3"
    _fill(db)
    reference = _index(db)
    kept = saved_features.path_beside(str(db))
    if damage == "garbage":
        kept.write_bytes(b"\x00\xffnot json at all")
    elif damage == "folder":  # cannot be read, nor written over
        kept.unlink()
        kept.mkdir()
    else:
        head, *entries = [json.loads(line) for line in kept.read_text(encoding="utf-8").splitlines()]
        for entry in entries:
            entry[1][2] = "wrong"  # canon: a file that were used would show it
        if damage == "other code":
            head["code"] = "an older version"
        else:
            head["region"] = "US"
        kept.write_text("".join(json.dumps(x) + "\n" for x in [head, *entries]), encoding="utf-8")
    assert _index(db) == reference
