"""`satchel`: no arguments starts the desktop app; a subcommand works on the store directly.

    satchel --db PATH SUBCOMMAND ... [--json]

Subcommands live in the modules of COMMAND_MODULES; each defines `register(subparsers, common)`
and handlers `func(args, ctx) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing
import sys
from pathlib import Path
from typing import Any

from app.errors import ServiceError
from app.store import Store, StoreError, default_user_db

COMMAND_MODULES = ["cli.core_commands", "cli.sync_cmd", "cli.import_export", "cli.merge_cmd",
                   "cli.scan", "cli.dedupe_cmd"]


class UserError(Exception):
    """Bad input on the command line: one line on stderr, exit status 1."""


class Context:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._store: Store | None = None

    @property
    def db_path(self) -> Path:
        return Path(self.args.db) if self.args.db else default_user_db()

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.db_path, region=self.args.region)
        return self._store

    def emit(self, obj: Any, human: str | None = None) -> None:
        """Print JSON with --json, else the human-readable text."""
        if getattr(self.args, "json", False):
            print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
        elif human is not None:
            print(human)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="satchel", description="Satchel, the field sales assistant. "
        "Without a subcommand it opens the desktop app.")
    parser.add_argument("--db", help="database file (default: the one in your user data folder)")
    parser.add_argument("--region", help="phone region for numbers without a country code "
                        "(e.g. CN, DE; default: from your locale or the database setting)")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable output")
    subparsers = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    # the OCR worker processes of a frozen (PyInstaller) build start this executable again:
    # this makes them run the worker instead of a second app
    multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        from ui.app import run_gui

        return run_gui(args.db)
    ctx = Context(args)
    try:
        return int(args.func(args, ctx) or 0)
    except (UserError, ServiceError, StoreError) as exc:
        print(f"satchel: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("satchel: interrupted; nothing was half-written.", file=sys.stderr)
        return 130
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
