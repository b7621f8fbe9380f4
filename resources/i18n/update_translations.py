"""Refresh the Chinese translation after UI strings change, keeping what is translated:

    .venv/bin/python resources/i18n/update_translations.py

Runs pyside6-lupdate over ui/ (this app's widgets), gives strings translated through a module
level `tr()` helper the context that helper uses (lupdate cannot see it), keeps existing
translations, then compiles satchel_zh_CN.qm with pyside6-lrelease. Edit the .ts with Qt
Linguist or any editor.
"""

from __future__ import annotations

import copy
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent
TS = HERE / "satchel_zh_CN.ts"
# modules whose strings go through `def tr(text): QCoreApplication.translate(CONTEXT, text)`
HELPER_CONTEXTS = {"format.py": "Format", "table_models.py": "TableModels",
                   "external.py": "External", "detail_html.py": "Detail"}
OTHERS = ("importing", "cards", "dedup", "sync")  # dialogs built and translated by their owners


def _sources() -> list[str]:
    files = sorted(p for p in (ROOT / "ui").rglob("*.py")
                   if not any(part in OTHERS for part in p.relative_to(ROOT / "ui").parts))
    return [str(p) for p in files]


def _known(ts: Path) -> dict[tuple[str, str], str]:
    if not ts.exists():
        return {}
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            text = m.findtext("translation") or ""
            if text:
                out[(name, m.findtext("source"))] = text
    return out


def main() -> int:
    known = _known(TS)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        subprocess.run([str(BIN / "pyside6-lupdate"), *_sources(), "-no-obsolete",
                        "-source-language", "en", "-target-language", "zh_CN",
                        "-ts", str(fresh)], check=True, capture_output=True)
        tree = ET.parse(fresh)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    # move helper strings out of the nameless context into their helper's context
    nameless = contexts.pop("", None)
    if nameless is not None:
        root.remove(nameless)
        for m in list(nameless.iter("message")):
            names = {HELPER_CONTEXTS.get(Path(loc.get("filename", "")).name)
                     for loc in m.iter("location")} - {None}
            for ctx_name in sorted(names):
                if ctx_name not in contexts:
                    ctx = ET.SubElement(root, "context")
                    ET.SubElement(ctx, "name").text = ctx_name
                    contexts[ctx_name] = ctx
                contexts[ctx_name].append(copy.deepcopy(m))
    missing = 0
    for name, ctx in contexts.items():
        for m in ctx.iter("message"):
            tr = m.find("translation")
            text = known.get((name, m.findtext("source")), "")
            tr.text = text or None
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
