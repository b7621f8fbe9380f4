"""A client process for SIGKILL tests: prints what it has committed, and at a chosen sync
checkpoint prints "AT <where>" and waits to be killed.

    python kill_client.py write DB                      create contacts forever, print ids
    python kill_client.py sync DB URL TOKEN WHERE N     sync; stop at the N-th WHERE
"""

import sys
import time

from app.domain import ContactDraft
from app.services import contacts
from app.store import Store
from sync.client import SyncClient


def main() -> None:
    mode, db = sys.argv[1], sys.argv[2]
    store = Store.open(db, region="CN")
    if mode == "write":
        i = 0
        while True:
            with store.write() as tx:
                cid = contacts.create(tx, ContactDraft(name=f"Person {i}", title="t" * 50))
            print(cid, flush=True)
            i += 1
    url, token, where, nth = sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
    seen = {"n": 0}

    def checkpoint(at: str) -> None:
        if at == where:
            seen["n"] += 1
            if seen["n"] == nth:
                print(f"AT {at}", flush=True)
                time.sleep(600)

    with SyncClient(store, url, token, batch_size=10, page_size=10,
                    checkpoint=checkpoint) as client:
        client.sync()
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
