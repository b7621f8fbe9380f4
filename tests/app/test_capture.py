"""Company-first capture: a contact joins its company and inherits the address; idempotent."""

from sqlalchemy import func, select

from app import capture
from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.models import Company, Contact, Outbox
from app.services import contacts
from app.store import Store


def test_contact_joins_existing_company_by_normalized_name(store):
    with store.write() as tx:
        co = capture.save_company(tx, CompanyDraft("ACME GmbH", address="Hauptstr. 1, 10115 Berlin"))
    for written in ("Acme", "acme gmbh", "ＡＣＭＥ　ＧｍｂＨ", "Acme, GmbH."):
        with store.write() as tx:
            res = capture.save_contact(tx, ContactDraft(name=f"P {written}", company=written))
        assert (res.company_id, res.company_action) == (co.company_id, "linked")
        with store.read() as s:
            view = contacts.get(s, res.contact_id)
            assert view.address == "Hauptstr. 1, 10115 Berlin" and view.own_address == ""


def test_chinese_legal_form_is_ignored(store):
    with store.write() as tx:
        co = capture.save_company(tx, CompanyDraft("华为技术有限公司", address="深圳市龙岗区坂田"))
        res = capture.save_contact(tx, ContactDraft(name="王伟", company="华为技术"))
    assert res.company_id == co.company_id


def test_new_company_takes_the_drafts_address(store):
    with store.write() as tx:
        res = capture.save_contact(tx, ContactDraft(name="Ann", company="Nordwind AG",
                                                    address="Seestr. 5, Zürich"))
    assert res.company_action == "created"
    with store.read() as s:
        assert s.get(Company, res.company_id).address == "Seestr. 5, Zürich"
        assert contacts.get(s, res.contact_id).own_address == ""


def test_differing_address_stays_the_contacts_own(store):
    with store.write() as tx:
        capture.save_company(tx, CompanyDraft("Acme", address="HQ street 1"))
        res = capture.save_contact(tx, ContactDraft(name="Remote Rep", company="Acme",
                                                    address="Home office 9"))
    with store.read() as s:
        assert contacts.get(s, res.contact_id).own_address == "Home office 9"


def test_same_person_is_never_saved_twice(store):
    draft = ContactDraft(name="Zhang Wei", company="Sino Parts Ltd", title="",
                         emails=[Email("zhang@sinoparts.cn")],
                         phones=[Phone("+86 138 0013 8000", "mobile")])
    with store.write() as tx:
        first = capture.save_contact(tx, draft)
    with store.read() as s:
        n_out = s.scalar(select(func.count()).select_from(Outbox))
    with store.write() as tx:
        again = capture.save_contact(tx, draft)
    assert (again.contact_id, again.action) == (first.contact_id, "unchanged")
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Outbox)) == n_out  # idempotent
    # same phone written differently + a new e-mail + a title: fills, adds, never copies
    with store.write() as tx:
        third = capture.save_contact(tx, ContactDraft(
            name="张伟", title="Sales Director", phones=[Phone("13800138000")],
            emails=[Email("zw@gmail.com")]))
    assert (third.contact_id, third.action) == (first.contact_id, "updated")
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 1
        view = contacts.get(s, first.contact_id)
        assert view.name == "Zhang Wei" and view.title == "Sales Director"
        assert [e.address for e in view.emails] == ["zhang@sinoparts.cn", "zw@gmail.com"]
        assert len(view.phones) == 1


def test_name_parts_are_filled_only_from_the_same_name(store):
    """A card found by someone else's number fills their empty fields, but the parts of its
    own name describe another name: 李娜 must not become given name 小明, family name 王."""
    with store.write() as tx:
        lina = capture.save_contact(tx, ContactDraft(
            name="李娜", phones=[Phone("13800138000", "mobile")])).contact_id
        ada = capture.save_contact(tx, ContactDraft(
            name="Ada Lovelace", emails=[Email("ada@example.org")])).contact_id
    with store.write() as tx:
        other = capture.save_contact(tx, ContactDraft(
            name="王小明", family_name="王", given_name="小明", title="经理",
            phones=[Phone("138 0013 8000", "mobile")]))
        same = capture.save_contact(tx, ContactDraft(
            name="LOVELACE  Ada", family_name="Lovelace", given_name="Ada",
            emails=[Email("ADA@example.org")]))
    assert (other.contact_id, other.action) == (lina, "updated")  # the title is news
    assert (same.contact_id, same.action) == (ada, "updated")
    with store.read() as s:
        her = contacts.get(s, lina)
        assert (her.name, her.family_name, her.given_name, her.title) == ("李娜", "", "", "经理")
        theirs = contacts.get(s, ada)
        assert (theirs.family_name, theirs.given_name) == ("Lovelace", "Ada")
    with store.write() as tx:  # and the card changes nothing the second time
        assert capture.save_contact(tx, ContactDraft(
            name="王小明", family_name="王", given_name="小明", title="经理",
            phones=[Phone("138 0013 8000", "mobile")])).action == "unchanged"


