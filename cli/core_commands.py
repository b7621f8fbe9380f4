"""Core subcommands: add, update, delete and list records; search; phone lookup."""

from __future__ import annotations

import datetime as dt

from app import capture, lookup, search
from app.domain import CompanyDraft, ContactDraft, Email, Phone
from app.matching import match_company
from app.services import activities, companies, contacts, opportunities, records


def register(sub, common) -> None:
    p = sub.add_parser("add-company", parents=[common], help="add a company (or fill the one that matches)")
    p.add_argument("name")
    p.add_argument("--address", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--website", default="")
    p.set_defaults(func=add_company)

    p = sub.add_parser("add-contact", parents=[common], help="add a person; joins an existing company")
    p.add_argument("name")
    p.add_argument("--company", default="")
    p.add_argument("--title", default="")
    p.add_argument("--email", action="append", default=[])
    p.add_argument("--phone", action="append", default=[])
    p.add_argument("--address", default="")
    p.set_defaults(func=add_contact)

    p = sub.add_parser("add-note", parents=[common], help="add a note (a daily note by default)")
    p.add_argument("text")
    p.add_argument("--contact")
    p.add_argument("--company")
    p.add_argument("--date", type=_date, help="YYYY-MM-DD (default today)")
    p.set_defaults(func=add_note)

    p = sub.add_parser("add-opportunity", parents=[common], help="add an opportunity")
    p.add_argument("title")
    p.add_argument("--company", required=True, help="company name (created if new)")
    p.add_argument("--amount", type=float)
    p.add_argument("--currency", default="")
    p.add_argument("--stage", default="lead")
    p.add_argument("--close", type=_date, help="expected close date YYYY-MM-DD")
    p.set_defaults(func=add_opportunity)

    p = sub.add_parser("update", parents=[common], help="change a contact or company")
    p.add_argument("kind", choices=["contact", "company"])
    p.add_argument("id")
    for f in ("name", "title", "address", "website"):
        p.add_argument(f"--{f}")
    p.add_argument("--email", action="append", help="replaces the e-mails (repeatable)")
    p.add_argument("--phone", action="append", help="replaces the phones (repeatable)")
    p.set_defaults(func=update)

    p = sub.add_parser("delete", parents=[common], help="delete a contact or company")
    p.add_argument("kind", choices=["contact", "company"])
    p.add_argument("id")
    p.set_defaults(func=delete)

    p = sub.add_parser("list", parents=[common], help="list contacts or companies")
    p.add_argument("kind", choices=["contacts", "companies"])
    p.set_defaults(func=list_records)

    p = sub.add_parser("search", parents=[common], help="search everything")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=do_search)

    p = sub.add_parser("lookup", parents=[common], help="who is calling? a phone in any format")
    p.add_argument("phone")
    p.set_defaults(func=do_lookup)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        import argparse

        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


def add_company(args, ctx) -> int:
    with ctx.store.write() as tx:
        res = capture.save_company(tx, CompanyDraft(args.name, address=args.address,
                                                    phone=args.phone, website=args.website))
    with ctx.store.read() as s:
        view = companies.get(s, res.company_id)
    ctx.emit({**view.to_json(), "action": res.action},
             f"{res.action} company {view.name} ({view.id})")
    return 0


def add_contact(args, ctx) -> int:
    draft = ContactDraft(name=args.name, company=args.company, title=args.title,
                         emails=[Email(e) for e in args.email],
                         phones=[Phone(p) for p in args.phone], address=args.address)
    with ctx.store.write() as tx:
        res = capture.save_contact(tx, draft)
    with ctx.store.read() as s:
        view = contacts.get(s, res.contact_id)
    human = f"{res.action} contact {view.name} ({view.id})"
    if view.company_name:
        human += f" at {view.company_name} ({res.company_action})"
    ctx.emit({**view.to_json(), "action": res.action, "company_action": res.company_action}, human)
    return 0


def add_note(args, ctx) -> int:
    with ctx.store.write() as tx:
        aid = activities.create(tx, "note", body=args.text, date=args.date,
                                contact_id=args.contact, company_id=args.company)
    with ctx.store.read() as s:
        view = activities.get(s, aid)
    ctx.emit(view.to_json(), f"added note {aid} for {view.date}")
    return 0


