"""Business-card OCR benchmark: field accuracy of the real pipeline beside a baseline (plain
Tesseract on the raw image, same parser), per field and per language, on clean and photographed
generated cards; and speed from 12 MP photos. Prints JSON.

    nice .venv/bin/python -m bench.cards.run --n 90            # accuracy (both sets) + speed
    nice .venv/bin/python -m bench.cards.run --n 30 --sets photo --no-speed

Accuracy is exact after normalization (case, width, spaces and punctuation ignored; phones
compared as E.164 numbers in the card's region; e-mails/phones/websites as sets, websites only
on cards that print one). A card the pipeline rejects counts as wrong in every field.
Baseline: the decoded photo (same loader: EXIF, JPEG draft at 2000 px) straight into
Tesseract (--psm 3, the same languages), no card finding, orientation or clean-up.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import multiprocessing
import os
import platform
import re
import statistics
import time
import unicodedata
from pathlib import Path

import cv2
import phonenumbers

from bench.cards.generate import generate
from ocr import engine
from ocr import image as im
from ocr.parse import parse_lines
from ocr.pipeline import DEFAULT_LANG, scan_file, scan_files
from ocr.types import CardResult

OUT = Path(__file__).resolve().parents[1] / "out" / "cards"
FIELDS = ("name", "title", "company", "emails", "phones", "websites", "address")
GOALS = {"emails": 0.97, "phones": 0.97, "name": 0.92, "company": 0.92, "title": 0.90,
         "address": 0.85}


def norm_text(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").lower()
    return "".join(c for c in s if c.isalnum())


def norm_phone(s: str, region: str) -> str:
    try:
        num = phonenumbers.parse(s, region)
        return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return re.sub(r"\D", "", s)


def norm_site(s: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", s.lower()).rstrip("/")


def predicted(fields: dict) -> dict:
    """fields as in CardResult.to_json()['fields'] -> comparable values."""
    return {"name": fields.get("name", ""), "title": fields.get("title", ""),
            "company": fields.get("company", ""), "address": fields.get("address", ""),
            "emails": list(fields.get("emails", [])),
            "phones": [p["number"] if isinstance(p, dict) else p for p in fields.get("phones", [])],
            "websites": list(fields.get("websites", []))}


def score_card(label: dict, pred: dict | None) -> dict[str, bool | None]:
    """field -> correct (None: not scored on this card)."""
    out: dict[str, bool | None] = {}
    region = label["region"]
    for f in FIELDS:
        want = label[f]
        if f == "websites" and not want:
            out[f] = None
            continue
        if pred is None:
            out[f] = False
            continue
        got = pred[f]
        if f == "emails":
            out[f] = {x.lower() for x in want} == {x.lower() for x in got}
        elif f == "phones":
            out[f] = {norm_phone(x, region) for x in want} == {norm_phone(x, region) for x in got}
        elif f == "websites":
            out[f] = {norm_site(x) for x in want} == {norm_site(x) for x in got}
        else:
            out[f] = norm_text(want) == norm_text(got)
    return out


def summarize(labels: list[dict], scores: list[dict]) -> dict:
    acc: dict = {}
    for group in ("all", "en", "zh", "bi", "zh+bi"):
        rows = [s for lab, s in zip(labels, scores, strict=True)
                if group == "all" or lab["lang"] == group or (group == "zh+bi" and
                                                              lab["lang"] in ("zh", "bi"))]
        if not rows:
            continue
        acc[group] = {"cards": len(rows)}
        for f in FIELDS:
            vals = [r[f] for r in rows if r[f] is not None]
            acc[group][f] = round(sum(vals) / len(vals), 3) if vals else None
        acc[group]["all_fields"] = round(sum(all(v for v in r.values() if v is not None)
                                             for r in rows) / len(rows), 3)
    return acc


# -- baseline ----------------------------------------------------------------------------------

def baseline_fields(path: str, lang: str = DEFAULT_LANG) -> dict | None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    img = im.load_pages(path, max_pages=1)[0]
    words = engine.ocr_words(cv2.cvtColor(img, cv2.COLOR_BGR2RGB), lang, psm=3)
    if not words:
        return None
    fields = parse_lines(engine.group_lines(words), "CN")
    card = CardResult(file=path, index=0, image_png=b"", fields=fields)
    return card.to_json()["fields"]


def run_baseline(paths: list[str], workers: int) -> list[dict | None]:
    ctx = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        return list(pool.map(baseline_fields, paths))


# -- pipeline ----------------------------------------------------------------------------------

def run_pipeline(paths: list[str], workers: int) -> tuple[list[dict | None], list[str], float,
                                                          float | None]:
    """(fields per file, errors, seconds for all, seconds until the 50th card)."""
    by_file: dict[str, dict] = {}
    errors = []
    t0 = time.perf_counter()
    t50 = None
    for n, r in enumerate(scan_files(paths, workers=workers), 1):
        if n == 50:
            t50 = time.perf_counter() - t0
        if isinstance(r, CardResult):
            if r.file not in by_file or r.index == 0:
                by_file.setdefault(r.file, r.to_json()["fields"])
        else:
            errors.append(r.error)
    total = time.perf_counter() - t0
    return [by_file.get(p) for p in paths], errors, total, t50


def evaluate(set_dir: Path, workers: int, baseline: bool) -> dict:
    ext = ".jpg" if set_dir.name == "photo" else ".png"
    labels_paths = sorted(set_dir.glob("card_*.json"))
    labels = [json.loads(p.read_text(encoding="utf-8")) for p in labels_paths]
    paths = [str(p.with_suffix(ext)) for p in labels_paths]
    preds, errors, secs, t50 = run_pipeline(paths, workers)
    scores = [score_card(lab, predicted(p) if p else None) for lab, p in zip(labels, preds,
                                                                             strict=True)]
    out = {"cards": len(paths), "pipeline": summarize(labels, scores),
           "pipeline_errors": len(errors),
           "pipeline_cards_per_second": round(len(paths) / secs, 2),
           "batch50_cards_per_second": round(50 / t50, 2) if t50 else None}
    misses = []
    for p, lab, pred, s in zip(paths, labels, preds, scores, strict=True):
        bad = [f for f, ok in s.items() if ok is False]
        if bad:
            misses.append({"file": p, "lang": lab["lang"], "layout": lab["layout"],
                           "fields": {f: {"want": lab[f], "got": (predicted(pred)[f] if pred
                                                                  else None)} for f in bad}})
    if baseline:
        bpreds = run_baseline(paths, workers)
        bscores = [score_card(lab, predicted(p) if p else None) for lab, p in zip(
            labels, bpreds, strict=True)]
        out["baseline"] = summarize(labels, bscores)
    (set_dir / "misses.json").write_text(json.dumps(misses, ensure_ascii=False, indent=1),
                                         encoding="utf-8")
    out["misses_file"] = str(set_dir / "misses.json")
    return out


def _cpu() -> float:
    """CPU seconds of this process and its finished children (a pytesseract call is a child):
    what a card costs however busy the shared machine is."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def speed(photo_dir: Path, n: int) -> dict:
    """Median seconds per card, one after another in this process, from the 12 MP JPEG."""
    paths = sorted(str(p) for p in photo_dir.glob("card_*.jpg"))[:n]
    scan_file(paths[0])  # warm-up: imports, language list
    times, cpu = [], []
    for p in paths:
        t, c = time.perf_counter(), _cpu()
        scan_file(p)
        times.append(time.perf_counter() - t)
        cpu.append(_cpu() - c)
    return {"cards": len(paths), "median_s_per_card": round(statistics.median(times), 3),
            "median_cpu_s_per_card": round(statistics.median(cpu), 3),
            "p90_s_per_card": round(sorted(times)[int(0.9 * (len(times) - 1))], 3)}


