"""`posttui check`: lint a plan like a compiler, as text or JSON (the check contract)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from posttui.core.rules import Finding

HELP = "check a plan for SMART and POST problems"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "plans", metavar="PLAN", nargs="+", help="the plan file(s) (NAME.post.toml)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--today", type=_date, metavar="YYYY-MM-DD", help="the date deadlines are checked against"
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="warning",
        help="exit 1 when a finding has this severity or a higher one (default: warning)",
    )


def run(options: argparse.Namespace) -> int:
    if options.format == "json" and len(options.plans) > 1:
        print("posttui check: --format json takes one plan", file=sys.stderr)
        return 2
    return max(_check(plan, options) for plan in options.plans)


def _check(name: str, options: argparse.Namespace) -> int:
    from posttui.core.loader import LoadError, load
    from posttui.core.rules import Severity, lint

    try:
        file = load(name)
    except LoadError as error:
        print(error.render(), file=sys.stderr)
        return 2
    findings = lint(file.plan, options.today)
    # What the file does not hold at all (no [strategy] table, say) belongs at its end.
    end = file.text.count("\n") or 1
    lines = [file.line_of(finding.path) or end for finding in findings]
    ordered = sorted(zip(lines, findings, strict=True), key=lambda pair: pair[0])
    if options.format == "json":
        report = {
            "file": name,
            "findings": [finding.to_json() | {"line": line} for line, finding in ordered],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_text(name, ordered)
    threshold = Severity(options.fail_on).rank
    return 1 if any(finding.severity.rank >= threshold for finding in findings) else 0


def _print_text(name: str, ordered: list[tuple[int, Finding]]) -> None:
    from posttui.cli.output import Painter, plural
    from posttui.core.terminal import printable

    paint = Painter()
    shown = printable(name)
    counts: dict[str, int] = {}
    report = []
    for line, finding in ordered:
        severity = finding.severity.value
        counts[severity] = counts.get(severity, 0) + 1
        rule = paint(finding.rule, severity)
        report.append(f"{shown}:{line}: {rule} {printable(finding.message)}\n")
    sys.stdout.write("".join(report))
    if not counts:
        print(f"{shown}: {paint('no findings', 'ok')}")
        return
    summary = ", ".join(
        plural(counts[s], s) if s != "info" else f"{counts[s]} info"
        for s in ("error", "warning", "info")
        if s in counts
    )
    print(paint(f"{shown}: {summary}", "bold"))
