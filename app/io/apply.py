"""Save what the readers produce: one import = one transaction through `app.capture`.

Idempotent because capture matches people by e-mail/phone and fills only what is missing;
safe because every record runs in a savepoint (a record that fails is skipped and reported,
its half-written rows undone) and the whole import commits once at the end. A dry run is the
same work rolled back, so the preview counts exactly what the import will do.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app import capture, collector, matching, normalize, search
from app.domain import CompanyDraft, ContactDraft
from app.errors import ServiceError
from app.io import address_books, columns, photos
from app.io import ahead as ahead_reader
from app.io.errors import FileUnreadable, Message, RecordError
from app.io.lookup import ImportLookup, company_text, fast_path
from app.io.reader import Source, open_sources
from app.io.tabular import Contacted
from app.models import Attachment, ImportMapping
from app.services import contacts, journal, records, rows
from app.services.fields import to_wire
from app.store import Store, Tx

CHUNK = 500  # records read, looked up and written together


class Cancelled(Exception):
    """The rep cancelled: nothing was written."""


class _DryRun(Exception):
    pass


@dataclass(frozen=True)
class RecordAbout:
    """What the report shows of a record beside its outcome (the GUI's report, the command
    line's summary)."""

    label: str = ""  # who it is
    kept_in_note: tuple[str, ...] = ()  # what its reader set aside in the note
    changed: tuple[str, ...] = ()  # the fields an update gave a stored person
    kind: str = ""  # what was saved: contact | company ("": skipped)


@dataclass(frozen=True)
class LookAlike:
    """The company a new one "maybe" is (the same short name; the same name in another city)."""

    id: str
    name: str
    score: float
    reasons: tuple[str, ...]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[dict] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)
    dry_run: bool = False
    about: list[RecordAbout] = field(default_factory=list)  # per record, beside `records`
    companies: dict[str, str] = field(default_factory=dict)  # the records' companies: id → name
    new_companies: set[str] = field(default_factory=set)  # those of them the import made
    # new companies the matcher found "maybe" the same as another (the rep reviews them,
    # ui.dedup): new id → LookAlike
    look_alikes: dict[str, LookAlike] = field(default_factory=dict)
    # what the import wrote, to take it back (`journal.undo`); run_import(undoable=True)
    journal: journal.Journal | None = None

    def to_json(self) -> dict:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "skipped": self.skipped, "records": self.records}

    def summary(self) -> str:
        parts = [f"{self.created} created", f"{self.updated} updated",
                 f"{self.unchanged} unchanged", f"{len(self.skipped)} skipped"]
        lines = [("Dry run (nothing written): " if self.dry_run else "Imported: ")
                 + ", ".join(parts)]
        if self.companies:
            lines.append(f"  companies: {len(self.new_companies)} new, "
                         f"{len(self.companies) - len(self.new_companies)} already in Satchel")
        for cid, like in self.look_alikes.items():  # (the rep merges them: `satchel merge`)
            lines.append(f"  new company {self.companies.get(cid, cid)} ({cid}) may be "
                         f"{like.name} ({like.id})")
        changed = Counter(f for a in self.about for f in a.changed)
        if changed:  # (which fields: a re-import of an edited list updates thousands)
            lines.append("  updated fields: " + ", ".join(
                f"{f.removesuffix('_id')} ({n})" for f, n in changed.most_common()))
        for s in self.skipped:
            lines.append(f"  skipped {s['file']} record {s['record']}: {s['reason']}")
        for r, a in zip(self.records, self.about, strict=True):
            if a.kept_in_note:
                lines.append(f"  kept in the note of {r['file']} record {r['record']}: "
                             + "; ".join(a.kept_in_note))
        return "\n".join(lines)


def remembered_mapping(store: Store) -> Callable[[str], dict | None]:
    def lookup(key: str) -> dict | None:
        with store.read() as s:
            row = s.get(ImportMapping, key)
            return dict(row.mapping) if row else None
    return lookup


def open_all(store: Store, paths: Sequence[str | Path], mapping: dict[str, str] | None = None
             ) -> list[Source]:
    """Open every file first, so a file that cannot be read stops the import before anything
    is written; a folder is its address books. Raises FileUnreadable with every problem, one
    per line."""
    sources, problems = [], []
    for p in _files(paths, problems):
        try:
            sources.extend(open_sources(p, mapping, remembered_mapping(store)))
        except FileUnreadable as exc:
            problems.append(exc)
    if problems:
        if len(problems) == 1:
            raise problems[0]
        raise FileUnreadable(*(m for e in problems for m in e.messages))
    return sources


