"""Where this replica syncs to (kept in the store's Meta table) and its sync status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.store import Store
from sync import client as C
from sync.conflicts import open_count

META_INTERVAL = "sync.interval_min"
DEFAULT_INTERVAL_MIN = 15


@dataclass(frozen=True)
class SyncSettings:
    server: str
    token: str
    interval_min: int

    @property
    def configured(self) -> bool:
        return bool(self.server and self.token)


@dataclass(frozen=True)
class SyncStatus:
    configured: bool
    last_sync: dt.datetime | None
    last_error: str
    pending: int
    conflicts: int
    cursor: int


def load(store: Store) -> SyncSettings:
    try:
        interval = int(store.get_meta(META_INTERVAL, str(DEFAULT_INTERVAL_MIN)))
    except ValueError:
        interval = DEFAULT_INTERVAL_MIN
    return SyncSettings(store.get_meta(C.META_SERVER), store.get_meta(C.META_TOKEN),
                        max(1, interval))


def save(store: Store, server: str | None = None, token: str | None = None,
         interval_min: int | None = None) -> None:
    if server is not None:
        server = server.strip().rstrip("/")
        if server and not server.startswith(("http://", "https://")):
            raise C.SyncError(f"The HQ address {server!r} must start with http:// or https://.")
        if server != store.get_meta(C.META_SERVER):
            # another HQ: our cursor means nothing there (HQ answers "reset" if it must)
            store.set_meta(C.META_CURSOR, "0")
        store.set_meta(C.META_SERVER, server)
    if token is not None:
        store.set_meta(C.META_TOKEN, token.strip())
    if interval_min is not None:
        store.set_meta(META_INTERVAL, str(max(1, int(interval_min))))


def status(store: Store) -> SyncStatus:
    last = store.get_meta(C.META_LAST_SYNC)
    try:
        when = dt.datetime.fromisoformat(last) if last else None
    except ValueError:
        when = None
    return SyncStatus(load(store).configured, when, store.get_meta(C.META_LAST_ERROR),
                      C.pending_count(store), open_count(store),
                      int(store.get_meta(C.META_CURSOR, "0") or 0))


def sync_now(store: Store, **client_options) -> C.SyncReport:
    """One sync with the saved settings (raises SyncError with a message for the user)."""
    cfg = load(store)
    if not cfg.configured:
        raise C.SyncError("Sync is not set up: enter HQ's address and your device token in "
                          "the sync settings.")
    with C.SyncClient(store, cfg.server, cfg.token, **client_options) as client:
        return client.sync()
