"""Score one pair of companies: name similarity plus evidence (domain, phone, address).

Three outcomes: "same" (link automatically), "maybe" (ask the rep), "new". A wrong automatic
link is worse than a missed one, so "same" needs a near-identical name with nothing against it,
or a similar name with independent evidence. Every outcome carries human-readable reasons.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from app import normalize
from app.dedup.features import CompanyFeatures
from app.domain import Pickled

SAME, MAYBE, NEW = "same", "maybe", "new"
NAME_FLOOR = 60  # % name similarity below which only a shared domain or phone keeps a pair
ALIKE = 75  # % from which a similar name alone, nothing against it, is "maybe"; below, evidence


@dataclass(frozen=True)
class PairScore(Pickled):
    score: float
    decision: str
    reasons: tuple[str, ...]
    name_sim: float = 0.0
    conflicts: tuple[str, ...] = ()  # "address", "city", "domain", "phone": what speaks against
    distinctive: bool = True  # the name alone is rare enough to identify the company


def name_similarity(a: CompanyFeatures, b: CompanyFeatures) -> tuple[float, str]:
    """0..1 and the reason: exact key, abbreviation, transliteration, short name, fuzzy."""
    if not a.compact or not b.compact:
        return 0.0, ""
    if a.compact == b.compact:
        return 1.0, "same name"
    if a.cjk and b.cjk:
        if a.core and a.core == b.core:
            return 0.9, f"short name {a.core}"
        short, long_ = sorted((a.compact, b.compact), key=len)
        if len(short) >= 2 and long_.startswith(short):
            return 0.88, f"short name {short}"
        sim = fuzz.ratio(a.compact, b.compact) / 100
        return sim, f"name {round(sim * 100)}% similar"
    if a.cjk != b.cjk or not (a.canon.isascii() and b.canon.isascii()):
        # different scripts: compare spellings (华为 ↔ huawei)
        sim = max(fuzz.ratio(a.latin, b.latin), prefix_ratio(a.latin, b.latin)) / 100
        return sim, f"transliterated name {round(sim * 100)}% similar"
    if a.acronym and a.acronym == b.compact or b.acronym and b.acronym == a.compact:
        return 0.88, "abbreviation"
    if a.sorted_canon == b.sorted_canon:
        return 0.97, "same name, other word order"
    sim = max(fuzz.ratio(a.canon, b.canon), fuzz.token_sort_ratio(a.canon, b.canon),
              fuzz.ratio(a.compact, b.compact)) / 100
    # one typo in a short name is a big percentage: count edits as well
    if sim < 0.9 and Levenshtein.distance(a.compact, b.compact, score_cutoff=1) <= 1 \
            and min(len(a.compact), len(b.compact)) >= 5:
        sim = 0.9
    return sim, f"name {round(sim * 100)}% similar"


def prefix_ratio(a: str, b: str) -> float:
    """'huawei' vs 'huaweitechnology': the short spelling is the long one's start."""
    short, long_ = sorted((a, b), key=len)
    return 88.0 if len(short) >= 4 and long_.startswith(short) else 0.0


def _other_house(a: str, b: str) -> bool:
    """Two street keys with the same street and other numbers ('market st 12' / 'market st 14',
    '科技园路1号' / '科技园路3号')."""
    if not a or not b:
        return False
    (shape_a, numbers_a), (shape_b, numbers_b) = _house(a), _house(b)
    return shape_a == shape_b and numbers_a != numbers_b


@functools.lru_cache(maxsize=65536)  # a street is compared with many others
def _house(street: str) -> tuple[str, tuple[str, ...]]:
    """('market st #', ('12',)) for 'market st 12'."""
    return _NUMBER.sub("#", street), tuple(_NUMBER.findall(street))


_NUMBER = re.compile(r"\d+")


def _address_similarity(a: CompanyFeatures, b: CompanyFeatures) -> float:
    if not a.address or not b.address:
        return 0.0
    return fuzz.token_set_ratio(a.address, b.address) / 100 if not (a.cjk or b.cjk) \
        else fuzz.ratio(a.address, b.address) / 100


