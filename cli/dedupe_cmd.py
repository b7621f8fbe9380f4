"""`satchel dedupe [--json]`: the candidate duplicate pairs, with score and reasons.

Reads only; `satchel merge KEEP_ID LOSER_ID` acts on a pair. Pairs the rep marked "not the same"
in the review queue are left out.
"""

from __future__ import annotations

import argparse

from app.dedup import merge as merging


def register(sub, common) -> None:
    p = sub.add_parser("dedupe", parents=[common],
                       help="list companies and contacts that are probably the same")
    p.add_argument("--kind", choices=("company", "contact"), action="append",
                   help="only this kind (default: both)")
    p.set_defaults(func=do_dedupe)


def do_dedupe(args: argparse.Namespace, ctx) -> int:
    from app.dedup.candidates import KINDS, find_candidates  # the matcher: loaded when used

    kinds = tuple(args.kind or KINDS)
    with ctx.store.read() as s:
        found = find_candidates(s, ctx.store.region, kinds=kinds)
        named = {k: merging.names(s, k, [i for c in found if c.kind == k for i in (c.a, c.b)])
                 for k in kinds}
    pairs = [c.to_json() for c in found]
    lines = []
    for c in found:
        names = named[c.kind]
        lines.append(f"{c.kind:<8} {c.decision:<6} {c.score:>5.2f}  {names.get(c.a, '')} "
                     f"({c.a})  ↔  {names.get(c.b, '')} ({c.b})\n"
                     f"{'':<23}{'; '.join(c.reasons)}")
    human = "\n".join(lines) + f"\n{len(found)} pairs; merge one with `satchel merge KEEP_ID " \
        "LOSER_ID`" if found else "no duplicates found"
    ctx.emit({"pairs": pairs}, human)
    return 0