def _files(paths: Sequence[str | Path], problems: list[FileUnreadable]) -> list[str | Path]:
    out: list[str | Path] = []
    for p in paths:
        if not Path(p).is_dir():
            out.append(p)
        elif found := address_books(Path(p)):
            out.extend(found)
        else:
            problems.append(FileUnreadable(Message(
                "{file} is a folder without address books (vCard, CSV, LDIF or Excel files) "
                "Satchel can read in it. Choose the files, or the folder that holds them.",
                file=str(p))))
    return out


def run_import(store: Store, paths: Sequence[str | Path], *, dry_run: bool = False,
               mapping: dict[str, str] | None = None, remember: bool = True,
               cancel: Callable[[], bool] | None = None,
               progress: Callable[[int], None] | None = None,
               per_record: bool = False, ahead: bool | None = None,
               tags: Sequence[str] = (), undoable: bool = False,
               confirm: Callable[[ImportReport], bool] | None = None,
               expect: Callable[[int], None] | None = None) -> ImportReport:
    """Import these files in one transaction. Raises FileUnreadable (nothing written) or
    Cancelled (nothing written). `per_record`: match and write each record on its own, without
    the import's lookups (the reference the lookups are tested against). `ahead`: read and
    prepare the records in a second process (app.io.ahead; None: when the files are big).
    `tags`: given to every record of the import ("广交会 2026": the fair's list).
    `undoable`: the report keeps what the import wrote (`report.journal`), to take it back.
    `confirm(report)`: asked with the whole report before the commit, the transaction still
    open (the app's preview: the import itself, committed when the rep says Import); False
    rolls it back (Cancelled). `expect(n)`: told, once the files are open, how many records
    they seem to hold (0: not known), for a progress bar before the report has a total."""
    tags = [t.strip() for t in tags if t.strip()]
    sources = open_all(store, paths, mapping)
    if expect is not None:
        expect(sum(s.expected for s in sources) if all(s.expected for s in sources) else 0)
    report = ImportReport(dry_run=dry_run)
    web = _Web(None if dry_run else photos.WebPhotos, later=confirm is not None)
    try:
        # (the app checkpoints after showing the report, the command line as it closes)
        with collector.paused(), store.write(checkpoint_later=not dry_run) as tx:
            # a first write opens the SQLite transaction, so the per-record savepoints below
            # nest inside it (a lone outer SAVEPOINT would commit when released)
            rows.dbapi(tx.session).execute("UPDATE meta SET value = value WHERE key = 'node_id'")
            # (kept in any case: it tells the report which companies the import made)
            kept = journal.keep(tx.session)
            if undoable and not dry_run:
                report.journal = kept
            lookup = None if per_record else ImportLookup(tx, preview=dry_run)
            # per record, the lookups' rule for company texts (`lookup.company_text`)
            texts = _Texts() if per_record else None
            done = 0
            # chunks: the lookups read the stored people of a chunk's records at once
            with ahead_reader.read(None if per_record else tx, sources, CHUNK, ahead) as chunks:
                for chunk in chunks:
                    if lookup is not None:
                        lookup.prefetch(chunk)
                    for n, rec in chunk.records:
                        if cancel is not None and cancel():
                            raise Cancelled("Import cancelled: nothing was written.")
                        _add_tags(rec, tags)
                        _one(tx, chunk.source.path, n, rec, report, web, lookup, texts)
                        done += 1
                        if progress is not None and done % 50 == 0:
                            progress(done)
            # what the rep mapped by hand is kept for its header set; guesses are not
            for src in sources:
                if remember and mapping and src.info.get("header_key"):
                    _remember(tx, src.info["header_key"], src.info["mapping"])
            if lookup is not None:
                lookup.flush()
            if progress is not None:
                progress(done)
            # (read now: a held preview's new companies are in no other connection's view)
            report.companies = rows.names(rows.dbapi(tx.session), "company", {
                x["company_id"] for x in report.records if x["company_id"]})
            report.new_companies = {i for i in report.companies
                                    if kept.created.get(i) == "company"}
            report.look_alikes = _look_alikes(tx)
            if confirm is not None:
                search.write_later(tx.session)  # (the commit's work but the commit, done now)
                with collector.resumed():  # (the rep may take a while)
                    go = confirm(report)
                if not go:
                    raise Cancelled("Import cancelled: nothing was written.")
                web.go()  # (the preview stays off the network: the rep may not import at all)
            _attach_web_photos(tx, web.fetcher, report, cancel)
            if cancel is not None and cancel():  # a Cancel that came in before the commit
                raise Cancelled("Import cancelled: nothing was written.")
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    finally:
        if web.fetcher is not None:
            web.fetcher.close()
    return report


