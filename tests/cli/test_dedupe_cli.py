"""`satchel dedupe`, run as a real process on a real database that holds duplicates (written
through the services, which do not match, as an old import or a sync from two devices would)."""

import contextlib
import io
import json
import os
import subprocess
import sys

import pytest

from app.dedup import merge as merging
from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.services import companies, contacts
from app.store import Store
from cli.main import main

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def satchel(db, *args) -> str:
    """The CLI's main function in this process (fast); the last test runs the real program."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--db", str(db), "--region", "DE", *args]) == 0
    return out.getvalue()


def as_json(db, *args):
    return json.loads(satchel(db, *args, "--json"))


@pytest.fixture
def dups(tmp_path):
    db = tmp_path / "dups.sqlite3"
    store = Store.open(db, region="DE")
    ids = {}
    with store.write() as tx:
        ids["keep"] = companies.create(tx, CompanyDraft(
            "Acme Industrial GmbH", address="Hauptstraße 12, 10115 Berlin",
            phone="+49 30 1234567", website="https://www.acme-industrial.de"))
        ids["lose"] = companies.create(tx, CompanyDraft(
            "ACME Industrial", address="Hauptstr. 12, 10115 Berlin", phone="030 1234567",
            website="acme-industrial.de"))
        ids["zh_full"] = companies.create(tx, CompanyDraft(
            "华为技术有限公司", address="广东省深圳市龙岗区坂田华为基地", phone="+86 755 2878 0808"))
        ids["zh_short"] = companies.create(tx, CompanyDraft("华为", phone="+86 755 2878 0808"))
        ids["other"] = companies.create(tx, CompanyDraft(
            "Zeta Logistics", address="Rue de Rivoli 1, 75001 Paris", website="zeta.fr"))
        ids["anna"] = contacts.create(tx, ContactDraft(
            name="Anna Schmidt", emails=[Email("anna@acme-industrial.de")]), ids["keep"])
        ids["anna2"] = contacts.create(tx, ContactDraft(
            name="Anna Schmidt-Weber", emails=[Email("Anna@Acme-Industrial.de")]), ids["lose"])
        ids["ben"] = contacts.create(tx, ContactDraft(
            name="Ben Weber", phones=[Phone("+49 170 1234567")]), ids["keep"])
        ids["ben2"] = contacts.create(tx, ContactDraft(
            name="B. Weber", phones=[Phone("0170 1234567")]), None)
        ids["carl"] = contacts.create(tx, ContactDraft(name="Carl Hahn"), ids["other"])
        ids["carl2"] = contacts.create(tx, ContactDraft(name="carl hahn"), ids["other"])
        ids["dora"] = contacts.create(tx, ContactDraft(name="Dora Klein"), ids["keep"])
        ids["dora2"] = contacts.create(tx, ContactDraft(name="Dora Klein"), ids["other"])
    store.close()
    return db, ids


def _pairs(db, *args):
    out = as_json(db, "dedupe", *args)
    assert set(out) == {"pairs"}
    return {frozenset((p["a"], p["b"])): p for p in out["pairs"]}


def test_lists_company_and_contact_pairs_with_score_and_reasons(dups):
    db, ids = dups
    pairs = _pairs(db)
    acme = pairs[frozenset((ids["keep"], ids["lose"]))]
    assert acme["kind"] == "company" and acme["decision"] == "same"
    assert 0 < acme["score"] <= 1
    assert "same domain acme-industrial.de" in acme["reasons"]
    assert any("same phone" in r for r in acme["reasons"])
    huawei = pairs[frozenset((ids["zh_full"], ids["zh_short"]))]
    assert huawei["kind"] == "company" and huawei["decision"] in ("same", "maybe")
    assert "same phone +8675528780808" in huawei["reasons"]
    assert pairs[frozenset((ids["anna"], ids["anna2"]))]["reasons"] == [
        "same e-mail anna@acme-industrial.de"]
    assert pairs[frozenset((ids["ben"], ids["ben2"]))]["kind"] == "contact"
    assert pairs[frozenset((ids["carl"], ids["carl2"]))]["reasons"] == [
        "same name at the same company"]
    # same name at another company is another person; the unrelated company has no pair
    assert frozenset((ids["dora"], ids["dora2"])) not in pairs
    assert not any(ids["other"] in k for k, p in pairs.items() if p["kind"] == "company")
    for p in pairs.values():
        assert set(p) == {"kind", "a", "b", "score", "decision", "reasons"}
        assert p["decision"] in ("same", "maybe") and p["reasons"]


def test_kind_filter_and_human_output(dups):
    db, ids = dups
    assert {p["kind"] for p in _pairs(db, "--kind", "contact").values()} == {"contact"}
    human = satchel(db, "dedupe")
    assert "Acme Industrial GmbH" in human and "ACME Industrial" in human
    assert "same domain acme-industrial.de" in human and "satchel merge" in human
    with pytest.raises(json.JSONDecodeError):
        json.loads(human)


def test_not_the_same_and_merged_pairs_are_gone(dups):
    db, ids = dups
    store = Store.open(db)
    with store.write() as tx:
        merging.not_the_same(tx, "company", ids["zh_short"], ids["zh_full"])
    store.close()
    merged = as_json(db, "merge", ids["keep"], ids["lose"])
    assert merged["keep_id"] == ids["keep"]
    pairs = _pairs(db)
    assert frozenset((ids["zh_full"], ids["zh_short"])) not in pairs
    assert frozenset((ids["keep"], ids["lose"])) not in pairs
    assert not any(ids["lose"] in k for k in pairs)
    # Anna's two records now sit at one company: still one pair
    assert pairs[frozenset((ids["anna"], ids["anna2"]))]["kind"] == "contact"


def test_empty_database(tmp_path):
    db = tmp_path / "empty.sqlite3"
    assert as_json(db, "dedupe") == {"pairs": []}
    proc = subprocess.run([sys.executable, "-m", "cli.main", "--db", str(db), "dedupe"],
                          capture_output=True, text=True, env=ENV, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "no duplicates found" in proc.stdout
