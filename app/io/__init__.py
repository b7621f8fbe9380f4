"""Address-book import and export: vCard, CSV (Google, Outlook, Apple, Thunderbird, any other
through a column mapping), LDIF and Excel in; vCard, Google CSV and Excel out.

Parsers need no store: they stream `(record_no, ContactDraft | CompanyDraft | RecordError)`.
`app.io.apply` saves them through `app.capture`, the one save path.
"""
