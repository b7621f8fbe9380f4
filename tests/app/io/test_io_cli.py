"""`satchel import` / `satchel export` as a real process on a real database file."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def satchel(db, *args):
    return subprocess.run([sys.executable, "-m", "cli.main", "--db", str(db), "--region", "CN",
                           *args], capture_output=True, text=True, env=ENV, timeout=120, cwd=ROOT)


def test_import_json_dry_run_idempotent_and_export(tmp_path, fx):
    db = tmp_path / "cli.sqlite3"
    files = [str(fx("broken.vcf")), str(fx("outlook_zh_gbk.csv"))]
    dry = satchel(db, "import", *files, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert (report["created"], len(report["skipped"])) == (3, 2)
    assert report["skipped"][0] == {"file": files[0], "record": 2,
                                    "reason": "no name, e-mail, phone or company"}
    real = json.loads(satchel(db, "import", *files, "--json").stdout)
    assert real["created"] == 3 and real["records"][0]["action"] == "created"
    again = json.loads(satchel(db, "import", *files, "--json").stdout)
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 3)
    out = tmp_path / "all.vcf"
    exp = satchel(db, "export", "--format", "vcf", "--out", str(out))
    assert exp.returncode == 0 and "Exported 3" in exp.stdout
    assert "刘强" in out.read_text(encoding="utf-8")
    # the file name's extension says the format; one that says nothing gets a question
    said = satchel(db, "export", "--out", str(tmp_path / "all.CSV"), "--json")
    assert said.returncode == 0 and json.loads(said.stdout)["format"] == "csv"
    unsaid = satchel(db, "export", "--out", str(tmp_path / "all.txt"))
    assert unsaid.returncode != 0 and "--format" in unsaid.stderr
    assert not (tmp_path / "all.txt").exists()


def test_unreadable_file_and_unrecognized_headers(tmp_path, fx):
    db = tmp_path / "cli.sqlite3"
    bad = satchel(db, "import", str(fx("image.png")))
    assert bad.returncode != 0 and "PNG image" in bad.stderr and "Traceback" not in bad.stderr
    unknown = satchel(db, "import", str(fx("unknown_headers.csv")))
    assert unknown.returncode != 0
    assert "Customer, Handphone, Shoe size" in unknown.stderr and "--map" in unknown.stderr
    mapped = satchel(db, "import", str(fx("unknown_headers.csv")), "--map", "Customer=name",
                     "--map", "Handphone=mobile", "--map", "Shoe size=", "--json")
    assert mapped.returncode == 0, mapped.stderr
    assert json.loads(mapped.stdout)["created"] == 1
    wrong = satchel(db, "import", str(fx("unknown_headers.csv")), "--map", "Customer=shoe")
    assert wrong.returncode != 0 and "not a field" in wrong.stderr


def test_excel_round_trip_on_the_command_line(tmp_path, fx):
    import openpyxl

    db = tmp_path / "cli.sqlite3"
    assert satchel(db, "import", str(fx("ios_30.vcf")), "--json").returncode == 0
    book = tmp_path / "book.xlsx"
    exp = satchel(db, "export", "--format", "xlsx", "--out", str(book), "--json")
    assert exp.returncode == 0 and json.loads(exp.stdout)["exported"] == 1
    wb = openpyxl.load_workbook(book)
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header[0] == "Satchel ID"
    ws.cell(2, header.index("Job Title") + 1).value = "高级客户经理"
    wb.save(book)
    r = json.loads(satchel(db, "import", str(book), "--json").stdout)
    assert (r["created"], r["updated"]) == (0, 1) and r["records"][0]["id"] == ws.cell(2, 1).value
    out = tmp_path / "all.vcf"  # csv is exercised in-process (test_io_export)
    assert satchel(db, "export", "--format", "vcf4", "--out", str(out)).returncode == 0
    assert "吴晓明" in out.read_text(encoding="utf-8") and "KIND:org" in out.read_text(encoding="utf-8")
