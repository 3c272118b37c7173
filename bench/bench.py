"""`make bench`: throughput and memory of `timeline tag` and `timeline build`, beside
dateparser.search_dates on the same text.

Corpus: the 50 kompas-dev articles in tests/data/kompas-dev, repeated to 1.2 MB and to 12 MB of
text, as JSON Lines. Each measurement runs in a fresh process, so peak RSS is that run's own
(os.wait4). dateparser is given `languages=["id"]` (its fastest setting for this text); its
default (no language, so it detects one) is measured on a 0.1 MB sample only, being ~20× slower.

    python bench/bench.py            # full run (about five minutes)
    python bench/bench.py --quick    # ten times smaller corpora, for a smoke test
    python bench/bench.py --hostile  # only the dense date lines and unterminated TimeML beside prose
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MB = 1_000_000


def corpus_texts() -> list[str]:
    from timeline.io.read import read

    return [d.text for d in read([ROOT / "tests" / "data" / "kompas-dev"]) if d.status == "ok"]


def write_corpus(texts: list[str], target_bytes: int, path: Path) -> int:
    """JSON Lines of the articles repeated until `target_bytes` of UTF-8 text; returns the text bytes."""
    total, n = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while total < target_bytes:
            for text in texts:
                out.write(json.dumps({"id": f"a{n}", "text": text, "dct": "2014-12-10"}, ensure_ascii=False) + "\n")
                total += len(text.encode("utf-8"))
                n += 1
                if total >= target_bytes:
                    break
    return total


def run_measured(cmd: list[str], ok: tuple[int, ...] = (0,), cpu: bool = False) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one child process (with `cpu`, its CPU seconds, user and system,
    which other work on the machine disturbs less than wall-clock time); an exit code outside `ok`
    stops the bench."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in ok:
        raise SystemExit(f"bench: {' '.join(cmd)} failed: {proc.stderr.read().decode()[-500:]}")
    return (usage.ru_utime + usage.ru_stime if cpu else elapsed), usage.ru_maxrss / 1024


DATEPARSER_CHILD = """
import json, sys
from dateparser.search import search_dates
languages = json.loads(sys.argv[2])
for line in open(sys.argv[1], encoding="utf-8"):
    search_dates(json.loads(line)["text"], languages=languages)
"""

PATHOLOGICAL_CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[2])
from timeline.timex.tagger import tag
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
prose = "\\n".join(texts)[:1_000_000]
junk = ("12/3/45/" * 200_000)[:1_000_000]
tag("warm up 12/9/2023")
t0 = time.perf_counter(); tag(prose); t_prose = time.perf_counter() - t0
t0 = time.perf_counter(); tag(junk); t_junk = time.perf_counter() - t0
print(json.dumps({"prose": t_prose, "junk": t_junk}))
"""

# `timeline tag` on 1 MB of text that is all time expressions, and on 1 MB TimeML files whose text
# opens a construct and never closes it, beside 1 MB of prose: whole runs (start-up, reading,
# tagging, writing), each in a fresh process, so peak RSS is the run's own; CPU seconds, the
# better of two runs.
DENSE_LINES = {"`2020 `": "2020 ", "`Januari `": "Januari ", "`Rabu (`": "Rabu ("}
UNTERMINATED_TIMEML = {
    "`<!--`": "<!-- a ", "`<TEXT>`": "<TEXT> a ", "`<![CDATA[`": "<![CDATA[ a ", "`<?`": "<? a ",
    '`<a "`': '<a " ', "`<TIMEX3 `": "<TIMEX3 value='2020' ", "`<!DOCTYPE [`": "<!DOCTYPE x [ ",
}