class _Web:
    """The web-photo fetcher, started on the first card that needs it (never in a dry run);
    `later`: the photos wait for `go` (an import held for the rep's answer)."""

    def __init__(self, make, later: bool = False) -> None:
        self.make = make
        self.fetcher: photos.WebPhotos | None = None
        self.waiting: list[tuple[int, str, str]] | None = [] if later else None

    def submit(self, index: int, contact_id: str, url: str) -> None:
        if self.make is None:
            return
        if self.waiting is not None:
            self.waiting.append((index, contact_id, url))
            return
        if self.fetcher is None:
            self.fetcher = self.make()
        self.fetcher.submit(index, contact_id, url)

    def go(self) -> None:
        waiting, self.waiting = self.waiting or [], None
        for item in waiting:
            self.submit(*item)


def _look_alikes(tx: Tx) -> dict[str, LookAlike]:
    """`capture.look_alikes` of the import, for the companies still there (a record rolled
    back took its own out again) and the ones they look like."""
    found = capture.look_alikes(tx.session)
    ids = {i for cid, m in found.items() for i in (cid, m.company_id)}
    there = rows.names(rows.dbapi(tx.session), "company", ids)
    return {cid: LookAlike(m.company_id, there[m.company_id], m.score, tuple(m.reasons))
            for cid, m in found.items() if cid in there and m.company_id in there}


def _attach_web_photos(tx: Tx, fetcher: photos.WebPhotos | None, report: ImportReport,
                       cancel: Callable[[], bool] | None) -> None:
    """The fetched photos join the same transaction; a contact that gains one is "updated"."""
    if fetcher is None:
        return
    con = rows.dbapi(tx.session)
    for index, contact_id, fut in fetcher.pending:
        while True:
            if cancel is not None and cancel():
                raise Cancelled("Import cancelled: nothing was written.")
            try:
                got = fut.result(timeout=0.2)
                break
            except TimeoutError:
                continue
        rec = report.records[index] if index < len(report.records) else None
        if not got or rec is None or rec["id"] != contact_id:
            continue
        con.execute("SAVEPOINT satchel_import_photo")
        try:
            changed = _photo(tx, contact_id, got[0], got[1])
            tx.session.flush()
            con.execute("RELEASE satchel_import_photo")
        except (ServiceError, ValueError):
            con.execute("ROLLBACK TO satchel_import_photo")
            con.execute("RELEASE satchel_import_photo")
            tx.session.expunge_all()
            continue
        if changed and rec["action"] == "unchanged":
            rec["action"] = "updated"
            report.unchanged -= 1
            report.updated += 1
        if changed and rec["action"] == "updated":
            about = report.about[index]
            report.about[index] = dataclasses.replace(about, changed=(*about.changed, "photo"))


def preview(store: Store, paths: Sequence[str | Path], **kw) -> ImportReport:
    return run_import(store, paths, dry_run=True, **kw)


def _remember(tx: Tx, key: str, mapping: dict[str, str]) -> None:
    row = tx.session.get(ImportMapping, key)
    journal.mapping_replaced(tx.session, key, None if row is None else row.mapping)
    if row is None:
        tx.session.add(ImportMapping(header_key=key, mapping=dict(mapping)))
    elif row.mapping != mapping:
        row.mapping = dict(mapping)
    tx.session.flush()


class _Texts(dict):
    """Company text → the company decided for its first record (per-record imports keep the
    lookups' rule so): `seen` is the record's own until its savepoint is released."""

    seen: tuple | None = None

    def keep(self) -> None:
        if self.seen is not None:
            self.setdefault(*self.seen)
        self.seen = None


