"""Blocking: candidates come only from records that share a key (name word, name start/end,
transliteration, acronym, domain, phone, postcode + street). Never all pairs.

`find_pairs(features)` dedupes a whole set; `CompanyIndex` answers "which companies look like
this one?" for one new record against a large set. Large blocks (a common word such as
"technology") are not compared all-against-all: pairs come from a sorted window (batch) or from a
fast rapidfuzz pre-filter (index), so cost grows near-linearly.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator

from rapidfuzz import fuzz, process

from app import normalize
from app.dedup.features import CompanyFeatures
from app.dedup.scoring import ALIKE, NAME_FLOOR, NEW, PairScore, places, prefix_ratio, score_pair
from app.memo import Memo

BLOCK_CAP = 40  # larger blocks are compared through a window / pre-filter, not all pairs
# name blocks up to this size get a rapidfuzz pre-filter; bigger ones (a legal form's bigram 有限,
# a street with a thousand tenants, an import's 'Trading') only a sorted window of name
# neighbours, in the batch and when one record is matched against the index alike
FUZZY_CAP = 160
CROSS_CAP = 400  # most pairs taken from one cross-script / acronym block
WINDOW = 2  # neighbours by name in a huge block; 6 found no more true pairs in the bench
INDEX_WINDOW = 4  # one record against the index: its neighbours on each side in a huge block
STRONG = ("d:", "p:", "s:", "k:")  # domain, phone, street, exact name: every pair is scored
CROSS = ("l:", "a:")  # transliteration, acronym: only pairs across the two sides
_STRONG_KINDS, _CROSS_KINDS = frozenset(STRONG), frozenset(CROSS)


def _prefilter_cutoff(key: str, size: int) -> int:
    cutoff = 60 if key.startswith(("g:", "c:")) else 70  # CJK names are short: one char is a lot
    # a word many names share ('Schmidt', '科技') says little: ask those names to be closer
    return cutoff + 10 if size > BLOCK_CAP else cutoff


def block_keys(f: CompanyFeatures) -> frozenset[str]:
    if f.keys is None:
        f.keys = frozenset(_block_keys(f))
    return f.keys


def _block_keys(f: CompanyFeatures, keep: bool = True) -> set[str]:
    keys = set(_name_keys(f, keep))
    keys.update("d:" + d for d in f.domains)
    keys.update("p:" + p for p in f.phones)
    if f.street:
        keys.add("s:" + f.postcode + "|" + f.street)
    return keys


_NAME_KEYS = Memo(32768)  # name → its blocking keys


def _name_keys(f: CompanyFeatures, keep: bool = True) -> frozenset[str]:
    """The keys of the name: the same for every record of that name (an import's new company
    is re-read after its people are written, with new e-mail domains). `keep`: remember them
    (not for a store's own companies, indexed once: 20,000 of them held ~13 MB)."""
    keys = _NAME_KEYS.get(f.name)
    if keys is None:
        keys = frozenset(_work_out_name_keys(f))
        if keep:
            _NAME_KEYS.keep(f.name, keys)
    return keys


def learn(f: CompanyFeatures) -> None:
    """Take over the name keys of features whose block keys another process worked out (an
    import's reading process): the import's new companies bear the names of its drafts."""
    if f.keys is not None and f.name not in _NAME_KEYS:
        _NAME_KEYS.keep(f.name, frozenset(k for k in f.keys if not k.startswith(_NOT_NAME)))


_NOT_NAME = ("d:", "p:", "s:")  # the kinds of key `_block_keys` adds to the name's


def _work_out_name_keys(f: CompanyFeatures) -> set[str]:
    keys: set[str] = set()
    if f.compact:
        keys.add("k:" + f.compact)
        keys.add("f:" + f.compact[:5])
        if len(f.compact) >= 8:
            keys.add("e:" + f.compact[-5:])
    if f.cjk:
        text = f.compact
        # bigrams with a Chinese character: those of Latin letters or digits in a mixed name
        # ('…科技trading12') are shared by thousands of names and tell none apart
        keys.update("g:" + text[i:i + 2] for i in range(len(text) - 1)
                    if normalize.is_cjk(text[i:i + 2]))
        if f.core:
            keys.add("c:" + f.core)
    else:
        keys.update("w:" + w for w in f.words if len(w) >= 3)
        if f.acronym and len(f.acronym) >= 2:
            keys.add("a:" + f.acronym)
        if 2 <= len(f.compact) <= 5:
            keys.add("a:" + f.compact)
    keys.update("l:" + k for k in _latin_keys(f))
    return keys


def _latin_keys(f: CompanyFeatures) -> list[str]:
    """Cross-script keys: a CJK name's pinyin ('huawei'); a Latin name's first words joined
    ('hong', 'hongrui', 'hongruitechnology'), so 鸿睿 meets 'Hong Rui Technology Co., Ltd.'."""
    if f.cjk or not f.canon.isascii():
        return [f.latin] if f.latin else []
    words = f.canon.split()
    return ["".join(words[:i]) for i in range(1, min(3, len(words)) + 1)]


def _is_cross(key: str, f: CompanyFeatures) -> bool:
    """Which side of a cross block a record is on."""
    if key.startswith("l:"):
        return f.cjk or not f.canon.isascii()
    return f.compact == key[2:]  # 'a:' the short form ('ibm'), else the long one


def _sorted_words(f: CompanyFeatures) -> str:
    """The name as `fuzz.token_sort_ratio` compares it, its words sorted: `fuzz.ratio` of two of
    these is the names' token_sort_ratio, without sorting both names' words at every comparison
    (a pre-filter of a block of 100 names took three times as long). A Chinese name's canon is
    one run, its own sorted form."""
    return f.canon if f.cjk else f.sorted_canon


def _window_pairs(members: list[int], feats: list[CompanyFeatures]) -> Iterator[tuple[int, int]]:
    """Sorted-neighbourhood inside a big block: each record against its next WINDOW by name."""
    order = sorted(members, key=lambda i: feats[i].compact)
    for pos, i in enumerate(order):
        for j in order[pos + 1:pos + 1 + WINDOW]:
            yield (i, j) if i < j else (j, i)


def _fuzzy_pairs(key: str, members: list[int], feats: list[CompanyFeatures]
                 ) -> Iterator[tuple[int, int]]:
    names = [_sorted_words(feats[i]) for i in members]
    sims = process.cdist(names, names, scorer=fuzz.ratio,
                         score_cutoff=_prefilter_cutoff(key, len(members)), dtype="uint8")
    for x, y in zip(*sims.nonzero(), strict=True):
        if x < y:
            i, j = members[x], members[y]
            yield (i, j) if i < j else (j, i)


def _cross_pairs(key: str, members: list[int], feats: list[CompanyFeatures]
                 ) -> Iterator[tuple[int, int]]:
    left = [i for i in members if _is_cross(key, feats[i])]
    right = [i for i in members if not _is_cross(key, feats[i])]
    if len(left) * len(right) > CROSS_CAP:
        return
    for i in left:
        for j in right:
            yield (i, j) if i < j else (j, i)


def candidate_pairs(feats: list[CompanyFeatures]) -> set[tuple[int, int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for key in block_keys(f):
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        size = len(members)
        if size < 2:
            continue
        if key.startswith(CROSS):
            pairs.update(_cross_pairs(key, members, feats))
        elif key.startswith(STRONG) and size <= BLOCK_CAP:
            pairs.update((members[x], members[y]) for x in range(size) for y in range(x + 1, size))
        elif not key.startswith(STRONG) and size <= FUZZY_CAP:
            pairs.update(_fuzzy_pairs(key, members, feats))
        else:
            pairs.update(_window_pairs(members, feats))
    return pairs


def find_pairs(feats: list[CompanyFeatures],
               skip: set[tuple[str, str]] | None = None,
               progress: Callable[[int, int], object] | None = None
               ) -> list[tuple[str, str, PairScore]]:
    """Every pair that is "same" or "maybe", best first. `skip` holds (a_id, b_id) pairs the rep
    said are not the same (either order). `progress(done, total)` is called now and then while
    pairs are scored (it may raise to stop)."""
    out = []
    skip = skip or set()
    names = Counter(f.compact for f in feats)
    pairs = candidate_pairs(feats)
    total = len(pairs)
    for done, (i, j) in enumerate(pairs):
        if progress is not None and done % 2000 == 0:
            progress(done, total)
        a, b = feats[i], feats[j]
        if (a.id, b.id) in skip or (b.id, a.id) in skip:
            continue
        s = score_pair(a, b, names[a.compact] if a.compact == b.compact else 2)
        if s.decision != NEW:
            out.append((a.id, b.id, s))
    if progress is not None:
        progress(total, total)
    out.sort(key=lambda t: (t[2].decision != "same", -t[2].score, t[0], t[1]))
    return out


def worth_scoring(f: CompanyFeatures, others: list[CompanyFeatures]) -> list[CompanyFeatures]:
    """The records `score_pair` could find "same" or "maybe", without scoring them one by one.
    Without a shared domain or phone a pair is "new" when its names are < 60 % alike, and when
    they are < 75 % alike and the address is not the same. The similarities of
    `scoring.name_similarity` that are plain rapidfuzz ratios are worked out for all candidates
    at once (in C, the same doubles `score_pair` compares); the rule-based ones (abbreviation,
    a Chinese short name or prefix, another script) are checked only for what fails that.
    (`sim >= ALIKE` is `name_sim >= ALIKE / 100` exactly: 0.75 is a binary fraction.)"""
    if not f.compact:
        return others  # score_pair's own quick answer
    keep: list[CompanyFeatures] = []
    latin: list[CompanyFeatures] = []
    cjk: list[CompanyFeatures] = []
    cross: list[CompanyFeatures] = []
    f_latin = not f.cjk and f.canon.isascii()
    evidence = f.domains or f.phones
    for g in others:
        if not g.compact or evidence and not (f.domains.isdisjoint(g.domains)
                                              and f.phones.isdisjoint(g.phones)):
            keep.append(g)  # evidence beyond the name, or the empty name score_pair handles
        elif f_latin and not g.cjk and g.canon.isascii():
            latin.append(g)
        elif f.cjk and g.cjk:
            cjk.append(g)
        else:
            cross.append(g)  # another script: transliterated spellings
    if latin:
        # only names at least NAME_FLOOR alike come back (most candidates are far from the name,
        # and rapidfuzz skips what cannot reach the cut-off), with their best similarity
        canons, compacts = [g.canon for g in latin], [g.compact for g in latin]
        sims: dict[int, float] = {}
        for query, choices in ((f.canon, canons),  # (the second: token_sort_ratio)
                               (_sorted_words(f), [g.sorted_canon for g in latin]),
                               (f.compact, compacts)):
            for _, sim, i in process.extract(query, choices, scorer=fuzz.ratio,
                                             score_cutoff=NAME_FLOOR, limit=None):
                if sim > sims.get(i, 0.0):
                    sims[i] = sim
        keep.extend(g for i, g in enumerate(latin)
                    if i in sims and (sims[i] >= ALIKE or places(f, g)[0])
                    or f.acronym == g.compact or g.acronym == f.compact)
    if cjk:
        near = {i: sim for _, sim, i in process.extract(
            f.compact, [g.compact for g in cjk], scorer=fuzz.ratio, score_cutoff=NAME_FLOOR,
            limit=None)}
        fc, f_prefix = f.compact, len(f.compact) >= 2
        keep.extend(g for i, g in enumerate(cjk)
                    if i in near and (near[i] >= ALIKE or places(f, g)[0])
                    or f.core and f.core == g.core
                    # or one name starts the other, of 2 characters at least (inline, not a
                    # function: ~150,000 candidates an import)
                    or f_prefix and g.compact.startswith(fc)
                    or len(g.compact) >= 2 and fc.startswith(g.compact))
    if cross:
        # (extract, not cdist: cdist's array would import numpy into the import's process)
        near = {i for _, _, i in process.extract(f.latin, [g.latin for g in cross],
                                                  scorer=fuzz.ratio, score_cutoff=NAME_FLOOR,
                                                  limit=None)}
        keep.extend(g for i, g in enumerate(cross)
                    if i in near or prefix_ratio(f.latin, g.latin) >= NAME_FLOOR)
    return keep


class CompanyIndex:
    """An in-memory blocking index for matching one company against many (p95 ≤ 20 ms at
    100,000). Add, remove and replace records as they change."""

    def __init__(self, feats: Iterable[CompanyFeatures] = ()) -> None:
        self.feats: dict[str, CompanyFeatures] = {}
        # record → its block keys, a tuple: a frozenset of a dozen keys costs five times as much
        self.keys: dict[str, tuple[str, ...]] = {}
        # key → its records: an ordered set, or the one record's id itself (nine keys in ten
        # are one record's own, its exact name or street: a dict each cost ~17 MB at 20,000)
        self.blocks: dict[str, dict[str, None] | str] = {}
        # big blocks' (ids, names as `_sorted_words`) for the pre-filter and cross blocks' two
        # sides, kept until the block changes: rebuilding lists of thousands on every match
        # costs more than the match
        self._lists: dict[str, tuple[list[str], list[str]]] = {}  # key → (ids, names) | sides
        # huge blocks' members sorted by compact name, for the neighbour window
        self._sorted: dict[str, tuple[list[str], list[str]]] = {}  # key → (compacts, ids)
        for f in feats:
            self.add(f)

    def __len__(self) -> int:
        return len(self.feats)

    def add(self, f: CompanyFeatures) -> None:
        keys = f.keys if f.keys is not None else frozenset(_block_keys(f, keep=False))
        f.keys = None  # kept here as a tuple; a query of this record works them out again
        old = self.feats.get(f.id)
        if old is not None and (old.canon, old.compact, old.cjk) == (f.canon, f.compact, f.cjk):
            # the same name, re-read with new e-mail domains or a filled address (an import
            # re-reads thousands so): only the blocks of changed keys change, and the big
            # blocks' sorted and pre-filter lists stay
            old_keys = self.keys[f.id]
            self._leave(f.id, frozenset(old_keys).difference(keys))
            self.feats[f.id], self.keys[f.id] = f, tuple(keys)
            self._join(f, keys.difference(old_keys))
            return
        if old is not None:
            self.remove(f.id)
        self.feats[f.id], self.keys[f.id] = f, tuple(keys)
        self._join(f, keys)

    def _join(self, f: CompanyFeatures, keys: Iterable[str]) -> None:
        blocks = self.blocks
        for key in keys:
            block = blocks.get(key)
            if block is None:
                blocks[key] = f.id
            elif type(block) is str:
                if block != f.id:
                    blocks[key] = {block: None, f.id: None}
            else:
                block[f.id] = None
            ordered = self._sorted.get(key)
            if ordered is not None:
                pos = bisect.bisect(ordered[0], f.compact)
                ordered[0].insert(pos, f.compact)
                ordered[1].insert(pos, f.id)
            cached = self._lists.get(key)
            if cached is None:
                continue
            # extend a cached list in block order rather than drop it: an import adds thousands
            # of companies to the same big blocks, and rebuilding their lists each time was a
            # fifth of the import
            if key.startswith(CROSS):
                (cached[0] if _is_cross(key, f) else cached[1]).append(f.id)
            else:
                cached[0].append(f.id)
                cached[1].append(_sorted_words(f))

    def remove(self, record_id: str) -> None:
        self._leave(record_id, self.keys.pop(record_id, ()))
        self.feats.pop(record_id, None)

    def _leave(self, record_id: str, keys: Iterable[str]) -> None:
        for key in keys:
            self._lists.pop(key, None)
            self._sorted.pop(key, None)
            block = self.blocks.get(key)
            if block is None:
                continue
            if type(block) is str:
                if block == record_id:
                    del self.blocks[key]
                continue
            block.pop(record_id, None)
            if len(block) == 1:
                self.blocks[key] = next(iter(block))
            elif not block:
                del self.blocks[key]

    def candidates(self, f: CompanyFeatures, limit_per_block: int = 30) -> set[str]:
        found: set[str] = set()
        blocks = self.blocks
        # most of a record's keys (its exact name, its street) are in no block: skip them in C
        for key in block_keys(f) & blocks.keys():
            block = blocks[key]
            kind = key[:2]
            if type(block) is str:  # one record: compared whole, as any small block
                if kind not in _CROSS_KINDS or _is_cross(key, f) != _is_cross(key, self.feats[block]):
                    found.add(block)
                continue
            if kind in _CROSS_KINDS:
                sides = self._sides(key, block)
                others = sides[1] if _is_cross(key, f) else sides[0]
                if len(others) <= CROSS_CAP:
                    found.update(others)
                continue
            if len(block) <= BLOCK_CAP or kind in _STRONG_KINDS and len(block) <= 200:
                found.update(block)
                continue
            if len(block) > FUZZY_CAP:
                found.update(self._neighbours(key, block, f.compact))
                continue
            ids, names = self._names(key, block)
            for _name, _sim, pos in process.extract(_sorted_words(f), names, scorer=fuzz.ratio,
                                                    score_cutoff=_prefilter_cutoff(key, len(ids)),
                                                    limit=limit_per_block):
                found.add(ids[pos])
        found.discard(f.id)
        return found

    def prepare(self) -> None:
        """Build now the lists `candidates` builds for a big block on its first use (a store's
        largest blocks, a legal form's or a common word's, hold thousands): an import's first
        matches took four times as long as the rest."""
        for key, block in self.blocks.items():
            size, kind = 1 if type(block) is str else len(block), key[:2]
            if size <= BLOCK_CAP or kind in _STRONG_KINDS and size <= 200:
                continue  # (compared whole: nothing to build; as in `candidates`)
            if kind in _CROSS_KINDS:
                self._sides(key, block)
            elif size > FUZZY_CAP:
                self._ordered(key, block)
            else:
                self._names(key, block)

    def _sides(self, key: str, block: dict[str, None]) -> tuple[list[str], list[str]]:
        sides = self._lists.get(key)
        if sides is None:
            sides = self._lists[key] = (
                [i for i in block if _is_cross(key, self.feats[i])],
                [i for i in block if not _is_cross(key, self.feats[i])])
        return sides

    def _names(self, key: str, block: dict[str, None]) -> tuple[list[str], list[str]]:
        cached = self._lists.get(key)
        if cached is None:
            ids = list(block)
            cached = self._lists[key] = (ids, [_sorted_words(self.feats[i]) for i in ids])
        return cached

    def _ordered(self, key: str, block: dict[str, None]) -> tuple[list[str], list[str]]:
        ordered = self._sorted.get(key)
        if ordered is None:
            self._lists.pop(key, None)  # grown past the pre-filter's size: not needed any more
            pairs = sorted((self.feats[i].compact, i) for i in block)
            ordered = self._sorted[key] = ([c for c, _ in pairs], [i for _, i in pairs])
        return ordered

    def _neighbours(self, key: str, block: dict[str, None], compact: str) -> list[str]:
        ordered = self._ordered(key, block)
        pos = bisect.bisect_left(ordered[0], compact)
        return ordered[1][max(0, pos - INDEX_WINDOW):pos + INDEX_WINDOW]

    def match(self, f: CompanyFeatures, exclude: set[str] | None = None
              ) -> list[tuple[str, PairScore]]:
        """Candidates that are "same" or "maybe", best first."""
        out = []
        same_name = self.blocks.get("k:" + f.compact)
        if same_name is None:
            name_count = 1
        elif type(same_name) is str:
            name_count = 1 + (f.id != same_name)
        else:
            name_count = len(same_name) + (f.id not in same_name)
        found = [self.feats[cid] for cid in self.candidates(f) if not exclude or cid not in exclude]
        for g in worth_scoring(f, found):
            s = score_pair(f, g, name_count)
            if s.decision != NEW:
                out.append((g.id, s))
        out.sort(key=lambda t: (t[1].decision != "same", -t[1].score, t[0]))
        return out
