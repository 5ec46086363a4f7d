"""Hostile plans: text that tries to be markup, to drive the terminal, to hide or
reorder itself, and sizes that strain every view.

Any test can build one and check what reached the terminal:

    from support.hostile import hostile_plan, write_plan, assert_terminal_safe

    path = write_plan(tmp_path / "hostile.post.toml", hostile_plan())
    assert_terminal_safe(output_of_the_command)

Every free-text field of the format carries `hostile_text(label)`; ids, platform
ids and metrics are slugs ([a-z0-9-]+), so they carry length instead.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Collection
from datetime import date
from pathlib import Path

from posttui.core.model import (
    Initiative,
    Involvement,
    Objective,
    People,
    Plan,
    PlanInfo,
    Platform,
    Segment,
    Settings,
    Strategy,
    Target,
    Technology,
)
from posttui.core.writer import dumps

# Rich/Textual markup: must show as typed and do nothing (quit, open links, restyle).
MARKUP = ("[/", "[@click=app.quit]x[/]", "[link=https://e.vil]x[/link]", "[bold red]")

# Terminal escape sequences and controls: each would act on the terminal if sent raw.
ESCAPES = (
    "\x1b]52;c;SGVsbG8=\x07",  # OSC 52: write the clipboard
    "\x1b]8;;https://e.vil\x1b\\link\x1b]8;;\x1b\\",  # OSC 8: a hyperlink
    "\x1b[2J\x1b[H",  # clear the screen, cursor home
    "\x1b[10A",  # cursor up ten lines
    "\x1bc",  # reset the terminal
    "\x07",  # bell
    "\x9b2J",  # C1 CSI: clear the screen in one byte
    "\x00\x08\r\t",  # NUL, backspace, carriage return, tab
)

# Bidi overrides and isolates: reorder what is shown (U+202E makes "txt.exe" read "exe.txt").
BIDI = ("\u202eevil\u202c", "\u2066a\u2069", "\u2067b\u2069", "\u2068c\u2069", "\u200f")

# Invisible characters: zero-width space and joiner, byte order mark, line separator.
ZERO_WIDTH = ("zero\u200bwidth", "join\u200der", "\ufeffbom", "line\u2028sep")

# Two cells per character ("FULL" in full-width letters), and emoji joined into one picture.
WIDE = ("漢字かな", "\uff26\uff35\uff2c\uff2c", "👩\u200d👩\u200d👧\u200d👦", "🏳\ufe0f\u200d🌈")

ATTACKS = (*MARKUP, *ESCAPES, *BIDI, *ZERO_WIDTH, *WIDE)

# What must never reach a terminal raw: C0 controls but newline, DEL, C1 controls,
# bidi marks, overrides and isolates, zero-width characters, separators, BOM.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")

HUGE = 20_000_000  # characters in the huge string: 20 MB of text


def hostile_text(label: str) -> str:
    """`label`, then every attack, each after a space: what a hostile plan puts in a field."""
    return " ".join((label, *ATTACKS))


def huge_text(size: int = HUGE) -> str:
    """`size` characters with the attacks at the start, in the middle and at the end."""
    attacks = hostile_text("huge")
    filler = "Lorem ipsum 漢字 "  # mixed widths all the way
    body = (filler * (size // len(filler) + 1))[: max(0, size - 3 * len(attacks))]
    half = len(body) // 2
    return attacks + body[:half] + attacks + body[half:] + attacks


def long_slug(stem: str, length: int = 200) -> str:
    """A valid id of `length` characters: ids cannot carry markup, but they can be long."""
    return (stem + "-" + "x" * length)[:length]


def segment_label(index: int) -> str:
    """What a segment's name starts with: wide characters every other one, so that
    columns of names (the matrix) show whether they are aligned by cells."""
    return f"Segment {index}" if index % 2 == 0 else f"{WIDE[0]} {index}"


def segment(index: int, name: str) -> Segment:
    return Segment(
        id=f"seg-{index}",
        name=name,
        description=hostile_text("description"),
        linkage="normative",
        size=1000,
        platforms=["hostile", long_slug("plattform")],
        involvement=Involvement(
            socializers=34, lurkers=29, sporadics=23, debaters=9, advanced=5, notes="i"
        ),
        notes=hostile_text("notes"),
    )


def objective(index: int, segments: list[str], statement: str) -> Objective:
    return Objective(
        id=f"obj-{index}",
        statement=statement,
        kind="talking",
        segments=segments,
        owner=hostile_text("owner"),
        why=hostile_text("why"),
        start=date(2027, 1, 1),
        deadline=date(2027, 6, 30),
        targets=[
            Target(platform="hostile", metric=long_slug("metric", 60), baseline=10, target=20),
            Target(platform="absent", metric="followers", target=1, notes=hostile_text("t")),
        ],
        notes=hostile_text("notes"),
    )


# Where `hostile_plan(huge=...)` puts the huge string: the plan's title or notes, the
# first segment's name, objective's statement or platform's name, or the id of a
# platform in the mix (as a slug).
PLACES = ("title", "notes", "segment", "objective", "platform", "id")


def hostile_plan(
    *, segments: int = 3, objectives: int = 3, huge: Collection[str] = (), size: int = HUGE
) -> Plan:
    """A plan whose every text field is hostile.

    `segments` and `objectives`: how many (thousands strain the lists and the matrix).
    `huge`: the PLACES that hold a string of `size` characters instead.
    """
    assert set(huge) <= set(PLACES), f"unknown places: {set(huge) - set(PLACES)}"
    big = huge_text(size) if huge else ""

    def text(place: str, label: str) -> str:
        return big if place in huge else hostile_text(label)

    segment_items = [
        segment(index, text("segment" if index == 0 else "", segment_label(index)))
        for index in range(segments)
    ]
    ids = [item.id for item in segment_items[:2]]
    objective_items = [
        objective(index, ids, text("objective" if index == 0 else "", f"Objective {index}"))
        for index in range(objectives)
    ]
    return Plan(
        format=1,
        plan=PlanInfo(
            title=text("title", "Plan"),
            organization=hostile_text("organization"),
            language="en",
            as_of=date(2027, 1, 15),
            notes=text("notes", "notes"),
        ),
        settings=Settings(max_monthly_growth=0.2, notes=hostile_text("settings")),
        people=People(segments=segment_items, notes=hostile_text("people")),
        objectives=objective_items,
        strategy=Strategy(
            relationship=hostile_text("relationship"),
            initiatives=[
                Initiative(
                    id=long_slug("initiative"),
                    objectives=[objective_items[0].id] if objective_items else [],
                    description=hostile_text("initiative"),
                    content=["video"],
                    platforms=["hostile"],
                    cadence=hostile_text("cadence"),
                    notes=hostile_text("notes"),
                )
            ],
            notes=hostile_text("strategy"),
        ),
        technology=Technology(
            platforms=[
                Platform(
                    id="hostile",
                    name=text("platform", "Platform"),
                    role=hostile_text("role"),
                    notes=hostile_text("notes"),
                ),
                Platform(id=long_slug("plattform"), name=f"漢字 {WIDE[1]}", role="wide"),
                Platform(
                    id=long_slug("unused", size) if "id" in huge else "unused",
                    name=hostile_text("Unused"),
                ),
            ],
            notes=hostile_text("technology"),
        ),
    )


def write_plan(path: Path, plan: Plan) -> Path:
    """`plan` saved at `path` by posttui's own writer."""
    path.write_text(dumps(plan), encoding="utf-8")
    return path


def plain_then_hostile(path: Path) -> Path:
    """The hostile plan at `path`, in a new git repository whose one commit has it with a
    plain title and first segment name: the changes since that commit are hostile."""
    plain = hostile_plan()
    plain.plan.title = "Plain title"
    plain.people.segments[0].name = "Plain name"
    write_plan(path, plain)
    who = ["-c", "user.name=Test", "-c", "user.email=test@example.com"]
    for args in (["init", "-q"], ["add", path.name], [*who, "commit", "-qm", "Plain"]):
        subprocess.run(["git", *args], cwd=path.parent, check=True, capture_output=True)
    return write_plan(path, hostile_plan())


def raw_characters(text: str) -> set[str]:
    """The characters of `text` that must never reach a terminal raw."""
    return set(RAW.findall(text))


def assert_terminal_safe(text: str, where: str = "output") -> None:
    """Fail, naming them, if `text` holds characters a terminal would act on or hide."""
    found = raw_characters(text)
    assert not found, f"{where} sends raw {sorted(found)!r} to the terminal"
