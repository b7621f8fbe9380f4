"""Foundation benchmarks (issue 2), printed as JSON.

    python -m bench.bench_core                 # 100,000 contacts in 20,000 companies
    python -m bench.bench_core --contacts 1000000 --companies 200000 --skip-create

- create: 100,000 contacts through the services (outbox + search included) beside a raw
  sqlite3 executemany of the same rows into the same tables, in the same run;
- search while typing: 200 queries (name prefixes, Chinese names, companies, e-mails, phones)
  through app.search beside a bare FTS5 trigram MATCH with ranking on the same rows;
- phone lookup: 200 numbers in other formats than stored;
- lists: every live contact id in name order (the Contacts list), one company's contacts.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from app import lookup, search
from app.store import Store
from bench import synth


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(p * len(values)))], 2)


def summary(ms: list[float]) -> dict:
    return {"median_ms": round(statistics.median(ms), 2), "p95_ms": pct(ms, 0.95),
            "max_ms": round(max(ms), 2), "n": len(ms)}


def bench_create(n_contacts: int, n_companies: int) -> dict:
    tmp = Path(tempfile.mkdtemp())
    service = synth.build_db(tmp / "service.sqlite3", n_contacts, n_companies, seed=7)
    # the same rows, raw: one executemany per table, no outbox, no search, no normalization
    comp = synth.companies(n_companies, 7)
    people = synth.contacts(n_contacts, comp, 8)
    Store.open(tmp / "raw.sqlite3").close()
    con = sqlite3.connect(tmp / "raw.sqlite3")
    now = "2026-01-01 00:00:00.000000"
    t0 = time.perf_counter()
    con.executemany(
        "INSERT INTO company (id, clocks, deleted, created_at, updated_at, name, name_key, "
        "address, phone, phone_e164, website, domain, note, tags) "
        "VALUES (?, '{}', 0, ?, ?, ?, '', ?, ?, '', ?, '', '', '[]')",
        [(f"co{i}", now, now, c.name, c.address, c.phone, c.website) for i, (c, _) in enumerate(comp)])
    index = {c.name: f"co{i}" for i, (c, _) in enumerate(comp)}
    t1 = time.perf_counter()
    con.executemany(
        "INSERT INTO contact (id, clocks, deleted, created_at, updated_at, name, sort_name, "
        "family_name, given_name, title, department, company_id, address, note, websites, tags) "
        "VALUES (?, '{}', 0, ?, ?, ?, ?, '', '', ?, '', ?, '', '', '[]', '[]')",
        [(f"p{i}", now, now, p.name, p.name.lower(), p.title, index[p.company])
         for i, p in enumerate(people)])
    con.executemany("INSERT INTO contact_email (contact_id, position, kind, address, address_norm) "
                    "VALUES (?, 0, 'work', ?, ?)",
                    [(f"p{i}", p.emails[0].address, p.emails[0].address.lower())
                     for i, p in enumerate(people)])
    con.executemany("INSERT INTO contact_phone (contact_id, position, kind, number, e164, tail) "
                    "VALUES (?, 0, 'mobile', ?, '', '')",
                    [(f"p{i}", p.phones[0].number) for i, p in enumerate(people)])
    con.commit()
    t2 = time.perf_counter()
    con.close()
    raw_rate = n_contacts / (t2 - t1)
    return {"contacts": n_contacts, "service_contacts_per_s": service["contacts_per_s"],
            "service_seconds": service["contacts_s"], "raw_executemany_contacts_per_s": round(raw_rate),
            "raw_seconds": round(t2 - t1, 2), "ratio_raw_over_service": round(raw_rate / service["contacts_per_s"], 1),
            "raw_companies_s": round(t1 - t0, 2)}


def _queries(con: sqlite3.Connection, rnd: random.Random, n: int) -> list[str]:
    names = [r[0] for r in con.execute("SELECT name FROM contact ORDER BY random() LIMIT ?", (n,))]
    companies = [r[0] for r in con.execute("SELECT name FROM company ORDER BY random() LIMIT ?", (n,))]
    emails = [r[0] for r in con.execute("SELECT address FROM contact_email ORDER BY random() LIMIT ?", (n,))]
    phones = [r[0] for r in con.execute("SELECT e164 FROM contact_phone WHERE e164 != '' ORDER BY random() LIMIT ?", (n,))]
    out = []
    for i in range(n):
        kind = i % 5
        if kind == 0:  # a name being typed: 1..len characters
            name = names[i]
            out.append(name[: rnd.randint(1, len(name))])
        elif kind == 1:  # a full name
            out.append(names[i])
        elif kind == 2:  # part of a company name
            words = companies[i].split()
            out.append(words[0] if len(words) > 1 else companies[i][:4])
        elif kind == 3:
            out.append(emails[i].split("@")[0][:5])
        else:  # a phone number, spaced differently than stored
            d = phones[i].lstrip("+")
            out.append(" ".join(d[j:j + 4] for j in range(0, len(d), 4)))
    return out


def bench_search(path: Path, n: int = 200) -> dict:
    rnd = random.Random(3)
    con = sqlite3.connect(path)
    queries = _queries(con, rnd, n)
    store = Store.open(path, region="US")
    app_ms, raw_ms = [], []
    with store.read() as s:
        search.search(s, "warm up")
        for q in queries:
            t = time.perf_counter()
            search.search(s, q, limit=50)
            app_ms.append((time.perf_counter() - t) * 1000)
        for q in queries:  # bare trigram MATCH with ranking, same limit (≥3-char terms only)
            terms = [t for t in q.split() if len(t) >= 3]
            if not terms:
                continue
            match = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
            t = time.perf_counter()
            con.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank "
                        "LIMIT 50", (match,)).fetchall()
            raw_ms.append((time.perf_counter() - t) * 1000)
        slowest = sorted(zip(app_ms, queries, strict=True), reverse=True)[:5]
    store.close()
    return {"app_search": summary(app_ms), "raw_fts5_match": summary(raw_ms),
            "slowest": [{"query": q, "ms": round(ms, 1)} for ms, q in slowest]}


def bench_lookup(path: Path, n: int = 200) -> dict:
    con = sqlite3.connect(path)
    rows = con.execute("SELECT e164 FROM contact_phone WHERE e164 != '' ORDER BY random() LIMIT ?",
                       (n,)).fetchall()
    store = Store.open(path, region="US")
    ms = []
    found = 0
    with store.read() as s:
        for i, (e164,) in enumerate(rows):
            d = e164.lstrip("+")
            text = ["00" + d, "+" + " ".join(d[j:j + 3] for j in range(0, len(d), 3)),
                    "+" + d[:2] + "-" + d[2:]][i % 3]
            t = time.perf_counter()
            res = lookup.lookup_phone(s, text)
            ms.append((time.perf_counter() - t) * 1000)
            found += bool(res)
    store.close()
    return {"phone_lookup": summary(ms), "found": found, "asked": len(rows)}


def bench_lists(path: Path, n: int = 50) -> dict:
    """What the Contacts list and a company's page ask for: every live contact id in name
    order, and one company's contacts (ids and count), over n random companies."""
    from app.services import contacts

    con = sqlite3.connect(path)
    company_ids = [r[0] for r in con.execute(
        "SELECT id FROM company WHERE NOT deleted ORDER BY random() LIMIT ?", (n,))]
    con.close()
    store = Store.open(path, region="US")
    all_ms, one_ms, count_ms = [], [], []
    with store.read() as s:
        for _ in range(5):
            t = time.perf_counter()
            total = len(contacts.ids(s))
            all_ms.append((time.perf_counter() - t) * 1000)
        for cid in company_ids:
            t = time.perf_counter()
            contacts.ids(s, company_id=cid)
            one_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            contacts.count(s, company_id=cid)
            count_ms.append((time.perf_counter() - t) * 1000)
    store.close()
    return {"all_contact_ids": {**summary(all_ms), "ids": total},
            "company_contact_ids": summary(one_ms), "company_contact_count": summary(count_ms)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--companies", type=int, default=20_000)
    ap.add_argument("--skip-create", action="store_true")
    a = ap.parse_args()
    out = {"machine": f"{platform.node()} {platform.processor() or platform.machine()}, "
                      f"2 cores, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}",
           "date": time.strftime("%Y-%m-%d")}
    t = time.perf_counter()
    path = synth.cached_db(a.contacts, a.companies)
    out["db_ready_s"] = round(time.perf_counter() - t, 1)
    if not a.skip_create:
        out["create"] = bench_create(a.contacts, a.companies)
    out["search"] = bench_search(path)
    out["lookup"] = bench_lookup(path)
    out["lists"] = bench_lists(path)
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