def test_a_company_the_rep_picked_is_used_as_is(store):
    with store.write() as tx:
        old = capture.save_company(tx, CompanyDraft("Acme GmbH", address="Hauptstr. 1, Berlin"))
        picked = capture.save_company(tx, CompanyDraft("Acme", address="Marienplatz 2, München"))
        known = capture.save_contact(tx, ContactDraft(name="Ann", emails=[Email("ann@x.de")]))
    with store.write() as tx:
        # the typed name would match the first; the rep chose the second
        new = capture.save_contact(tx, ContactDraft(name="Ben", company="Acme GmbH",
                                                    address="Marienplatz 2, München"),
                                   company_id=picked.company_id)
        again = capture.save_contact(tx, ContactDraft(name="Ann", emails=[Email("ann@x.de")]),
                                     company_id=picked.company_id)
    assert (new.action, new.company_action, new.company_id) == ("created", "linked",
                                                                picked.company_id)
    assert (again.contact_id, again.company_id) == (known.contact_id, picked.company_id)
    with store.read() as s:
        assert contacts.get(s, new.contact_id).address == "Marienplatz 2, München"  # inherited
        assert s.get(Contact, new.contact_id).address == ""  # not stored twice
        assert s.scalar(select(func.count()).select_from(Company)) == 2
    assert old.company_id != picked.company_id


def test_a_number_two_people_share_finds_the_same_one_every_time(store):
    """Found by the capture property test: 王伟 by e-mail, 王伟 by phone (a second person), the
    e-mail and the phone together (the first gains the phone), then the phone with another
    number. Which of the two the shared phone finds depended on the order of its index rows,
    which rewriting a person's phones changes: saving the same four drafts again added the
    second number to the other person. The oldest now always wins."""
    batch = [ContactDraft(name="王伟", emails=[Email("a@b.cn")]),
             ContactDraft(name="王伟", phones=[Phone("+86 138 0013 8000")]),
             ContactDraft(name="王伟", phones=[Phone("+86 138 0013 8000")], emails=[Email("a@b.cn")]),
             ContactDraft(name="王伟", phones=[Phone("+86 138 0013 8000"),
                                               Phone("(415) 555-0199")])]

    def save_all():
        out = []
        for d in batch:
            with store.write() as tx:
                out.append(capture.save_contact(tx, d, region="CN"))
        return out

    first = save_all()
    again = save_all()
    assert [r.action for r in again] == ["unchanged"] * 4
    assert first[3].contact_id == first[0].contact_id  # the oldest of the two


def test_saving_again_finds_the_same_people_after_they_changed(tmp_path):
    """Found by the capture property test (1,000 random batches). A name-only 王伟 after 王伟
    joined a company finds him (it made a second 王伟); a number two people share finds the
    one at the draft's company (it found the oldest, who then joined that company), else the
    one that already holds the draft (it filled the oldest's address)."""
    cases = [
        [ContactDraft(name="王伟", phones=[Phone("+86 138 0013 8000")]),
         ContactDraft(name="王伟"),
         ContactDraft(name="王伟", company="Acme GmbH", phones=[Phone("+86 138 0013 8000")])],
        [ContactDraft(name="王伟", emails=[Email("a@b.cn")]),
         ContactDraft(name="王伟", company="Acme GmbH", phones=[Phone("+86 138 0013 8000")]),
         ContactDraft(name="王伟", phones=[Phone("+86 138 0013 8000")], emails=[Email("a@b.cn")])],
        # no company to tell them apart: the one that already holds the draft's address
        [ContactDraft(name="王伟", emails=[Email("a@b.cn")]),
         ContactDraft(name="王伟", phones=[Phone("+86 138 0013 8000")], address="Hauptstr. 1"),
         ContactDraft(name="王伟", phones=[Phone("+86 138 0013 8000")], emails=[Email("a@b.cn")])],
    ]
    for n, batch in enumerate(cases):
        store = Store.open(tmp_path / f"{n}.sqlite3", region="CN")

        def save_all(batch=batch, store=store):
            out = []
            for d in batch:
                with store.write() as tx:
                    out.append(capture.save_contact(tx, d, region="CN"))
            return out

        save_all()
        with store.read() as s:
            people = s.scalar(select(func.count()).select_from(Contact))
        again = save_all()
        assert [r.action for r in again] == ["unchanged"] * len(batch)
        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(Contact)) == people
        store.close()


