"""``--set KEY.PATH=VALUE`` overrides and the effective config printed by ``vnextract config``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.config import ConfigError, effective_yaml, load_config, parse_overrides

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("items", "expected"), [
    ([], {}),
    (["extract.dates.enabled=false"], {"extract": {"dates": {"enabled": False}}}),
    (["write.batch_size=8", "write.formats=[csv, jsonl]"], {"write": {"batch_size": 8, "formats": ["csv", "jsonl"]}}),
    (["extract.dates.enabled=false", "extract.acronyms.learn_definitions=no"],
     {"extract": {"dates": {"enabled": False}, "acronyms": {"learn_definitions": False}}}),
    (["segment.engine = underthesea"], {"segment": {"engine": "underthesea"}}),
])
def test_parse_overrides(items: list[str], expected: dict) -> None:
    assert parse_overrides(items) == expected


@pytest.mark.parametrize(("item", "message"), [
    ("extract.foo.enabled=false", "extract.foo: unknown key; allowed keys here: enabled, dates, places"),
    ("colour=red", "colour: unknown key; allowed keys here: ingest, normalize, segment"),
    ("extract.dates.enabled=maybe", "extract.dates.enabled: expected bool, got 'maybe'"),
    ("write.formats=[csv, xml]", "write.formats: 'xml' not allowed; allowed values: csv, parquet, jsonl"),
    ("segment.engine=pyvi", "segment.engine: 'pyvi' not allowed; allowed values: underthesea"),
    ("write.batch_size=0", "write.batch_size: must be a positive integer"),
    ("write.batch_size=true", "write.batch_size: expected int, got True"),
    ("ingest.pretokenized=sometimes", "ingest.pretokenized: 'sometimes' not allowed; allowed values: auto, true, false"),
    ("extract.dates=false", "extract.dates: expected a mapping"),
    ("extract.dates.enabled", "expected KEY.PATH=VALUE"),
    ("extract..enabled=true", "expected KEY.PATH=VALUE"),
    ("write.formats=[csv", "write.formats: value '[csv' is not valid YAML"),
    ("lexicons.places=no_such_lexicon.yaml", "lexicons.places: file not found"),
])
def test_bad_override_names_key_and_allowed(item: str, message: str) -> None:
    with pytest.raises(ConfigError, match="invalid config --set") as caught:
        parse_overrides([item])
    assert any(message in problem for problem in caught.value.problems), caught.value.problems


def test_every_bad_override_reported_at_once() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_overrides(["extract.foo.enabled=false", "write.batch_size=0", "extract.dates.enabled=true"])
    assert len(caught.value.problems) == 2


def test_overrides_refused_before_the_config_file_is_read(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "missing.yaml", ["extract.dates.enabled=maybe"])
    assert caught.value.source == "--set"


def test_overrides_win_over_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("write:\n  batch_size: 16\nextract:\n  dates: {enabled: false}\n", encoding="utf-8")
    config = load_config(path, ["write.batch_size=4", "extract.places.enabled=false"])
    assert config.stage("write")["batch_size"] == 4
    assert config.stage("extract")["dates"]["enabled"] is False  # from the file
    assert config.stage("extract")["places"]["enabled"] is False  # from --set
    assert config.stage("write")["formats"] == ["csv", "parquet"]  # default


def test_lexicon_override_is_relative_to_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lex").mkdir()
    lexicon = tmp_path / "lex" / "my_acronyms.yaml"
    lexicon.write_text((REPO / "configs" / "lexicons" / "acronyms.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = load_config(REPO / "configs" / "default.yaml", ["lexicons.acronyms=lex/my_acronyms.yaml"])
    assert config.lexicon_path("acronyms") == lexicon.resolve()
    assert config.lexicon_path("places") == (REPO / "configs" / "lexicons" / "places.yaml").resolve()


def test_effective_yaml_round_trips() -> None:
    config = load_config(None, ["extract.acronyms.enabled=false"])
    text = effective_yaml(config)
    assert yaml.safe_load(text) == config.data
    assert "acronyms:\n    enabled: false" in text


def test_no_acronyms_config_differs_from_default_only_there() -> None:
    default, other = load_config(), load_config(REPO / "configs" / "no_acronyms.yaml")
    assert other.stage("extract")["acronyms"]["enabled"] is False
    other.data["extract"]["acronyms"]["enabled"] = True
    assert other.data == default.data
