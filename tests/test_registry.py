"""The administrative registry: every level, tone-mark variants, the 2025 successor mapping, the ambiguity rule."""

from __future__ import annotations

import pytest

from pipeline.normalize import ToneMap
from pipeline.registry import Registry, name_key, split_unit


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load(ToneMap.from_underthesea())


def test_registry_holds_the_2025_and_former_units(registry):
    current = [u for u in registry.units if u.current]
    assert len([u for u in current if u.level == "province"]) == 34
    assert len([u for u in current if u.level in ("ward", "commune", "special_zone")]) == 3321
    assert len([u for u in registry.units if u.level == "former_province"]) == 29
    assert len([u for u in registry.units if u.level in ("district", "urban_district", "town", "city")]) > 600


@pytest.mark.parametrize(("name", "unit_word", "expected"), [
    # current units: province, centrally-run city, ward, commune, special zone
    ("Thanh Hóa", "tỉnh", ("tỉnh Thanh Hóa", "province", "38", "tỉnh Thanh Hóa", None)),
    ("Huế", "thành phố", ("thành phố Huế", "province", "46", "thành phố Huế", None)),
    ("Hạc Thành", "phường", ("phường Hạc Thành", "ward", "14797", "tỉnh Thanh Hóa", None)),
    ("Na Mèo", "xã", ("xã Na Mèo", "commune", "15013", "tỉnh Thanh Hóa", None)),
    ("Phú Quốc", "đặc khu", ("đặc khu Phú Quốc", "special_zone", "31078", "tỉnh An Giang", None)),
    # former units: province, district, former city, island district with one successor
    ("Quảng Bình", "tỉnh", ("tỉnh Quảng Bình", "former_province", "44", "tỉnh Quảng Trị", "tỉnh Quảng Trị")),
    ("Bà Rịa - Vũng Tàu", "tỉnh",
     ("tỉnh Bà Rịa - Vũng Tàu", "former_province", "77", "thành phố Hồ Chí Minh", "thành phố Hồ Chí Minh")),
    ("Quan Sơn", "huyện", ("huyện Quan Sơn", "district", "387", "tỉnh Thanh Hóa", None)),
    ("Thanh Hóa", "thành phố", ("thành phố Thanh Hóa", "city", "380", "tỉnh Thanh Hóa", None)),
    ("Hà Tĩnh", "thành phố", ("thành phố Hà Tĩnh", "city", "436", "tỉnh Hà Tĩnh", None)),
    ("Côn Đảo", "huyện", ("huyện Côn Đảo", "district", "755", "thành phố Hồ Chí Minh", "đặc khu Côn Đảo")),
    ("Lý Sơn", "huyện", ("huyện Lý Sơn", "district", "536", "tỉnh Quảng Ngãi", "đặc khu Lý Sơn")),
])
def test_resolve_levels_codes_and_successors(registry, name, unit_word, expected):
    unit = registry.resolve(name, unit_word)
    assert unit is not None
    assert (unit.normalized, unit.level, unit.code, unit.province, unit.successor) == expected


@pytest.mark.parametrize(("variant", "official"), [
    ("Thanh Hoá", "Thanh Hóa"), ("Khánh Hoà", "Khánh Hòa"), ("THANH HÓA", "Thanh Hóa"), ("thanh  hoá", "Thanh Hóa"),
])
def test_tone_mark_and_case_variants_resolve_the_same(registry, variant, official):
    assert registry.resolve(variant, "tỉnh") == registry.resolve(official, "tỉnh")
    assert registry.resolve(variant, "tỉnh") is not None


def test_values_are_written_with_official_tone_marks(registry):
    # vietnam-provinces spells some names "Hoà"; the value is the official "Hòa"
    names = {word for u in registry.units for word in u.name.split()}
    assert {"Hoà", "Thuỵ", "Hoá"}.isdisjoint(names)
    assert {"Hòa", "Thụy", "Hóa"} <= names


@pytest.mark.parametrize(("name", "unit_word", "context", "expected"), [
    # thirteen communes are named Hòa An: only the document's province decides
    ("Hòa An", "xã", [], None),
    ("Hòa An", "xã", ["tỉnh Cao Bằng"], "01654"),
    # a bare name is the province, not the commune or former city of that name
    ("Quảng Bình", None, [], "44"),
    ("Thanh Hóa", None, [], "38"),
    # a commune named like a province: the unit word says which
    ("Thanh Hóa", "xã", [], "18958"),
])
def test_ambiguous_names_are_resolved_by_context_or_left(registry, name, unit_word, context, expected):
    unit = registry.resolve(name, unit_word, context)
    assert (unit.code if unit else None) == expected


@pytest.mark.parametrize(("name", "unit_word"), [
    ("Hà Nội Mới", "tỉnh"), ("Thanh Hóa", "đặc khu"), ("Phú Quốc", "huyện"), ("", "xã"),
])
def test_unknown_or_mismatched_units_give_nothing(registry, name, unit_word):
    assert registry.resolve(name, unit_word) is None


@pytest.mark.parametrize(("full", "expected"), [
    ("Phường Hạc Thành", ("phường", "Hạc Thành")),
    ("Thành phố  Hà Nội", ("thành phố", "Hà Nội")),
    ("Đặc khu Côn Đảo", ("đặc khu", "Côn Đảo")),
    ("Thị xã Sơn Tây", ("thị xã", "Sơn Tây")),
    ("Cao Bằng", ("tỉnh", "Cao Bằng")),
])
def test_split_unit(full, expected):
    assert split_unit(full) == expected


def test_name_key_ignores_tone_placement_only():
    assert name_key("Thuỵ Anh") == name_key("Thụy  anh")
    assert name_key("Cư M’ta") == name_key("Cư M'ta")
    assert name_key("Hòa") != name_key("Hóa")


def test_cache_gives_the_same_units_and_survives_a_bad_file(tmp_path, registry):
    tone_map = ToneMap.from_underthesea()
    built = Registry.load(tone_map, tmp_path)
    cached = list(tmp_path.glob("registry-*.json"))
    assert len(cached) == 1
    from_cache = Registry.load(tone_map, tmp_path)
    assert from_cache.units == built.units == registry.units
    assert from_cache.keys == built.keys == [name_key(unit.name) for unit in built.units]
    cached[0].write_text("{not json", encoding="utf-8")
    assert Registry.load(tone_map, tmp_path).units == built.units
    cached[0].write_text('[{"name": "an older cache, a list of units"}]', encoding="utf-8")
    assert Registry.load(tone_map, tmp_path).units == built.units


def test_unwritable_cache_only_costs_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")  # a file where the cache directory should be
    assert len(Registry.load(ToneMap.from_underthesea(), blocked / "cache").units) > 14000
