"""`satchel merge KEEP_ID LOSER_ID [--take FIELD=keep|loser] [--json]`,
`satchel unmerge MERGE_ID [--json]` and `satchel merges [--json]` (the recent ones)."""

from __future__ import annotations

import argparse

from app.dedup import merge as merging
from app.errors import ServiceError
from cli import main as _main


class UserError(_main.UserError, ServiceError):
    """cli.main.UserError that `python -m cli.main` also catches, through ServiceError."""


def register(sub, common) -> None:
    p = sub.add_parser("merge", parents=[common],
                       help="merge two companies or two contacts (the second one goes away)")
    p.add_argument("keep_id", help="the record that stays")
    p.add_argument("loser_id", help="the duplicate: its values fill the gaps, then it goes away")
    p.add_argument("--take", action="append", default=[], metavar="FIELD=keep|loser",
                   help="which side a field comes from (default: the non-empty, then the "
                        "newer value; e-mails, phones, websites and tags keep both)")
    p.set_defaults(func=do_merge)

    p = sub.add_parser("unmerge", parents=[common], help="undo a merge")
    p.add_argument("merge_id")
    p.set_defaults(func=do_unmerge)

    p = sub.add_parser("merges", parents=[common], help="list recent merges (for unmerge)")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=do_list)


def parse_takes(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        fld, sep, side = item.partition("=")
        if not sep or side not in ("keep", "loser", "both"):
            raise UserError(f'--take {item}: write it as FIELD=keep or FIELD=loser '
                            '(e.g. "--take title=loser").')
        out[fld.strip()] = side
    return out


def do_merge(args: argparse.Namespace, ctx) -> int:
    choices = parse_takes(args.take)
    with ctx.store.read() as s:
        keep_kind = merging.kind_of(s, args.keep_id)
        loser_kind = merging.kind_of(s, args.loser_id)
    for rid, kind in ((args.keep_id, keep_kind), (args.loser_id, loser_kind)):
        if kind is None:
            raise UserError(f"No company or contact with id {rid}. "
                            "`satchel list companies` or `satchel list contacts` shows the ids.")
    if keep_kind != loser_kind:
        raise UserError(f"{args.keep_id} is a {keep_kind} and {args.loser_id} a {loser_kind}: "
                        "a company can only be merged with a company, a contact with a contact.")
    kind = keep_kind
    with ctx.store.write() as tx:
        merge_id = merging.merge(tx, kind, args.keep_id, args.loser_id, choices)
        snap = merging.get_merge(tx.session, merge_id).snapshot
        changed, moved = sorted(snap["survivor_changes"]), len(snap["children"])
    ctx.emit({"merge_id": merge_id, "kind": kind, "keep_id": args.keep_id,
              "loser_id": args.loser_id, "changed": changed, "moved_children": moved},
             merge_id)
    return 0


def do_unmerge(args: argparse.Namespace, ctx) -> int:
    with ctx.store.write() as tx:
        result = merging.unmerge(tx, args.merge_id)
    human = f"undid merge {args.merge_id}: {result.kind} {result.loser_id} is back"
    if result.kept_later_edits:
        human += (f"; {', '.join(result.kept_later_edits)} of {result.keep_id} were edited "
                  "after the merge and keep the newer value")
    ctx.emit(result.to_json(), human)
    return 0


def do_list(args: argparse.Namespace, ctx) -> int:
    with ctx.store.read() as s:
        logs = merging.recent_merges(s, args.limit)
        items = [{"merge_id": m.id, "kind": m.kind, "keep_id": m.survivor_id,
                  "loser_id": m.loser_id, "created_at": m.created_at.isoformat(),
                  "undone_at": m.undone_at.isoformat() if m.undone_at else None,
                  "keep_name": m.snapshot["keep"].get("name", ""),
                  "loser_name": m.snapshot["loser"].get("name", "")} for m in logs]
    lines = [f"{i['merge_id']}  {i['created_at'][:16]}  {i['kind']:<8}{i['loser_name']} → "
             f"{i['keep_name']}{'  (undone)' if i['undone_at'] else ''}" for i in items]
    ctx.emit({"merges": items}, "\n".join(lines) or "no merges yet")
    return 0
