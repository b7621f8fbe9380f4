"""The matcher (app.matching, app.dedup) on a real store: spellings of one company link, look-alike
companies do not, contacts are the same person on e-mail / phone / name at the company, and every
entrance (quick-add capture, import, the command line, the duplicate finder) asks the same matcher.

The normalizers' own cases are in tests/app/test_normalize.py; here they are checked through the
matcher's decisions, which is what a rep sees."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from app import capture, matching
from app import normalize as n
from app.dedup.candidates import find_candidates
from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.io.apply import run_import
from app.services import companies, contacts
from app.store import Store

# stored name → spellings a rep or a file may use for the same company
SPELLINGS = {
    "Northwind Traders Inc.": ["northwind traders", "Northwind Traders, LLC",  # EN
                               "The Northwind Traders Ltd", "NORTHWIND TRADERS CORPORATION"],
    "Bergmann Maschinenbau GmbH": ["Bergmann Maschinenbau",  # DE
                                   "Bergmann Maschinenbau Gesellschaft mit beschränkter Haftung",
                                   "BERGMANN MASCHINENBAU GMBH & CO. KG"],
    "Société Générale S.A.": ["SOCIETE GENERALE", "Societe Generale SA",  # FR, accents
                              "Société Générale Société Anonyme"],
    "Telefónica S.A.": ["Telefonica", "Telefónica Sociedad Anónima", "TELEFONICA S.L."],  # ES
    "Ferrero S.p.A.": ["Ferrero SpA", "FERRERO S.R.L.", "Ferrero Società per Azioni"],  # IT
    "Vandermolen Logistiek B.V.": ["Vandermolen Logistiek BV", "Vandermolen Logistiek N.V.",  # NL
                                   "vandermolen logistiek besloten vennootschap"],
    "华为技术有限公司": ["华为技术", "华为技术股份有限公司", "华为技术有限责任公司"],  # ZH
    "トヨタ自動車株式会社": ["株式会社トヨタ自動車", "トヨタ自動車"],  # JA
    "삼성전자 주식회사": ["(주)삼성전자", "삼성전자"],  # KO
    "Procter & Gamble GmbH": ["Procter and Gamble", "PROCTER & GAMBLE"],  # &/and
    "Zephyr Optics GmbH": ["ＺＥＰＨＹＲ　ＯＰＴＩＣＳ", "Zephyr Optics, GmbH."],  # full width
}


@pytest.fixture
def de_store(tmp_path):
    s = Store.open(tmp_path / "de.sqlite3", region="DE")
    yield s
    s.close()


def _create(store, *drafts: CompanyDraft) -> list[str]:
    with store.write() as tx:
        return [companies.create(tx, d) for d in drafts]


def _match(store, draft: CompanyDraft, region: str | None = None) -> matching.CompanyMatch:
    with store.read() as s:
        return matching.match_company(s, draft, region or store.region)


def _pairs(store, kind="company"):
    with store.read() as s:
        return {frozenset((c.a, c.b)): c
                for c in find_candidates(s, store.region, kinds=(kind,))}


# -- names -------------------------------------------------------------------------------------

def test_spellings_of_one_company_link_in_every_language(de_store):
    ids = dict(zip(SPELLINGS, _create(de_store, *(CompanyDraft(name) for name in SPELLINGS)),
                   strict=True))
    for stored, written in SPELLINGS.items():
        for spelling in written:
            m = _match(de_store, CompanyDraft(spelling))
            assert (m.company_id, m.decision) == (ids[stored], "same"), (spelling, m)
    # and none of the stored ones is a duplicate of another
    assert _pairs(de_store) == {}


def test_another_name_is_a_new_company(de_store):
    _create(de_store, CompanyDraft("Northwind Traders Inc."), CompanyDraft("Ferrero S.p.A."))
    for other in ("Southwind Logistics", "Ferrari S.p.A.", "Trader Joe's", "Northwind"):
        assert _match(de_store, CompanyDraft(other)).decision != "same", other


def test_abbreviation_word_order_and_typo_are_found(de_store):
    [cid] = _create(de_store, CompanyDraft("Acme International Manufacturing GmbH",
                                           website="acme-intl.de"))
    for spelling in ("Acme Intl Mfg", "Manufacturing Acme International", "Acme Internatinal "
                     "Manufacturing"):
        m = _match(de_store, CompanyDraft(spelling))
        assert m.company_id == cid and m.decision in ("same", "maybe"), (spelling, m)
    # a similar name with the same web domain is the same company
    m = _match(de_store, CompanyDraft("ACME Intl. Manufacturing", website="www.acme-intl.de"))
    assert (m.company_id, m.decision) == (cid, "same")


# -- domains -----------------------------------------------------------------------------------

def test_domain_ignores_scheme_www_and_subdomains(de_store):
    [cid] = _create(de_store, CompanyDraft("Acme Industrial GmbH",
                                           website="https://www.acme-industrial.de/kontakt"))
    m = _match(de_store, CompanyDraft("ACME Industrial", website="http://shop.acme-industrial.de"))
    assert (m.company_id, m.decision) == (cid, "same")
    assert "same domain acme-industrial.de" in m.reasons
    assert n.company_domain("mail.acme.co.uk") == n.company_domain("https://www.acme.co.uk")


@pytest.mark.parametrize("free", ["gmail.com", "outlook.com", "qq.com", "163.com", "126.com",
                                  "hotmail.de", "yahoo.co.jp"])
def test_free_mail_never_identifies_a_company(de_store, free):
    assert n.company_domain(f"someone@{free}") == ""
    a, b = _create(de_store, CompanyDraft("Alpha Consulting"), CompanyDraft("Beta Trading"))
    with de_store.write() as tx:
        contacts.create(tx, ContactDraft(name="Ann", emails=[Email(f"ann@{free}")]), a)
        contacts.create(tx, ContactDraft(name="Bo", emails=[Email(f"bo@{free}")]), b)
    assert _pairs(de_store) == {}
    m = _match(de_store, CompanyDraft("Gamma Imports", website=f"https://{free}"))
    assert m.decision == "new"


def test_colleagues_e_mail_domain_identifies_their_company(de_store):
    [cid] = _create(de_store, CompanyDraft("Kessler Antriebstechnik GmbH"))
    with de_store.write() as tx:
        contacts.create(tx, ContactDraft(name="Ute", emails=[Email("ute@kessler-antriebe.de")]),
                        cid)
    m = _match(de_store, CompanyDraft("Kesler Antriebstechnik", website="kessler-antriebe.de"))
    assert (m.company_id, m.decision) == (cid, "same")
    assert "same domain kessler-antriebe.de" in m.reasons
    m = _match(de_store, CompanyDraft("Kessler Antriebe", website="www.kessler-antriebe.de"))
    assert (m.company_id, m.decision) == (cid, "maybe")  # another name: only a suggestion


# -- phones, addresses -------------------------------------------------------------------------

def test_phones_compare_in_e164_and_keep_extensions(de_store):
    assert n.phone_e164("030 1234567", "DE") == n.phone_e164("+49 (30) 123-4567") \
        == "+49301234567"
    assert n.phone_key("+49 30 1234567 ext. 12", "DE") == "+49301234567;ext=12"
    assert n.phone_key("030 1234567", "DE") == "+49301234567"
    [cid] = _create(de_store, CompanyDraft("Lindner Feinmechanik KG", phone="030 1234567"))
    m = _match(de_store, CompanyDraft("Lindner Feinmechanik", phone="+49 30 1234567 ext. 12"))
    assert (m.company_id, m.decision) == (cid, "same")
    assert "same phone +49301234567" in m.reasons


def test_addresses_compare_across_abbreviations_and_chinese_units(de_store):
    assert n.street_key("Hauptstraße 12, 10115 Berlin") == n.street_key("Hauptstr. 12, Berlin")
    assert n.postcode("Hauptstraße 12, 10115 Berlin") == "10115"
    assert n.street_key("广东省深圳市南山区科技园路1号") == "科技园路1号"
    [cid] = _create(de_store, CompanyDraft("Brandt Elektro", address="Hauptstraße 12, 10115 Berlin"))
    m = _match(de_store, CompanyDraft("Brandt Elektrotechnik", address="Hauptstr. 12, 10115 Berlin"))
    assert m.company_id == cid and "same address" in m.reasons


# -- look-alikes that are other companies ------------------------------------------------------

def test_another_house_on_the_same_street_is_not_the_same_address(de_store):
    """'12 Market Street' and '14 Market Street' read nearly alike, but are two buildings: a
    similar name there is no more than similar (before, the fuzzy address comparison called it
    the same address and asked the rep about every neighbour)."""
    from app.dedup.features import CompanyRecord, features
    from app.dedup.scoring import score_pair

    def f(name, address):
        return features(CompanyRecord(name, name, address), "US")

    near = score_pair(f("Miller Trading 14", "12 Market Street, Springfield, IL 62701, USA"),
                      f("Lopez Trading 17", "14 Market Street, Springfield, IL 62701, USA"))
    same = score_pair(f("Miller Trading 14", "12 Market Street, Springfield, IL 62701, USA"),
                      f("Lopez Trading 17", "12 Market St., Springfield IL 62701"))
    assert "same address" not in near.reasons and near.decision == "new"
    assert "same address" in same.reasons

def test_subsidiary_sharing_the_parents_domain_is_not_auto_linked(de_store):
    parent, sub = _create(
        de_store,
        CompanyDraft("Siemens AG", address="Werner-von-Siemens-Straße 1, 80333 München",
                     website="https://www.siemens.com"),
        CompanyDraft("Siemens Healthineers AG", address="Henkestraße 127, 91052 Erlangen",
                     website="https://www.siemens.com/healthineers"))
    m = _match(de_store, CompanyDraft("Siemens Healthineers AG",
                                      address="Henkestraße 127, 91052 Erlangen",
                                      website="siemens.com"))
    assert m.company_id == sub  # its own record, not the parent's
    with de_store.read() as s:
        m = matching.match_company(s, CompanyDraft("Siemens Mobility GmbH",
                                                   address="Otto-Hahn-Ring 6, 81739 München",
                                                   website="https://siemens.com"), "DE")
    assert m.decision != "same"
    pair = _pairs(de_store).get(frozenset((parent, sub)))
    assert pair is None or pair.decision == "maybe"


def test_same_name_in_another_city_is_not_auto_linked(de_store):
    [berlin] = _create(de_store, CompanyDraft("Müller Bau GmbH", address="Hauptstraße 5, 10115 Berlin",
                                              phone="+49 30 5551234"))
    m = _match(de_store, CompanyDraft("Müller Bau GmbH", address="Elbchaussee 10, 22765 Hamburg"))
    assert m.decision == "maybe" and m.company_id == berlin  # the rep decides, in the queue
    with de_store.write() as tx:
        res = capture.save_company(tx, CompanyDraft("Müller Bau GmbH",
                                                    address="Elbchaussee 10, 22765 Hamburg"))
    assert res.action == "created" and res.company_id != berlin
    pair = _pairs(de_store)[frozenset((berlin, res.company_id))]
    assert pair.decision == "maybe"
    assert any(r.startswith("different address (") and "Hamburg" in r for r in pair.reasons)
    # another street in the same city (a branch, a home office on a card) still links
    m = _match(de_store, CompanyDraft("Müller Bau GmbH", address="Karl-Marx-Allee 90, 10243 Berlin"))
    assert m.decision == "same"


# -- Chinese short and registered names --------------------------------------------------------

def test_chinese_short_name_with_same_phone_or_address_is_found(store):
    full, = _create(store, CompanyDraft("华为技术有限公司", address="广东省深圳市龙岗区坂田华为基地",
                                        phone="0755 2878 0808"))
    m = _match(store, CompanyDraft("华为", phone="+86 755 2878 0808"))
    assert (m.company_id, m.decision) == (full, "same")
    assert "short name 华为" in m.reasons and "same phone +8675528780808" in m.reasons
    m = _match(store, CompanyDraft("华为", address="广东省深圳市龙岗区坂田华为基地"))
    assert (m.company_id, m.decision) == (full, "same") and "same address" in m.reasons
    # with nothing but the short name the rep is asked, not linked
    m = _match(store, CompanyDraft("华为"))
    assert (m.company_id, m.decision) == (full, "maybe")
    short, = _create(store, CompanyDraft("华为", phone="0755-28780808"))
    assert _pairs(store)[frozenset((full, short))].decision in ("same", "maybe")


def test_chinese_names_that_only_share_a_descriptor_are_different(store):
    _create(store, CompanyDraft("深圳市腾讯计算机系统有限公司", phone="0755 8601 3388"))
    m = _match(store, CompanyDraft("华为技术有限公司", phone="0755 2878 0808"))
    assert m.decision == "new"


# -- contacts ----------------------------------------------------------------------------------

def test_contact_is_the_same_person_on_email_phone_or_name_at_the_company(store):
    a, b = _create(store, CompanyDraft("Acme GmbH"), CompanyDraft("Zeta AG"))
    with store.write() as tx:
        ann = contacts.create(tx, ContactDraft(name="Ann Lee", emails=[Email("Ann.Lee@acme.de")],
                                               phones=[Phone("+86 138 0013 8000")]), a)

    def match(draft, company_id):
        with store.read() as s:
            return matching.match_contact(s, draft, company_id)

    by_mail = match(ContactDraft(name="A. Lee", emails=[Email("ann.lee@ACME.de")]), None)
    assert (by_mail.contact_id, by_mail.decision) == (ann, "same")
    by_phone = match(ContactDraft(name="李安", phones=[Phone("138-0013-8000")]), b)
    assert (by_phone.contact_id, by_phone.decision) == (ann, "same")
    by_name = match(ContactDraft(name="ann lee"), a)
    assert (by_name.contact_id, by_name.reasons) == (ann, ["same name at the same company"])
    # same name at another company, or with another e-mail and no company: another person
    assert match(ContactDraft(name="Ann Lee"), b).decision == "new"
    assert match(ContactDraft(name="Ann Lee", emails=[Email("ann@zeta.de")]), None).decision \
        == "new"


def test_duplicate_finder_pairs_contacts_on_the_same_rule(store):
    a, b = _create(store, CompanyDraft("Acme GmbH"), CompanyDraft("Zeta AG"))
    with store.write() as tx:
        mk = lambda name, co, **kw: contacts.create(tx, ContactDraft(name=name, **kw), co)  # noqa: E731
        ann = mk("Ann Lee", a, emails=[Email("ann@acme.de")])
        ann2 = mk("Ann Lee-Wu", None, emails=[Email("ANN@acme.de")])
        bo = mk("Bo Chen", b, phones=[Phone("+86 138 0013 8000")])
        bo2 = mk("陈波", None, phones=[Phone("13800138000")])
        cy = mk("Cy Ma", a)
        cy2 = mk("cy ma", a)
        mk("Cy Ma", b)  # same name at another company: another person
        desk = [mk(f"Desk {i}", a, phones=[Phone("+86 21 5555 0000")]) for i in range(6)]
        # colleagues behind one switchboard, each with an extension; one of them twice
        dee, dee2, eve = (mk(n, b, phones=[Phone(p)]) for n, p in (
            ("Dee Fu", "+86 21 6666 0000 转 11"), ("D. Fu", "021-6666 0000 ext. 11"),
            ("Eve Gu", "+86 21 6666 0000 转 12")))
    pairs = _pairs(store, "contact")
    assert pairs[frozenset((ann, ann2))].reasons == ["same e-mail ann@acme.de"]
    assert pairs[frozenset((bo, bo2))].reasons == ["same phone +8613800138000"]
    assert pairs[frozenset((cy, cy2))].reasons == ["same name at the same company"]
    assert pairs[frozenset((dee, dee2))].reasons == ["same phone +862166660000 ext. 11"]
    assert set(pairs) == {frozenset((ann, ann2)), frozenset((bo, bo2)), frozenset((cy, cy2)),
                          frozenset((dee, dee2))}  # (not Eve: another extension)
    assert eve not in {x for p in pairs for x in p}
    assert not any(d in p for d in desk for p in pairs)  # a switchboard is not one person
    assert all(c.kind == "contact" and c.decision == "same" for c in pairs.values())


def test_finder_reports_progress_and_stops_when_cancelled(store):
    _create(store, *(CompanyDraft(f"Firma {i} GmbH") for i in range(30)),
            CompanyDraft("Acme GmbH", website="acme.de"), CompanyDraft("ACME", website="acme.de"))
    seen = []
    with store.read() as s:
        found = find_candidates(s, "DE", progress=lambda d, t: seen.append((d, t)))
        assert found and seen and seen[-1][0] == seen[-1][1]
        assert find_candidates(s, "DE", cancel=lambda: True) == []


# -- one matcher for every entrance ------------------------------------------------------------

def test_quick_add_import_and_command_line_link_to_the_same_company(store, tmp_path):
    with store.write() as tx:  # quick-add: a person at a new company
        first = capture.save_contact(tx, ContactDraft(
            name="Anna Schmidt", company="Acme Industrial GmbH",
            address="Hauptstraße 12, 10115 Berlin", emails=[Email("anna@acme-industrial.de")]))
    assert first.company_action == "created"
    card = tmp_path / "ben.vcf"  # an import (a business card app's export) spells it otherwise
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ben Weber\nORG:ACME INDUSTRIAL\n"
                    "EMAIL:ben@acme-industrial.de\nEND:VCARD\n", encoding="utf-8")
    report = run_import(store, [str(card)])
    assert report.created == 1
    store.close()
    from cli.main import main  # the command line, another process's view of the same file

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--db", str(store.path), "add-contact", "Carl Hahn", "--company",
                     "Acme Industrial", "--json"]) == 0
    carl = json.loads(out.getvalue())
    reopened = Store.open(store.path)
    try:
        with reopened.read() as s:
            people = [contacts.get(s, i) for i in contacts.ids(s)]
            assert {p.company_id for p in people} == {first.company_id}
            assert carl["company_id"] == first.company_id
            assert companies.get(s, first.company_id).contact_count == 3
            assert all(p.address == "Hauptstraße 12, 10115 Berlin" for p in people)
    finally:
        reopened.close()


def test_normalize_loads_pinyin_and_suffix_list_only_when_used():
    """They cost ~70 MB and 0.3 s at app start; the matcher loads them on first use."""
    import subprocess
    import sys

    code = ("import sys, socket, app.normalize as n\n"
            "assert 'pypinyin' not in sys.modules and 'tldextract' not in sys.modules\n"
            "def no_network(*a, **k): raise AssertionError('network')\n"
            "socket.create_connection = no_network\n"
            "assert n.company_domain('https://shop.acme.co.uk') == 'acme.co.uk'\n"
            "assert n.to_latin('华为').replace(' ', '') == 'huawei'\n"
            "assert 'pypinyin' in sys.modules and 'tldextract' in sys.modules\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_a_short_name_held_by_two_companies_links_the_oldest_not_a_third(store):
    """Found by the capture property test: 华为 in two places, then 华为 typed alone again."""
    batch = [ContactDraft(name="王伟"), ContactDraft(name="王伟", company="华为"),
             ContactDraft(name="王伟", company="华为", address="Hauptstr. 1"),
             ContactDraft(name="王伟", company="华为", address="上海市静安区威海路489号")]

    def save_all():
        with store.write() as tx:
            return [capture.save_contact(tx, d) for d in batch]

    first = save_all()
    with store.read() as s:
        assert len(companies.find_by_key(s, "华为")) == 2  # another address: another 华为
    again = save_all()
    assert [r.contact_id for r in again] == [r.contact_id for r in first]
    assert {r.action for r in again} == {"unchanged"}
    with store.read() as s:
        assert len(companies.find_by_key(s, "华为")) == 2
