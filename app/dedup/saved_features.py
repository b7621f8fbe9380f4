"""The matcher's features of a store's companies, kept in a file beside the store, so that the
next process (the app starting, a command-line import) builds its index from them instead of
working out every name's pinyin, every phone number and every web domain again: at 20,000
companies that is most of the index's build (~5 s on the 2-core laptop).

The file holds what features are worked out *from* (a company's name, address, phone, website
and its people's e-mail domains) beside what was worked out, not "company X has features Y": a
company whose row changed since no longer finds its entry and is worked out as usual. The file
can be incomplete, never out of date. Which code worked them out is part of the file (a new
version of the normalization or of pypinyin, phonenumbers or tldextract makes it useless, not
wrong). A file that cannot be read is ignored; one that cannot be written is not written.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
from importlib import metadata
from pathlib import Path

from app import normalize
from app.dedup import features as feature_code
from app.dedup.features import CompanyFeatures, CompanyRecord, features_many

FORMAT = 2  # a line of code key, region and e-mail domains, then a line per company
# below this many companies worked out anew the file is not rewritten (a store's first
# companies, a test's handful: working them out takes well under a second)
SAVE_MIN = 500
log = logging.getLogger(__name__)

Saved = dict[tuple, tuple]  # inputs (name, address, phone, website, email domains) → outputs


def path_beside(database: str | None) -> Path | None:
    """Where the features of the store in `database` are kept (None: a store in memory)."""
    if not database or database == ":memory:":
        return None
    return Path(f"{database}-matcher")


@functools.cache
def code_key() -> str:
    """Changes whenever the code that works features out could give other ones."""
    h = hashlib.sha256(f"{FORMAT}".encode())
    for module in (normalize, feature_code):
        h.update(Path(module.__file__).read_bytes())
    for dist in ("pypinyin", "phonenumbers", "tldextract"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(f"{dist}={metadata.version(dist)}".encode())
    return h.hexdigest()


def _inputs(rec: CompanyRecord) -> tuple:
    return rec.name, rec.address, rec.phone, rec.website, tuple(sorted(rec.email_domains))


def _outputs(f: CompanyFeatures) -> tuple:
    return (f.name, f.key, f.canon, f.sorted_canon, f.compact, f.words, f.latin, f.cjk, f.core,
            f.acronym, f.domains, f.phones, f.postcode, f.street, f.address, f.raw_address)


def load(path: Path | None, region: str) -> tuple[Saved, dict[str, str]]:
    """The saved features (for `region`) and company domains of e-mail domains; empty when
    there is no usable file. One line per company, read one at a time: parsing the whole file
    at once left ~30 MB of the app's memory in pieces."""
    if path is None or not path.exists():
        return {}, {}
    try:
        with path.open(encoding="utf-8") as lines:
            head = json.loads(next(lines, "{}"))
            if head.get("code") != code_key() or head.get("region") != region:
                return {}, {}
            saved = {}
            one: dict[str, str] = {}  # equal strings as one object (a name's key, canon …)
            for line in lines:
                (name, address, phone, website, mail), out = json.loads(line)
                text = [one.setdefault(v, v) if type(v) is str else v for v in out]
                saved[(name, address, phone, website, tuple(mail))] = (
                    *text[:5], tuple(one.setdefault(w, w) for w in text[5]), *text[6:10],
                    frozenset(text[10]), frozenset(text[11]), *text[12:])
        return saved, dict(head["email_domains"])
    except (OSError, ValueError, KeyError, TypeError) as exc:  # damaged: work them out again
        log.warning("Ignoring the matcher's saved features %s: %s", path, exc)
        return {}, {}


def features(recs: list[CompanyRecord], region: str, saved: Saved
             ) -> tuple[list[CompanyFeatures], int]:
    """Features of the records, from `saved` where it has their inputs, else worked out (on both
    cores where it pays); and how many were worked out."""
    out: list[CompanyFeatures | None] = []
    todo: list[CompanyRecord] = []
    for rec in recs:
        found = saved.get(_inputs(rec))
        if found is None:
            todo.append(rec)
            out.append(None)
        else:
            out.append(CompanyFeatures(rec.id, *found))
    worked = iter(features_many(todo, region))
    return [f if f is not None else next(worked) for f in out], len(todo)


def save(path: Path | None, region: str, recs: list[CompanyRecord],
         feats: list[CompanyFeatures], email_domains: set[str]) -> None:
    """Write the file anew (atomically: another process reads the old one or the new one)."""
    if path is None:
        return
    head = {"format": FORMAT, "code": code_key(), "region": region,
            "email_domains": {d: normalize.company_domain(d) for d in email_domains}}
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as out:
            out.write(_line(head))
            for r, f in zip(recs, feats, strict=True):
                out.write(_line([_inputs(r), [list(v) if isinstance(v, tuple | frozenset) else v
                                              for v in _outputs(f)]]))
        os.replace(tmp, path)
    except OSError as exc:  # a read-only folder, a full disk: the next start works them out
        log.warning("Could not keep the matcher's features in %s: %s", path, exc)
        with contextlib.suppress(OSError):
            tmp.unlink()


def _line(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