def _company_by_name(tx, name: str) -> str:
    match = match_company(tx.session, CompanyDraft(name), tx.region)
    if match.decision == "same":
        return match.company_id
    return companies.create(tx, CompanyDraft(name))


def add_opportunity(args, ctx) -> int:
    with ctx.store.write() as tx:
        oid = opportunities.create(tx, args.title, _company_by_name(tx, args.company),
                                   amount=args.amount, currency=args.currency, stage=args.stage,
                                   close_date=args.close)
    with ctx.store.read() as s:
        view = opportunities.get(s, oid)
    amount = f" {view.amount:,.2f} {view.currency}".rstrip() if view.amount is not None else ""
    ctx.emit(view.to_json(), f"added opportunity {view.title} at {view.company_name}{amount} ({oid})")
    return 0


def update(args, ctx) -> int:
    fields = {f: getattr(args, f) for f in ("name", "title", "address", "website")
              if getattr(args, f) is not None}
    if args.kind == "company":
        fields.pop("title", None)
        if args.phone:
            fields["phone"] = args.phone[0]
    else:
        fields.pop("website", None)
        if args.email is not None:
            fields["emails"] = [Email(e) for e in args.email]
        if args.phone is not None:
            fields["phones"] = [Phone(p) for p in args.phone]
    with ctx.store.write() as tx:
        changes = records.update(tx, args.kind, args.id, fields)
    with ctx.store.read() as s:
        view = (contacts if args.kind == "contact" else companies).get(s, args.id)
    ctx.emit({**view.to_json(), "changed": sorted(changes)},
             f"updated {args.kind} {view.name}: {', '.join(sorted(changes)) or 'nothing changed'}")
    return 0


def delete(args, ctx) -> int:
    with ctx.store.write() as tx:
        records.delete(tx, args.kind, args.id)
    ctx.emit({"deleted": args.id, "kind": args.kind}, f"deleted {args.kind} {args.id}")
    return 0


def list_records(args, ctx) -> int:
    with ctx.store.read() as s:
        if args.kind == "contacts":
            items = [contacts.get(s, cid) for cid in contacts.ids(s)]
            lines = [f"{c.name}\t{c.title}\t{c.company_name}\t{c.emails[0].address if c.emails else ''}"
                     f"\t{c.phones[0].number if c.phones else ''}\t{c.id}" for c in items]
        else:
            items = companies.list_all(s)
            lines = [f"{c.name}\t{c.address}\t{c.contact_count} "
                     f"contact{'' if c.contact_count == 1 else 's'}\t{c.id}" for c in items]
    ctx.emit([i.to_json() for i in items], "\n".join(lines) if lines else f"no {args.kind} yet")
    return 0


def do_search(args, ctx) -> int:
    with ctx.store.read() as s:
        hits = search.search(s, args.query, limit=args.limit)
    ctx.emit([{"type": h.type, "id": h.id, "name": h.name, "detail": h.detail} for h in hits],
             "\n".join(f"{h.type:<12}{h.name}  {h.detail}  ({h.id})" for h in hits)
             or f"nothing matches {args.query!r}")
    return 0


def do_lookup(args, ctx) -> int:
    with ctx.store.read() as s:
        found = lookup.lookup_phone(s, args.phone)
    lines = []
    for r in found:
        c = r.contact
        lines.append(f"{c.name} — {c.title} {('at ' + r.company.name) if r.company else ''}".rstrip())
        lines.append(f"  {', '.join(p.number for p in c.phones)}  {', '.join(e.address for e in c.emails)}")
        if c.address:
            lines.append(f"  {c.address}")
        for o in r.opportunities:
            lines.append(f"  opportunity: {o.title} [{o.stage}] {o.amount or ''} {o.currency}")
        for a in r.activities:
            lines.append(f"  {a.date or a.created_at.date()} {a.kind}: {a.subject or a.body}")
    ctx.emit([r.to_json() for r in found], "\n".join(lines) or f"nobody has the number {args.phone}")
    return 0
