"""Headless Chromium for the tests that look at what a browser shows, and a small
PNG reader to look at its screenshots.

Where Chromium is not installed those tests are skipped, except where
POSTTUI_REQUIRE_CHROMIUM is set (CI installs it): there they must run.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

# Offline and quiet: no first-run pages, no updates, no sync, no background fetches.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def chromium() -> str:
    """The Chromium binary; skips the test where there is none (fails where required)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("POSTTUI_REQUIRE_CHROMIUM"):
            raise RuntimeError("chromium is required here (POSTTUI_REQUIRE_CHROMIUM is set)")
        pytest.skip("chromium is not installed")
    return found


def run_chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Chromium with a profile of its own in `profile` (a temp folder)."""
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) bytes of an 8-bit, non-interlaced PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, data = 8, b""
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        body = png[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour)
        elif kind == b"IDAT":
            data += body
    channels = 4 if colour == 6 else 3
    return width, height, _unfilter(zlib.decompress(data), width * channels, height, channels)


def _unfilter(raw: bytes, stride: int, height: int, channels: int) -> list[bytes]:
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            line[x] = (line[x] + _predict(kind, left, up, corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return rows


def _predict(kind: int, left: int, up: int, corner: int) -> int:
    if kind == 0:
        return 0
    if kind == 1:
        return left
    if kind == 2:
        return up
    if kind == 3:
        return (left + up) // 2
    guess = left + up - corner  # Paeth
    near = min(
        (abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner)
    )
    return near[2]


def colours(png: bytes) -> dict[tuple[int, int, int], int]:
    """How many pixels of each RGB colour the image has."""
    width, _, rows = pixels(png)
    channels = len(rows[0]) // width
    counts: dict[tuple[int, int, int], int] = {}
    for row in rows:
        for x in range(0, len(row), channels):
            rgb = (row[x], row[x + 1], row[x + 2])
            counts[rgb] = counts.get(rgb, 0) + 1
    return counts


def near(counts: dict[tuple[int, int, int], int], rgb: tuple[int, int, int], by: int = 24) -> int:
    """How many pixels are within `by` of `rgb` in every channel."""
    return sum(
        n for c, n in counts.items() if all(abs(a - b) <= by for a, b in zip(c, rgb, strict=True))
    )
