"""A spaCy pipeline component: `nlp.add_pipe("timeline_timex")` puts the TIMEX3 expressions of
the text on `doc.spans["timex"]` (label = TIMEX3 type; `span._.timex_value`, `span._.timex_mod`,
`span._.tid`). The publication date that relative expressions are valued against is
`doc._.dct` (a `datetime.date`) when set, else the component's `dct` setting (`YYYY-MM-DD`).

    import spacy
    nlp = spacy.blank("id")
    nlp.add_pipe("timeline_timex", config={"dct": "2014-12-11"})
    doc = nlp("Rapat digelar pada Rabu (10/12).")
    [(s.text, s.label_, s._.timex_value) for s in doc.spans["timex"]]   # [('Rabu (10/12)', 'DATE', '2014-12-10')]

Registered under spaCy's `spacy_factories` entry point, so no `import timeline` is needed first.
"""
from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "timex"

for _name in ("timex_value", "timex_mod", "tid"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("dct"):
    Doc.set_extension("dct", default=None)


class TimexComponent:
    def __init__(self, nlp: Language, name: str, dct: str | None, spans_key: str):
        self.name, self.spans_key = name, spans_key
        self.dct = date.fromisoformat(dct) if dct else None

    def __call__(self, doc: Doc) -> Doc:
        from . import tag

        spans = []
        for t in tag(doc.text, doc._.dct or self.dct):
            span = doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand")
            if span is None:
                continue
            span._.timex_value, span._.timex_mod, span._.tid = t.value, t.mod, t.tid
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("timeline_timex", default_config={"dct": None, "spans_key": SPANS_KEY})
def make_timex(nlp: Language, name: str, dct: str | None, spans_key: str) -> TimexComponent:
    return TimexComponent(nlp, name, dct, spans_key)
