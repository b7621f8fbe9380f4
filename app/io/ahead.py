"""An import's second core: a process that reads the files one chunk ahead of the import and does
the work that depends on nothing the import writes: parsing the records, parsing their phone
numbers (the dearest normalization) and matching each record's company against the store's
companies as they were when the import began (`store_index.Prematch`). The import itself then
decides and writes. Its outcome is the same with or without this process (tested): it only
hands over answers the import would otherwise work out itself.

Forked (app.parallel): the child gets the matcher's index of the store (hundreds of MB at
20,000 companies, seconds to build) at once, copy-on-write. Where fork is not available, or the
files are small, the records are read in this process and nothing is worked out ahead.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice, repeat, takewhile

from app import capture, matching, normalize, parallel
from app.dedup.blocking import CompanyIndex
from app.dedup.store_index import Prematch, mail_domain, store_index
from app.io.errors import FileUnreadable, Message
from app.io.lookup import fast_path, prematch_key
from app.io.reader import Record, Source
from app.store import Tx

MIN_BYTES = 256 * 1024  # smaller imports (~1,000 cards) take well under a second without help
FIRST_CHUNK = 100
# room for a chunk or two (~0.5 MB each): the child writes its next chunk while the import
# works, and the import's read is a copy, not a wait (Linux's limit without privileges)
PIPE_BYTES = 1 << 20


@dataclass
class Chunk:
    source: Source
    records: list[tuple[int, Record]]
    # worked out ahead (empty when read in this process): the matcher's answers by company
    # draft (`lookup.prematch_key`), phone parses for normalize.learn_parses, and the company
    # domains of the e-mail addresses' domains for normalize.learn_company_domains
    prematches: dict[tuple[str, str, str, str], Prematch] = field(default_factory=dict)
    parses: list[tuple] = field(default_factory=list)
    domains: dict[str, str] = field(default_factory=dict)


@contextlib.contextmanager
def read(tx: Tx | None, sources: Sequence[Source], size: int, ahead: bool | None = None
         ) -> Iterator[Iterator[Chunk]]:
    """The sources' records in chunks of `size`. `tx`: the import's transaction (None: records
    only, nothing worked out ahead); `ahead`: whether to use a second process (None: when it
    pays)."""
    if ahead is None:
        ahead = worth_it(sources)
    if tx is None or not ahead or not parallel.forking():
        yield _here(sources, size)
        return
    idx = store_index(tx.session)
    index, _, _ = idx.refresh(tx.session, tx.region)  # fresh: from now on it holds still
    # tldextract's rules built before the fork: the reading process needs them for its first
    # chunk, the import soon after (~0.09 s each, loading them each). Not pypinyin, which the
    # import never needs: 55 MB
    normalize.registrable_domain("example.com")
    with idx.lock:  # no other thread is changing the index while it is copied
        started = parallel.start(_work, (list(sources), index, tx.region, size),
                                 "satchel-import-reader", PIPE_BYTES)
    if started is None:  # no memory or processes left for a fork: read here, as on Windows
        yield _here(sources, size)
        return
    child = _Child(sources, started)
    try:
        yield iter(child)
    finally:
        child.close()


def worth_it(sources: Sequence[Source]) -> bool:
    if not parallel.forking():
        return False
    return sum(src.size for src in sources) >= MIN_BYTES


def _here(sources: Sequence[Source], size: int) -> Iterator[Chunk]:
    for src in sources:
        while records := list(islice(src.records, size)):
            yield Chunk(src, records)


class _Child:
    def __init__(self, sources: Sequence[Source], started: tuple) -> None:
        self.sources = list(sources)
        self.proc, self.pipe = started

    def __iter__(self) -> Iterator[Chunk]:
        while True:
            try:
                msg = self.pipe.recv()
            except (EOFError, OSError):
                raise FileUnreadable(Message(
                    "The import's reading process stopped unexpectedly (short of memory?); "
                    "nothing was imported. Close other programs and try again.")) from None
            if msg[0] == "done":
                return
            if msg[0] == "error":
                raise FileUnreadable(*msg[1])
            _, i, records, prematches, parses, domains = msg
            yield Chunk(self.sources[i], records, prematches, parses, domains)

    def close(self) -> None:
        parallel.stop(self.proc, self.pipe)


def _work(sources: list[Source], index: CompanyIndex, region: str, size: int, out) -> None:
    """In the child: read, prepare and send chunk after chunk (a send waits while the pipe is
    full, so the child stays a chunk or two ahead)."""
    # small first chunks: the import waits for the first, and works on each while the next,
    # twice as big, is prepared
    sizes = chain(takewhile(lambda n: n < size, (FIRST_CHUNK << i for i in range(8))),
                  repeat(size))
    try:
        for i, src in enumerate(sources):
            while records := list(islice(src.records, next(sizes))):
                out.send(("chunk", i, records, *_prepared(records, index, region)))
        out.send(("done",))
    except FileUnreadable as exc:
        out.send(("error", exc.messages))
    except Exception as exc:  # noqa: BLE001 - the import must hear of it, not hang
        out.send(("error", [Message("The import could not read its files ({error}). Nothing "
                                    "was imported.",
                                    error=f"{type(exc).__name__}: {str(exc)[:120]}")]))
    finally:
        out.close()


def _prepared(records: list[tuple[int, Record]], index: CompanyIndex, region: str
              ) -> tuple[dict, list[tuple], dict[str, str]]:
    """What the import would work out for these records, or nothing should that fail here (the
    import then works it out itself and meets the error, if it is one, as it would anyway)."""
    try:
        return _prepare(records, index, region)
    except Exception:  # noqa: BLE001 - see above
        return {}, [], {}


def _prepare(records: list[tuple[int, Record]], index: CompanyIndex, region: str
             ) -> tuple[dict, list[tuple], dict[str, str]]:
    prematches: dict[tuple[str, str, str, str], Prematch] = {}
    numbers: set[str] = set()
    domains: dict[str, str] = {}
    for _, rec in records:
        if not fast_path(rec):  # only the import's lookups use what is worked out here
            continue
        numbers.update(p.number for p in rec.phones)
        for e in rec.emails:  # (the companies the people join are matched on these)
            mail = mail_domain(normalize.normalize_email(e.address))
            if mail and mail not in domains:
                domains[mail] = normalize.company_domain(mail)
        company = capture.company_of(rec)
        if company is None or prematch_key(company) in prematches:
            continue
        f = matching.company_features(company, region)
        prematches[prematch_key(company)] = Prematch(f, index.match(f) if f.key else [])
    return prematches, normalize.phone_parses(numbers, region), domains
