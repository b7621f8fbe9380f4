"""Mutated vCard, CSV, LDIF (and xlsx) bytes into every importer: a clear FileUnreadable or a
report, never another exception, never a partial import. Short and seeded here; a long run:
SATCHEL_FUZZ_EXAMPLES=5000 pytest tests/app/io/test_io_fuzz.py"""

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.io.apply import run_import
from app.io.errors import FileUnreadable
from app.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = ["outlook_21_gbk_qp.vcf", "apple_30.vcf", "evolution_40.vcf", "big5_21.vcf",
         "ios_30.vcf", "outlook_21_company.vcf", "outlook_zh_gbk.csv", "generic_zh.xlsx",
         "generic_zh.xls", "merged_zh.xlsx", "merged_zh.xls", "takeout.zip",
         "google.csv", "outlook_de.csv", "generic_zh_utf16.tsv", "accounts.csv",
         "thunderbird.ldif", "broken.vcf"]
EXAMPLES = int(os.environ.get("SATCHEL_FUZZ_EXAMPLES", "60"))


@st.composite
def mutated(draw):
    name = draw(st.sampled_from(SEEDS))
    data = bytearray((FIXTURES / name).read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "dup"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[i] = draw(st.integers(0, 255))
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=12) | st.sampled_from(
                [b":", b";", b"=", b"\r\n", b"\n ", b'"', b"BEGIN:VCARD\r\n", b"END:VCARD",
                 b"::", b",", b"\t", b"\xff\xfe", b"=\r\n", b"ENCODING=QUOTED-PRINTABLE"]))
        elif op == "delete":
            del data[i:i + draw(st.integers(1, 30))]
        elif op == "truncate":
            del data[i:]
        else:
            data[i:i] = data[max(0, i - 40):i]
    return name, bytes(data)


def test_fuzz_every_importer(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    store = Store.open(root / "fuzz.sqlite3", region="CN")

    def count():
        from sqlalchemy import text
        with store.read() as s:
            return tuple(s.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                         for t in ("contact", "company", "outbox", "attachment"))

    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(mutated())
    def run(case):
        name, data = case
        p = root / ("in" + Path(name).suffix)
        p.write_bytes(data)
        before = count()
        try:
            report = run_import(store, [str(p)])
        except FileUnreadable as exc:
            assert str(exc)
            assert count() == before  # nothing written
            return
        assert report.created + report.updated + report.unchanged + len(report.skipped) == \
            len(report.records)
        assert p.read_bytes() == data  # source never modified

    try:
        run()
    finally:
        store.close()


def _counts(store):
    from sqlalchemy import text

    with store.read() as s:
        return tuple(s.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                     for t in ("contact", "company", "outbox", "attachment", "contact_email",
                               "contact_phone", "import_mapping"))


def _imports_or_refuses_cleanly(store, path) -> None:
    """A clear FileUnreadable and nothing written, or a report that accounts for every record
    (text that happened to parse; no half-written rows)."""
    before = _counts(store)
    try:
        report = run_import(store, [str(path)])
    except FileUnreadable as exc:
        assert str(exc).strip() and "Traceback" not in str(exc)
        assert _counts(store) == before
        return
    assert report.created + report.updated + report.unchanged + len(report.skipped) == \
        len(report.records)


def test_garbage_gives_a_clear_error_and_changes_nothing(tmp_path_factory):
    """Bytes that are no address book at all, under every extension an importer answers to."""
    root = tmp_path_factory.mktemp("garbage")
    store = Store.open(root / "g.sqlite3", region="CN")
    junk = st.one_of(
        st.binary(min_size=0, max_size=3000),
        st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.sampled_from([b"", b"\r\n\r\n", b"BEGIN:VCARD", b"dn:", b"PK\x03\x04" + bytes(40),
                         b"\x00" * 100, b"a" * 2_000_000, b"BEGIN:VCARD\r\n" * 50]))

    @settings(max_examples=max(20, EXAMPLES // 2), derandomize=True, deadline=None,
              database=None, suppress_health_check=list(HealthCheck))
    @given(junk, st.sampled_from([".vcf", ".csv", ".ldif", ".xlsx", ".txt"]))
    def run(data, ext):
        p = root / ("junk" + ext)
        p.write_bytes(data)
        _imports_or_refuses_cleanly(store, p)

    try:
        run()
    finally:
        store.close()


def test_fuzz_pasted_text(tmp_path_factory):
    """Whatever the clipboard holds (a fixture's text cut anywhere, mail addresses, tabs,
    random text): no contacts, or an address book whose import reports or refuses it clearly."""
    from app.io.pasted import as_file

    root = tmp_path_factory.mktemp("pasted")
    store = Store.open(root / "p.sqlite3", region="CN")
    texts = st.one_of(
        mutated().map(lambda case: case[1].decode("utf-8", "replace")),
        st.lists(st.sampled_from(list("王小明 <>@.;,\t\n\"ab1") + ["x@y.cn", "Lee, Ann"]),
                 max_size=60).map("".join),
        st.text(max_size=300))

    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(texts)
    def run(text):
        folder = root / "f"
        folder.mkdir(exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        path = as_file(text, folder, "Pasted contacts")
        if path is not None:
            _imports_or_refuses_cleanly(store, path)

    try:
        run()
    finally:
        store.close()
