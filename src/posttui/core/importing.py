"""Importing results from CSV files: a plain `date,platform,metric,value` file, or any
export with a date column and a column per metric, told how by a map.

A map (`--map`) is comma-separated `key=value` pairs: `date=COLUMN` names the date
column (default: the first column whose name is `date`, `day`, `dato` or `Date`, any
case), `date-format=FORMAT` a strftime format for it (default: ISO `2027-03-01`,
`20270301`, `01.03.2027`, US `03/01/2027`; a time after the date is ignored), and every
other `COLUMN=PLATFORM/METRIC` takes that column's values as results of the targets
named `PLATFORM/METRIC`. Keys and values may be quoted with `"` when they hold a comma.

The file: UTF-8 (with or without a byte order mark) or UTF-16 with its byte order mark
(some exports are); comma, semicolon or tab separated (guessed from the header line);
lines before the header that start with `#` are skipped, like the notes some analytics
exports begin with; empty lines are skipped. Numbers may use either language's marks
(`1 234,5`, `1,234.5`, see `results.parse_number`).

Nothing here writes: `plan_import` says what would be added to which target, and
`apply` adds it to the plan. A date a target has already is never added again.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from posttui.core.model import Plan, Result
from posttui.core.results import add_result, names, parse_number

PLAIN_COLUMNS = ("date", "platform", "metric", "value")
DATE_NAMES = ("date", "day", "dato", "dag", "reporting starts", "report date")
MAX_BYTES = 64 * 1024 * 1024


class ImportError_(Exception):
    """A file that cannot be imported: one clear message, with the row where known."""

    def __init__(self, key: str, row: int | None = None, **params: object) -> None:
        self.key = key
        self.row = row
        self.params = params
        super().__init__(f"{key} {row} {params}")


@dataclass(frozen=True)
class Mapping:
    date: str | None = None
    date_format: str | None = None
    columns: tuple[tuple[str, str], ...] = ()  # column -> platform/metric


def parse_map(spec: str) -> Mapping:
    """`date=Date,Lifetime Total Likes=facebook/followers` as a Mapping; ValueError with
    the pair that is wrong."""
    reader = csv.reader([spec], skipinitialspace=True)
    pairs = next(reader, [])
    date_column = date_format = None
    columns = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key or not value:
            raise ValueError(pair)
        if key == "date":
            date_column = value
        elif key == "date-format":
            date_format = value
        else:
            if not re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", value):
                raise ValueError(pair)
            columns.append((key, value))
    return Mapping(date_column, date_format, tuple(columns))


@dataclass(frozen=True, slots=True)
class Row:
    """One value read from the file: its row number (1 = the header's line), for which
    target name, on which date."""

    line: int
    name: str  # platform/metric
    day: date
    value: int | float


def decode(data: bytes) -> str:
    """The file's text: UTF-16 by its byte order mark, else UTF-8 (a BOM dropped)."""
    if len(data) > MAX_BYTES:
        raise ImportError_("import.too-large", limit=MAX_BYTES // (1024 * 1024))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportError_("import.encoding") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportError_("import.encoding", data[: error.start].count(b"\n") + 1) from None


def rows(text: str, mapping: Mapping | None = None) -> Iterator[Row]:
    """The values of a CSV file, row by row; ImportError_ for a malformed file."""
    lines = text.splitlines()
    skip = 0
    while skip < len(lines) and (not lines[skip].strip() or lines[skip].startswith("#")):
        skip += 1
    if skip == len(lines):
        raise ImportError_("import.empty")
    header_line = lines[skip]
    delimiter = max(",;\t", key=header_line.count)
    for candidate in ";\t,":  # the one that splits the header into the columns mapped
        cells = next(csv.reader([header_line], delimiter=candidate))
        wanted = [column for column, _ in mapping.columns] if mapping else []
        if wanted and all(column in [c.strip() for c in cells] for column in wanted):
            delimiter = candidate
            break
    reader = csv.reader(io.StringIO("\n".join(lines[skip:])), delimiter=delimiter, strict=True)
    try:
        header = [name.strip() for name in next(reader)]
        lowered = [name.lower() for name in header]
        if mapping is None and lowered[:4] == list(PLAIN_COLUMNS):
            yield from _plain(reader, skip + 1)
            return
        yield from _wide(reader, header, lowered, mapping or Mapping(), skip + 1)
    except csv.Error as error:
        raise ImportError_("import.csv", skip + reader.line_num, reason=str(error)) from None


def _plain(reader: Iterable[list[str]], first: int) -> Iterator[Row]:
    for offset, cells in enumerate(reader, 1):
        line = first + offset
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < 4:
            raise ImportError_("import.short-row", line, count=len(cells), need=4)
        day = _date(cells[0], None, line)
        platform, metric = cells[1].strip().lower(), cells[2].strip().lower()
        yield Row(line, f"{platform}/{metric}", day, _number(cells[3], line))


def _wide(
    reader: Iterable[list[str]], header: list[str], lowered: list[str], mapping: Mapping, first: int
) -> Iterator[Row]:
    if mapping.date is not None:
        if mapping.date not in header:
            raise ImportError_("import.no-column", first, column=mapping.date)
        date_at = header.index(mapping.date)
    else:
        date_at = next((i for i, name in enumerate(lowered) if name in DATE_NAMES), -1)
        if date_at < 0:
            raise ImportError_("import.no-date", first, columns=", ".join(header))
    if not mapping.columns:
        raise ImportError_("import.no-map", first, columns=", ".join(header))
    taken = []
    for column, name in mapping.columns:
        if column not in header:
            raise ImportError_("import.no-column", first, column=column)
        taken.append((header.index(column), name))
    for offset, cells in enumerate(reader, 1):
        line = first + offset
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) <= max(date_at, *(at for at, _ in taken)):
            raise ImportError_("import.short-row", line, count=len(cells), need=len(header))
        label = cells[date_at].strip().lower()
        if label in ("total", "totalt", "sum", "grand total"):
            continue  # a summary row some exports end with
        day = _date(cells[date_at], mapping.date_format, line)
        for at, name in taken:
            if cells[at].strip() in ("", "-", "--"):
                continue  # no figure that day
            yield Row(line, name, day, _number(cells[at], line))


_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%d.%m.%Y", "%m/%d/%Y", "%Y/%m/%d")


def _date(text: str, format: str | None, line: int) -> date:
    value = text.strip()
    for fmt in (format,) if format else _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            pass
        # A date-time: its date part.
        head = re.split(r"[T ]", value, maxsplit=1)[0]
        try:
            return datetime.strptime(head, fmt).date()
        except ValueError:
            continue
    raise ImportError_("import.bad-date", line, value=value[:40])


def _number(text: str, line: int) -> int | float:
    try:
        return parse_number(text)
    except ValueError:
        raise ImportError_("import.bad-number", line, value=text.strip()[:40]) from None


# ---- what an import would do ----


@dataclass
class TargetImport:
    """What an import adds to one target."""

    objective: str
    index: int  # the target's place in its objective
    label: str
    position: int = 0  # the objective's place in the plan
    added: list[Result] = field(default_factory=list)
    already: list[date] = field(default_factory=list)  # dates the target has: skipped
    twice: list[int] = field(default_factory=list)  # lines giving a date given before


@dataclass
class Import:
    targets: list[TargetImport]
    unplaced: dict[str, list[int]]  # a target name no target answers to -> its lines
    rows: int

    @property
    def count(self) -> int:
        return sum(len(t.added) for t in self.targets)


def plan_import(plan: Plan, values: Iterable[Row], source: str | None = None) -> Import:
    """What importing `values` into `plan` would add, per target (nothing is changed).
    A value goes to every target that answers to its `platform/metric`."""
    by_name: dict[str, list[TargetImport]] = {}
    known: dict[int, set[date]] = {}
    order: list[TargetImport] = []
    for position, objective in enumerate(plan.objectives):
        for index, target in enumerate(objective.targets):
            entry = TargetImport(objective.id, index, target.label(), position)
            known[id(entry)] = {result.date for result in target.results}
            for name in names(target):
                by_name.setdefault(name, []).append(entry)
            order.append(entry)
    unplaced: dict[str, list[int]] = {}
    seen: dict[int, set[date]] = {}
    count = 0
    for row in values:
        count += 1
        entries = by_name.get(row.name)
        if not entries:
            unplaced.setdefault(row.name, []).append(row.line)
            continue
        for entry in entries:
            taken = seen.setdefault(id(entry), set())
            if row.day in known[id(entry)]:
                entry.already.append(row.day)
            elif row.day in taken:
                entry.twice.append(row.line)
            else:
                taken.add(row.day)
                entry.added.append(Result(date=row.day, value=row.value, source=source))
    touched = [e for e in order if e.added or e.already or e.twice]
    return Import(touched, unplaced, count)


def apply(plan: Plan, planned: Import) -> int:
    """Add what `planned` says to `plan`; the number of results added."""
    added = 0
    for entry in planned.targets:
        if not entry.added:
            continue
        target = plan.objectives[entry.position].targets[entry.index]
        if len(entry.added) > 1:  # many at once: one sort, not one per result
            target.results = sorted([*target.results, *entry.added], key=lambda r: r.date)
        else:
            add_result(target, entry.added[0])
        added += len(entry.added)
    return added
