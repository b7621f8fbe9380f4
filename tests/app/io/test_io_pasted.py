"""Contacts dropped or pasted as text: vCard data, rows copied from a sheet, a To: line."""

from app.io.apply import run_import
from app.io.pasted import as_file, mailboxes
from app.services import contacts


def _names(store) -> list[str]:
    with store.read() as s:
        return sorted(contacts.get(s, i).name for i in contacts.ids(s))


def test_a_to_line_becomes_its_people(store, tmp_path):
    line = '王小明 <wxm@hq.example.cn>; "Lee, Ann" <ann@lee.example>,\nbob@acme.example'
    # (Outlook writes "Last, First")
    assert mailboxes(line) == [("王小明", "wxm@hq.example.cn"), ("Ann Lee", "ann@lee.example"),
                               ("", "bob@acme.example")]
    path = as_file(line, tmp_path, "Pasted contacts")
    assert path.name == "Pasted contacts.csv"
    report = run_import(store, [path])
    assert report.created == 3 and not report.skipped
    assert _names(store) == ["", "Ann Lee", "王小明"]  # (the list shows the address for "")
    assert run_import(store, [path]).created == 0  # pasted again: nothing new


def test_rows_copied_from_a_sheet_with_or_without_their_header(store, tmp_path):
    rows = "姓名\t公司\t手机\n王小明\t深圳华强电子有限公司\t13800138000\n"
    path = as_file(rows, tmp_path, "a")
    assert path.suffix == ".tsv"
    assert run_import(store, [path]).created == 1
    bare = as_file("李娜\t广州白云贸易有限公司\t13700137000\tlina@by.example.cn\n", tmp_path, "b")
    from app.io.errors import UnmappedColumns

    try:
        run_import(store, [bare])
    except UnmappedColumns as exc:  # no header row: the mapping step, with the values' guess
        assert exc.by_value["Column A"] == "name"
        assert run_import(store, [bare], mapping=exc.by_value).created == 1
    else:
        raise AssertionError("a sheet without headers is not imported on a guess")
    assert _names(store) == ["李娜", "王小明"]


def test_vcard_data_and_text_that_holds_no_contacts(store, tmp_path):
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张伟\r\nTEL:+86 138 0013 8000\r\nEND:VCARD\r\n"
    path = as_file(card, tmp_path, "Dropped contacts")
    assert path.name == "Dropped contacts.vcf"
    assert run_import(store, [path]).created == 1
    for text in ("", "   ", "Meeting at 3pm with Ann", "ann at lee dot example; bob@x.example"):
        assert as_file(text, tmp_path, "x") is None, text
