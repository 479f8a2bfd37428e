"""The official registry of Vietnamese administrative units, current (2025) and former.

Two maintained packages hold it, and each is used for what it does best
(measured in ``tests/test_registry.py`` and the issue notes):

- ``vietnam-provinces``: the 2025 registry, 34 provinces and centrally-run
  cities and 3,321 wards, communes and special zones with their official
  codes (``Province.iter_all()``, ``Ward.iter_all()``);
- ``vietnamadminunits``: the pre-2025 registry (63 provinces, 696 districts,
  10,040 wards, communes and townships, with their codes) and its 2025
  conversion tables, which give each abolished unit its successor.

Names are matched by :func:`name_key`, which ignores case, spacing and where
the tone mark sits (``Hoà``/``Hòa``, ``Thuỵ``/``Thụy``); values are written with
official tone placement.

    >>> registry = Registry.load(ToneMap.from_underthesea())
    >>> unit = registry.resolve("Hạc Thành", "phường")
    >>> unit.normalized, unit.level, unit.code, unit.province
    ('phường Hạc Thành', 'ward', '14797', 'tỉnh Thanh Hóa')
    >>> old = registry.resolve("Quảng Bình", "tỉnh")
    >>> old.normalized, old.level, old.successor
    ('tỉnh Quảng Bình', 'former_province', 'tỉnh Quảng Trị')
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from .normalize import ToneMap, normalize_value

# bump when AdminUnit or the way units are built changes (their names take the tone placement of normalize.ToneMap),
# so older cache files are not read
CACHE_SCHEMA = "3"
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})

# unit words of the registry; a unit word written before a name must be the unit's own
UNIT_WORDS = ("tỉnh", "thành phố", "phường", "xã", "đặc khu", "thị trấn", "huyện", "quận", "thị xã")
# levels of the unit a commune-named body is named after (``Đồn Biên phòng Na Mèo``)
COMMUNE_LEVELS = ("commune", "ward", "special_zone", "township")


# names repeat (14,000 units share far fewer names; a document names its province again and again)
@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A key equal for every spelling of one name: case, spaces, apostrophes and tone placement ignored.

    >>> name_key("Hoà  An") == name_key("hòa an")
    True
    >>> name_key("Hòa An") == name_key("Hóa An")
    False
    """
    keyed = []
    for syllable in " ".join(name.translate(APOSTROPHES).split()).lower().split(" "):
        decomposed = unicodedata.normalize("NFD", syllable)
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        keyed.append(unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS)) + tones)
    return " ".join(keyed)


@dataclass(frozen=True)
class AdminUnit:
    """One administrative unit of the registry.

    ``province`` is the current (2025) province the unit lies in, with its unit
    word; ``successor`` is set for a unit abolished in 2025 when exactly one
    current unit took it over.
    """

    name: str
    unit: str
    level: str
    code: str
    province: str
    current: bool
    successor: str | None = None

    @property
    def normalized(self) -> str:
        return f"{self.unit} {self.name}"

    def attrs(self) -> dict[str, str]:
        attrs = {"level": self.level, "code": self.code, "province": self.province}
        if self.successor:
            attrs["successor"] = self.successor
        return attrs


_UNIT_PREFIX = re.compile(r"^(Thành phố|Tỉnh|Phường|Xã|Đặc khu|Thị trấn|Huyện|Quận|Thị xã)\s+", re.IGNORECASE)
# levels of a ward-level unit of the pre-2025 registry, by its unit word
_LEGACY_WARD_LEVELS = {"phường": "ward", "xã": "commune", "thị trấn": "township"}
# levels of a district-level unit of the pre-2025 registry
_LEGACY_DISTRICT_LEVELS = {"huyện": "district", "quận": "urban_district", "thị xã": "town", "thành phố": "city"}


def split_unit(full_name: str) -> tuple[str, str]:
    """``Phường Hạc Thành`` → (``phường``, ``Hạc Thành``); a name without a unit word → (``tỉnh``, name)."""
    full_name = " ".join(full_name.split())
    match = _UNIT_PREFIX.match(full_name)
    if match is None:
        return "tỉnh", full_name
    return match.group(1).lower(), full_name[match.end():]


