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


def test_export_by_tag_and_company(tmp_path):
    db = tmp_path / "cli.sqlite3"
    book = tmp_path / "fair.vcf"
    book.write_text("".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nORG:{company}\r\n"
        f"EMAIL:{n}@ex.example\r\nCATEGORIES:{tags}\r\nEND:VCARD\r\n"
        for n, (name, company, tags) in enumerate([
            ("张伟", "华为技术有限公司", "广交会,VIP"), ("李娜", "华为技术有限公司", ""),
            ("Emma Thompson", "Northwind", "广交会")])), encoding="utf-8")
    assert satchel(db, "import", str(book)).returncode == 0
    out = tmp_path / "out.vcf"
    fair = satchel(db, "export", "--tag", "广交会", "--company", "华为", "--out", str(out), "--json")
    assert fair.returncode == 0, fair.stderr
    assert json.loads(fair.stdout)["exported"] == 1
    text = out.read_text(encoding="utf-8")
    assert "张伟" in text and "李娜" not in text and "Emma" not in text
    every = satchel(db, "export", "--company", "华为", "--out", str(tmp_path / "hw.csv"))
    assert every.returncode == 0 and "Exported 2" in every.stdout
    none = satchel(db, "export", "--tag", "Messe", "--out", str(tmp_path / "none.vcf"))
    assert none.returncode != 0 and "Tags in use: VIP, 广交会" in none.stderr
    assert "Traceback" not in none.stderr and not (tmp_path / "none.vcf").exists()


def test_a_sheet_without_headers_on_the_command_line(tmp_path):
    """The error says the sheet has no header row and gives the --map options the values
    suggest, ready to copy; with them the first row is imported too."""
    db = tmp_path / "cli.sqlite3"
    sheet = tmp_path / "list.csv"
    sheet.write_text("王小明,13800138000,wxm@hq.example.cn\r\nAnn Lee,+65 9123 4567,ann@lee.example\r\n",
                     encoding="utf-8")
    asked = satchel(db, "import", str(sheet))
    assert asked.returncode != 0 and "no header row" in asked.stderr
    maps = ['--map', 'Column A=name', '--map', 'Column B=mobile', '--map', 'Column C=email']
    assert '--map "Column A=name" --map "Column B=mobile" --map "Column C=email"' in asked.stderr
    done = satchel(db, "import", str(sheet), *maps, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["created"] == 2


def test_import_with_a_tag(tmp_path):
    db = tmp_path / "cli.sqlite3"
    book = tmp_path / "fair.vcf"
    book.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张伟\r\nEMAIL:zw@ex.example\r\n"
                    "END:VCARD\r\n", encoding="utf-8")
    done = satchel(db, "import", str(book), "--tag", "广交会 2026", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["created"] == 1
    fair = satchel(db, "export", "--tag", "广交会 2026", "--out", str(tmp_path / "f.csv"))
    assert fair.returncode == 0 and "Exported 1" in fair.stdout
    again = satchel(db, "import", str(book), "--tag", "广交会 2026", "--json")
    assert json.loads(again.stdout)["unchanged"] == 1


def test_a_database_another_program_writes_gets_a_clear_message(tmp_path, fx, monkeypatch,
                                                                  capsys):
    """The app holding an import's preview (or syncing) while the command line imports: after
    SQLite's wait, a sentence, not a traceback; nothing written."""
    import sqlite3

    from app import store as store_module
    from cli.main import main

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.3)  # (30 s in earnest)
    db = tmp_path / "busy.sqlite3"
    assert main(["--db", str(db), "import", str(fx("google.csv"))]) == 0
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE meta SET value = value")
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(fx("apple_30.vcf"))]) == 1
    err = capsys.readouterr().err
    assert "database is busy" in err and "Traceback" not in err
    other.execute("ROLLBACK")
    other.close()
    assert main(["--db", str(db), "import", str(fx("apple_30.vcf")), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] > 0
