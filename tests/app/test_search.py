"""Search while typing, Chinese by substring, phones in every format; phone lookup."""

import pytest

from app import capture, lookup, search
from app.domain import ContactDraft, Email, Phone
from app.services import activities, contacts, opportunities


@pytest.fixture
def people(store):
    with store.write() as tx:
        a = capture.save_contact(tx, ContactDraft(
            name="欧阳娜娜", company="北京字节跳动科技有限公司", title="采购经理",
            phones=[Phone("+86 138-0013-8000", "mobile")], emails=[Email("nana@bytedance.com")]))
        b = capture.save_contact(tx, ContactDraft(
            name="Jonathan Smith", company="Acme Inc", title="CTO",
            phones=[Phone("+1 (415) 555-0199")], emails=[Email("jon@acme.com")]))
        c = capture.save_contact(tx, ContactDraft(name="王伟", company="Acme Inc"))
        activities.create(tx, "call", body="讨论了年度框架协议", contact_id=a.contact_id)
        activities.create(tx, "meeting", subject="Kick-off", contact_id=a.contact_id,
                          company_id=a.company_id)
        opportunities.create(tx, "Data centre refresh", a.company_id, amount=1e6, currency="CNY")
    return a.contact_id, b.contact_id, c.contact_id


@pytest.mark.parametrize("query", ["+86 138-0013-8000", "138 0013 8000", "13800138000",
                                   "0013800", "(138) 0013-8000"])
def test_every_phone_format_finds_the_person(store, people, query):
    with store.read() as s:
        assert [h.id for h in search.search(s, query)] == [people[0]]


@pytest.mark.parametrize("query,expected", [
    ("欧阳", 0), ("娜娜", 0), ("字节跳动", 0), ("采购", 0), ("nana@byte", 0), ("jonat", 1),
    ("smith acme", 1), ("ACME cto", 1), ("王伟", 2), ("伟", 2)])
def test_names_companies_titles_and_emails_match_while_typing(store, people, query, expected):
    with store.read() as s:
        hits = [h.id for h in search.search(s, query) if h.type == "contact"]
    assert hits[0] == people[expected]


def test_notes_are_searchable_and_deleted_records_are_not(store, people):
    with store.read() as s:
        assert [h.type for h in search.search(s, "框架协议")] == ["activity"]
    with store.write() as tx:
        contacts.delete(tx, people[1])
    with store.read() as s:
        assert search.search(s, "jonathan") == []


def test_renaming_a_company_updates_its_contacts_search(store, people):
    with store.read() as s:
        co = contacts.get(s, people[1]).company_id
    from app.services import companies
    with store.write() as tx:
        companies.update(tx, co, name="Globex Corporation")
    with store.read() as s:
        assert people[1] in [h.id for h in search.search(s, "globex")]


def test_odd_queries_do_not_break_search(store, people):
    with store.read() as s:
        for q in ['"', "AND", "a*", "NEAR(", "'; drop table contact;--", "  ", "+", "%", "_"]:
            search.search(s, q)  # must not raise


def test_lookup_shows_contact_company_opportunities_and_history(store, people):
    with store.read() as s:
        found = lookup.lookup_phone(s, "008613800138000")
    assert len(found) == 1
    data = found[0].to_json()
    assert data["contact"]["name"] == "欧阳娜娜"
    assert data["company"]["name"] == "北京字节跳动科技有限公司"
    assert [o["title"] for o in data["opportunities"]] == ["Data centre refresh"]
    assert {a["kind"] for a in data["activities"]} == {"call", "meeting"}
    created = [a["created_at"] for a in data["activities"]]
    assert created == sorted(created, reverse=True)  # newest first


def test_lookup_by_national_number_without_country_code(store, people):
    with store.read() as s:
        assert [r.contact.id for r in lookup.lookup_phone(s, "415 555 0199", "US")] == [people[1]]
        assert lookup.lookup_phone(s, "999") == []


def test_one_or_two_letters_find_names_starting_so(store, people):
    with store.read() as s:
        assert [h.id for h in search.search(s, "jo")] == [people[1]]
        assert [h.name for h in search.search(s, "ac")] == ["Acme Inc"]
        assert search.search(s, "zq") == []
