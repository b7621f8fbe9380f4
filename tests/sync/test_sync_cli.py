"""`satchel sync` and `satchel-hq` from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from app.domain import ContactDraft
from app.services import contacts
from app.store import Store
from cli.main import main as satchel
from sync.server.cli import main as hq_cli
from tests.sync.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_satchel_sync_remembers_server_and_token(sqlite_hq, tmp_path, capsys):
    db = tmp_path / "rep.sqlite3"
    token = sqlite_hq.token("alice")
    s = Store.open(db)
    with s.write() as tx:
        contacts.create(tx, ContactDraft(name="Zhang San"))
    s.close()
    assert satchel(["--db", str(db), "sync", "--server", sqlite_hq.base_url, "--token", token,
                    "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["pushed"] == 1 and out["pending"] == 0
    assert satchel(["--db", str(db), "sync"]) == 0  # server and token remembered
    assert "Synced" in capsys.readouterr().out
    assert satchel(["--db", str(db), "sync", "--conflicts"]) == 0
    assert "No conflicts" in capsys.readouterr().out


def test_satchel_sync_errors_are_one_line(sqlite_hq, tmp_path, capsys):
    db = tmp_path / "rep.sqlite3"
    assert satchel(["--db", str(db), "sync"]) == 1
    err = capsys.readouterr().err
    assert "not set up" in err and "Traceback" not in err
    assert satchel(["--db", str(db), "sync", "--server", sqlite_hq.base_url,
                    "--token", "wrong.token"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("satchel:") and "token" in err and len(err.splitlines()) == 1
    assert satchel(["--db", str(db), "sync", "--server", f"http://127.0.0.1:{free_port()}",
                    "--retries", "0"]) == 1
    assert "Cannot reach HQ" in capsys.readouterr().err
    assert satchel(["--db", str(db), "sync", "--server", "ftp://x"]) == 1
    assert "http://" in capsys.readouterr().err


def test_hq_commands(tmp_path, capsys):
    db = str(tmp_path / "hq.sqlite3")
    assert hq_cli(["add-rep", "x", "--db", db]) == 1
    assert "satchel-hq init" in capsys.readouterr().err
    assert hq_cli(["init", "--db", db]) == 0
    assert hq_cli(["add-rep", "Alice", "--team", "north", "--db", db]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert "." in token and " " not in token
    assert hq_cli(["add-rep", "Boss", "--admin", "--db", db]) == 0
    capsys.readouterr()
    assert hq_cli(["list-reps", "--json", "--db", db]) == 0
    reps = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["team"], r["admin"]) for r in reps] == [
        ("Alice", "north", False), ("Boss", "default", True)]
    assert token not in json.dumps(reps)  # only hashes are kept
    assert hq_cli(["revoke-token", token.split(".")[0], "--db", db]) == 0
    assert hq_cli(["revoke-token", "nobody", "--db", db]) == 1
    assert "list-reps" in capsys.readouterr().err
    assert hq_cli(["compact", "--days", "3", "--db", db]) == 1
    assert hq_cli(["init", "--db", "postgresql://nobody@127.0.0.1:1/x"]) == 1
    assert "Cannot open the HQ database" in capsys.readouterr().err


def test_satchel_hq_serve_runs_the_service(tmp_path):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SATCHEL_HQ_DB": str(tmp_path / "hq.db")}
    proc = subprocess.Popen([sys.executable, "-m", "sync.server.cli", "serve", "--port",
                             str(port)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(200):
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        assert r.json()["status"] == "ok"
        assert httpx.post(f"http://127.0.0.1:{port}/v1/pull", json={"protocol": 1}
                          ).status_code == 401
    finally:
        proc.terminate()
        proc.wait(timeout=20)
