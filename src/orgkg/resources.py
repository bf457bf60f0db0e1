"""Where orgkg finds the files it ships beside its code."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_MARKER = "orgkg.ttl"


def ontology_dir() -> Path:
    """The ``ontology/`` folder: ``orgkg.ttl``, ``shapes.ttl``, ``queries/*.rq``.

    A source checkout (or editable install) has it at the repository root, two levels
    above this package; an installed wheel carries a copy inside the package
    (``orgkg/ontology/``). The checkout wins, so edits show up without reinstalling.
    """
    checkout = Path(__file__).resolve().parents[2] / "ontology"
    if (checkout / _MARKER).is_file():
        return checkout
    packaged = resources.files("orgkg").joinpath("ontology")
    if isinstance(packaged, Path) and (packaged / _MARKER).is_file():
        return packaged
    raise FileNotFoundError(
        f"orgkg's ontology folder is missing: looked in {checkout} and in the installed package"
    )


def ontology_file(name: str) -> Path:
    """A file of the ontology folder, e.g. ``ontology_file("shapes.ttl")``."""
    return ontology_dir() / name