def _one(tx: Tx, path: str, n: int, rec, report: ImportReport, web: _Web | None = None,
         lookup: ImportLookup | None = None, texts: _Texts | None = None) -> None:
    if isinstance(rec, RecordError):
        _skip(report, path, n, rec.reason, rec.label)
        return
    fast = lookup is not None and fast_path(rec)
    if lookup is not None:
        # queued people are written outside this record's savepoint, so its rollback can only
        # ever undo this record's own rows
        if fast:
            lookup.settle(rec)
        else:  # this record is saved past the lookups, which learn its outcome afterwards
            lookup.flush()
        lookup.begin_record()
    # a raw SAVEPOINT: SQLAlchemy's begin_nested costs ~1 ms per record at 10,000 records
    con = rows.dbapi(tx.session)
    con.execute("SAVEPOINT satchel_import_record")
    try:
        changed: tuple[str, ...] = ()
        if isinstance(rec, CompanyDraft):
            res = capture.save_company(tx, rec)
            action, rid, cid = res.action, res.company_id, None
            if lookup is not None:
                lookup.company_changed(rid)
        elif isinstance(rec, Contacted):
            action, rid, cid, changed = _by_id(tx, rec)
        else:
            action, rid, cid, changed = _contact(tx, rec, lookup if fast else None,
                                                 texts if fast_path(rec) else None)
            url = getattr(rec, "photo_url", "")
            if url and web is not None and not rec.photo and (
                    action == "created" or not _has_photo(tx, rid)):
                web.submit(len(report.records), rid, url)
        if lookup is not None and not fast and not isinstance(rec, CompanyDraft):
            lookup.person_changed(rid)
        tx.session.flush()  # ORM rows (a photo) belong inside this record's savepoint
        con.execute("RELEASE satchel_import_record")
        if texts is not None:
            texts.keep()
    except (ServiceError, ValueError) as exc:
        con.execute("ROLLBACK TO satchel_import_record")
        con.execute("RELEASE satchel_import_record")
        if texts is not None:
            texts.seen = None
        if lookup is not None:
            lookup.undo_record()
        tx.session.expunge_all()  # forget ORM objects whose rows were just undone
        tx.session.info.pop("live_refs", None)
        _skip(report, path, n, str(exc) or type(exc).__name__, _label(rec))
        return
    if action == "created":
        report.created += 1
    elif action == "updated":
        report.updated += 1
    else:
        report.unchanged += 1  # unchanged, or linked to an existing record without a change
    report.about.append(RecordAbout(_label(rec), tuple(getattr(_draft(rec), "set_aside", ())),
                                    changed, "company" if isinstance(rec, CompanyDraft)
                                    else "contact"))
    report.records.append({"file": path, "record": n, "action": action, "id": rid,
                           "company_id": cid})


def _add_tags(rec, tags: list[str]) -> None:
    """The import's own tags added to a record's (each once, whatever its case or width)."""
    draft = _draft(rec)
    if not tags or not isinstance(draft, ContactDraft | CompanyDraft):
        return
    have = {normalize.fold(t) for t in draft.tags}
    for tag in tags:
        if normalize.fold(tag) not in have:
            have.add(normalize.fold(tag))
            draft.tags = [*draft.tags, tag]


def _draft(rec):
    """The record's draft (a row of a Satchel export holds one)."""
    return rec.draft if isinstance(rec, Contacted) else rec


def _label(rec) -> str:
    rec = _draft(rec)
    if isinstance(rec, ContactDraft):
        return rec.display_name() or rec.company or (rec.emails[0].address if rec.emails else "")
    return getattr(rec, "name", "")


def _skip(report: ImportReport, path: str, n: int, reason: str, label: str = "") -> None:
    report.about.append(RecordAbout(label))
    report.skipped.append({"file": path, "record": n, "reason": reason})
    report.records.append({"file": path, "record": n, "action": "skipped", "id": None,
                           "company_id": None})


@dataclass
class _Known:
    """What the store already knows of a card's person (`_known_person`)."""

    draft: ContactDraft  # the card, its company dropped where it is the person's own
    company_id: str | None = None  # known by name only: the company they are at
    # the one of several the card is about (found by e-mail, number or name), their company
    person: tuple[str, str | None] | None = None
    holds: bool = False  # they already hold all of the card


def _known_person(tx: Tx, draft: ContactDraft, lookup: ImportLookup | None = None) -> _Known:
    """Who in the store a card with a company is about (`_meant`), and the card as it applies
    to them. A person already in the store at a company of this name stays there: without this,
    a company the matcher only rates "maybe" (same name, nothing else) would be created a
    second time by capture on every re-import, although the person is unchanged. Known by
    e-mail or number: the draft's company is dropped where it is theirs (`_meant`). Known by
    name only, among the people of that name at the companies the matcher finds like the
    draft's: the draft joins that person's company; the matcher's own pick among several can
    change as the store grows (a re-import then made the person a second time)."""
    if not draft.company.strip():
        return _Known(draft)
    if not matching.identifies(draft, tx.region):
        people = lookup.namesakes(draft) if lookup is not None else _namesakes(tx, draft)
        if not people:
            return _Known(draft)
        known = _meant(tx, draft, people, lookup)
        return dataclasses.replace(known, company_id=known.person[1])
    people = lookup.known_people(draft) if lookup is not None \
        else _known_people(rows.dbapi(tx.session), draft, tx.region)
    return _meant(tx, draft, people, lookup) if people else _Known(draft)