def goals(photo: dict) -> dict:
    out = {}
    for group in ("en", "zh", "bi"):
        acc = photo["pipeline"].get(group, {})
        out[group] = {f: (acc.get(f) is not None and acc[f] >= g) for f, g in GOALS.items()}
    return out


def markdown(report: dict) -> str:
    """Per field x language, pipeline vs baseline, for each set; then speed."""
    out = []
    for name in ("photo", "clean"):
        if name not in report:
            continue
        r = report[name]
        out.append(f"\n**{name}** ({r['cards']} cards; pipeline errors: {r['pipeline_errors']})\n")
        groups = [g for g in ("en", "zh", "bi", "all") if g in r["pipeline"]]
        out.append("| field | " + " | ".join(f"{g} pipeline | {g} baseline" for g in groups) +
                   " | goal |")
        out.append("|---|" + "---|" * (2 * len(groups) + 1))
        for f in (*FIELDS, "all_fields"):
            cells = []
            for g in groups:
                p = r["pipeline"][g].get(f)
                b = r.get("baseline", {}).get(g, {}).get(f)
                cells += ["–" if p is None else f"{p:.0%}", "–" if b is None else f"{b:.0%}"]
            goal = f"≥{GOALS[f]:.0%}" if f in GOALS else ""
            out.append(f"| {f} | " + " | ".join(cells) + f" | {goal} |")
    if "speed" in report:
        sp = report["speed"]
        out.append(f"\nSpeed (12 MP JPEG, end to end): median {sp['median_s_per_card']} s/card "
                   f"(p90 {sp['p90_s_per_card']} s, {sp['cards']} cards one after another, "
                   f"CPU {sp.get('median_cpu_s_per_card', '?')} s/card); batch of 50 with "
                   f"scan_files(workers=2): {report['photo'].get('batch50_cards_per_second')} "
                   f"cards/s.")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=90, help="cards per set")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--sets", default="photo,clean")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--speed-n", type=int, default=20)
    ap.add_argument("--table", type=Path, help="also write a markdown table here")
    args = ap.parse_args()
    out = args.out / f"seed{args.seed}_n{args.n}"
    generate(out, args.n, args.seed)  # only cards missing or changed are written
    report: dict = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                    "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                               f"{platform.platform()}",
                    "tesseract": engine.describe(),
                    "lang": DEFAULT_LANG, "seed": args.seed, "cards_per_set": args.n,
                    "load_average_start": round(os.getloadavg()[0], 2)}
    for name in args.sets.split(","):
        report[name] = evaluate(out / name, args.workers, not args.no_baseline)
    if not args.no_speed:
        report["speed"] = speed(out / "photo", args.speed_n)
    if "photo" in report:
        report["goals_met_photo"] = goals(report["photo"])
    report["load_average_end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    if args.table:
        args.table.write_text(markdown(report) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
