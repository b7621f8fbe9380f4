"""`satchel import FILE|FOLDER... [--dry-run] [--map "Header=field"] [--tag TAG] [--json]` and
`satchel export [--format vcf|vcf4|csv|outlook|xlsx] [--tag TAG]... [--company NAME]... --out FILE`."""

from __future__ import annotations

import argparse

from app.errors import ServiceError
from app.io import columns
from app.io.apply import run_import
from app.io.errors import FileUnreadable
from app.io.export import FORMATS, ExportCancelled, NothingSelected, export, format_for, select
from cli import main as _main


class UserError(_main.UserError, ServiceError):
    """cli.main.UserError that `python -m cli.main` (where cli.main is __main__, a second copy
    of the module) also catches, through ServiceError."""


def register(sub, common) -> None:
    p = sub.add_parser(
        "import", parents=[common],
        help="import address books: vCard, CSV (Google, Outlook, Apple, Thunderbird, any other "
             "with --map), LDIF, Excel; idempotent, all or nothing")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="an address book, or a folder of them (a vCard file per contact)")
    p.add_argument("--dry-run", action="store_true",
                   help="count what would be created/updated/unchanged/skipped; write nothing")
    p.add_argument("--map", action="append", default=[], metavar="Header=field",
                   help='map a CSV/Excel column to a field ("Handphone=mobile"); '
                        '"Header=" ignores it; repeatable; remembered for this header set')
    p.add_argument("--tag", action="append", default=[], metavar="TAG",
                   help='give every imported contact this tag ("广交会 2026"); repeatable')
    p.set_defaults(func=do_import)

    p = sub.add_parser("export", parents=[common],
                       help="export all contacts, or those with a tag or at a company")
    p.add_argument("--format", choices=list(FORMATS),
                   help="vcf (vCard 3.0), vcf4 (vCard 4.0), csv (Google CSV), outlook "
                        "(Outlook CSV, for Outlook's Import/Export wizard), xlsx (Excel, "
                        "with a Satchel ID column: re-import the edited sheet to update); "
                        "by default the one FILE's extension says (.vcf: vCard 3.0, .csv: "
                        "Google CSV)")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--tag", action="append", default=[], metavar="TAG",
                   help="only the contacts with this tag (repeatable: any of them)")
    p.add_argument("--company", action="append", default=[], metavar="NAME",
                   help="only the people of the companies whose name contains this "
                        "(repeatable: any of them); with --tag, those with the tag")
    p.set_defaults(func=do_export)


def parse_maps(items: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for item in items:
        header, sep, field = item.partition("=")
        if not sep or not header.strip():
            raise UserError(f'--map "{item}": write it as "Header=field" (e.g. "Handphone=mobile").')
        try:
            mapping[header.strip()] = columns.parse_field(field) if field.strip() else ""
        except ValueError as exc:
            raise UserError(f"--map {item}: {exc}") from None
    return mapping


def do_import(args: argparse.Namespace, ctx) -> int:
    mapping = parse_maps(args.map)
    try:
        report = run_import(ctx.store, args.files, dry_run=args.dry_run, mapping=mapping or None,
                            tags=args.tag)
    except FileUnreadable as exc:
        raise UserError(f"{exc}\nNothing was imported.") from None
    ctx.emit(report.to_json(), report.summary())
    return 0


def do_export(args: argparse.Namespace, ctx) -> int:
    if args.format is None:
        args.format = format_for(args.out)
        if args.format is None:
            raise UserError(f"Which format should {args.out} be? Give --format vcf, vcf4, csv, "
                            "outlook or xlsx, or end the file name in .vcf, .csv or .xlsx.")
    selection = None
    if args.tag or args.company:
        try:
            with ctx.store.read() as s:
                selection = select(s, args.tag, args.company)
        except NothingSelected as exc:
            raise UserError(str(exc)) from None
    try:
        n = export(ctx.store, args.format, args.out, selection=selection)
    except ExportCancelled as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"Could not write {args.out} ({exc.strerror}); nothing was exported.") from None
    ctx.emit({"exported": n, "format": args.format, "file": args.out},
             f"Exported {n} records to {args.out} ({FORMATS[args.format]}).")
    return 0