def _meant(tx: Tx, draft: ContactDraft, people: list[tuple[str, str | None]],
           lookup: ImportLookup | None) -> _Known:
    """The one of `people` (its e-mail, number or name finds them, oldest first, with their
    companies) the card is about, and the card as it applies to them: where their company's
    name is the card's, the card's company (and its address, where it is theirs) is dropped.
    Of several, the first who already holds all of the card so is the one; else the first at a
    company of the card's name, else the oldest. Each is judged by the card as it applies to
    them, and the card is saved onto the one it was judged for: which of several people sharing
    a number is oldest can change as a file adds the number to others, and a re-import must
    still find the one the card was saved onto."""
    def as_theirs(company_id: str | None) -> ContactDraft:
        if not company_id:
            return draft
        if lookup is not None:
            return _same_company(draft, *lookup.company(company_id))
        company = rows.load(tx.session, "company", company_id)
        return _same_company(draft, company["name"], company["address"]) if company else draft

    if len(people) == 1:
        return _Known(as_theirs(people[0][1]), person=people[0])
    live, address_of = capture.live_contacts(tx, lookup), capture.company_addresses(tx, lookup)
    at_company = None
    for person in people[:matching.NAMESAKES]:
        theirs = as_theirs(person[1])
        if capture.holds(live(person[0]), theirs, tx.region, address_of):
            return _Known(theirs, person=person, holds=True)
        if at_company is None and theirs.company != draft.company:
            at_company = _Known(theirs, person=person)
    return at_company or _Known(as_theirs(people[0][1]), person=people[0])


def _namesakes(tx: Tx, draft: ContactDraft) -> list[tuple[str, str | None]]:
    """(id, company id) of the people of this name at the companies whose name the matcher finds
    like the draft's company's (its address may conflict with one a company gained since),
    oldest first."""
    name = normalize.fold(draft.display_name())
    company = capture.company_of(draft)
    like = sorted(matching.companies_like(tx.session, CompanyDraft(company.name), tx.region)) \
        if name and company is not None else []
    if not like:
        return []
    return rows.dbapi(tx.session).execute(
        f"SELECT c.id, c.company_id FROM contact c WHERE c.sort_name = ? AND {_LIVE} AND "
        f"c.company_id IN ({', '.join('?' * len(like))}) ORDER BY c.id LIMIT "
        f"{matching.NAMESAKES}", (name, *like)).fetchall()


def _same_company(draft: ContactDraft, name: str, address: str) -> ContactDraft:
    if normalize.company_key(name) == normalize.company_key(draft.company):
        same_place = normalize.company_key(draft.address) == normalize.company_key(address)
        return dataclasses.replace(draft, company="", address="" if same_place else draft.address)
    return draft


_LIVE = "NOT c.deleted AND c.merged_into IS NULL"


def _known_people(con, draft: ContactDraft, region: str) -> list[tuple[str, str | None]]:
    """(id, company id) of the stored people with the first of the draft's e-mails, else
    numbers, that finds any, oldest first (as matching.match_contact finds them; in plain SQL:
    this runs for every new person, and the ORM queries cost 2 ms a number)."""
    for e in draft.emails:
        norm = normalize.normalize_email(e.address)
        found = con.execute(
            "SELECT DISTINCT c.id, c.company_id FROM contact_email e JOIN contact c "
            f"ON c.id = e.contact_id WHERE e.address_norm = ? AND {_LIVE} ORDER BY c.id",
            (norm,)).fetchall() if norm else []
        if found:
            return found
    for p in draft.phones:
        if found := _people_by_phone(con, p.number, region):
            return found
    return []


