"""Config: defaults, validation reporting every problem at once, lexicon paths, stage dependencies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pipeline.config import DEFAULT_CONFIG_PATH, LEXICON_PATHS, LEXICONS, SCHEMA, Config, ConfigError, _defaults, load_config
from pipeline.core import Pipeline, PipelineError, check_stages


def write_config(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_default_config_loads(config: Config) -> None:
    assert isinstance(config, Config)
    assert Path(config.source) == DEFAULT_CONFIG_PATH
    assert config.stage("write")["formats"] == ["csv", "parquet"]
    for name in LEXICONS:
        path = config.lexicon_path(name)
        assert path.is_absolute() and path.is_file(), name
        assert path == (DEFAULT_CONFIG_PATH.parent / LEXICON_PATHS[name]).resolve()
    assert len(config.fingerprint()) == 16


def test_default_yaml_mirrors_schema() -> None:
    assert yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8")) == _defaults(SCHEMA)


@pytest.mark.parametrize("content", ["", "# only a comment\n", "{}\n"])
def test_empty_config_equals_default(tmp_path: Path, content: str, config: Config) -> None:
    path = write_config(tmp_path / "empty.yaml", content)
    assert load_config(path).data == config.data


def test_partial_config_merges_over_defaults(tmp_path: Path) -> None:
    path = write_config(tmp_path / "c.yaml", {"write": {"formats": ["jsonl"]}, "extract": {"dates": {"enabled": False}}})
    data = load_config(path).data
    assert data["write"] == {"enabled": True, "formats": ["jsonl"], "batch_size": 64, "duckdb": True}
    assert data["extract"]["dates"] == {"enabled": False}
    assert data["extract"]["acronyms"] == {"enabled": True, "learn_definitions": True}


def test_every_problem_reported_at_once(tmp_path: Path) -> None:
    path = write_config(tmp_path / "bad.yaml", {
        "colour": "red",
        "ingest": {"enabled": "yes"},
        "write": {"formats": ["csv", "xml"], "batch_size": 0},
        "extract": {"ranks": {"enabld": True}},
        "lexicons": {"ranks": "nowhere/ranks.yaml"},
    })
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert str(path) in message
    problems = info.value.problems
    expected = {
        "colour": ["unknown key", "allowed keys here: ingest, normalize, segment, extract, resolve, write, lexicons"],
        "ingest.enabled": ["expected bool", "'yes'"],
        "write.formats": ["'xml' not allowed", "allowed values: csv, parquet, jsonl"],
        "write.batch_size": ["positive integer"],
        "extract.ranks.enabld": ["unknown key", "allowed keys here: enabled"],
        "lexicons.ranks": ["file not found", "nowhere"],
    }
    for key, fragments in expected.items():
        lines = [p for p in problems if p.startswith(key + ":")]
        assert lines, f"no problem reported for {key}: {problems}"
        for fragment in fragments:
            assert fragment in lines[0], (key, lines[0])
        assert key in message
    assert len(problems) == len(expected)


@pytest.mark.parametrize(("data", "key", "fragment"), [
    ({"write": {"batch_size": True}}, "write.batch_size", "expected int"),
    ({"write": {"batch_size": "64"}}, "write.batch_size", "expected int"),
    ({"write": {"formats": "csv"}}, "write.formats", "expected list"),
    ({"segment": {"engine": "pyvi"}}, "segment.engine", "allowed values: underthesea"),
    ({"ingest": {"extensions": [".txt", ".docx"]}}, "ingest.extensions", "'.docx' not allowed"),
    ({"resolve": True}, "resolve", "expected a mapping"),
    ({"lexicons": {"people": 3}}, "lexicons.people", "expected str"),
    ([1, 2], "top level", "expected a mapping"),
    ({"ingest": {"pretokenized": "yes"}}, "ingest.pretokenized", "'yes' not allowed; allowed values: auto, true, false"),
    ({"ingest": {"pretokenized": 1}}, "ingest.pretokenized", "expected str or bool, got 1"),
])
def test_single_problem(tmp_path: Path, data: object, key: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write_config(tmp_path / "c.yaml", data))
    assert any(p.startswith(key) and fragment in p for p in info.value.problems), info.value.problems


@pytest.mark.parametrize(("content", "fragment"), [("ingest: [unclosed\n", "not valid YAML"), (None, "file not found")])
def test_unreadable_config(tmp_path: Path, content: str | None, fragment: str) -> None:
    path = tmp_path / "c.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=fragment):
        load_config(path)


def test_lexicon_paths_relative_to_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    (project / "lex").mkdir(parents=True)
    shutil.copy(DEFAULT_CONFIG_PATH.parent / "lexicons" / "ranks.yaml", project / "lex" / "my_ranks.yaml")
    path = write_config(project / "cfg.yaml", {"lexicons": {"ranks": "lex/my_ranks.yaml"}})
    monkeypatch.chdir(tmp_path)  # the working directory must not matter
    config = load_config(Path("project") / "cfg.yaml")
    assert config.lexicon_path("ranks") == (project / "lex" / "my_ranks.yaml").resolve()
    # lexicons the user config does not name stay those of the defaults
    assert config.lexicon_path("places") == (DEFAULT_CONFIG_PATH.parent / "lexicons" / "places.yaml").resolve()
    assert path.is_file()


def test_lexicon_path_relative_to_config_not_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lex").mkdir()
    shutil.copy(DEFAULT_CONFIG_PATH.parent / "lexicons" / "ranks.yaml", tmp_path / "lex" / "ranks.yaml")
    path = write_config(tmp_path / "sub" / "cfg.yaml", {"lexicons": {"ranks": "lex/ranks.yaml"}})
    monkeypatch.chdir(tmp_path)  # lex/ranks.yaml exists relative to cwd, but not to the config file
    with pytest.raises(ConfigError, match="lexicons.ranks: file not found"):
        load_config(path)


def _config(tmp_path: Path, data: dict) -> Config:
    return load_config(write_config(tmp_path / "stages.yaml", data))


@pytest.mark.parametrize(("data", "unmet"), [
    ({}, []),
    ({"resolve": {"enabled": False}, "write": {"enabled": False}}, []),
    ({"extract": {"enabled": False}, "resolve": {"enabled": False}}, []),
    ({"normalize": {"enabled": False}}, []),
    ({"segment": {"enabled": False}}, ["extract needs tokens, provided by segment"]),
    ({"extract": {"enabled": False}}, ["resolve needs mentions, provided by extract"]),
    ({"segment": {"enabled": False}, "extract": {"enabled": False}}, ["resolve needs mentions"]),
    ({"ingest": {"enabled": False}, "segment": {"enabled": False}},
     ["normalize needs documents, provided by ingest", "extract needs tokens, provided by segment",
      "write needs documents, provided by ingest"]),
])
def test_check_stages(tmp_path: Path, data: dict, unmet: list[str]) -> None:
    problems = check_stages(_config(tmp_path, data))
    assert len(problems) == len(unmet), problems
    for problem, fragment in zip(problems, unmet):
        assert problem.startswith(fragment), problems
        assert "switched off" in problem


def test_pipeline_refuses_unmet_needs(tmp_path: Path) -> None:
    config = _config(tmp_path, {"segment": {"enabled": False}, "extract": {"enabled": True}, "ingest": {"enabled": False}})
    with pytest.raises(PipelineError) as info:
        Pipeline(config)
    message = str(info.value)
    for fragment in ("extract needs tokens", "normalize needs documents", "write needs documents", config.source):
        assert fragment in message


@pytest.mark.parametrize("value", ["auto", True, False])
def test_pretokenized_values(tmp_path: Path, value: str | bool) -> None:
    read = load_config(write_config(tmp_path / "c.yaml", {"ingest": {"pretokenized": value}})).stage("ingest")
    assert read["pretokenized"] == value and type(read["pretokenized"]) is type(value)
