"""Reading the YAML data files the package ships (catalogue, Aplikasi Umum, evaluation tables).

They are parsed with ``yaml_rs`` (Rust) when it is installed: every check process reads them
once, and with libyaml's loader they took a sixth of a worker's start-up (46 ms for the three
large catalogue files, 3.5 ms with ``yaml_rs``). Both give the same data for every shipped
file (``tests/test_referensi.py::test_package_data_parses_the_same_with_both_parsers``): the
files hold strings, numbers, lists and mappings only, and dates are not read as dates.
"""

from __future__ import annotations

from typing import Any

import yaml

_yaml_rs: Any
try:
    import yaml_rs as _yaml_rs
except ImportError:  # pragma: no cover - the package then reads with libyaml (or pure Python)
    _yaml_rs = None


def parse_yaml(text: str) -> Any:
    """The data of a shipped YAML file."""
    if _yaml_rs is not None:
        return _yaml_rs.loads(text, parse_datetime=False)
    return parse_yaml_libyaml(text)


def parse_yaml_libyaml(text: str) -> Any:
    """The same, with PyYAML's safe loader (libyaml's when PyYAML has it)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