def places(a: CompanyFeatures, b: CompanyFeatures) -> tuple[bool, bool, bool]:
    """(same address, another place, same postcode)."""
    same_postcode = bool(a.postcode and a.postcode == b.postcode)
    postcode_ok = same_postcode or not (a.postcode and b.postcode)
    same_address = other_place = False
    if a.street and a.street == b.street and postcode_ok:
        same_address = True
    elif a.address and b.address:
        if not postcode_ok:
            other_place = True
        elif _other_house(a.street, b.street):
            pass  # another house on the same street ('12 Main St' / '14 Main St'): the text is
            # nearly the same, the address is not; nor is it another place
        else:  # the fuzzy comparison only where postcodes do not already decide
            addr_sim = _address_similarity(a, b)
            same_address = addr_sim >= 0.92
            other_place = addr_sim < 0.6
    return same_address, other_place, same_postcode


def score_pair(a: CompanyFeatures, b: CompanyFeatures, name_count: int = 2) -> PairScore:
    """`name_count`: how many records carry this exact name (a name shared by several
    companies is not enough on its own to link two of them)."""
    name_sim, name_reason = name_similarity(a, b)
    shared_domains = a.domains & b.domains
    same_domain = bool(shared_domains)
    same_phone = bool(a.phones & b.phones)
    if name_sim < NAME_FLOOR / 100 and not same_domain and not same_phone:
        return PairScore(round(0.55 * name_sim, 3), NEW, (), name_sim)  # most pairs: cheap
    other_domain = bool(a.domains and b.domains and not shared_domains)
    other_phone = bool(a.phones and b.phones and not same_phone)
    same_address, other_place, same_postcode = places(a, b)

    evidence = same_domain + same_phone + same_address
    against = other_place + other_domain + other_phone
    # a short name ('方正', 'ABC') alone says little: many companies share it
    distinctive = len(a.compact) >= (3 if a.cjk else 4) and name_count <= 3

    if name_sim >= 0.95:
        decision = SAME if evidence or (distinctive and not against) else MAYBE
    elif name_sim >= 0.85:
        decision = SAME if evidence and (evidence >= 2 or not against) else \
            MAYBE if evidence or not against else NEW
    elif name_sim >= 0.6:
        decision = SAME if evidence >= 2 and not against else \
            MAYBE if evidence or (name_sim >= ALIKE / 100 and not against) else NEW
    else:
        # another name: a shared domain is a parent and its subsidiary, a shared phone and
        # address may be a renamed company; the rep decides
        decision = MAYBE if (same_domain and (same_phone or same_address or same_postcode)) \
            or (same_phone and same_address) or (same_domain and name_sim >= 0.4) else NEW

    score = round(max(0.0, min(1.0, 0.55 * name_sim + 0.15 * same_domain + 0.15 * same_phone
                               + 0.1 * same_address + 0.05 * same_postcode - 0.05 * against)), 3)
    if decision == NEW:
        return PairScore(score, NEW, (), name_sim)
    # another city is a stronger "no" than another street: a branch or a home office is in
    # the same town, a look-alike company of the same name often is not
    other_city = bool(other_place and a.city and b.city
                      and normalize.fold_accents(a.city) != normalize.fold_accents(b.city))
    reasons: list[str] = [name_reason] if name_reason else []
    if same_domain:
        reasons.append(f"same domain {sorted(shared_domains)[0]}")
    elif other_domain:
        reasons.append("different web domains")
    if same_phone:
        reasons.append(f"same phone {sorted(a.phones & b.phones)[0]}")
    if same_address:
        reasons.append("same address")
    elif same_postcode:
        reasons.append("same postcode")
    elif other_place:
        where = f" ({a.city} / {b.city})" if other_city else ""
        reasons.append(f"different address{where}")
    conflicts = tuple(c for c, on in (("address", other_place), ("city", other_city),
                                       ("domain", other_domain), ("phone", other_phone)) if on)
    return PairScore(score, decision, tuple(reasons), name_sim, conflicts, distinctive)
