"""Random address books imported twice: does the second import change nothing (issue 3's
idempotency), and do the per-record path and the fast paths (the lookups, with and without the
reading process) leave the same store? Prints JSON.

    .venv/bin/python -m bench.import_reimport_fuzz [--seeds 100] [--first 0]

The books are made to be hard: look-alike company names at several addresses ('Zyxo Trading',
'ZYXO trading', 'Zyxo Trading GmbH'), people known by name only, one number in several
formats, Chinese names with and without a space, real company and free-mail domains,
birthdays with and without their year.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from pathlib import Path

COMPANIES = ["Zyxo Trading", "Zyxo Trading GmbH", "ZYXO trading", "Nordwind Logistik",
             "华为技术有限公司", "华为", "深圳华为", "Park & Co", "Park and Co.", "", ""]
DOMAINS = ["zyxo.com", "nordwind.de", "huawei.com", "park.co.uk", "gmail.com", "qq.com"]
PEOPLE = ["Ann Lee", "ann lee", "Bob Stone", "张伟", "张 伟", "李娜", "Frank Ode", "Gina Park"]
PHONES = ["+1 212 555 {:04d}", "212-555-{:04d}", "(212) 555-{:04d}", "555{:04d}",
          "+86 138 0013 {:04d}", "0138 0013 {:04d}"]
BIRTHDAYS = ["--0415", "1985-04-15", "--0102", "1990-01-02", "1991-01-02"]
PLACES = ["1 Main St, Springfield IL 62701", "深圳市龙岗区坂田华为基地", "Hafenstraße 3, 20457 Hamburg"]


def cards(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{rng.choice(PEOPLE)}"]
        if org := rng.choice(COMPANIES):
            lines.append(f"ORG:{org}")
        if rng.random() < 0.5:
            lines.append(f"EMAIL:{rng.choice('abc')}{rng.randrange(3)}@{rng.choice(DOMAINS)}")
        if rng.random() < 0.6:
            lines.append("TEL:" + rng.choice(PHONES).format(rng.randrange(12)))
        if rng.random() < 0.15:
            lines.append(f"URL:https://{rng.choice(DOMAINS[:4])}")
        if rng.random() < 0.3:
            lines.append("ADR;TYPE=WORK:;;" + rng.choice(PLACES))
        if rng.random() < 0.25:  # with and without the year: a dated card completes the other
            lines.append("BDAY:" + rng.choice(BIRTHDAYS))
        out.append("\r\n".join([*lines, "END:VCARD"]))
    return "\r\n".join(out) + "\r\n"


WAYS = {"per record": {"per_record": True}, "lookups": {"ahead": False},
        "lookups, read ahead in a second process": {"ahead": True}}


def outcome(store, report) -> dict:
    """What an import did and what the store holds, without ids, stamps and times."""
    alias: dict[str, str] = {}

    def name(i):
        return alias.setdefault(i, f"#{len(alias)}") if i else None

    out = {"records": [(r["record"], r["action"], name(r["id"]), name(r["company_id"]))
                       for r in report.records],
           "skipped": [(s["record"], s["reason"]) for s in report.skipped]}
    with store.read() as s:
        con = s.connection().connection.driver_connection
        out["contacts"] = sorted(json.dumps(r, ensure_ascii=False) for r in con.execute(
            "SELECT c.name, c.title, c.address, c.note, c.birthday, c.websites, c.tags, "
            "co.name, co.address, (SELECT group_concat(address_norm, ' ') FROM contact_email "
            "WHERE contact_id = c.id), (SELECT group_concat(number, ' ') FROM contact_phone "
            "WHERE contact_id = c.id), (SELECT count(*) FROM attachment WHERE owner_id = c.id) "
            "FROM contact c LEFT JOIN company co ON co.id = c.company_id"))
        out["companies"] = sorted(json.dumps(r, ensure_ascii=False) for r in con.execute(
            "SELECT name, address, phone, website, note FROM company"))
        out["outbox"] = con.execute(
            "SELECT entity, count(*) FROM outbox GROUP BY entity ORDER BY entity").fetchall()
        out["search"] = con.execute("SELECT kind, count(*) FROM search_doc GROUP BY kind "
                                    "ORDER BY kind").fetchall()
    return out


def one(seed: int) -> dict:
    """Import a book of 30 cards, then one of 60 twice, each way: does every way leave the same
    store, and does the second import of the 60 change nothing?"""
    from app.io.apply import run_import
    from app.store import Store

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first, second = folder / "first.vcf", folder / "second.vcf"
        first.write_text(cards(rng, 30), encoding="utf-8")
        second.write_text(cards(rng, 60), encoding="utf-8")
        stores, changed = {}, {}
        for i, (way, kw) in enumerate(WAYS.items()):
            store = Store.open(folder / f"{i}.sqlite3", region="US")
            run_import(store, [str(first)], **kw)
            stores[way] = outcome(store, run_import(store, [str(second)], **kw))
            again = run_import(store, [str(second)], **kw)
            store.close()
            changed[way] = [(r["record"], r["action"]) for r in again.records
                            if r["action"] not in ("unchanged", "skipped")]
    ref = stores.pop("per record")
    return {"seed": seed, "ways_agree": all(o == ref for o in stores.values()),
            "changed_again": next((c for c in changed.values() if c), [])}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=100)
    ap.add_argument("--first", type=int, default=0)
    a = ap.parse_args()
    runs = [one(s) for s in range(a.first, a.first + a.seeds)]
    print(json.dumps({
        "seeds": a.seeds,
        "ways_disagree": [r["seed"] for r in runs if not r["ways_agree"]],
        "not_idempotent": [r["seed"] for r in runs if r["changed_again"]],
        "examples": [r for r in runs if r["changed_again"]][:5]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
