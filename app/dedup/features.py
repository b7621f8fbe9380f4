"""Plain company records and the comparable features computed once per record."""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field

from app import normalize as n
from app import parallel
from app.domain import Pickled
from app.memo import Memo


@dataclass(frozen=True)
class CompanyRecord:
    """A company as the matcher sees it: from the store, an import, or the benchmark."""

    id: str
    name: str
    address: str = ""
    phone: str = ""
    website: str = ""
    email_domains: tuple[str, ...] = ()  # domains of its people's e-mail addresses
    extra: dict = field(default_factory=dict, compare=False)


@dataclass(slots=True)
class CompanyFeatures(Pickled):
    id: str
    name: str
    key: str  # normalize.company_key
    canon: str  # words with abbreviations expanded, space-joined
    sorted_canon: str
    compact: str  # canon without spaces
    words: tuple[str, ...]
    latin: str  # cross-script spelling, no spaces ('huawei')
    cjk: bool
    core: str  # Chinese core name ('华为'), '' for other names
    acronym: str
    domains: frozenset[str]
    phones: frozenset[str]
    postcode: str
    street: str
    address: str  # normalize_address
    raw_address: str
    # blocking.block_keys, worked out once (a match asks for them for two indexes)
    keys: frozenset[str] | None = field(default=None, compare=False, repr=False)

    def with_domains(self, domains: frozenset[str]) -> CompanyFeatures:
        """These features with other domains (new people's e-mail domains), keys to work out
        again (a copy by one __init__ call: dataclasses.replace took three times as long)."""
        out = copy.copy(self)
        out.domains, out.keys = domains, None
        return out

    @property
    def city(self) -> str:
        """For reasons only ('different address (Berlin / Hamburg)'): worked out when asked."""
        return _city(self.raw_address) if self.raw_address else ""


_city = functools.lru_cache(maxsize=4096)(n.city)


def features_many(recs: list[CompanyRecord], region: str = "US") -> list[CompanyFeatures]:
    """Features of many records (the matcher's index of a store: 20,000 companies take ~4 s on
    one core, most of it Chinese names' pinyin), on both cores where it pays."""
    if len(recs) < parallel.MIN_ITEMS:
        return [features(r, region) for r in recs]
    out = parallel.map_halves(functools.partial(features, region=region), recs)
    for f in out:  # the half worked out in the other process, for the next look at a name
        learn(f)
    return out


def features(rec: CompanyRecord, region: str = "US") -> CompanyFeatures:
    name = _name_features(rec.name)
    domains = {n.company_domain(rec.website)} if rec.website else set()
    domains.update(n.company_domain(d) for d in rec.email_domains)
    domains.discard("")
    phone = n.phone_e164(rec.phone, region) if rec.phone else ""
    code, street, address = _address_features(rec.address) if rec.address else ("", "", "")
    return CompanyFeatures(
        rec.id, rec.name, *name, domains=frozenset(domains),
        phones=frozenset({phone} if phone else ()), postcode=code, street=street,
        address=address, raw_address=rec.address,
    )


# The same name and address come back often (a company's row re-read after its people change,
# an import's draft then its new row), and working them out is most of a record's features.
# Memos rather than lru_cache, so what another process worked out can be taken over (`learn`).
_NAMES = Memo(32768)  # name → _work_out_name's tuple
_ADDRESSES = Memo(32768)  # address → (postcode, street, normalized address)


def _name_features(name: str) -> tuple:
    """(key, canon, sorted_canon, compact, words, latin, cjk, core, acronym) of a name."""
    found = _NAMES.get(name)
    if found is None:
        found = _NAMES.keep(name, _work_out_name(name))
    return found


def _work_out_name(name: str) -> tuple:
    raw_words = n.company_words(name)
    cjk = bool(raw_words) and n.is_cjk(raw_words[0][:1])
    key = "".join(raw_words) if cjk else " ".join(raw_words)  # = normalize.company_key
    words = n.canonical_words(raw_words)
    canon = "".join(words) if cjk else " ".join(words)
    core = n.cjk_core(name, key) if cjk else ""
    latin = n.to_latin(core or canon).replace(" ", "") if cjk or not canon.isascii() \
        else canon.replace(" ", "")
    return (key, canon, " ".join(sorted(words)), canon.replace(" ", ""), tuple(words), latin,
            cjk, core, n.acronym(words))


def _address_features(address: str) -> tuple[str, str, str]:
    found = _ADDRESSES.get(address)
    if found is None:
        found = _ADDRESSES.keep(address, n.address_features(address))
    return found


def learn(f: CompanyFeatures) -> None:
    """Take over the name and address parts of features worked out in another process (an
    import's reading process, app.io.ahead; the index build's other half, features_many)."""
    _NAMES.keep(f.name, (f.key, f.canon, f.sorted_canon, f.compact, f.words, f.latin, f.cjk,
                         f.core, f.acronym))
    n.learn_company_key(f.name, f.key)
    if f.raw_address:
        _ADDRESSES.keep(f.raw_address, (f.postcode, f.street, f.address))
