"""The import's reading process (app.io.ahead): a real forked child. What it hands over changes
no outcome (test_io_lookup runs the import both ways); here: its failures and a cancel leave the
store as it was, with a message, and no process behind."""

import multiprocessing as mp
import os
import signal
from pathlib import Path

import pytest

from app.io import ahead
from app.io.apply import Cancelled, open_all, run_import
from app.io.errors import FileUnreadable, Message
from app.io.reader import Source, open_source, open_sources
from app.store import Store

pytestmark = pytest.mark.skipif("fork" not in mp.get_all_start_methods(),
                                reason="the reading process needs fork (Linux)")


def _cards(n: int) -> str:
    return "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nORG:Firm {i % 40} Trading\r\n"
        f"EMAIL:p{i}@firm{i % 40}.example\r\nTEL;TYPE=CELL:+1 212 555 {i:04d}\r\nEND:VCARD\r\n"
        for i in range(n))


def _readers() -> list:
    return [p for p in mp.active_children() if p.name == "satchel-import-reader"]


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "s.sqlite3", region="US")
    yield s
    s.close()


@pytest.fixture
def big(tmp_path):
    path = tmp_path / "big.vcf"
    path.write_text(_cards(1500), encoding="utf-8")
    return str(path)


def test_the_child_killed_mid_import_stops_it_with_a_message_and_nothing_written(
        store, big, dump, monkeypatch):
    # a pipe that holds less than the file's messages (~0.35 MB): the reading process is
    # still at work when killed (one that has sent everything may die unnoticed, rightly)
    monkeypatch.setattr(ahead, "PIPE_BYTES", 64 * 1024)
    before = dump(store)

    def progress(done: int) -> None:
        for p in _readers():
            os.kill(p.pid, signal.SIGKILL)

    with pytest.raises(FileUnreadable, match="reading process stopped unexpectedly"):
        run_import(store, [big], progress=progress, ahead=True)
    assert dump(store) == before
    assert not _readers()
    # and the same file then imports whole
    assert run_import(store, [big], ahead=True).created == 1500


def test_cancel_stops_the_child_too(store, big, dump):
    before = dump(store)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 120  # in the second chunk

    with pytest.raises(Cancelled):
        run_import(store, [big], cancel=cancel, ahead=True)
    assert dump(store) == before
    assert not _readers()


def test_a_file_that_fails_while_the_child_reads_it_reaches_the_import_as_its_message(store):
    said = Message("{file} could not be read ({error}). Nothing was imported.",
                   file="broken.vcf", error="zlib error")

    def records():
        yield 1, "not a record the import knows"
        raise FileUnreadable(said)

    src = Source("broken.vcf", "vcard", {}, records())
    with store.write() as tx, ahead.read(tx, [src], 500, ahead=True) as chunks, \
            pytest.raises(FileUnreadable, match="zlib error") as exc:
        next(chunks)
    assert not _readers()
    # whole, template and values, so the desktop app can say it in the rep's language
    got, = exc.value.messages
    assert isinstance(got, Message) and (got.template, got.values) == (said.template, said.values)


def test_the_child_hands_over_stored_matches_phone_parses_and_company_domains(store, big):
    run_import(store, [big], ahead=False)  # the store now knows the 40 firms
    path = big.replace("big", "again")
    with open(path, "w", encoding="utf-8") as f:
        f.write(_cards(3).replace("Person", "Someone").replace("+1 212 555", "+1 646 555")
                .replace("firm2.example", "mail.firm2.co.uk").replace("firm1.example", "gmail.com"))
    src = open_all(store, [path])[0]
    with store.write() as tx, ahead.read(tx, [src], 500, ahead=True) as chunks:
        chunk = next(chunks)
    pre = chunk.prematches[("Firm 1 Trading", "", "", "")]
    assert pre.features.key == "firm 1 trading"
    assert [s.decision for _, s in pre.stored][:1] == ["same"]
    assert {p[0] for p in chunk.parses} == {"+1 646 555 0000", "+1 646 555 0001",
                                            "+1 646 555 0002"}
    assert {p[4] for p in chunk.parses} == {"+16465550000", "+16465550001", "+16465550002"}
    assert chunk.domains == {"firm0.example": "", "gmail.com": "",
                             "mail.firm2.co.uk": "firm2.co.uk"}


