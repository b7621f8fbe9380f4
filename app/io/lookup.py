"""The per-import lookups behind `capture.save_contact`: the same decisions as the per-record
path (app.matching, records), answered from memory so 10,000 records do not cost 10,000 rounds
of ORM queries.

- People: for each chunk of records, every stored person with one of the chunk's e-mails, phone
  numbers (E.164 or last 7 digits) or names is read with a few plain-SQL `IN (...)` queries;
  the people the import creates or changes are added as it goes. The rules are those of
  `matching.match_contact` (same e-mail, then same phone, then same name at the same company).
- Companies: `matching.match_company` once per distinct company text of the import
  (`company_text`): a later record with the same text joins the company decided for the
  first, whatever the import created since (the per-record path keeps the same rule). The
  matches against the stored companies are worked out ahead (app.io.ahead), and the matcher's
  index is told at once what each record changes (a new company, a company new people with
  e-mail addresses join), as its triggers would tell it of a write per record.
- New people are queued (`bulk.Creates`) and written together when the chunk ends.

A record that fails is rolled back to its savepoint: `undo_record` forgets what the lookups
learnt from it. Queued rows of earlier records are written only outside a record's savepoint
(`settle`), so a failing record can never undo them.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from app import capture, matching, normalize, search
from app.dedup import blocking
from app.dedup.features import CompanyFeatures, CompanyRecord, features
from app.dedup.features import learn as learn_features
from app.dedup.store_index import Prematch, email_company_domain, store_index
from app.domain import CompanyDraft, ContactDraft
from app.services import bulk, records, rows
from app.store import Tx

if TYPE_CHECKING:
    from app.io.ahead import Chunk

_LIVE = "c.deleted = 0 AND c.merged_into IS NULL"
_EMAIL, _E164, _NAME, _TAIL = range(4)  # ImportLookup's maps of people, in `_maps`
_CHUNK = 500  # SQLite parameters per IN list
SEARCH_BATCH = 4000  # new records' search entries written together (search.reindex_later)


@functools.lru_cache(maxsize=65536)
def _phone(number: str, region: str) -> tuple[str, str]:
    """(identity: E.164 and any extension, national digits), as contacts.find_by_phone
    derives them."""
    return normalize.phone_key(number, region), normalize.national_digits(number, region)


def prematch_key(draft: CompanyDraft) -> tuple[str, str, str, str]:
    """A company draft's values, by which the matcher's work done ahead is found."""
    return draft.name, draft.address, draft.phone, draft.website


def company_text(draft: CompanyDraft) -> tuple[str, str, str] | None:
    """A company as written (name, address, website; case-folded): within one import the same
    text joins the company its first record was matched to, even where a company the import
    created since would now match it as well. None for a name the matcher never links (no
    company key)."""
    if not normalize.company_key(draft.name):
        return None
    return normalize.fold(draft.name), normalize.fold(draft.address), normalize.fold(draft.website)


def fast_path(rec: object) -> bool:
    """Records the lookups answer; others (a company row, a row of a Satchel export, a card with
    nothing but an odd number) take the per-record path."""
    return isinstance(rec, ContactDraft) and bool(rec.display_name() or rec.emails)


class ImportLookup:
    def __init__(self, tx: Tx, preview: bool = False) -> None:
        """`preview`: the import rolls back (bulk.Creates)."""
        self.tx = tx
        self.con = rows.dbapi(tx.session)
        self.region = tx.region
        self.creates = bulk.Creates(tx, "contact", preview)
        self.new_companies = bulk.Creates(tx, "company", preview)
        self.companies: dict[tuple[str, str, str], str] = {}  # company_text → company id
        self.company_rows: dict[str, tuple[str, str]] = {}  # id → (name, address)
        self._undo: list[Callable[[], None]] = []
        self.prematches: dict[tuple[str, str, str, str], Prematch] = {}  # this chunk's
        self._reset_people()

    def _reset_people(self) -> None:
        self.by_email: dict[str, list[str]] = defaultdict(list)
        # by contact_phone.e164: E.164 with any extension (normalize.phone_key)
        self.by_e164: dict[str, list[str]] = defaultdict(list)
        self.by_tail: dict[str, list[tuple[str, str]]] = defaultdict(list)  # (id, number)
        self.by_name: dict[str, list[str]] = defaultdict(list)
        # where each person is filed in those four maps: `_forget` looks there only (it scanned
        # every list, for each row of a re-imported export: 10,000 rows took 15 s)
        self._filed: dict[str, set[tuple[int, str]]] = defaultdict(set)
        self._maps = (self.by_email, self.by_e164, self.by_name, self.by_tail)  # (by _EMAIL…)
        self.company_of: dict[str, str | None] = {}
        # `_by_phone`'s answers while the maps hold still (a record asks for each of its
        # numbers three times: settle, known_people, match_contact). Whatever changes
        # by_e164 or by_tail clears it: `_append`, `_forget`, `undo_record` (and a new chunk)
        self._phone_hits: dict[str, list[str]] = {}

    # -- chunks ------------------------------------------------------------------------------
    def prefetch(self, chunk: Chunk) -> None:
        """Write what is queued, then read every stored person these records could match; take
        what was worked out ahead for them (app.io.ahead)."""
        self.flush()
        # (their records kept in memory until the commit would grow with the file)
        search.write_later(self.tx.session, at_least=SEARCH_BATCH)
        self._reset_people()
        normalize.learn_parses(chunk.parses)
        normalize.learn_company_domains(chunk.domains)
        self.prematches = chunk.prematches
        for pre in chunk.prematches.values():
            learn_features(pre.features)  # its new company's (same name and address)
            blocking.learn(pre.features)
        emails, keys, tails, names = set(), set(), set(), set()
        for _, d in chunk.records:
            if not fast_path(d):
                continue
            emails.update(n for n in (normalize.normalize_email(e.address) for e in d.emails) if n)
            for p in d.phones:
                key, national = _phone(p.number, self.region)
                if len(national) >= 5:
                    if key:
                        keys.add(key)
                    tails.add(national[-7:])
            name = normalize.fold(d.display_name())
            if name:
                names.add(name)
        self._read(emails, "SELECT e.address_norm, c.id, c.company_id FROM contact_email e "
                   "JOIN contact c ON c.id = e.contact_id WHERE e.address_norm IN ({}) AND "
                   f"{_LIVE} ORDER BY e.rowid", lambda k, cid: self._file(_EMAIL, k, cid))
        self._read(keys, "SELECT p.e164, c.id, c.company_id FROM contact_phone p "
                   "JOIN contact c ON c.id = p.contact_id WHERE p.e164 IN ({}) AND "
                   f"{_LIVE} ORDER BY p.rowid", lambda k, cid: self._file(_E164, k, cid))
        for chunk in _chunks(tails):
            for tail, number, cid, company_id in self.con.execute(
                    "SELECT p.tail, p.number, c.id, c.company_id FROM contact_phone p "
                    "JOIN contact c ON c.id = p.contact_id WHERE p.tail IN "
                    f"({', '.join('?' * len(chunk))}) AND {_LIVE} ORDER BY p.rowid", chunk):
                self.by_tail[tail].append((cid, number))
                self._filed[cid].add((_TAIL, tail))
                self.company_of[cid] = company_id
        self._read(names, "SELECT c.sort_name, c.id, c.company_id FROM contact c "
                   f"WHERE c.sort_name IN ({{}}) AND {_LIVE} ORDER BY c.rowid",
                   lambda k, cid: self._file(_NAME, k, cid))

    def _file(self, which: int, key: str, cid: str) -> None:
        """A stored person read for this chunk, filed under one of its e-mails, numbers or
        its name."""
        self._maps[which][key].append(cid)
        self._filed[cid].add((which, key))

    def _read(self, keys: set[str], sql: str, put: Callable[[str, str], None]) -> None:
        for chunk in _chunks(keys):
            for key, cid, company_id in self.con.execute(
                    sql.format(", ".join("?" * len(chunk))), chunk):
                put(key, cid)
                self.company_of[cid] = company_id

    def settle(self, rec: object) -> None:
        """Before a record's savepoint: write the queues if this record may need a queued
        person in the table (it matches one, has a photo to attach, or a company the matcher
        compares by web domain). Companies go first: people refer to them."""
        if self.creates.queued and (getattr(rec, "photo", None) or any(
                cid in self.creates.queued for cid in self._candidates(rec))
                # a company given with its website is matched on its people's e-mail
                # domains too: the queued people's must be in the table
                or (rec.websites and rec.company.strip())):
            self.flush()

    def _write_in_record(self, queue: bulk.Creates) -> None:
        """Write a queue from inside a record's savepoint (the record updates a queued
        company or person). Should the record fail, its rollback takes those rows out of the
        table again: they are queued once more, so other records' rows are never lost."""
        items = dict(queue.queued)
        self._write(queue)
        if not items:
            return

        def requeue() -> None:
            queue.queued.update(items)
            if queue is self.new_companies:  # the rollback made the matcher re-read them
                index = store_index(self.tx.session)
                for cid in items:
                    index.created(self.tx.session, self._features(cid))
        self._undo.append(requeue)

    def _write(self, queue: bulk.Creates) -> None:
        """Write a queue with the matcher's triggers quiet (`StoreIndex.writing`): it was told
        of each row as it was queued (`created`, `joined`). The new people's companies are
        told their domains once more: one another record changed since is re-read from the
        table, where the queued people were not yet."""
        if not queue.queued:
            return
        touched: dict[str, set[str]] = {}
        if queue is self.creates:
            for wire, *_ in queue.queued.values():
                if wire.get("company_id") and wire.get("emails"):
                    touched.setdefault(wire["company_id"], set()).update(
                        self._domains(wire["emails"]))
        with store_index(self.tx.session).writing(self.tx.session, touched):
            queue.flush()

    @staticmethod
    def _domains(emails: list) -> set[str]:
        return {email_company_domain(normalize.normalize_email(
            e["address"] if isinstance(e, dict) else e.address)) for e in emails}

    def _candidates(self, d: ContactDraft) -> Iterable[str]:
        for e in d.emails:
            yield from self.by_email.get(normalize.normalize_email(e.address), ())
        for p in d.phones:
            yield from self._by_phone(p.number)
        yield from self.by_name.get(normalize.fold(d.display_name()), ())

    def flush(self) -> None:
        self._write(self.new_companies)
        self._write(self.creates)

    # -- one record ----------------------------------------------------------------------------
    def begin_record(self) -> None:
        self._undo.clear()

    def undo_record(self) -> None:
        """The record's savepoint was rolled back: forget what it taught us."""
        for fn in reversed(self._undo):
            fn()
        self._undo.clear()
        self._phone_hits.clear()

    def _remember(self, d: dict, key, value) -> None:
        missing = key not in d
        old = d.get(key)
        d[key] = value
        self._undo.append((lambda: d.pop(key, None)) if missing
                          else (lambda: d.__setitem__(key, old)))

    def _append(self, lst: list, value) -> None:
        self._phone_hits.clear()
        lst.append(value)
        self._undo.append(lambda: lst.remove(value))

    # -- what capture.save_contact asks ------------------------------------------------------
    def save_company(self, draft: CompanyDraft, region: str) -> capture.CompanySaveResult:
        """The matcher once per distinct company text of the import; later ones join it."""
        key = company_text(draft)
        company_id = self.companies.get(key) if key else None
        if company_id is not None:
            return capture.CompanySaveResult(company_id, "linked")
        pre = self.prematches.get(prematch_key(draft))
        res = capture.save_company(self.tx, draft, region, self._create_company,
                                   self._company_ready, pre)
        if key:
            self._remember(self.companies, key, res.company_id)
        if res.action == "updated":  # its address may have been filled
            self._remember(self.company_rows, res.company_id, self._company_row(res.company_id))
        # the person's company reference is known to be live (records checks it once per id)
        self.tx.session.info.setdefault("live_refs", set()).add(res.company_id)
        return res

    def _create_company(self, draft: CompanyDraft) -> str:
        """Queue a new company (written with its chunk, like people) and show it to the
        matcher at once."""
        # the fields companies.create writes
        cid = self.new_companies.add({
            "name": draft.name, "address": draft.address, "phone": draft.phone,
            "website": draft.website, "note": draft.note, "tags": draft.tags})
        index = store_index(self.tx.session)
        index.created(self.tx.session, self._features(cid))

        def undo() -> None:
            self.new_companies.drop(cid)
            index.reread(self.tx.session, cid)  # the matcher must forget it too
        self._undo.append(undo)
        return cid

    def _features(self, company_id: str) -> CompanyFeatures:
        """The matcher's features of a queued company, from the values it will be written with."""
        row = self.new_companies.queued[company_id][0]
        return features(CompanyRecord(company_id, row.get("name") or "", row.get("address") or "",
                                      row.get("phone") or "", row.get("website") or ""),
                        self.region)

    def _company_ready(self, company_id: str) -> None:
        """The matcher linked a company: if it is still queued, write it (it is read and
        maybe updated)."""
        if company_id in self.new_companies.queued:
            self._write_in_record(self.new_companies)

    def _company_row(self, company_id: str) -> tuple[str, str]:
        queued = self.new_companies.queued.get(company_id)
        if queued is not None:
            return queued[0].get("name") or "", queued[0].get("address") or ""
        row = self.con.execute("SELECT name, address FROM company WHERE id = ?",
                               (company_id,)).fetchone()
        return (row[0] or "", row[1] or "") if row else ("", "")

    def company(self, company_id: str) -> tuple[str, str]:
        """(name, address) of a company."""
        found = self.company_rows.get(company_id)
        if found is None:
            found = self._company_row(company_id)
            self._remember(self.company_rows, company_id, found)
        return found

    def company_address(self, company_id: str) -> str:
        return self.company(company_id)[1]

    def _by_phone(self, number: str) -> list[str]:
        """contacts.find_by_phone from the maps (oldest first, as it: ids are time-ordered)."""
        found = self._phone_hits.get(number)
        if found is None:
            found = self._phone_hits[number] = self._find_by_phone(number)
        return found

    def _find_by_phone(self, number: str) -> list[str]:
        key, national = _phone(number, self.region)
        if len(national) < 5:
            return []
        if key and self.by_e164.get(key):
            return sorted(set(self.by_e164[key]))
        return sorted(self._tail_matches(number, national))

    def _by_email_or_phone(self, d: ContactDraft) -> list[str]:
        """The people with the first of these e-mails, else numbers, that finds any, oldest
        first."""
        for e in d.emails:
            norm = normalize.normalize_email(e.address)
            found = self.by_email.get(norm) if norm else None
            if found:
                return sorted(set(found))
        for p in d.phones:
            found = self._by_phone(p.number)
            if found:
                return found
        return []

    def known_people(self, d: ContactDraft) -> list[tuple[str, str | None]]:
        """(id, company id) of the stored people with the first of these e-mails, else
        numbers, that finds any, oldest first (the rule of apply._known_people)."""
        return [(cid, self.company_of.get(cid)) for cid in self._by_email_or_phone(d)]

    def namesakes(self, d: ContactDraft) -> list[tuple[str, str | None]]:
        """(id, company id) of the people of this name at the companies whose name the matcher
        finds like the draft's company's, oldest first (apply._namesakes)."""
        name = normalize.fold(d.display_name())
        company = capture.company_of(d)
        if not name or company is None:
            return []
        named = CompanyDraft(company.name)
        like = matching.companies_like(self.tx.session, named, self.region,
                                       self.prematches.get(prematch_key(named)))
        at = sorted(cid for cid in self.by_name.get(name, ()) if self.company_of.get(cid) in like)
        return [(cid, self.company_of[cid]) for cid in at[:matching.NAMESAKES]]

    def _tail_matches(self, number: str, national: str) -> set[str]:
        """People with a number of the same last 7 digits that agrees with this one as a
        suffix, with the same extension."""
        ext = normalize.phone_extension(number, self.region)
        return {cid for cid, stored in self.by_tail.get(national[-7:], ())
                if normalize.same_line(stored, national, ext, self.region)}

    def match_contact(self, d: ContactDraft, company_id: str | None, region: str) -> list[str]:
        """matching.match_contact from the maps: the person's id and the others sharing the
        e-mail or number, in rank order; empty when new."""
        if found := self._by_email_or_phone(d):
            return self._ranked(found, company_id)
        name = normalize.fold(d.display_name())
        if name and (company_id or not matching.identifies(d, region)):
            same = [cid for cid in self.by_name.get(name, ())
                    if company_id is None or self.company_of.get(cid) == company_id]
            return sorted(same)[:matching.NAMESAKES]
        return []

    def _ranked(self, ids: list[str], company_id: str | None) -> list[str]:
        """matching._ranked from the maps."""
        at = [cid for cid in ids if company_id and self.company_of.get(cid) == company_id]
        return at + [cid for cid in ids if cid not in at]

    def create_contact(self, values: dict) -> str:
        cid = self.creates.add(values)
        self._undo.append(lambda: self.creates.drop(cid))
        company_id = values.get("company_id")
        if company_id and values.get("emails"):  # as the trigger on e-mail rows would say
            index = store_index(self.tx.session)
            index.joined(self.tx.session, company_id, self._domains(values["emails"]))
            self._undo.append(lambda: index.reread(self.tx.session, company_id))
        self._learn(cid, values.get("company_id"), values.get("name") or "",
                    values.get("emails") or [], values.get("phones") or [])
        return cid

    def live_contact(self, contact_id: str) -> dict:
        """A stored person about to be updated, maybe with a queued company."""
        self._write_in_record(self.new_companies)
        if contact_id in self.creates.queued:  # settle() makes this rare: a safety net
            self._write_in_record(self.creates)
        return records.live(self.tx, "contact", contact_id)

    def updated_contact(self, rec: dict, changes: dict) -> None:
        """A stored person gained fields: later records must see them."""
        company_id = changes.get("company_id", rec["company_id"])
        if company_id != self.company_of.get(rec["id"]):
            self._remember(self.company_of, rec["id"], company_id)
        self._learn(rec["id"], company_id, changes.get("name") or "",
                    changes.get("emails") or [], changes.get("phones") or [])

    def company_changed(self, company_id: str) -> None:
        """A company row of the file was saved: its address may be new."""
        if company_id in self.company_rows:
            self._remember(self.company_rows, company_id, self._company_row(company_id))

    def person_changed(self, contact_id: str) -> None:
        """A record saved without the lookups (a row of a Satchel export, a card with only an
        odd number): later records must see the person as now stored."""
        rec = rows.load(self.tx.session, "contact", contact_id)
        if rec is None:
            return
        if rec["company_id"] and rec["company_id"] in self.company_rows:
            # (a row of an export may have filled its company)
            self._remember(self.company_rows, rec["company_id"],
                           self._company_row(rec["company_id"]))
        if self.company_of.get(contact_id) != rec["company_id"]:
            self._remember(self.company_of, contact_id, rec["company_id"])
        self._forget(contact_id)  # a row of an export replaces values: old ones no longer find it
        self._learn(contact_id, rec["company_id"], rec["name"], rec["emails"], rec["phones"])

    def _forget(self, cid: str) -> None:
        self._phone_hits.clear()
        for which, key in self._filed.get(cid, ()):
            found = self._maps[which].get(key)
            if not found:
                continue
            if which == _TAIL:
                kept = [p for p in found if p[0] != cid]
                if len(kept) != len(found):
                    old = list(found)
                    found[:] = kept
                    self._undo.append(lambda found=found, old=old:
                                      found.__setitem__(slice(None), old))
            elif cid in found:
                at = found.index(cid)
                found.pop(at)
                self._undo.append(lambda found=found, at=at: found.insert(at, cid))

    def _learn(self, cid: str, company_id: str | None, name: str, emails: list, phones: list
               ) -> None:
        if cid not in self.company_of:
            self._remember(self.company_of, cid, company_id)
        for e in emails:
            address = e["address"] if isinstance(e, dict) else e.address
            norm = normalize.normalize_email(address)
            if norm and cid not in self.by_email[norm]:
                self._append(self.by_email[norm], cid)
                self._filed[cid].add((_EMAIL, norm))
        for p in phones:
            number = p["number"] if isinstance(p, dict) else p.number
            if not number.strip():
                continue
            key, national = _phone(number, self.region)
            if key and cid not in self.by_e164[key]:
                self._append(self.by_e164[key], cid)
                self._filed[cid].add((_E164, key))
            if national:
                self._append(self.by_tail[national[-7:]], (cid, number))
                self._filed[cid].add((_TAIL, national[-7:]))
        key = normalize.fold(name)
        if key and cid not in self.by_name[key]:
            self._append(self.by_name[key], cid)
            self._filed[cid].add((_NAME, key))


def _chunks(keys: set[str]) -> Iterable[list[str]]:
    items = sorted(keys)
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]