@dataclass
class Registry:
    """Every unit, indexed by :func:`name_key` of its name (``keys``: those keys, when the cache already has them)."""

    units: list[AdminUnit]
    keys: list[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.keys is None or len(self.keys) != len(self.units):
            self.keys = [name_key(unit.name) for unit in self.units]
        self.by_name: dict[str, list[AdminUnit]] = defaultdict(list)
        for unit, key in zip(self.units, self.keys):
            self.by_name[key].append(unit)

    @classmethod
    def load(cls, tone_map: ToneMap, cache_dir: Path | None = None) -> Registry:
        """Read both registry packages (offline: their data ships in their wheels).

        Reading them takes a second or two (vietnamadminunits loads its address
        parser on import), so the units are kept as JSON in ``cache_dir``
        (default: ``$XDG_CACHE_HOME/vnextract`` or ``~/.cache/vnextract``), one
        file per pair of package versions; an unwritable cache only costs time.
        """
        cache_dir = default_cache_dir() if cache_dir is None else cache_dir
        path = cache_dir / f"registry-{_versions()}.json"
        try:
            cached = json.loads(path.read_text(encoding="utf-8"))
            return cls([AdminUnit(**row) for row in cached["units"]], cached["keys"])
        except (OSError, ValueError, TypeError, KeyError):
            pass
        registry = cls(list(_current_units(tone_map)) + list(_former_units(tone_map)))
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=cache_dir, delete=False, suffix=".tmp") as tmp:
                json.dump({"units": [asdict(unit) for unit in registry.units], "keys": registry.keys}, tmp,
                          ensure_ascii=False)
            os.replace(tmp.name, path)
        except OSError:
            pass
        return registry

    def candidates(self, name: str, unit_word: str | None = None, levels: Iterable[str] | None = None,
                   ) -> list[AdminUnit]:
        found = self.by_name.get(name_key(name), [])
        if unit_word is not None:
            found = [unit for unit in found if unit.unit == unit_word.lower()]
        if levels is not None:
            wanted = set(levels)
            found = [unit for unit in found if unit.level in wanted]
        return list(found)

    def resolve(self, name: str, unit_word: str | None = None, context: Iterable[str] = (),
                levels: Iterable[str] | None = None) -> AdminUnit | None:
        """The one unit ``name`` stands for, or None when the registry has none or cannot choose.

        The rule, in order: a unit word written before the name must be the
        unit's own (``thành phố Hà Tĩnh`` is the former city, ``tỉnh Hà Tĩnh``
        the province, ``thành phố Huế`` the current city); ``levels`` limits
        the levels further; a bare name is a province when one has that name;
        a current unit wins over a former one; then a unit
        in a province of ``context`` (the provinces the document names) wins;
        a tie left after that is unresolved.
        """
        found = self.candidates(name, unit_word, levels)
        if unit_word is None and levels is None:
            # a bare name: the province (Thanh Hóa, Quảng Bình), not the ward or former city of that name
            found = [unit for unit in found if unit.level in ("province", "former_province")] or found
        found = [unit for unit in found if unit.current] or found
        if len(found) > 1:
            provinces = set(context)
            found = [unit for unit in found if unit.province in provinces] or found
        return found[0] if len(found) == 1 else None

    def province_names(self) -> list[AdminUnit]:
        """Current and former provinces, for matching bare names (``Thanh Hóa``, ``Quảng Bình``)."""
        return [unit for unit in self.units if unit.level in ("province", "former_province")]


def default_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vnextract"


def _versions() -> str:
    """The registry packages' versions and this module's schema, naming one cache file."""
    return "-".join([version("vietnam-provinces"), version("vietnamadminunits"), CACHE_SCHEMA])


