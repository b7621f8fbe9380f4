"""Unfolding lines: the vCard reader's against the plain rule it replaced (folded lines,
QUOTED-PRINTABLE soft breaks, phones' base64 continued without indentation and blank lines in
any mix); the vCard and LDIF readers' time linear in a folded photo, and the file held once."""

import base64
import os
import random
import re
import time
import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from app.io import ldif, vcard
from app.io.reader import open_source

_B64_LINE = re.compile(rb"^[A-Za-z0-9+/=]+$")


def reference(lines: list[bytes]) -> list[bytes]:
    """The rule as first written: each piece added to the line so far (quadratic in a
    folded photo's length, plain to read)."""
    out: list[bytes] = []
    qp_open = b64_open = False
    for line in lines:
        if qp_open and out:
            out[-1] = out[-1][:-1] + line
        elif line[:1] in (b" ", b"\t") and out:
            out[-1] += line[1:]
        elif not line.strip():
            continue
        elif b64_open and _B64_LINE.match(line):
            out[-1] += line
        else:
            out.append(line)
        cur = out[-1] if out else b""
        head = cur.split(b":", 1)[0].upper()
        qp_open = cur.endswith(b"=") and b"QUOTED-PRINTABLE" in head
        b64_open = b"BASE64" in head or b"ENCODING=B" in head
    return out


_PIECES = st.sampled_from([
    b"FN:Zhang Wei", b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=BC=9F=",
    b"NOTE;ENCODING=QUOTED-PRINTABLE:line one=", b"=0D=0Aline two", b"NOTE;quoted-printable:x=",
    b"PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ", b"PHOTO;ENCODING=b:iVBORw0KGgo",
    b"AAAAAAAAAAAAAAAAAAAA", b"QUJDREVGR0g=", b" folded on", b"\tfolded by a tab", b" ", b"",
    b"TEL;TYPE=CELL:+86 138 0013 8000", b"EMAIL:a@b.cn", b"X-ODD", b" =", b"ORG:Acme;Sales",
    b"ADR;TYPE=WORK:;;1 Main St;Springfield;;62701;USA", b"\t", b"=", b"item1.URL:http://x.cn",
])


@settings(max_examples=int(os.environ.get("SATCHEL_FUZZ_EXAMPLES", "300")), derandomize=True,
          deadline=None, database=None)
@given(st.lists(_PIECES, max_size=120))
def test_unfolding_is_the_plain_rule(lines):
    assert vcard._unfold(lines) == reference(lines)


def test_unfolding_is_the_plain_rule_on_random_cards():
    """Hypothesis favours its first pieces; here each card draws from its own random half of
    them (a card of folds and base64 only, one of QUOTED-PRINTABLE and blank lines…). (Joining
    the folds of long cards in C, tried for photos, failed this: a fold after base64 continued
    without indentation.)"""
    rng = random.Random(3)
    for _ in range(3000):
        kinds = [p for p in _PIECES.elements if rng.random() < 0.5] or [b"FN:x"]
        lines = [rng.choice(kinds) for _ in range(rng.randint(0, 120))]
        assert vcard._unfold(lines) == reference(lines), lines


def test_a_folded_photo_is_read_in_linear_time():
    """A 1 MB photo folded over 14,000 lines: the plain rule copies the line so far at every
    fold (~10 GB of copying); ours is compared with a photo a tenth the size, in the same run."""
    def card(size: int) -> list[bytes]:
        b64 = base64.b64encode(os.urandom(size))
        return [b"FN:Big", b"PHOTO;ENCODING=b;TYPE=JPEG:" + b64[:60]] + [
            b" " + b64[i:i + 74] for i in range(60, len(b64), 74)] + [b"EMAIL:big@x.cn"]

    def took(lines: list[bytes]) -> float:  # the best of three: the machine is shared
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            out = vcard._unfold(lines)
            best = min(best, time.perf_counter() - start)
            assert len(out) == 3 and out[1].endswith(lines[-2][1:])
        return best

    small, big = card(75_000), card(750_000)
    # ten times the photo, about ten times the time (the plain rule: about a hundred)
    assert took(big) < 30 * max(took(small), 1e-4)


def test_a_book_of_photos_is_read_without_copies_of_it(tmp_path):
    """The file is held once: checking it, guessing its charset and splitting it into cards
    each made a copy of it or of all its lines (a 200 MB iPhone export took 730 MB)."""
    photo = base64.b64encode(os.urandom(60_000))
    folded = b"\r\n ".join(photo[i:i + 74] for i in range(0, len(photo), 74))
    path = tmp_path / "photos.vcf"
    path.write_bytes(b"".join(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %d\r\nEMAIL:p%d@x.cn\r\n"
        b"PHOTO;ENCODING=b;TYPE=JPEG:%s\r\nEND:VCARD\r\n" % (i, i, folded) for i in range(150)))
    size = path.stat().st_size
    tracemalloc.start()
    try:
        src = open_source(path)
        read = sum(1 for _, rec in src.records if rec.photo)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert read == 150
    assert peak < 1.5 * size, f"peak {peak / size:.2f} times the file"


def test_a_folded_ldif_photo_is_read_in_linear_time():
    """LDAP directories export a jpegPhoto folded over thousands of lines; the entry is read in
    time linear in it (compared with a photo a tenth the size, in the same run)."""
    def entry(size: int) -> str:
        b64 = base64.b64encode(os.urandom(size)).decode()
        folded = "\n ".join(b64[i:i + 76] for i in range(0, len(b64), 76))
        return f"dn: cn=Big,mail=big@x.cn\ncn: Big\nmail: big@x.cn\njpegPhoto:: {folded}\n\n"

    def took(text: str) -> float:  # the best of three: the machine is shared
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            [(_, d)] = list(ldif.read_ldif(text))
            best = min(best, time.perf_counter() - start)
            assert d.name == "Big" and d.emails[0].address == "big@x.cn"
        return best

    small, big = entry(75_000), entry(750_000)
    assert took(big) < 30 * max(took(small), 1e-4)
