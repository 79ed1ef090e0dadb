"""De-duplication on the shared BBC corpus (exact repeats and revised copies); skipped without ../shared."""
from __future__ import annotations

from pathlib import Path

import pytest

BBC = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "bbc_news_2005.jsonl"


@pytest.mark.slow
def test_bbc_exact_and_near_duplicates(store):
    if not BBC.is_file():
        pytest.skip(f"{BBC} is absent: the shared corpora are not available here")
    from realpolitik.options import Options
    from realpolitik.pipeline import ingest

    report = ingest([str(BBC)], store, Options(code=False, progress=False))
    s = store.stats()
    assert (report.read, s["articles"], s["duplicates"]) == (2225, 2088, 137)
    # Revised versions of one story; distinct stories on one topic stay below the threshold.
    assert 25 <= s["near_duplicates"] <= 40
    assert store.query("SELECT MIN(similarity) AS m FROM articles WHERE canonical_id IS NOT NULL")[0]["m"] >= 0.5
