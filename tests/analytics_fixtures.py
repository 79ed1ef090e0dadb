"""A small hand-made store for the analytics and report tests; every figure in the tests is worked out from it.

Events (window 2025-01-01 .. 2025-06-30, months; PLOVER intensities):
  E1-E4  CHN -> IRN  CONSULT  +2.5  diplomatic_backing [diplomatic]  asserted  10 Jan, Feb, Mar, Apr  (Daily A)
  E5     CHNGOV -> IRNMIL AID +10  arms_transfer [military]          asserted  12 May                  (Wire B)
  E6     CHN -> IRN  AID      +10  arms_transfer [military]          reported  12 Jun                  (Daily A)
  E8     USA -> IRN  THREATEN -3.5 verbal_conflict                   asserted   1 Jun                  (Daily A)
  E9     ISR -> IRN  ASSAULT  -9.0 material_conflict                 asserted  20 Jun                  (Wire B)
  E10    USA -> ISR  AID      +10  arms_transfer [military]          asserted   5 Mar                  (Wire B)
  E11    RUS -> IRN  SUPPORT  +5.0 diplomatic_backing [diplomatic]   asserted   3 Feb                  (Daily A)
"""
from __future__ import annotations

from realpolitik.model import Article, Event, Span, event_id_for

QUAD = {"CONSULT": "verbal_cooperation", "SUPPORT": "verbal_cooperation", "AID": "material_cooperation",
        "THREATEN": "verbal_conflict", "ASSAULT": "material_conflict", "AGREE": "verbal_cooperation"}
FRONTS = {"diplomatic_backing": ("diplomatic",), "arms_transfer": ("military",), None: ()}


def make_event(article: Article, source: str, target: str, type_: str, intensity: float,
               channel: str | None = None, factuality: str = "asserted", **kw) -> Event:
    """One coded event whose evidence is the whole article text."""
    eid = event_id_for(article.id, 0, source, target, type_, None, 0, "rules.v1")
    return Event(id=eid, article_id=article.id, sentence_index=0, source=source, target=target, type=type_,
                 quad=QUAD[type_], intensity=intensity, channel=channel, fronts=FRONTS[channel],
                 factuality=factuality, confidence=0.8, evidence=Span(0, len(article.text), article.text),
                 date=article.published, coder="rules", coder_version="1", **kw)


def article(text: str, date: str, publisher: str, title: str | None = None, url: str | None = None) -> Article:
    """An article with its metadata."""
    return Article.from_text(text, published=date, publisher=publisher, title=title or text.rstrip("."), url=url)


def fill(store) -> dict[str, str]:
    """Save the events listed in the module docstring; returns their ids by name (E1..E11)."""
    rows: list[tuple[Article, list[Event]]] = []
    ids: dict[str, str] = {}

    def add(name: str, text: str, date: str, pub: str, *args, **kw) -> None:
        a = article(text, date, pub)
        e = make_event(a, *args, **kw)
        ids[name] = e.id
        rows.append((a, [e]))

    for i, month in enumerate(("01", "02", "03", "04"), 1):
        add(f"E{i}", f"Chinese envoys held talks with Iranian officials in session {i}.", f"2025-{month}-10", "Daily A",
            "CHN", "IRN", "CONSULT", 2.5, "diplomatic_backing")
    add("E5", "Beijing shipped attack drones to the Iranian army.", "2025-05-12", "Wire B",
        "CHNGOV", "IRNMIL", "AID", 10.0, "arms_transfer")
    add("E6", "Officials said China sent more drones to Iran.", "2025-06-12", "Daily A",
        "CHN", "IRN", "AID", 10.0, "arms_transfer", factuality="reported", attributed_to="officials")
    add("E8", "Washington warned Tehran of consequences.", "2025-06-01", "Daily A", "USA", "IRN", "THREATEN", -3.5)
    add("E9", "Israeli jets struck a site in Iran.", "2025-06-20", "Wire B", "ISR", "IRN", "ASSAULT", -9.0)
    add("E10", "The United States delivered interceptors to Israel.", "2025-03-05", "Wire B",
        "USA", "ISR", "AID", 10.0, "arms_transfer")
    add("E11", "Moscow voiced backing for Tehran.", "2025-02-03", "Daily A", "RUS", "IRN", "SUPPORT", 5.0,
        "diplomatic_backing")
    store.save([(a, evs, "rules.v1") for a, evs in rows])
    return ids
