"""A process killed mid-write loses nothing committed and leaves nothing half-written."""

import os
import signal
import subprocess
import sys
import textwrap
import time

from sqlalchemy import text

from app.store import Store

WRITER = textwrap.dedent("""
    import sys, time
    from app.store import Store
    from app.domain import ContactDraft, Email
    from app.services import contacts
    store = Store.open(sys.argv[1])
    with store.write() as tx:
        contacts.create(tx, ContactDraft(name="Committed before", emails=[Email("a@b.cn")]))
    with store.write() as tx:
        for i in range(100000):
            contacts.create(tx, ContactDraft(name=f"Half {i}"))
            if i == 300:
                print("writing", flush=True)
""")


def test_sigkill_during_a_large_write_transaction(tmp_path):
    db = tmp_path / "k.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE,
                            text=True, cwd=os.getcwd())
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    store = Store.open(db)
    with store.read() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        names = s.execute(text("SELECT name FROM contact")).scalars().all()
        assert names == ["Committed before"]
        assert s.execute(text("SELECT count(*) FROM outbox")).scalar() == 1
        assert s.execute(text("SELECT count(*) FROM search_doc")).scalar() == 1
    store.close()
