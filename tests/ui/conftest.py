"""Fixtures shared by the UI tests."""

import pytest

from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.services import activities, companies, contacts, opportunities


@pytest.fixture
def dups(store):
    """Two spellings of one company (same domain, phone and address) with people and deals
    at both, a Chinese short name / registered name pair, and an unrelated company."""
    ids = {}
    with store.write() as tx:
        ids["keep"] = companies.create(tx, CompanyDraft(
            "Acme Industrial GmbH", address="Hauptstraße 12, 10115 Berlin",
            phone="+49 30 1234567", website="https://www.acme-industrial.de"))
        ids["lose"] = companies.create(tx, CompanyDraft(
            "ACME Industrial", address="Hauptstr. 12, 10115 Berlin", phone="030 1234567",
            website="acme-industrial.de", note="Met at Hannover Messe"))
        ids["zh_full"] = companies.create(tx, CompanyDraft(
            "华为技术有限公司", address="广东省深圳市龙岗区坂田华为基地", phone="0755 2878 0808"))
        ids["zh_short"] = companies.create(tx, CompanyDraft("华为", phone="+86 755 2878 0808"))
        ids["other"] = companies.create(tx, CompanyDraft(
            "Zeta Logistics", address="Rue de Rivoli 1, 75001 Paris", website="zeta.fr"))
        ids["anna"] = contacts.create(tx, ContactDraft(
            name="Anna Schmidt", emails=[Email("anna@acme-industrial.de")]), ids["keep"])
        ids["ben"] = contacts.create(tx, ContactDraft(
            name="Ben Weber", emails=[Email("ben@acme-industrial.de")],
            phones=[Phone("+49 170 1234567", "mobile")]), ids["lose"])
        ids["deal"] = opportunities.create(tx, "Conveyor retrofit", ids["lose"],
                                           contact_id=ids["ben"], amount=48000.0,
                                           currency="EUR")
        ids["visit"] = activities.create(tx, "meeting", body="Plant tour",
                                         company_id=ids["lose"])
    return ids
