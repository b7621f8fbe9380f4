"""Refresh the Chinese translation after UI strings change, keeping what is translated:

    .venv/bin/python resources/i18n/update_translations.py

Runs pyside6-lupdate over every module under ui/ (this app's widgets and dialogs), gives
strings translated through a module level `tr()` helper the context that helper uses (lupdate
cannot see it; the helper is found in the source, `def tr(text): return
QCoreApplication.translate("Context", text)`), adds the template of every `Message("…")` under
app/ (app.io's sentences for the rep, context ImportMessage), keeps existing translations, then
compiles satchel_zh_CN.qm with pyside6-lrelease. Edit the .ts with Qt Linguist or any editor;
tests/ui/test_translation.py fails while a string is unfinished.
"""

from __future__ import annotations

import ast
import copy
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent
TS = HERE / "satchel_zh_CN.ts"
# a module level helper: `def tr(text...): return QCoreApplication.translate("Context", text)`
HELPER = re.compile(r"^def tr\(.*\n\s+return Q(?:Core)?Application\.translate\(\s*\"(\w+)\"",
                    re.MULTILINE)


def _sources() -> list[Path]:
    return sorted((ROOT / "ui").rglob("*.py"))


def helper_contexts(files: list[Path]) -> dict[str, str]:
    """{path relative to the repository: context} for modules with a module level tr()."""
    out = {}
    for path in files:
        found = HELPER.search(path.read_text(encoding="utf-8"))
        if found:
            out[path.relative_to(ROOT).as_posix()] = found.group(1)
    return out


def translation_of(message: ET.Element) -> str | tuple[str, ...]:
    """The translation of a <message>: its text, or for a plural (`numerus="yes"`, a `%n` in
    the source) the text of each <numerusform> (Chinese has one form). Empty: untranslated."""
    tr = message.find("translation")
    if tr is None:
        return ""
    if message.get("numerus") == "yes":
        forms = tuple(f.text or "" for f in tr.iter("numerusform"))
        return forms if forms and all(forms) else ""
    return tr.text or ""


def _known(ts: Path) -> dict[tuple[str, str], str | tuple[str, ...]]:
    if not ts.exists():
        return {}
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            text = translation_of(m)
            if text:
                out[(name, m.findtext("source"))] = text
    return out


def catalog() -> ET.ElementTree:
    """Every translatable string in ui/ as lupdate finds it, with helper strings moved into
    their helper's context; translations empty."""
    files = _sources()
    helpers = helper_contexts(files)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        subprocess.run([str(BIN / "pyside6-lupdate"), *map(str, files), "-no-obsolete",
                        "-source-language", "en", "-target-language", "zh_CN",
                        "-ts", str(fresh)], check=True, capture_output=True)
        tree = ET.parse(fresh)
        root = tree.getroot()
        # locations relative to the .ts itself (lupdate wrote them relative to the temp dir)
        for loc in root.iter("location"):
            if loc.get("filename"):
                source = (Path(tmp) / loc.get("filename")).resolve()
                loc.set("filename", Path(os.path.relpath(source, HERE)).as_posix())
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    # move helper strings out of the nameless context into their helper's context
    nameless = contexts.pop("", None)
    if nameless is not None:
        root.remove(nameless)
        for m in list(nameless.iter("message")):
            names = {helpers.get((HERE / loc.get("filename", "")).resolve()
                                 .relative_to(ROOT).as_posix())
                     for loc in m.iter("location")} - {None}
            if not names:
                print(f"no context for {m.findtext('source')!r} "
                      f"({', '.join(loc.get('filename', '') for loc in m.iter('location'))}): "
                      "call self.tr() or the module's tr() helper", file=sys.stderr)
            for ctx_name in sorted(names):
                if ctx_name not in contexts:
                    ctx = ET.SubElement(root, "context")
                    ET.SubElement(ctx, "name").text = ctx_name
                    contexts[ctx_name] = ctx
                contexts[ctx_name].append(copy.deepcopy(m))
    _add_messages(root, contexts)
    return tree


# app.io's sentences for the rep, shown translated by ui.importing.messages
MESSAGE_CONTEXT = "ImportMessage"


def message_templates() -> dict[str, tuple[Path, int]]:
    """{template: where} of every `Message("…")` under app/ (the first argument, a string)."""
    found: dict[str, tuple[Path, int]] = {}
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "Message" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, (path, node.lineno))
    return found


def _add_messages(root: ET.Element, contexts: dict[str, ET.Element]) -> None:
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = MESSAGE_CONTEXT
    contexts[MESSAGE_CONTEXT] = ctx
    for template, (path, line) in message_templates().items():
        m = ET.SubElement(ctx, "message")
        ET.SubElement(m, "location", filename=Path(os.path.relpath(path, HERE)).as_posix(),
                      line=str(line))
        ET.SubElement(m, "source").text = template
        ET.SubElement(m, "translation", type="unfinished")


def main() -> int:
    known = _known(TS)
    tree = catalog()
    contexts = {c.findtext("name") or "": c for c in tree.getroot().iter("context")}
    missing = 0
    for name, ctx in contexts.items():
        for m in ctx.iter("message"):
            tr = m.find("translation")
            text = known.get((name, m.findtext("source")), "")
            if m.get("numerus") == "yes":
                forms = list(tr.iter("numerusform"))
                texts = text if isinstance(text, tuple) else ()
                for form, form_text in zip(forms, texts, strict=False):
                    form.text = form_text
                text = texts if len(texts) >= len(forms) else ""
            else:
                tr.text = text if isinstance(text, str) and text else None
            if text:
                tr.attrib.pop("type", None)
            else:
                tr.set("type", "unfinished")
                missing += 1
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm",
                    str(TS.with_suffix(".qm"))], check=True, capture_output=True)
    print(f"{TS.name}: {missing} string(s) still to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