def hostile_runs(tmp: Path, texts: list[str], timeline: str) -> list[tuple[str, int, float, float, float]]:
    """(name, bytes, seconds, peak RSS MB, ratio to prose) of `timeline tag` on each 1 MB input."""
    size = MB
    prose_path = tmp / "prose.txt"
    prose_path.write_text(("\n".join(texts) * (size // len("\n".join(texts)) + 1))[:size], encoding="utf-8")
    inputs = [("1 MB of prose", prose_path)]
    for name, unit in DENSE_LINES.items():
        path = tmp / f"dense{len(inputs)}.txt"
        path.write_text((unit * (size // len(unit) + 1))[:size], encoding="utf-8")
        inputs.append((f"1 MB line of {name}", path))
    for name, unit in UNTERMINATED_TIMEML.items():
        path = tmp / f"open{len(inputs)}.tml"
        body = (unit * (size // len(unit) + 1))[: size - 40]
        path.write_text("<?xml version='1.0'?><TimeML><TEXT>" + body + "</TEXT></TimeML>", encoding="utf-8")
        inputs.append((f"TimeML, 1 MB of unterminated {name}", path))
    rows = []
    base = None
    for name, path in inputs:
        cmd = [timeline, "tag", str(path), "-f", "jsonl", "-q", "-j", "1", "-o", os.devnull]
        t, rss = min(run_measured(cmd, ok=(0, 1), cpu=True) for _ in range(2))  # the better of two runs
        base = base or t
        rows.append((name, path.stat().st_size, t, rss, t / base))
    return rows


MODEL_LOAD_CHILD = """
import time
t0 = time.perf_counter()
from timeline.nlp.entities import ner_model
from timeline.nlp.pos import load
ner_model()
load()
print(time.perf_counter() - t0)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="0.12 MB and 1.2 MB instead of 1.2 MB and 12 MB")
    ap.add_argument("--hostile", action="store_true", help="only the dense-date and unterminated-TimeML runs")
    args = ap.parse_args()
    if args.hostile:
        timeline = str(Path(sys.executable).parent / "timeline")
        with tempfile.TemporaryDirectory() as tmp:
            rows = hostile_runs(Path(tmp), corpus_texts(), timeline)
        print("| `timeline tag` on | input | CPU time | × prose | peak RSS | RSS per input byte |")
        print("|---|---|---|---|---|---|")
        for name, size, t, rss, ratio in rows:
            print(f"| {name} | {size / MB:.2f} MB | {t:.2f} s | **{ratio:.2f}** | {rss:.0f} MB | {rss * MB / size:.0f} B |")
        return
    small, large = (120_000, 1_200_000) if args.quick else (1_200_000, 12_000_000)
    timeline = str(Path(sys.executable).parent / "timeline")
    texts = corpus_texts()
    mbs = lambda size, t: size / MB / t
    with tempfile.TemporaryDirectory() as tmp:
        one, ten = Path(tmp) / "corpus-1x.jsonl", Path(tmp) / "corpus-10x.jsonl"
        size_1 = write_corpus(texts, small, one)
        size_10 = write_corpus(texts, large, ten)
        out = os.devnull
        runs = {
            "tag1": run_measured([timeline, "tag", str(one), "-f", "jsonl", "-q", "-o", out]),
            "tag10": run_measured([timeline, "tag", str(ten), "-f", "jsonl", "-q", "-o", out]),
            "build1": run_measured([timeline, "build", str(one), "-f", "json", "-q", "-o", out]),
            "build10": run_measured([timeline, "build", str(ten), "-f", "json", "-q", "-o", out]),
            "dp1": run_measured([sys.executable, "-c", DATEPARSER_CHILD, str(one), '["id"]']),
            "dp10": run_measured([sys.executable, "-c", DATEPARSER_CHILD, str(ten), '["id"]']),
        }
        sample = Path(tmp) / "sample.jsonl"
        size_s = write_corpus(texts, 100_000, sample)
        runs["dp_default"] = run_measured([sys.executable, "-c", DATEPARSER_CHILD, str(sample), "null"])
        patho = json.loads(subprocess.run([sys.executable, "-c", PATHOLOGICAL_CHILD, str(one), str(ROOT)],
                                          capture_output=True, check=True).stdout)
        load = float(subprocess.run([sys.executable, "-c", MODEL_LOAD_CHILD], capture_output=True, check=True,
                                    cwd=ROOT).stdout)
        hostile = hostile_runs(Path(tmp), texts, timeline)
        # one long document: the build must be linear in the length of a single input too
        single = {}
        for name, size in (("one1", small // 1.2), ("one10", large // 1.2)):
            path = Path(tmp) / f"{name}.txt"
            prose = "\n\n".join(texts)
            path.write_text(((prose + "\n\n") * (int(size) // len(prose) + 1))[:int(size)], encoding="utf-8")
            single[name] = (int(size), run_measured([timeline, "build", str(path), "--dct", "2014-12-10",
                                                     "-f", "json", "-q", "-o", out]))

    rows = [
        ("timeline tag", size_1, runs["tag1"]), ("timeline tag", size_10, runs["tag10"]),
        ("timeline build", size_1, runs["build1"]), ("timeline build", size_10, runs["build10"]),
        ('dateparser.search_dates(languages=["id"])', size_1, runs["dp1"]),
        ('dateparser.search_dates(languages=["id"])', size_10, runs["dp10"]),
        ("dateparser.search_dates() (no language given)", size_s, runs["dp_default"]),
    ]
    print("| run | text | time | MB/s | peak RSS |")
    print("|---|---|---|---|---|")
    for name, size, (t, rss) in rows:
        print(f"| {name} | {size / MB:.2f} MB | {t:.2f} s | {mbs(size, t):.3f} | {rss:.0f} MB |")
    tag_ratio = mbs(size_1, runs["tag1"][0]) / mbs(size_1, runs["dp1"][0])
    tag_ratio_10 = mbs(size_10, runs["tag10"][0]) / mbs(size_10, runs["dp10"][0])
    build_ratio = mbs(size_10, runs["build10"][0]) / mbs(size_10, runs["dp10"][0])
    print()
    print(f"- tag / dateparser(id) throughput on {size_1 / MB:.1f} MB: **{tag_ratio:.1f}×**, on {size_10 / MB:.0f} MB: "
          f"**{tag_ratio_10:.1f}×** (target ≥ 15×; tag uses all {os.cpu_count()} cores past 1.5 MB of text)")
    print(f"- build / dateparser(id) throughput on {size_10 / MB:.0f} MB: **{build_ratio:.1f}×** (target ≥ 3×; "
          f"build uses all {os.cpu_count()} cores, dateparser one)")
    print(f"- tag peak RSS at {size_10 / MB:.0f} MB / at {size_1 / MB:.1f} MB: **{runs['tag10'][1] / runs['tag1'][1]:.2f}** "
          f"(target ≤ 1.20: documents stream)")
    print(f"- build peak RSS at {size_10 / MB:.0f} MB / at {size_1 / MB:.1f} MB: "
          f"**{runs['build10'][1] / runs['build1'][1]:.2f}** (target ≤ 1.5)")
    print(f"- model load (named entities and part of speech): {load:.2f} s (included in every build time above)")
    print(f"- 1 MB line of digits and slashes: {patho['junk']:.2f} s; 1 MB of prose: {patho['prose']:.2f} s; "
          f"ratio **{patho['junk'] / patho['prose']:.2f}** (target ≤ 3: no super-linear pattern)")
    (s1, (t1, _)), (s10, (t10, _)) = single["one1"], single["one10"]
    print(f"- one plain-text document of {s10 / MB:.0f} MB: {t10:.1f} s; of {s1 / MB:.0f} MB: {t1:.1f} s; "
          f"ratio **{t10 / t1:.1f}** (target ≤ 12: linear in one document's length)")
    print()
    print("| `timeline tag` on | input | CPU time | × prose | peak RSS | RSS per input byte |")
    print("|---|---|---|---|---|---|")
    for name, size, t, rss, ratio in hostile:
        print(f"| {name} | {size / MB:.2f} MB | {t:.2f} s | **{ratio:.2f}** | {rss:.0f} MB | {rss * MB / size:.0f} B |")
    worst = max(hostile[1:], key=lambda r: r[4])
    print(f"- worst of the dense lines and unterminated TimeML: {worst[0]}, **{worst[4]:.2f}×** prose "
          f"(target ≤ 3), peak RSS at most **{max(r[3] * MB / r[1] for r in hostile):.0f} bytes per input byte** (target < 300)")
    print(f"- machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; wall-clock times including start-up")


if __name__ == "__main__":
    main()
