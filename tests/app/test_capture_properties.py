"""Property: any draft saves without an unhandled error, and saving it again changes nothing."""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app import capture
from app.domain import ContactDraft, Email, Phone
from app.errors import InvalidInput
from app.store import Store

names = st.sampled_from(["王伟", "欧阳娜娜", "José Núñez", "Zoë O'Brien", "", "  ", "ＡＢＣ", "李"])
companies = st.sampled_from(["", "Acme GmbH", "ACME", "华为技术有限公司", "华为", "Société Générale S.A.",
                             "株式会社トヨタ", "The Foo Co., Ltd."])
phones = st.sampled_from(["+86 138 0013 8000", "13800138000", "(415) 555-0199", "+49 30 1234567",
                          "abc", "1", "+1 800 FLOWERS", "０２１－２２０１－１８８８"])
emails = st.sampled_from(["a@b.cn", "A@B.CN", "zhang@sinoparts.cn", "bad@", "@", "x@gmail.com"])
drafts = st.builds(
    lambda n, c, ps, es, t, a: ContactDraft(name=n, company=c, phones=[Phone(p) for p in ps],
                                            emails=[Email(e) for e in es], title=t, address=a),
    names, companies, st.lists(phones, max_size=2), st.lists(emails, max_size=2),
    st.text(max_size=12), st.sampled_from(["", "Hauptstr. 1", "上海市静安区威海路489号"]))


# seeded in the suite (a red CI run must be reproducible); SATCHEL_FUZZ_EXAMPLES=N explores anew
EXAMPLES = int(os.environ.get("SATCHEL_FUZZ_EXAMPLES", "0"))


@settings(max_examples=EXAMPLES or 30, derandomize=not EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(drafts, min_size=1, max_size=5))
def test_saving_twice_is_idempotent(tmp_path_factory, batch):
    store = Store.open(tmp_path_factory.mktemp("p") / "p.sqlite3", region="CN")
    try:
        def save_all():
            results = []
            for d in batch:
                try:
                    with store.write() as tx:
                        results.append(capture.save_contact(tx, d))
                except InvalidInput:
                    results.append(None)
            return results

        def dump():
            with store.read() as s:
                return [s.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all()
                        for t in ("company", "contact", "contact_email", "contact_phone", "outbox")]

        save_all()
        before = dump()
        again = save_all()
        assert dump() == before
        assert all(r is None or r.action == "unchanged" for r in again)
    finally:
        store.close()