def test_only_big_files_on_linux_get_a_reading_process(tmp_path, monkeypatch):
    import zipfile

    small = tmp_path / "small.vcf"
    small.write_text(_cards(3), encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "small.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.write(small, "inside/small.vcf")
    for sources in ([open_source(small)], open_sources(tmp_path / "small.zip")):
        assert sources[0].size == small.stat().st_size  # (a book in an archive too)
        monkeypatch.setattr(ahead, "MIN_BYTES", 256 * 1024)
        assert not ahead.worth_it(sources)
        monkeypatch.setattr(ahead, "MIN_BYTES", 10)
        assert ahead.worth_it(sources) == os.uname().sysname.startswith("Linux")


def test_ctrl_c_in_the_terminal_is_the_imports_to_handle_not_the_childs(store, big,
                                                                          monkeypatch):
    """The terminal sends SIGINT to the whole process group; the child ignores it (the import
    decides: it stops and kills the child), so it neither dies with a traceback nor stops."""
    monkeypatch.setattr(ahead, "PIPE_BYTES", 64 * 1024)  # still at work when signalled

    def progress(done: int) -> None:
        for p in _readers():
            os.kill(p.pid, signal.SIGINT)

    assert run_import(store, [big], progress=progress, ahead=True).created == 1500


def test_no_fork_possible_reads_in_this_process(store, big, monkeypatch):
    """Out of memory or processes: the import goes on without the second process."""
    import errno
    from multiprocessing.process import BaseProcess

    def no_fork(self):
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(BaseProcess, "start", no_fork)
    assert run_import(store, [big], ahead=True).created == 1500
    assert not _readers()


def test_work_the_child_cannot_do_ahead_is_done_by_the_import(store, big, monkeypatch):
    """What is worked out ahead is only a shortcut: should it fail in the child, the chunk
    comes without it and the import works it out itself."""
    def broken(records, index, region):
        raise RuntimeError("a bug in the matcher")

    monkeypatch.setattr(ahead, "_prepare", broken)  # the forked child inherits it
    report = run_import(store, [big], ahead=True)
    assert report.created == 1500 and not report.skipped


def test_the_import_killed_mid_way_leaves_the_store_as_it_was_and_no_reader_behind(
        store, dump, tmp_path):
    """SIGKILL to the importing process (a crash, the laptop's battery): its reading process,
    waiting on a full pipe, finds it closed and ends; the store opens as before the import."""
    import subprocess
    import sys
    import time

    big = tmp_path / "bigger.vcf"
    big.write_text(_cards(8000), encoding="utf-8")
    before = dump(store)
    db = str(store.path)
    store.close()
    script = ("import sys; from app.store import Store; from app.io.apply import run_import\n"
              # a pipe far smaller than the file's messages: the reader waits on it, full
              "from app.io import ahead; ahead.PIPE_BYTES = 64 * 1024\n"
              "s = Store.open(sys.argv[1])\n"
              "run_import(s, [sys.argv[2]], ahead=True, progress=lambda n: print(n, flush=True))\n")
    proc = subprocess.Popen([sys.executable, "-c", script, db, str(big)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "50"  # importing, the reader running beside it
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    assert children and all(_state(c) != "Z" for c in children), "the reading process, alive"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{c}").exists() and "Z" not in _state(c) for c in children):
        assert time.monotonic() < deadline, "the reading process outlived the import"
        time.sleep(0.05)
    reopened = Store.open(db)
    assert dump(reopened) == before
    reopened.close()


def _state(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][:1]
    except (OSError, IndexError):
        return "Z"
