"""Writing a plan: canonical, deterministic TOML, saved atomically."""

from __future__ import annotations

import errno
import glob
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import tomli_w

from posttui.core.loader import CONFLICT_MARKER
from posttui.core.model import Plan


def dumps(plan: Plan) -> str:
    """The canonical text of `plan`: key order of the format, unset keys omitted."""
    data = plan.model_dump(mode="python", exclude_defaults=True)
    return "\n".join(_blocks(data, "", "{}"))


def _is_array_of_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], dict)


def _blocks(table: Mapping[str, Any], name: str, header: str) -> Iterator[str]:
    """A table as blocks of text: its header with its plain keys, then its sub-tables.

    Arrays of tables are always written as [[name]] blocks (tomli_w would inline
    short ones), so every item starts on a line of its own in diffs.
    """
    literals = {}
    children: list[tuple[str, Mapping[str, Any], str]] = []
    for key, value in table.items():
        path = f"{name}.{key}" if name else key
        if isinstance(value, dict):
            children.append((path, value, "[{}]\n"))
        elif _is_array_of_tables(value):
            children.extend((path, item, "[[{}]]\n") for item in value)
        else:
            literals[key] = value
    body = _literals(literals) if literals else ""
    if name and (body or header.startswith("[[") or not children):
        yield header.format(name) + body
    elif body:
        yield body
    for path, child, child_header in children:
        yield from _blocks(child, path, child_header)


def _literals(literals: dict[str, Any]) -> str:
    """The plain keys of a table, a line each (the keys of the format are all bare)."""
    return "".join(
        f"{key} = {_string(value)}\n"
        if isinstance(value, str)
        else tomli_w.dumps({key: value}, multiline_strings=True)
        for key, value in literals.items()
    )


def _string(text: str) -> str:
    """Text as tomli_w writes it: multi-line text as a multi-line string, except text with
    a line that looks like a git conflict marker: that stays on one line, so that the
    loader does not refuse the file as an unresolved merge.

    tomli_w escapes a character at a time in Python (1.3 s for 20 MB of text); one
    regular expression does the same escapes in a fifth of the time.
    """
    if "\n" in text and not CONFLICT_MARKER.search(text):
        return '"""\n' + _ESCAPED_MULTILINE.sub(_escape, text.replace("\r\n", "\n")) + '"""'
    return '"' + _ESCAPED.sub(_escape, text) + '"'


# A basic string escapes quotes, backslashes and control characters but the tab;
# a multi-line one keeps its line feeds as they are.
_ESCAPED = re.compile('[\x00-\x08\x0a-\x1f\x7f"\\\\]')
_ESCAPED_MULTILINE = re.compile('[\x00-\x08\x0b-\x1f\x7f"\\\\]')
_SHORT = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT.get(char) or f"\\u{ord(char):04x}"


def save(plan: Plan, path: Path | str) -> None:
    write_atomic(Path(path), dumps(plan))


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` so that a crash leaves the old or the new file, whole.

    Writes a temp file in the same folder, fsyncs it and renames it over the
    target; a symlink is followed so that its target is replaced, not the link.
    A read-only file is refused (PermissionError): the rename would replace it.
    """
    target = Path(os.path.realpath(path))
    if read_only(target):
        raise PermissionError(errno.EACCES, "read-only file", str(path))
    mode = _mode_for(target)
    _remove_stale_temp_files(target)
    # The temp file's name carries our process id, so that a later save can tell a
    # temp file a killed save left behind from one another save is writing right now.
    prefix = f".{target.name}.{os.getpid()}."
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


TEMP_SUFFIX = ".tmp"


def _remove_stale_temp_files(target: Path) -> None:
    """Delete temp files of saves of `target` whose process is gone (killed mid-save)."""
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*{TEMP_SUFFIX}"):
        pid = leftover.name.removeprefix(f".{target.name}.").split(".")[0]
        if pid.isdigit() and not process_alive(int(pid)):
            leftover.unlink(missing_ok=True)


def read_only(path: Path) -> bool:
    """Whether the file or folder at `path` may not be written: we lack the permission,
    or it has no write permission for anyone (which root would otherwise ignore)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not os.access(path, os.W_OK) or not mode & 0o222


def process_alive(pid: int) -> bool:
    """Whether a process `pid` runs (signal 0 only asks)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename is still atomic
    finally:
        os.close(fd)


def write_new(path: Path, text: str) -> None:
    """Create `path` holding `text`; FileExistsError when anything is there already."""
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
