"""Helpers for the web tests: a hand-made store and a real uvicorn server on 127.0.0.1."""
from __future__ import annotations

import threading
import time
from pathlib import Path

from realpolitik.model import Article, Event, Span, event_id_for

SCRIPT_TITLE = "Harbour talks <script>alert(1)</script>"
SCRIPT_TEXT = ("Officials met at the harbour on Tuesday. The memo read <script>alert(1)</script> in full. "
               "China pledged naval escorts for Iranian tankers, the ministry said.")

# Texts written for these tests: (text, title, date, publisher, [(source, target, type, quad, factuality, sentence, trigger)]).
ARTICLES = [
    ("Beijing delivered radar components to Tehran on Friday. Analysts expect more shipments next year.",
     "Radar parts reach Tehran", "2026-01-09", "Harbour Ledger",
     [("CHN", "IRN", "AID", "material_cooperation", "asserted", "Beijing delivered radar components to Tehran on Friday.", "delivered")]),
    ("China and Iran signed a grain-for-oil accord in Shanghai. Iran criticised the United States over new tariffs.",
     "Grain-for-oil accord signed", "2026-02-14", "Plains Courier",
     [("CHN", "IRN", "AGREE", "verbal_cooperation", "asserted", "China and Iran signed a grain-for-oil accord in Shanghai.", "signed"),
      ("IRN", "USA", "ACCUSE", "verbal_conflict", "asserted", "Iran criticised the United States over new tariffs.", "criticised")]),
    ("Russian artillery shelled positions near Kharkiv overnight, Ukrainian officials said.",
     "Overnight shelling near Kharkiv", "2026-03-03", "Steppe Wire",
     [("RUS", "UKR", "ASSAULT", "material_conflict", "reported", "Russian artillery shelled positions near Kharkiv overnight, Ukrainian officials said.", "shelled")]),
    (SCRIPT_TEXT, SCRIPT_TITLE, "2026-03-20", "Coast <b>Gazette</b>",
     [("CHN", "IRN", "AID", "material_cooperation", "reported", "China pledged naval escorts for Iranian tankers, the ministry said.", "pledged")]),
]


# Where each test event happened, by its trigger (resolved with the real gazetteer).
PLACES = {"delivered": "Tehran", "signed": "Shanghai", "shelled": "Kharkiv"}


def build_store(path: str) -> dict[str, list[str]]:
    """Fill a DuckDB file with the hand-made articles and events; returns their ids."""
    from realpolitik.geo import resolve
    from realpolitik.store import open_store

    ids: dict[str, list[str]] = {"articles": [], "events": []}
    with open_store(path) as store:
        items = []
        for text, title, date, publisher, evs in ARTICLES:
            art = Article.from_text(text, title=title, published=date, publisher=publisher, source=f"test:{title}")
            events = []
            for i, (src, tgt, typ, quad, fact, sent, trig) in enumerate(evs):
                start = text.index(sent)
                t0 = text.index(trig, start)
                eid = event_id_for(art.id, i, src, tgt, typ, None, t0, "rules.v1")
                events.append(Event(id=eid, article_id=art.id, sentence_index=i, source=src, target=tgt, type=typ,
                                    quad=quad, factuality=fact, confidence=0.8, intensity=5.0,
                                    evidence=Span(start, start + len(sent), sent),
                                    trigger=Span(t0, t0 + len(trig), trig), date=date,
                                    channel="arms_transfer" if typ == "AID" else None,
                                    fronts=("military",) if typ == "AID" else (), coder="rules", coder_version="1",
                                    location=resolve(PLACES[trig]) if trig in PLACES else None))
                ids["events"].append(eid)
            items.append((art, events, "rules.v1"))
            ids["articles"].append(art.id)
        store.save(items)
    return ids


class LiveServer:
    """A real uvicorn server for an app, on a free port of 127.0.0.1, in a background thread."""

    def __init__(self, app):
        import uvicorn

        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                                    lifespan="on", access_log=False))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def make_server(db: Path, **extra):
    """A LiveServer over the DuckDB file `db`, with `web.*` settings named by their field (require_token=True)."""
    from realpolitik.options import Options
    from realpolitik.web import create_app

    options = Options(progress=False).with_settings({f"web.{k}": v for k, v in extra.items()})
    return LiveServer(create_app(str(db), options))
