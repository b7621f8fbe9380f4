"""`satchel scan IMAGE|FOLDER... [--lang eng+chi_sim] [--save] [--json]`: read business cards.

With --json: a list, one object per card found
`{"file", "fields": {...}, "confidence": {...}}` (plus "saved" with --save), or
`{"file", "error"}` for a file that could not be read. Exit status 0 whenever the files were
looked at (per-file errors are in the output); 1 only for usage errors.
"""

from __future__ import annotations

import argparse
import sys

from app.errors import ServiceError
from cli import main as _main


class UserError(_main.UserError, ServiceError):
    """Also caught when cli.main runs as __main__ (see cli.import_export.UserError)."""


def register(sub, common) -> None:
    p = sub.add_parser(
        "scan", parents=[common],
        help="read business cards from photos or scans (files or folders); --save adds them")
    p.add_argument("images", nargs="+", metavar="IMAGE",
                   help="JPEG, PNG, TIFF, BMP, WebP or HEIC files, or folders of them")
    p.add_argument("--lang", default="eng+chi_sim",
                   help="Tesseract languages joined by + (default eng+chi_sim; chi_tra for "
                        "traditional Chinese)")
    p.add_argument("--save", action="store_true",
                   help="save each card as a contact (joins existing companies/contacts; "
                        "scanning the same card again changes nothing) with the card image")
    p.add_argument("--workers", type=int, default=2, help="parallel OCR processes (default 2)")
    p.set_defaults(func=do_scan)


def _region(args: argparse.Namespace, ctx) -> str:
    if args.save:
        return ctx.store.region
    if args.region:
        return args.region.upper()
    from app.store import default_region

    return default_region()


def do_scan(args: argparse.Namespace, ctx) -> int:
    from ocr import engine
    from ocr.pipeline import expand_paths, scan_files
    from ocr.types import CardResult

    try:
        engine.check_lang(args.lang)
    except engine.OcrUnavailable as exc:
        raise UserError(str(exc)) from None
    if args.workers < 1:
        raise UserError("--workers must be 1 or more.")
    files = expand_paths(args.images)
    if not files:
        raise UserError("No image files found in " + ", ".join(args.images) +
                        "; give JPEG, PNG, TIFF, BMP, WebP or HEIC files or folders of them.")
    region = _region(args, ctx)
    out: list[dict] = []
    for res in scan_files(files, lang=args.lang, region=region, workers=args.workers):
        obj = res.to_json()
        if isinstance(res, CardResult) and args.save:
            obj["saved"] = _save(ctx, res)
        out.append(obj)
        if not args.json:
            print(_human(res, obj), flush=True)
    if args.json:
        ctx.emit(out)
    else:
        cards = sum(1 for o in out if "error" not in o)
        print(f"{cards} card(s) read from {len(files)} file(s), "
              f"{len(out) - cards} problem(s).", file=sys.stderr)
    return 0


def _save(ctx, res) -> dict:
    from app import capture
    from app.services import contacts

    draft = res.to_draft()
    if not (draft.display_name() or draft.emails or draft.phones):
        return {"error": "nothing to save: no name, e-mail or phone number was read; "
                         "check the card in the app and type them in."}
    try:
        with ctx.store.write() as tx:
            saved = capture.save_contact(tx, draft)
            contacts.attach(tx, saved.contact_id, "card", res.image_png, "image/png")
    except ServiceError as exc:
        return {"error": f"not saved: {exc}"}
    return {"contact_id": saved.contact_id, "company_id": saved.company_id,
            "action": saved.action, "company_action": saved.company_action}


def _human(res, obj: dict) -> str:
    if "error" in obj:
        return obj["error"]  # starts with the file name
    f = obj["fields"]
    parts = [f["name"] or "(no name)", f["title"], f["company"], ", ".join(f["emails"]),
             ", ".join(f"{p['number']} ({p['type']})" for p in f["phones"])]
    card = f" card {res.index + 1}" if res.index else ""
    line = f"{obj['file']}{card}: " + " | ".join(p for p in parts if p)
    if "saved" in obj:
        s = obj["saved"]
        line += f"  -> {s.get('action', '')} {s.get('contact_id', s.get('error', ''))}"
    return line
