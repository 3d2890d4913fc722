"""The user's settings file: ``config.toml`` in the user's config folder.

It holds what a user wants every time (the theme, a keymap, the folders to
open when no path is given, the spaCy model, where indexes live), so the
command line only says what differs today. The command line wins over the
environment, which wins over the file, which wins over newsdesk's defaults.

A setting that cannot be used is refused with the file and line it is on,
never quietly replaced by a default. The file is read with :mod:`tomllib`;
the one thing newsdesk writes back (the theme chosen in the reader) goes
through :mod:`tomlkit`, which keeps the user's comments and layout.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENV_CONFIG = "NEWSDESK_CONFIG"
ENV_INDEX_DIR = "NEWSDESK_INDEX_DIR"
FILE_NAME = "config.toml"
KNOWN = ("theme", "keymap", "corpus", "model", "index_dir")
_TABLE = re.compile(r"^\s*\[\s*([^\]]*?)\s*\]")


class SettingsError(Exception):
    """A settings file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Settings:
    """What the settings file says; ``None`` or empty where it says nothing."""

    path: Path
    theme: str | None = None
    keymap: Mapping[str, str] = field(default_factory=dict)
    corpus: tuple[Path, ...] = ()
    model: str | None = None
    index_dir: Path | None = None
    lines: Mapping[str, int] = field(default_factory=dict)

    def where(self, key: str) -> str:
        """``file, line N`` of ``key`` (``keymap.ID`` for a keymap entry), for messages."""
        line = self.lines.get(key)
        return f"{self.path}, line {line}" if line else str(self.path)


def config_path() -> Path:
    """``$NEWSDESK_CONFIG``, else ``config.toml`` in the user's config folder
    (``~/.config/newsdesk/`` on Linux, or under ``$XDG_CONFIG_HOME``)."""
    named = os.environ.get(ENV_CONFIG, "")
    if named:
        return Path(os.path.expanduser(named))
    from platformdirs import user_config_path

    return user_config_path("newsdesk", appauthor=False) / FILE_NAME


def load(path: Path | None = None) -> Settings:
    """The settings at ``path`` (default :func:`config_path`); no file, no settings.

    A file named by ``$NEWSDESK_CONFIG`` must exist: a misspelt name would
    otherwise be the defaults without a word.
    """
    named = path is None and bool(os.environ.get(ENV_CONFIG))
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if named:
            raise SettingsError(f"{path}: no such settings file (named by {ENV_CONFIG})") from None
        return Settings(path)
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"{path}: cannot be read ({_reason(error)})") from None
    return parse(text, path)


