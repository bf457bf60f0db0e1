"""Search keys of names: what a name is looked up by, whatever its case and spacing."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")


def name_key(name: str) -> str:
    """The key a name is found by: NFC, case-folded, single spaces ("the CIS " -> "the cis").

    The graph stores each entity's keys as ``skos:hiddenLabel``, so a named query finds
    a body or person by any of its names with an index lookup (see ontology/queries).
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFC", name)).strip().casefold()