def _current_units(tone_map: ToneMap) -> Iterable[AdminUnit]:
    from vietnam_provinces import Province, VietNamDivisionType, Ward

    provinces = {}
    for province in Province.iter_all():
        unit = "thành phố" if province.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG else "tỉnh"
        _, name = split_unit(normalize_value(province.name, tone_map))
        provinces[province.code] = AdminUnit(name, unit, "province", f"{int(province.code):02d}", "", True)
    for province in provinces.values():
        yield AdminUnit(province.name, province.unit, "province", province.code, province.normalized, True)
    levels = {"phường": "ward", "xã": "commune", "đặc khu": "special_zone"}
    for ward in Ward.iter_all():
        unit, name = split_unit(normalize_value(ward.name, tone_map))
        yield AdminUnit(name, unit, levels[unit], f"{int(ward.code):05d}", provinces[ward.province_code].normalized, True)


def _former_units(tone_map: ToneMap) -> Iterable[AdminUnit]:
    """The pre-2025 units, each with the current province it lies in and its successor where there is one."""
    from vietnamadminunits.converter.converter_2025 import (
        DICT_PROVINCE, DICT_PROVINCE_WARD_DIVIDED, DICT_PROVINCE_WARD_NO_DIVIDED,
    )
    from vietnamadminunits.database import get_data

    cleaned: dict[str, tuple[str, str]] = {}

    def clean(value: str) -> tuple[str, str]:
        # every legacy row repeats its province and district: normalize each distinct string once
        if value not in cleaned:
            cleaned[value] = split_unit(normalize_value(value, tone_map))
        return cleaned[value]

    new_province_of = {old: new for new, olds in DICT_PROVINCE.items() for old in olds}
    new_rows = get_data(fields=["provinceKey", "province", "wardKey", "ward"], table="admin_units")
    new_province_name = {}
    new_ward_name = {}
    for row in new_rows:
        unit, name = clean(row["province"])
        new_province_name[row["provinceKey"]] = f"{'thành phố' if unit == 'thành phố' else 'tỉnh'} {name}"
        unit, name = clean(row["ward"])
        new_ward_name[(row["provinceKey"], row["wardKey"])] = f"{unit} {name}"
    # old "province_district_ward" key → the new wards it went to
    successors: dict[str, set[str]] = defaultdict(set)
    for new_province, wards in DICT_PROVINCE_WARD_NO_DIVIDED.items():
        for new_ward, olds in wards.items():
            for old in olds:
                successors[old].add(new_ward_name.get((new_province, new_ward), ""))
    for new_province, olds in DICT_PROVINCE_WARD_DIVIDED.items():
        for old, parts in olds.items():
            for part in parts:
                successors[old].add(new_ward_name.get((new_province, part["newWardKey"]), ""))

    fields = ["provinceKey", "districtKey", "wardKey", "province", "district", "ward", "provinceCode",
              "districtCode", "wardCode"]
    seen_provinces: set[str] = set()
    districts: dict[tuple[str, str], tuple[AdminUnit, set[str]]] = {}
    current_provinces = set(new_province_name.values())
    for row in get_data(fields=fields, table="admin_units_legacy"):
        province_key = row["provinceKey"]
        current = new_province_name.get(new_province_of.get(province_key, ""), "")
        if province_key not in seen_provinces:
            seen_provinces.add(province_key)
            unit, name = clean(row["province"])
            unit = "thành phố" if unit == "thành phố" else "tỉnh"
            if f"{unit} {name}" not in current_provinces:
                yield AdminUnit(name, unit, "former_province", row["provinceCode"], current, False, current or None)
        key = f"{province_key}_{row['districtKey']}_{row['wardKey'] or ''}"
        went_to = successors.get(key, set()) - {""}
        district = (province_key, row["districtKey"])
        if district not in districts:
            unit, name = clean(row["district"])
            districts[district] = (AdminUnit(name, unit, _LEGACY_DISTRICT_LEVELS.get(unit, "district"),
                                             row["districtCode"], current, False), set())
        districts[district][1].update(went_to)
        if row["ward"]:
            unit, name = clean(row["ward"])
            successor = next(iter(went_to)) if len(went_to) == 1 else None
            yield AdminUnit(name, unit, _LEGACY_WARD_LEVELS.get(unit, "commune"), row["wardCode"], current, False,
                            successor)
    for district, went_to in districts.values():
        successor = next(iter(went_to)) if len(went_to) == 1 else None
        yield AdminUnit(district.name, district.unit, district.level, district.code, district.province, False,
                        successor)
