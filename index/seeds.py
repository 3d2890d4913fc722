"""The bundled example corpus: five real reports of the 2025 Istanbul talks."""

from __future__ import annotations

from pathlib import Path


def seeds_dir() -> Path:
    """The seeds folder, inside an installed wheel or beside a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled seeds are missing from this installation")