def _people_by_phone(con, number: str, region: str) -> list[tuple[str, str | None]]:
    """The rule of `contacts.find_by_phone`: the same number and extension, else the same last
    7 digits agreeing as a suffix, with the same extension."""
    national = normalize.national_digits(number, region)
    if len(national) < 5:
        return []
    key = normalize.phone_key(number, region)
    if key:
        found = con.execute(
            "SELECT DISTINCT c.id, c.company_id FROM contact_phone p JOIN contact c "
            f"ON c.id = p.contact_id WHERE p.e164 = ? AND {_LIVE} ORDER BY c.id", (key,)).fetchall()
        if found:
            return found
    ext = normalize.phone_extension(number, region)
    out: dict[str, str | None] = {}
    for cid, company_id, stored in con.execute(
            "SELECT c.id, c.company_id, p.number FROM contact_phone p JOIN contact c "
            f"ON c.id = p.contact_id WHERE p.tail = ? AND {_LIVE} ORDER BY c.id",
            (national[-7:],)):
        if normalize.same_line(stored, national, ext, region):
            out.setdefault(cid, company_id)
    return list(out.items())


def _contact(tx: Tx, draft: ContactDraft, lookup: ImportLookup | None = None,
             texts: _Texts | None = None) -> tuple[str, str, str | None, tuple[str, ...]]:
    """(action, contact id, company id, the fields an update changed)."""
    known = _known_person(tx, draft, lookup)
    draft = known.draft
    changed: tuple[str, ...] = ()
    if known.holds:  # nothing to save
        (contact_id, company_id), action = known.person, "unchanged"
    else:
        company = capture.company_of(draft) if texts is not None and not known.company_id \
            else None
        key = company_text(company) if company is not None else None
        res = capture.save_contact(tx, draft, lookup=lookup,
                                   company_id=known.company_id or (texts.get(key) if key else None),
                                   contact_id=known.person[0] if known.person else None)
        if key:
            texts.seen = (key, res.draft_company_id)
        action, contact_id, company_id = res.action, res.contact_id, res.company_id
        changed = res.changed
    if draft.photo and lookup is not None:
        # only this record's person and company are queued (settle wrote the others)
        lookup.flush()
    if draft.photo and _photo(tx, contact_id, draft.photo, draft.photo_mime) \
            and action != "created":
        action, changed = "updated", (*changed, "photo")
    return action, contact_id, company_id, changed


def _has_photo(tx: Tx, contact_id: str) -> bool:
    return tx.session.scalars(select(Attachment.id).where(
        Attachment.owner_id == contact_id, Attachment.kind == "photo")).first() is not None


def _photo(tx: Tx, contact_id: str, data: bytes, mime: str) -> bool:
    """Keep the card's photo; the same photo again is no change."""
    old = tx.session.scalars(select(Attachment.data).where(
        Attachment.owner_id == contact_id, Attachment.kind == "photo")).first()
    if old == data:
        return False
    contacts.attach(tx, contact_id, "photo", data, mime or "image/jpeg")
    return True


def _same_list(a: list[dict], b: list[dict]) -> bool:
    key = lambda d: sorted(tuple(sorted(x.items())) for x in d)  # noqa: E731
    return key(a) == key(b)


def _by_id(tx: Tx, c: Contacted) -> tuple[str, str, str | None, tuple[str, ...]]:
    """A row of a Satchel export: the sheet is the rep's edit of that record, so its values
    replace the stored ones. An id this store does not know imports like any other row."""
    rec = rows.load(tx.session, "contact", c.record_id)
    if rec is None or rec["deleted"] or rec.get("merged_into"):
        return _contact(tx, c.draft)
    d = c.draft
    company_id = rec["company_id"]
    current_company = rows.load(tx.session, "company", company_id) if company_id else None
    if not d.company.strip():
        company_id = None
    elif not current_company or columns.norm_header(current_company["name"]) != \
            columns.norm_header(d.company):
        company_id = capture.save_company(tx, CompanyDraft(d.company.strip())).company_id
    company = rows.load(tx.session, "company", company_id) if company_id else None
    own = d.address if not company or d.address.strip() != (company["address"] or "").strip() else ""
    values = contacts.draft_values(d)
    values.update(company_id=company_id, address=own)
    for f in ("emails", "phones"):
        if _same_list(to_wire(f, values[f]), rec[f]):
            del values[f]  # same values, other order: not an edit
    for f in ("websites", "tags"):
        if sorted(to_wire(f, values[f])) == sorted(rec[f]):
            del values[f]
    changed = records.update(tx, "contact", rec["id"], values)
    return ("updated" if changed else "unchanged"), rec["id"], company_id, tuple(sorted(changed))
