"""`satchel sync`: send local changes to HQ and fetch everyone else's.

    satchel --db PATH sync --server URL [--token T] [--json]
    satchel --db PATH sync --conflicts [--json]      list values that lost to newer ones
    satchel --db PATH sync --restore ID              put a lost value back
"""

from __future__ import annotations

import argparse

from cli.main import Context, UserError
from sync import conflicts, settings
from sync.client import SyncError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("sync", parents=[common],
                       help="sync with HQ (server and token are remembered)")
    p.add_argument("--server", help="HQ address, e.g. https://hq.example.com")
    p.add_argument("--token", help="this device's token (from satchel-hq add-rep)")
    p.add_argument("--retries", type=int, default=5, help="attempts on network errors")
    p.add_argument("--conflicts", action="store_true", help="list conflicts instead of syncing")
    p.add_argument("--restore", type=int, metavar="ID", help="restore a conflict's local value")
    p.set_defaults(func=run_sync)


def run_sync(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store
    if args.conflicts:
        items = conflicts.list_conflicts(store)
        lines = [f"{c.id}\t{c.entity} {c.record_name}\t{c.field}: yours {c.local_value!r} "
                 f"→ kept {c.remote_value!r}" for c in items]
        ctx.emit([c.to_json() for c in items], "\n".join(lines) or "No conflicts.")
        return 0
    if args.restore is not None:
        conflicts.restore(store, args.restore)
        ctx.emit({"restored": args.restore},
                 f"Restored conflict {args.restore}; it is sent at the next sync.")
        return 0
    try:
        settings.save(store, server=args.server, token=args.token)
        report = settings.sync_now(store, retries=args.retries)
    except SyncError as exc:
        raise UserError(str(exc)) from None
    human = (f"Synced: sent {report.pushed} changes, received {report.pulled}"
             + (f", {report.conflicts} conflicts (see `satchel sync --conflicts`)"
                if report.conflicts else "")
             + (f", {report.rejected} refused by HQ" if report.rejected else "")
             + (" (full resync)" if report.reset else "")
             + f"; {report.pending} pending.")
    ctx.emit(report.to_json(), human)
    return 0
