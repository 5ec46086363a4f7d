"""Writing a plan: canonical, deterministic TOML, saved atomically."""

from __future__ import annotations

import errno
import glob
import os
import re
import secrets
import stat
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

from posttui.core.loader import CONFLICT_MARKER
from posttui.core.model import Plan, needed_format, results_in_date_order


def dumps(plan: Plan) -> str:
    """The canonical text of `plan`: key order of the format, unset keys omitted, a
    target's results in date order; the oldest format that says it all (1 unless it
    uses something of format 2)."""
    data = results_in_date_order(plan.model_dump(mode="python", exclude_defaults=True))
    data["format"] = needed_format(plan)
    return "\n".join(blocks(data, "", "{}"))


def is_array_of_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], dict)


def blocks(table: Mapping[str, Any], name: str, header: str) -> Iterator[str]:
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
        elif is_array_of_tables(value):
            children.extend((path, item, "[[{}]]\n") for item in value)
        else:
            literals[key] = value
    body = literal_lines(literals) if literals else ""
    if name and (body or header.startswith("[[") or not children):
        yield header.format(name) + body
    elif body:
        yield body
    for path, child, child_header in children:
        yield from blocks(child, path, child_header)


def literal_lines(literals: Mapping[str, Any]) -> str:
    """The plain keys of a table, a line each (the keys of the format are all bare), as
    tomli_w writes them; the common kinds of value without its overhead per value."""
    return "".join(
        tomli_w.dumps({key: value}, multiline_strings=True)
        if (literal := _literal(value)) is None
        else f"{key} = {literal}\n"
        for key, value in literals.items()
    )


def _literal(value: Any) -> str | None:
    """A text, a number, a date, a truth value or a list of one-line texts as tomli_w
    writes it (None: anything else, left to tomli_w)."""
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | date):
        return str(value)  # tomli_w writes numbers, dates and date-times so
    if isinstance(value, list) and all(isinstance(i, str) and "\n" not in i for i in value):
        # tomli_w writes a list an item a line; one-line texts are written alike by both.
        if not value:
            return "[]"
        return "[\n" + "".join(f"    {_string(item)},\n" for item in value) + "]"
    return None


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


def write_atomic(
    path: Path,
    text: str | Iterable[str],
    *,
    mode: int | None = None,
    new_at_most: int = 0o666,
    follow_symlinks: bool = True,
) -> None:
    """Replace `path` with `text` so that a crash leaves the old or the new file, whole.

    Writes a temp file in the same folder, fsyncs it and renames it over the
    target; `text` may come in pieces, each written as it comes (a report). A
    symlink is followed so that its target is replaced, not the link;
    with `follow_symlinks=False` (the editor's own files, such as the journal) the
    link itself is replaced and what it points at is never touched. A read-only
    file, or a file in a read-only folder, is refused (PermissionError) whatever
    the process may do: the rename would replace it. The new file keeps the old
    one's mode, owner and group (owner and group where the process may set them),
    or gets `mode`; a new file gets the umask's mode, without the bits that
    `new_at_most` lacks. The temp file is never readable by more people than the
    file it replaces.
    """
    target = Path(os.path.realpath(path)) if follow_symlinks else Path(path)
    if follow_symlinks and read_only(target):
        raise PermissionError(errno.EACCES, "read-only file", str(path))
    if read_only(target.parent):
        raise PermissionError(errno.EACCES, "read-only folder", str(path))
    owner, old_mode = _owner_and_mode(target, follow_symlinks)
    if owner is None:
        old_mode &= new_at_most
    final_mode = old_mode if mode is None else mode
    _remove_stale_temp_files(target)
    fd, tmp = create_temp(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in [text] if isinstance(text, str) else text:
                handle.write(piece.encode("utf-8"))
            handle.flush()
            if owner is not None:
                _chown(handle.fileno(), *owner)
            os.fchmod(handle.fileno(), final_mode)  # after chown, which may clear set-id bits
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


TEMP_SUFFIX = ".tmp"
# Random bits in the name of a temp file: nobody guesses it to plant a file or a link there.
NAME_BYTES = 16


def random_tag() -> str:
    """128 random bits, as 32 hex digits, for the names of files posttui makes."""
    return secrets.token_hex(NAME_BYTES)


def create_temp(target: Path) -> tuple[int, Path]:
    """A new, empty temp file for a save of `target`, beside it, open for writing.

    Its name carries our process id, so that a later save can tell a temp file a
    killed save left behind from one another save is writing right now, and 128
    random bits. It is made anew (never an existing file, never through a link) and
    readable by its owner only until the save gives it the plan's mode.
    """
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{random_tag()}{TEMP_SUFFIX}")
    return os.open(tmp, NEW_FILE, 0o600), tmp


# A file made anew: refused if anything is there already, a symlink included.
NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def _owner_and_mode(target: Path, follow_symlinks: bool) -> tuple[tuple[int, int] | None, int]:
    """The owner and group, and the mode, of the file at `target`; for a new file (or,
    not following links, a link), no owner to keep and the mode the umask gives."""
    try:
        status = target.stat() if follow_symlinks else target.lstat()
    except FileNotFoundError:
        status = None
    if status is None or not stat.S_ISREG(status.st_mode):
        umask = os.umask(0)
        os.umask(umask)
        return None, 0o666 & ~umask
    return (status.st_uid, status.st_gid), stat.S_IMODE(status.st_mode)


def _chown(fd: int, uid: int, gid: int) -> None:
    """Give the file `fd` this owner and group, as far as the process may."""
    made = os.fstat(fd)
    if (uid, gid) == (made.st_uid, made.st_gid):
        return
    for owner, group in ((uid, gid), (-1, gid)):
        try:
            os.fchown(fd, owner, group)
            return
        except PermissionError:
            continue  # not ours to give away: try to keep the group at least


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