def _reason(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return "it is not UTF-8 text"
    return getattr(error, "strerror", None) or str(error)


def parse(text: str, path: Path) -> Settings:
    """Settings from the text of a file at ``path``, checked value by value."""
    import tomllib  # only when there is a settings file

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(_toml_problem(error, path)) from None
    lines = key_lines(text)
    settings = Settings(path, lines=lines)
    for key in data:
        if key not in KNOWN:
            raise SettingsError(
                f"{settings.where(key)}: unknown setting {key!r} (settings are {', '.join(KNOWN)})"
            )
    return Settings(
        path,
        theme=_text(data, "theme", settings),
        keymap=_keymap(data.get("keymap", {}), settings),
        corpus=tuple(_folder(p, path) for p in _texts(data, "corpus", settings)),
        model=_text(data, "model", settings),
        index_dir=_optional_folder(_text(data, "index_dir", settings), path),
        lines=lines,
    )


def _toml_problem(error: Exception, path: Path) -> str:
    """``file, line N: not valid TOML: ...``: tomllib puts the place at the end
    of its message (``Invalid value (at line 3, column 8)``)."""
    place = re.search(r"\s*\(at line (\d+), column (\d+)\)$", str(error))
    if not place:
        return f"{path}: not valid TOML: {error}"
    problem = str(error)[: place.start()]
    return f"{path}, line {place.group(1)}: not valid TOML: {problem} (column {place.group(2)})"


def _text(data: Mapping[str, Any], key: str, settings: Settings) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise SettingsError(f"{settings.where(key)}: {key} must be a non-empty string in quotes")
    return value


def _texts(data: Mapping[str, Any], key: str, settings: Settings) -> list[str]:
    """A list of strings, or one string standing for a list of one."""
    value = data.get(key, [])
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SettingsError(
            f'{settings.where(key)}: {key} must be a list of folders, such as ["~/news"]'
        )
    return value


def _keymap(table: Any, settings: Settings) -> dict[str, str]:
    """``binding id = "keys"`` (comma-separated, as Textual writes them)."""
    if not isinstance(table, dict):
        raise SettingsError(f"{settings.where('keymap')}: keymap must be a table, [keymap]")
    for binding_id, keys in table.items():
        where = settings.where(f"keymap.{binding_id}")
        if not isinstance(keys, str) or not all(k.strip() for k in keys.split(",")):
            raise SettingsError(
                f'{where}: the keys for {binding_id!r} must be a string such as "j,down"'
            )
    return {binding_id: keys.replace(" ", "") for binding_id, keys in table.items()}


def _folder(value: str, config: Path) -> Path:
    """A folder as the user wrote it: ``~`` is home, a relative one is beside the file."""
    return config.parent / os.path.expanduser(value)


def _optional_folder(value: str | None, config: Path) -> Path | None:
    return None if value is None else _folder(value, config)


def key_lines(text: str) -> dict[str, int]:
    """The line each key is set on (``keymap.ID`` inside a table), for messages:
    tomllib parses values but keeps no positions."""
    lines: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TABLE.match(line)
        if header:
            table = header.group(1).strip("\"'")
            lines.setdefault(table, number)
            continue
        key = _key_of(line)
        if key:
            lines.setdefault(f"{table}.{key}" if table else key, number)
    return lines


def _key_of(line: str) -> str | None:
    match = re.match(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""", line)
    return match.group(1).strip("\"'") if match else None


def check_theme(settings: Settings, themes: Iterable[str]) -> None:
    """Refuse a theme the reader does not have, naming those it has."""
    names = sorted(themes)
    if settings.theme is not None and settings.theme not in names:
        raise SettingsError(
            f"{settings.where('theme')}: no theme named {settings.theme!r} "
            f"(themes are {', '.join(names)})"
        )


def check_keymap(settings: Settings, binding_ids: Iterable[str]) -> None:
    """Refuse a keymap entry for a binding the reader does not have: a
    misspelt id would otherwise rebind nothing without a word."""
    known = set(binding_ids)
    for binding_id in settings.keymap:
        if binding_id not in known:
            raise SettingsError(
                f"{settings.where(f'keymap.{binding_id}')}: no key binding with the id "
                f"{binding_id!r} (the help, '?', lists them; ids are {', '.join(sorted(known))})"
            )


def check_reader(settings: Settings) -> None:
    """The theme and keymap, checked before the reader's screen takes the
    terminal, so a misspelt one is a message in the shell (exit 2)."""
    from textual.theme import BUILTIN_THEMES

    from .app import NewsdeskApp

    check_theme(settings, BUILTIN_THEMES)
    check_keymap(settings, NewsdeskApp.binding_ids())
    for binding_id, keys in settings.keymap.items():
        unknown = [key for key in keys.split(",") if not is_key(key)]
        if unknown:
            raise SettingsError(
                f"{settings.where(f'keymap.{binding_id}')}: {unknown[0]!r} is no key "
                "(keys are written as 'j', 'J', 'ctrl+n', 'pagedown', 'f5', 'question_mark')"
            )


MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def is_key(key: str) -> bool:
    """Whether Textual can ever report ``key`` (a misspelt name such as
    ``ctrl-n`` or ``page_down`` would bind a key no keyboard sends)."""
    from textual.keys import REPLACED_KEYS, Keys, key_to_character

    *modifiers, name = key.split("+")
    if not name or not MODIFIERS.issuperset(modifiers):
        return False
    if len(name) == 1 or name in {k.value for k in Keys}:
        return True
    return key_to_character(REPLACED_KEYS.get(name, name)) is not None


def save_theme(path: Path, theme: str) -> None:
    """Write ``theme`` into the settings file, keeping everything else in it as
    the user wrote it (comments too); the file and its folder are made if needed.

    The new text replaces the old file whole (a crash mid-write leaves the old
    one), in the file a symbolic link points to (settings kept in a dotfiles
    repository stay linked) and with the old file's permissions.
    """
    import tomlkit

    target = path.resolve()
    document = tomlkit.parse(target.read_text(encoding="utf-8")) if target.exists() else None
    document = document if document is not None else tomlkit.document()
    document["theme"] = theme
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(tomlkit.dumps(document), encoding="utf-8")
    if target.exists():
        import shutil

        shutil.copymode(target, partial)
    os.replace(partial, target)


def apply(settings: Settings, args: Any, corpus: bool = True) -> None:
    """Fill in from ``settings`` what the command line (``args``) and the
    environment leave unsaid: the model, the index folder and, where
    ``corpus``, the folders to open when no path is given."""
    from index.nlp import ENV_MODEL

    if not getattr(args, "model", None) and not os.environ.get(ENV_MODEL):
        args.model = settings.model
    if settings.index_dir and not os.environ.get(ENV_INDEX_DIR):
        # The indexing process the reader starts reads it from there too.
        os.environ[ENV_INDEX_DIR] = str(settings.index_dir)
    if corpus and settings.corpus and not getattr(args, "paths", None):
        missing = [p for p in settings.corpus if not p.exists()]
        if missing:
            raise SettingsError(f"{settings.where('corpus')}: no such folder: {missing[0]}")
        args.paths = [str(p) for p in settings.corpus]
