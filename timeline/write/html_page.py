"""`html`: one standalone page that shows the chronology, offline (no file or address it loads).

Each event is a row: date, headline, who, where, status, and its sources, each with the sentence
that tells the event there, and its conflicts. Every text is HTML-escaped; a Content-Security-Policy
forbids any load from the network. A small inline script filters the rows as one types.
"""
from __future__ import annotations

from html import escape
from typing import IO

from . import Format

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:70rem;
 padding:0 1rem;color:#1b1b1b;background:#fff;line-height:1.4}
h1{font-size:1.6rem;margin-bottom:.2rem} .meta{color:#555;margin-top:0}
input{font-size:1rem;padding:.3rem .5rem;width:22rem;max-width:100%;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%} th,td{text-align:left;vertical-align:top;padding:.45rem .5rem;
 border-bottom:1px solid #ddd} th{background:#f3f3f3;position:sticky;top:0}
td.date{white-space:nowrap;font-variant-numeric:tabular-nums;font-weight:600}
.status{font-size:.8rem;padding:.1rem .4rem;border-radius:.6rem;background:#eee;white-space:nowrap}
.occurred{background:#d9f2d9}.planned,.expected{background:#fff0c2}.denied{background:#f8d0d0}
.reported{background:#dde8fb}.hypothetical{background:#eadcf8}
details{margin:.15rem 0} summary{cursor:pointer;color:#245} blockquote{margin:.2rem 0 .4rem 1rem;
 color:#333;border-left:3px solid #ccc;padding-left:.5rem} .conflict{color:#8a3b00;font-size:.9rem}
.kind{color:#666;font-size:.8rem}
"""

_SCRIPT = """
(function () {
  var box = document.getElementById("filter");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tbody tr"));
  var count = document.getElementById("shown");
  function apply() {
    var q = box.value.toLowerCase(), shown = 0;
    rows.forEach(function (r) {
      var hit = !q || r.textContent.toLowerCase().indexOf(q) >= 0;
      r.hidden = !hit;
      if (hit) { shown++; }
    });
    count.textContent = shown;
    document.body.setAttribute("data-rows-shown", String(shown));
  }
  box.addEventListener("input", apply);
  apply();
})();
"""


def _when(e) -> str:
    return f"{e.date} – {e.date_end}" if e.date_end else e.date


def _row(e) -> str:
    by_doc: dict[str, list] = {}
    for m in e.mentions:
        by_doc.setdefault(m.doc, []).append(m)
    sources = []
    for doc, mentions in by_doc.items():  # one entry per article, each of its sentences once
        label = doc + (f" ({len(mentions)} sentences)" if len(mentions) > 1 else "")
        quotes = "".join(f'<blockquote><span class="kind">{escape(m.date or "?")} · {escape(m.status)}</span> '
                         f"{escape(m.sentence)}</blockquote>" for m in mentions)
        sources.append(f"<details open><summary>{escape(label)}</summary>{quotes}</details>")
    conflicts = "".join(
        f'<div class="conflict">{escape(str(c.get("doc", "")))} says {escape(str(c.get("field", "")))}: '
        f'{escape(str(c.get("value", "")))}</div>' for c in e.conflicts)
    return (f'<tr id="{escape(e.id)}"><td class="date">{escape(_when(e))}</td>'
            f'<td><div>{escape(e.title)}</div><span class="kind">{escape(e.kind)}</span>{conflicts}</td>'
            f"<td>{escape(', '.join(e.participants))}</td><td>{escape(', '.join(e.places))}</td>"
            f'<td><span class="status {escape(e.status)}">{escape(e.status)}</span></td>'
            f"<td>{''.join(sources)}</td></tr>")


def page(chronology, events, title: str = "Kronologi") -> str:
    n_docs = len(chronology.documents)
    rows = "\n".join(_row(e) for e in events)
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{escape(title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p class="meta"><span id="shown">{len(events)}</span> of {len(events)} events, from {n_docs} articles (made by timeline)</p>
<input id="filter" type="search" placeholder="Filter: a name, a place, a date…" aria-label="filter">
<table>
<thead><tr><th>date</th><th>what happened</th><th>who</th><th>where</th><th>status</th><th>sources</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def write_events(out: IO[str], chronology, events, **_) -> None:
    out.write(page(chronology, events))


FORMAT = Format(
    name="html",
    summary="one standalone HTML page (offline), to open in a browser",
    extensions=(".html", ".htm"),
    events=write_events,
)
