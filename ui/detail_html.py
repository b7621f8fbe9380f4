"""HTML for the detail pane (QTextBrowser's rich-text subset). Plain functions over the service
views so they are easy to test and to read."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.lookup import LookupResult
from app.services.activities import ActivityView
from app.services.companies import CompanyView
from app.services.contacts import ContactView
from app.services.opportunities import OpportunityView
from app.services.views_companies import PersonRow
from ui.format import (
    amount_text,
    birthday_text,
    date_text,
    esc,
    kind_text,
    phone_kind_names,
    stage_text,
)

CARD_WIDTH = 320  # the business card image, in the pane (the pane scales it smoothly to this)


def tr(text: str) -> str:
    return QCoreApplication.translate("Detail", text)

CSS = """
h1 { font-size: 16pt; font-weight: 600; margin: 0 0 2px 0; color: #111827; }
h3 { font-size: 10.5pt; font-weight: 600; color: #374151; margin: 18px 0 6px 0; }
.muted { color: #6b7280; }
.badge { color: #4b5563; font-size: 9pt; }  /* not link-blue: it is not a link */
.inherited { color: #6b7280; font-size: 9pt; }
td.k { color: #6b7280; padding: 3px 14px 3px 0; white-space: nowrap; }
td { padding: 3px 0; vertical-align: top; }
a { color: #2563eb; text-decoration: none; }
.empty { color: #9ca3af; }
"""


def _rows(pairs: list[tuple[str, str]]) -> str:
    body = "".join(f'<tr><td class="k">{k}</td><td>{v}</td></tr>' for k, v in pairs if v)
    return f'<table cellspacing="0" cellpadding="0">{body}</table>' if body else ""


def _multiline(text: str) -> str:
    return esc(text).replace("\n", "<br>")


def _opportunities(opps: list[OpportunityView]) -> str:
    title = tr("Opportunities")
    out = f"<h3>{esc(title)} ({len(opps)})</h3>"
    if not opps:
        empty = tr("No opportunities yet.")
        return out + f'<p class="empty">{esc(empty)}</p>'
    rows = "".join(
        f'<tr><td style="padding:3px 12px 3px 0">{esc(o.title)}</td>'
        f'<td class="muted" style="padding:3px 12px 3px 0">{esc(stage_text(o.stage))}</td>'
        f'<td align="right" style="padding:3px 12px 3px 0">{esc(amount_text(o.amount, o.currency))}</td>'
        f'<td class="muted">{esc(date_text(o.close_date))}</td></tr>' for o in opps)
    return out + f'<table cellspacing="0" cellpadding="0">{rows}</table>'


def _history(items: list[ActivityView]) -> str:
    title = tr("History")
    out = f"<h3>{esc(title)} ({len(items)})</h3>"
    if not items:
        empty = tr("Nothing yet. Notes, calls, meetings and tasks appear here, newest first.")
        return out + f'<p class="empty">{esc(empty)}</p>'
    rows = []
    for a in items:
        day = (a.due_date if a.kind == "task" and a.due_date else a.date) or a.created_at.date()
        title = esc(a.subject)
        if a.kind == "task":
            title = ("☑ " if a.done else "☐ ") + (title or esc(a.body))
        body = _multiline(a.body) if a.subject or a.kind != "task" else ""
        text = f"<b>{title}</b><br>{body}" if title and body else (f"<b>{title}</b>" if title else body)
        rows.append(f'<tr><td class="k">{esc(date_text(day))}<br>'
                    f'<span class="badge">{esc(kind_text(a.kind))}</span></td>'
                    f'<td style="padding-bottom:8px">{text}</td></tr>')
    return out + f'<table cellspacing="0" cellpadding="0">{"".join(rows)}</table>'


def _phones(phones) -> str:
    kinds = phone_kind_names()
    return "<br>".join(f'{esc(p.number)} <span class="muted">{esc(kinds.get(p.kind, p.kind))}'
                       '</span>' for p in phones)


def contact_html(c: ContactView, opps: list[OpportunityView],
                 history: list[ActivityView], card_url: str | None = None) -> str:
    sub = " · ".join(esc(x) for x in (c.title, c.department) if x)
    company = f'<a href="company:{c.company_id}">{esc(c.company_name)}</a>' if c.company_id else ""
    if c.own_address or not c.company_id:
        address = _multiline(c.address)
    else:
        origin = tr("Company address (from {0})").format(c.company_name)
        address = (_multiline(c.address) + f'<br><span class="inherited">{esc(origin)}</span>'
                   if c.address else "")
    fields = [
        (esc(tr("Company")), company),
        (esc(tr("Phone")), _phones(c.phones)),
        (esc(tr("E-mail")), "<br>".join(
            f'<a href="mailto:{esc(e.address)}">{esc(e.address)}</a>' for e in c.emails)),
        (esc(tr("Address")), address),
        (esc(tr("Website")), "<br>".join(esc(w) for w in c.websites)),
        (esc(tr("Birthday")), esc(birthday_text(c.birthday))),
        (esc(tr("Tags")), esc(", ".join(c.tags))),
        (esc(tr("Note")), _multiline(c.note)),
    ]
    card_title, no_name = tr("Business card"), tr("(no name)")
    # the image in its own paragraph: inline after the heading it would share the heading's line
    card = (f'<h3>{esc(card_title)}</h3><p><img src="{card_url}" width="{CARD_WIDTH}"></p>'
            if card_url else "")
    return (f"<style>{CSS}</style><h1>{esc(c.name) or esc(no_name)}</h1>"
            f'<p class="muted" style="margin-top:0">{sub}</p>'
            f"{_rows(fields)}{card}{_opportunities(opps)}{_history(history)}")


def company_html(co: CompanyView, people: list[PersonRow], more: int,
                 opps: list[OpportunityView], history: list[ActivityView]) -> str:
    fields = [
        (esc(tr("Address")), _multiline(co.address)),
        (esc(tr("Phone")), esc(co.phone)),
        (esc(tr("Website")), esc(co.website)),
        (esc(tr("Tags")), esc(", ".join(co.tags))),
        (esc(tr("Note")), _multiline(co.note)),
    ]
    people_title = tr("Contacts")
    out = [f"<style>{CSS}</style><h1>{esc(co.name)}</h1>", _rows(fields),
           f"<h3>{esc(people_title)} ({co.contact_count})</h3>"]
    if people:
        out.append('<table cellspacing="0" cellpadding="0">' + "".join(
            f'<tr><td style="padding:3px 14px 3px 0"><a href="contact:{p.id}">{esc(p.name)}</a>'
            f'</td><td class="muted">{esc(p.title)}</td></tr>' for p in people) + "</table>")
        if more:
            and_more = tr("and {0} more").format(more)
            out.append(f'<p class="muted">{esc(and_more)}</p>')
    else:
        empty = tr("No contacts at this company yet.")
        out.append(f'<p class="empty">{esc(empty)}</p>')
    out.append(_opportunities(opps))
    out.append(_history(history))
    return "".join(out)


def lookup_html(results: list[LookupResult]) -> str:
    """'Who is calling?': each match with company, opportunities and history."""
    parts = [f"<style>{CSS}</style>"]
    for r in results:
        c = r.contact
        parts.append(f'<h1><a href="contact:{c.id}">{esc(c.name)}</a></h1>')
        sub = " · ".join(x for x in (esc(c.title), (
            f'<a href="company:{r.company.id}">{esc(r.company.name)}</a>' if r.company else ""))
            if x)
        parts.append(f'<p class="muted" style="margin-top:0">{sub}</p>')
        # with their kinds, as in the contact's detail: "mobile" or "work" matters on a call
        parts.append(_rows([(esc(tr("Phone")), _phones(c.phones)),
                            (esc(tr("E-mail")), "<br>".join(esc(e.address) for e in c.emails)),
                            (esc(tr("Address")), _multiline(c.address))]))
        parts.append(_opportunities(r.opportunities))
        parts.append(_history(r.activities))
    return "".join(parts)
