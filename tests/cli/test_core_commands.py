"""The satchel command, run as a real process on a real database file."""

import json
import os
import subprocess
import sys

import pytest

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def satchel(db, *args, ok=True):
    proc = subprocess.run([sys.executable, "-m", "cli.main", "--db", str(db), "--region", "CN", *args],
                          capture_output=True, text=True, env=ENV, timeout=120)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


def as_json(db, *args):
    return json.loads(satchel(db, *args, "--json").stdout)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cli.sqlite3"


def test_company_first_contact_and_lookup(db):
    co = as_json(db, "add-company", "上海汽车集团股份有限公司", "--address", "上海市静安区威海路489号",
                 "--phone", "021 2201 1888", "--website", "https://www.saicmotor.com")
    c = as_json(db, "add-contact", "陈静", "--company", "上海汽车集团", "--title", "采购总监",
                "--email", "chen.jing@saicmotor.com", "--phone", "+86 139-1111-2222")
    assert c["company_id"] == co["id"] and c["company_action"] == "linked"
    as_json(db, "add-opportunity", "车载屏幕", "--company", "上海汽车集团股份有限公司",
            "--amount", "880000", "--currency", "CNY", "--stage", "proposal", "--close", "2027-01-15")
    as_json(db, "add-note", "电话沟通了交期", "--contact", c["id"], "--date", "2026-11-20")
    listed = as_json(db, "list", "contacts")
    assert listed[0]["company"] == "上海汽车集团股份有限公司" and listed[0]["company_id"] == co["id"]
    assert listed[0]["address"] == "上海市静安区威海路489号"
    found = as_json(db, "lookup", "13911112222")
    assert found[0]["contact"]["name"] == "陈静"
    assert found[0]["contact"]["address"] == "上海市静安区威海路489号"
    assert found[0]["company"]["name"] == "上海汽车集团股份有限公司"
    assert found[0]["opportunities"][0]["title"] == "车载屏幕"
    assert found[0]["activities"][0]["body"] == "电话沟通了交期"
    hits = as_json(db, "search", "采购")
    assert hits[0] == {"type": "contact", "id": c["id"], "name": "陈静", "detail": "采购总监 · 上海汽车集团股份有限公司"}
    human = satchel(db, "lookup", "+86 139 1111 2222").stdout
    assert "陈静" in human and "车载屏幕" in human


def test_update_delete_and_list_companies(db):
    c = as_json(db, "add-contact", "Jane Doe", "--email", "jane@example.org")
    upd = as_json(db, "update", "contact", c["id"], "--title", "VP Sales", "--phone", "+1 212 555 0100")
    assert upd["title"] == "VP Sales" and upd["changed"] == ["phones", "title"]
    as_json(db, "add-company", "Globex")
    assert [x["name"] for x in as_json(db, "list", "companies")] == ["Globex"]
    satchel(db, "delete", "contact", c["id"])
    assert as_json(db, "list", "contacts") == []
    assert as_json(db, "search", "jane") == []
    as_json(db, "add-contact", "Hank Scorpio", "--company", "Globex")
    assert "\t1 contact\t" in satchel(db, "list", "companies").stdout  # not "1 contacts"


@pytest.mark.parametrize("args,message", [
    (["delete", "contact", "nope"], "No contact with id nope"),
    (["add-opportunity", "X", "--company", "Y", "--stage", "someday"], "Unknown stage"),
    (["add-note", "   "], "empty note"),
])
def test_bad_input_is_one_line_and_non_zero(db, args, message):
    proc = satchel(db, *args, ok=False)
    assert proc.returncode == 1
    assert message in proc.stderr and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr


def test_bad_date_and_not_a_database(db, tmp_path):
    proc = satchel(db, "add-note", "x", "--date", "31/12/2026", ok=False)
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr
    bogus = tmp_path / "photo.jpg"
    bogus.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    proc = satchel(bogus, "list", "contacts", ok=False)
    assert proc.returncode == 1 and "not a Satchel database" in proc.stderr
    assert bogus.read_bytes()[:4] == b"\xff\xd8\xff\xe0"
