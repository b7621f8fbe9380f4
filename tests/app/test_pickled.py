"""Drafts, features and scores cross from the import's reading process as their field values
(`domain.Pickled`): what arrives equals what was sent, subclasses and slots included."""

import datetime as dt
import pickle

from app.dedup.features import CompanyRecord, features
from app.dedup.scoring import score_pair
from app.dedup.store_index import Prematch
from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.io.vcard import CardDraft


def test_what_the_reading_process_sends_arrives_as_it_was():
    card = CardDraft(name="王伟", company="华为技术有限公司", emails=[Email("w@huawei.com")],
                     phones=[Phone("+86 755 2878 0808", "mobile")], birthday=dt.date(1990, 1, 2),
                     tags=["VIP"], photo=b"\xff\xd8jpeg", photo_mime="image/jpeg",
                     photo_url="https://example.com/p.jpg")
    a = features(CompanyRecord("c1", "华为技术有限公司", "深圳市龙岗区坂田华为基地", "0755 28780808",
                               "https://www.huawei.com", ("huawei.com",)), "CN")
    b = features(CompanyRecord("c2", "Huawei Technologies Co., Ltd.", "", "", ""), "CN")
    a.keys = frozenset({"k:华为", "d:huawei.com"})
    pre = Prematch(a, [("c2", score_pair(a, b))])
    sent = [card, ContactDraft(name="Ann"), CompanyDraft("Acme", tags=["x"]), pre]
    back = pickle.loads(pickle.dumps(sent))
    assert back == sent
    assert type(back[0]) is CardDraft and back[0].photo_url == "https://example.com/p.jpg"
    assert back[3].features.keys == a.keys  # (not compared by ==)
    assert back[3].stored[0][1].reasons == pre.stored[0][1].reasons
