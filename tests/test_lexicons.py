"""Lexicon loading: each file parsed once per process, re-read when edited, every bad file a LexiconError."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.lexicons import LexiconError, PlaceLexicon, RankLexicon, _load

RANKS = "ranks:\n  - {name: Đại tá, order: 12, category: cấp tá}\n"


@pytest.mark.parametrize(("content", "fragment"), [
    ("ranks: [unclosed\n", "not valid YAML"),
    ("- a list\n", "expected a mapping with keys ranks"),
    ("forces: []\n", "missing keys ranks"),
    ("ranks:\n  - {name: Đại tá}\n", "ranks[0] needs name, order (integer) and category"),
    (None, "cannot read lexicon"),
])
def test_bad_rank_lexicon(tmp_path: Path, content: str | None, fragment: str) -> None:
    path = tmp_path / "ranks.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match="ranks.yaml") as raised:
        RankLexicon.load(path)
    assert fragment in str(raised.value)


def test_good_rank_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "ranks.yaml"
    path.write_text(RANKS, encoding="utf-8")
    lexicon = RankLexicon.load(path)
    assert [(r.name, r.order, r.category) for r in lexicon.ranks] == [("Đại tá", 12, "cấp tá")]


def test_an_edited_lexicon_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "ranks.yaml"
    path.write_text(RANKS, encoding="utf-8")
    assert [r.name for r in RankLexicon.load(path).ranks] == ["Đại tá"]
    path.write_text(RANKS + "  - {name: Thượng tá, order: 11, category: cấp tá}\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a later mtime even on coarse clocks
    assert [r.name for r in RankLexicon.load(path).ranks] == ["Đại tá", "Thượng tá"]


def test_a_loaded_document_is_the_callers_own(tmp_path: Path) -> None:
    path = tmp_path / "ranks.yaml"
    path.write_text(RANKS, encoding="utf-8")
    first = _load(path, ("ranks",))
    first["ranks"].clear()
    assert len(_load(path, ("ranks",))["ranks"]) == 1


@pytest.mark.parametrize("content", [
    "words_opened_by_names: [Pháp, luật]\n",
    "words_opened_by_names:\n  Pháp: luật\n",
])
def test_bad_words_opened_by_names(tmp_path: Path, content: str) -> None:
    path = tmp_path / "places.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match="words_opened_by_names"):
        PlaceLexicon.load(path)


def test_words_opened_by_names(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    path.write_text("countries: [Pháp]\nwords_opened_by_names:\n  Pháp: [Luật, lý]\n", encoding="utf-8")
    assert PlaceLexicon.load(path).words_opened == {"Pháp": frozenset({"luật", "lý"})}
