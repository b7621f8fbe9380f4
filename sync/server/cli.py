"""`satchel-hq`: run and administer the HQ sync service.

    satchel-hq init [--db URL]
    satchel-hq serve [--host H] [--port P] [--db URL]
    satchel-hq add-rep NAME [--team T] [--admin] [--db URL]   (prints the token on its last line)
    satchel-hq revoke-token TOKEN|TOKEN_ID|REP_NAME [--db URL]
    satchel-hq list-reps [--json] [--db URL]
    satchel-hq move-record ENTITY ID --team T [--db URL]
    satchel-hq compact [--days N] [--db URL]

--db takes a PostgreSQL URL (postgresql://user@host/db) or an SQLite file path/URL; the default
is an SQLite file in the user data folder (or $SATCHEL_HQ_DB).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys

from sync.server import service
from sync.server.db import HqDatabaseError, connect


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="database URL or SQLite file (default: embedded SQLite file)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="satchel-hq", description="Satchel's HQ sync service.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("init", help="create or upgrade the HQ database")
    _db_arg(p)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("serve", help="run the HTTP service")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--workers", type=int, default=1, help="processes (PostgreSQL only)")
    _db_arg(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("add-rep", help="add a rep (or a new device for one); prints its token")
    p.add_argument("name")
    p.add_argument("--team", default="default")
    p.add_argument("--admin", action="store_true", help="sees and may move every team's records")
    _db_arg(p)
    p.set_defaults(func=cmd_add_rep)

    p = sub.add_parser("revoke-token", help="revoke a device token (or all of a rep's)")
    p.add_argument("token", help="the token, its id (see list-reps) or a rep's name")
    _db_arg(p)
    p.set_defaults(func=cmd_revoke)

    p = sub.add_parser("list-reps", help="reps, teams and their tokens")
    p.add_argument("--json", action="store_true")
    _db_arg(p)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("move-record", help="give a record to another team")
    p.add_argument("entity", choices=["company", "contact", "opportunity", "activity"])
    p.add_argument("record_id")
    p.add_argument("--team", required=True)
    _db_arg(p)
    p.set_defaults(func=cmd_move)

    p = sub.add_parser("compact", help="forget superseded history and old tombstones")
    p.add_argument("--days", type=int, default=service.TOMBSTONE_DAYS)
    p.add_argument("--force", action="store_true", help="allow fewer than 180 days")
    _db_arg(p)
    p.set_defaults(func=cmd_compact)
    return parser


def cmd_init(args: argparse.Namespace) -> int:
    db = connect(args.db, migrate=True)
    print(f"HQ database ready: {db.engine.url.render_as_string(hide_password=True)}")
    db.dispose()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    import uvicorn

    from sync.server.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    db = connect(args.db, migrate=True)
    shown = db.engine.url.render_as_string(hide_password=True)
    workers = 1 if db.is_sqlite else max(1, args.workers)  # one SQLite writer process
    print(f"Satchel HQ on http://{args.host}:{args.port} (database {shown}, "
          f"{workers} worker{'s' if workers > 1 else ''})", flush=True)
    if workers == 1:
        uvicorn.run(create_app(db), host=args.host, port=args.port, log_level="warning")
    else:  # stateless: each worker process opens the same database
        os.environ["SATCHEL_HQ_DB"] = db.engine.url.render_as_string(hide_password=False)
        db.dispose()
        uvicorn.run("sync.server.app:create_app_from_env", factory=True, workers=workers,
                    host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_add_rep(args: argparse.Namespace) -> int:
    db = connect(args.db)
    try:
        token = service.add_rep(db, args.name, args.team, args.admin)
    finally:
        db.dispose()
    role = "admin" if args.admin else "rep"
    print(f"Added {role} {args.name!r} in team {args.team!r}. Device token (shown once; "
          "enter it in Satchel's sync settings):")
    print(token)
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    db = connect(args.db)
    try:
        n = service.revoke_token(db, args.token)
    finally:
        db.dispose()
    print(f"Revoked {n} token{'s' if n != 1 else ''}.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    db = connect(args.db)
    try:
        reps = service.list_reps(db)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(reps, indent=2))
        return 0
    if not reps:
        print("No reps yet: add one with `satchel-hq add-rep NAME`.")
    for r in reps:
        active = [t["id"] for t in r["tokens"] if not t["revoked"]]
        print(f"{r['name']}\tteam={r['team']}\t{'admin' if r['admin'] else 'rep'}\t"
              f"tokens={','.join(active) or '-'}")
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    db = connect(args.db)
    try:
        n = service.move_record(db, args.entity, args.record_id, args.team)
    finally:
        db.dispose()
    print(f"Moved {args.entity} {args.record_id} to team {args.team!r} ({n} log entries)."
          if n else f"{args.entity} {args.record_id} is already in team {args.team!r}.")
    return 0


def cmd_compact(args: argparse.Namespace) -> int:
    if args.days < service.TOMBSTONE_DAYS and not args.force:
        raise service.HqError(f"Tombstones are kept at least {service.TOMBSTONE_DAYS} days; "
                              "add --force to compact sooner.")
    db = connect(args.db)
    try:
        out = service.compact(db, args.days)
    finally:
        db.dispose()
    print(json.dumps(out))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (HqDatabaseError, service.HqError) as exc:
        print(f"satchel-hq: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
