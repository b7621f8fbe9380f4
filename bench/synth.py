"""Synthetic reps' data for benchmarks: companies and contacts from Faker in several locales
(zh_CN among them), deterministic for a seed. `build_db` makes (and caches) a store of that size
through the real services, so every benchmark measures the schema and indexes users get.

    python -m bench.synth --contacts 100000 --companies 20000   # prints the cached path
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from pathlib import Path

from faker import Faker

from app.domain import CompanyDraft, ContactDraft, Email, Phone

OUT = Path(__file__).with_name("out")
LOCALES = [("en_US", "US", 0.35), ("zh_CN", "CN", 0.3), ("de_DE", "DE", 0.15),
           ("fr_FR", "FR", 0.1), ("ja_JP", "JP", 0.1)]


def _fakers(seed: int) -> list[tuple[Faker, str, float]]:
    out = []
    for i, (loc, region, weight) in enumerate(LOCALES):
        f = Faker(loc)
        f.seed_instance(seed + i)
        out.append((f, region, weight))
    return out


def companies(n: int, seed: int = 1) -> list[tuple[CompanyDraft, str]]:
    """(draft, region) with unique names (a suffix number where Faker repeats itself)."""
    rnd = random.Random(seed)
    fakers = _fakers(seed)
    weights = [w for _, _, w in fakers]
    seen: set[str] = set()
    out = []
    for i in range(n):
        f, region, _ = rnd.choices(fakers, weights)[0]
        name = f.company()
        if name in seen:
            name = f"{name} {i}"
        seen.add(name)
        domain = f"c{i}.{f.free_email_domain().split('.')[-1]}" if region != "CN" else f"c{i}.cn"
        out.append((CompanyDraft(name, address=f.address().replace("\n", ", "),
                                 phone=f.phone_number(), website=f"https://www.{domain}"), region))
    return out


def contacts(n: int, company_list: list[tuple[CompanyDraft, str]], seed: int = 2
             ) -> list[ContactDraft]:
    rnd = random.Random(seed)
    fakers = {region: f for f, region, _ in _fakers(seed)}
    out = []
    for i in range(n):
        company, region = company_list[rnd.randrange(len(company_list))]
        f = fakers[region]
        name = f.name()
        domain = company.website.removeprefix("https://www.")
        mobile = f"+86 1{rnd.randint(30, 99)} {rnd.randint(0, 9999):04d} {i % 10000:04d}" \
            if region == "CN" else f.phone_number()
        out.append(ContactDraft(
            name=name, title=f.job()[:60], company=company.name,
            emails=[Email(f"p{i}@{domain}")], phones=[Phone(mobile, "mobile")]))
    return out


def build_db(path: Path, n_contacts: int, n_companies: int, seed: int = 1) -> dict:
    """Fill a new store through the services; returns timing figures."""
    from app.services import companies as company_service
    from app.services import contacts as contact_service
    from app.store import Store

    comp = companies(n_companies, seed)
    people = contacts(n_contacts, comp, seed + 1)
    store = Store.open(path, region="US")
    t0 = time.perf_counter()
    ids = {}
    with store.write() as tx:
        for draft, _ in comp:
            ids[draft.name] = company_service.create(tx, draft)
    t1 = time.perf_counter()
    batch = 2000
    for start in range(0, len(people), batch):
        with store.write() as tx:
            for d in people[start:start + batch]:
                contact_service.create(tx, d, ids[d.company])
    t2 = time.perf_counter()
    store.close()
    return {"companies_s": round(t1 - t0, 2), "contacts_s": round(t2 - t1, 2),
            "contacts_per_s": round(n_contacts / (t2 - t1))}


def cached_db(n_contacts: int, n_companies: int, seed: int = 1) -> Path:
    """A store of that size, built once and reused by later benchmark runs."""
    OUT.mkdir(exist_ok=True)
    path = OUT / f"synth-{n_contacts}-{n_companies}-{seed}.sqlite3"
    if not path.exists():
        tmp = path.with_suffix(".building")
        for p in OUT.glob(tmp.name + "*"):
            p.unlink()
        build_db(tmp, n_contacts, n_companies, seed)
        shutil.move(tmp, path)
    return path


def copy_db(src: Path, dst: Path) -> Path:
    """A scratch copy (WAL checkpointed into the main file first)."""
    import sqlite3

    con = sqlite3.connect(src)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    shutil.copy(src, dst)
    return dst


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--companies", type=int, default=20_000)
    a = ap.parse_args()
    print(json.dumps({"path": str(cached_db(a.contacts, a.companies))}))
