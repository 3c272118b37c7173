"""`make bench`: throughput and memory of `timeline tag`, beside dateparser.search_dates on the same text.

Corpus: the 50 kompas-dev articles in tests/data/kompas-dev, repeated to 1 MB and to 10 MB of text,
as JSON Lines. Each measurement runs in a fresh process, so peak RSS is that run's own (os.wait4).

    python bench/bench.py            # full run (about a minute)
    python bench/bench.py --quick    # smaller corpora, for a smoke test
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
    from timeline.read import read

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


def run_measured(cmd: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed: {proc.stderr.read().decode()[-500:]}")
    return elapsed, usage.ru_maxrss / 1024


DATEPARSER_CHILD = """
import json, sys
from dateparser.search import search_dates
for line in open(sys.argv[1], encoding="utf-8"):
    search_dates(json.loads(line)["text"], languages=["id"])
"""

PATHOLOGICAL_CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[2])
from timeline.tagger import tag
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
prose = "\\n".join(texts)[:1_000_000]
junk = ("12/3/45/" * 200_000)[:1_000_000]
tag("warm up 12/9/2023")
t0 = time.perf_counter(); tag(prose); t_prose = time.perf_counter() - t0
t0 = time.perf_counter(); tag(junk); t_junk = time.perf_counter() - t0
print(json.dumps({"prose": t_prose, "junk": t_junk}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="0.2 MB and 2 MB instead of 1 MB and 10 MB")
    args = ap.parse_args()
    small, large = (200_000, 2_000_000) if args.quick else (MB, 10 * MB)
    timeline = str(Path(sys.executable).parent / "timeline")
    texts = corpus_texts()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        one, ten = Path(tmp) / "corpus-1x.jsonl", Path(tmp) / "corpus-10x.jsonl"
        size_1 = write_corpus(texts, small, one)
        size_10 = write_corpus(texts, large, ten)

        t_tag1, rss_tag1 = run_measured([timeline, "tag", str(one), "--format", "jsonl", "--quiet", "--output", os.devnull])
        t_tag10, rss_tag10 = run_measured([timeline, "tag", str(ten), "--format", "jsonl", "--quiet", "--output", os.devnull])
        t_dp, rss_dp = run_measured([sys.executable, "-c", DATEPARSER_CHILD, str(one)])
        patho = json.loads(subprocess.run([sys.executable, "-c", PATHOLOGICAL_CHILD, str(one), str(ROOT)],
                                          capture_output=True, check=True).stdout)

    mbs = lambda size, t: size / MB / t
    ratio = mbs(size_1, t_tag1) / mbs(size_1, t_dp)
    rows.append(("timeline tag (jsonl out)", f"{size_1 / MB:.1f} MB", f"{t_tag1:.2f} s", f"{mbs(size_1, t_tag1):.2f}", f"{rss_tag1:.0f} MB"))
    rows.append(("timeline tag (jsonl out)", f"{size_10 / MB:.1f} MB", f"{t_tag10:.2f} s", f"{mbs(size_10, t_tag10):.2f}", f"{rss_tag10:.0f} MB"))
    rows.append(('dateparser.search_dates(languages=["id"])', f"{size_1 / MB:.1f} MB", f"{t_dp:.2f} s", f"{mbs(size_1, t_dp):.3f}", f"{rss_dp:.0f} MB"))

    print("| run | text | time | MB/s | peak RSS |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()
    print(f"- tag throughput / dateparser throughput: **{ratio:.1f}×** (target ≥ 10×)")
    print(f"- peak RSS at {size_10 / MB:.0f} MB / at {size_1 / MB:.0f} MB: **{rss_tag10 / rss_tag1:.2f}** (target ≤ 1.20: documents stream)")
    print(f"- 1 MB line of digits and slashes: {patho['junk']:.2f} s; 1 MB of prose: {patho['prose']:.2f} s; "
          f"ratio **{patho['junk'] / patho['prose']:.2f}** (target ≤ 3: no super-linear pattern)")
    print(f"- machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; times are wall-clock, including start-up")


if __name__ == "__main__":
    main()