def test_a_name_shared_by_two_finds_the_one_who_holds_the_card(store):
    # two people of one name at one company, the card saved onto the younger (the rep picked
    # them): saving it again changes nothing rather than filling the oldest
    with store.write() as tx:
        older = capture.save_contact(tx, ContactDraft(name="Ann Lee", company="Nordwind AG"))
        younger = contacts.create(tx, ContactDraft(name="Ann Lee", title="CEO"),
                                  company_id=older.company_id)
    with store.write() as tx:
        again = capture.save_contact(tx, ContactDraft(name="Ann Lee", company="Nordwind AG",
                                                      title="CEO"))
    assert (again.contact_id, again.action) == (younger, "unchanged")
    with store.read() as s:
        assert contacts.get(s, older.contact_id).title == ""


def test_the_address_of_the_company_a_known_person_is_at_is_not_their_own(store):
    # found by e-mail, the person stays at their company; the card's company is another one
    # (here picked; in an import, the one its text matches now): the card's address is their
    # company's, nothing to add
    with store.write() as tx:
        at = capture.save_contact(tx, ContactDraft(name="Bo", company="Acme",
                                                   address="1 Main St, Springfield",
                                                   emails=[Email("bo@acme.example")]))
        other = capture.save_company(tx, CompanyDraft("Zenith Ltd", address="9 Elm St"))
    with store.write() as tx:
        again = capture.save_contact(tx, ContactDraft(
            name="Bo", company="Zenith Ltd", address="1 Main St, Springfield",
            emails=[Email("bo@acme.example")]), company_id=other.company_id)
    assert (again.contact_id, again.company_id, again.action) == \
        (at.contact_id, at.company_id, "unchanged")
    with store.read() as s:
        assert contacts.get(s, at.contact_id).own_address == ""


def test_colleagues_behind_one_switchboard_are_different_people(tmp_path):
    """Same number = same person, and an extension is part of the number: colleagues at one
    switchboard ("ext. 12", "转 808") are not one person, the switchboard alone is none of
    them, the same extension written otherwise is the same person. A call from the
    switchboard finds everyone on the line."""
    from app.lookup import lookup_phone

    store = Store.open(tmp_path / "s.sqlite3", region="CN")
    saves = [("王小明", "0755-8601 3388 转 808"), ("李娜", "0755-86013388 转 809"),
             ("前台", "0755 8601 3388"), ("Ann Auer", "+49 30 1234567 ext. 12"),
             ("Bob Bauer", "+49 30 1234567 ext. 13"), ("小明", "+86 755 8601 3388 分机 808"),
             ("A. Auer", "+49 (30) 123-4567 x12")]
    with store.write() as tx:
        got = [capture.save_contact(tx, ContactDraft(name=name, phones=[Phone(number)]))
               for name, number in saves]
    assert [r.action for r in got] == ["created"] * 5 + ["unchanged"] * 2
    assert got[5].contact_id == got[0].contact_id and got[6].contact_id == got[3].contact_id
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 5
        assert sorted(r.contact.name for r in lookup_phone(s, "+86 755 8601 3388")) == \
            ["前台", "李娜", "王小明"]
    store.close()


def test_a_chinese_name_padded_with_spaces_is_the_name(store):
    """Documents pad a two-character name to line up under longer ones ("王　五", "王 五"): it
    is 王五, the same person at the same company, not a second one."""
    with store.write() as tx:
        first = capture.save_contact(tx, ContactDraft(name="王　五", company="华强电子"))
        again = capture.save_contact(tx, ContactDraft(name="王五", company="华强电子"))
        third = capture.save_contact(tx, ContactDraft(name=" 王 五 ", company="华强电子"))
    assert first.contact_id == again.contact_id == third.contact_id
    assert (again.action, third.action) == ("unchanged", "unchanged")
    with store.read() as s:
        assert contacts.get(s, first.contact_id).name == "王五"
