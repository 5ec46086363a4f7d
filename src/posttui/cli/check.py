"""`posttui check`: lint a plan like a compiler, as text or JSON (the check contract)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from posttui.cli.parsing import add_today
from posttui.core.i18n import Catalog

if TYPE_CHECKING:
    from posttui.cli.parsing import Parser
    from posttui.core.rules import Finding

WORDS = Catalog(
    "check",
    en={
        "help": "check a plan for SMART and POST problems",
        "plans": "the plan file(s) (NAME.post.toml)",
        "format": "text for people, json for tools",
        "today": "the date deadlines are checked against",
        "fail-on": "exit 1 when a finding has this severity or a higher one (default: warning)",
        "json-one-plan": "posttui check: --format json takes one plan",
        "no-findings": "no findings",
        "error": (
            "{count} error",
            "{count} errors",
        ),
        "warning": (
            "{count} warning",
            "{count} warnings",
        ),
        "info": (
            "{count} info",
            "{count} info",
        ),
    },
)
HELP = WORDS("help")


def add_arguments(parser: Parser) -> None:
    parser.add_argument("plans", metavar="PLAN", nargs="+", help=WORDS("plans"))
    parser.add_argument("--format", choices=("text", "json"), default="text", help=WORDS("format"))
    add_today(parser, WORDS("today"))
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="warning",
        help=WORDS("fail-on"),
    )


def run(options: argparse.Namespace) -> int:
    from posttui.cli.output import language

    if options.format == "json" and len(options.plans) > 1:
        print(WORDS("json-one-plan", language(options)), file=sys.stderr)
        return 2
    return max(_check(plan, options) for plan in options.plans)


def _check(name: str, options: argparse.Namespace) -> int:
    from posttui.cli.output import language, loaded
    from posttui.core.rules import Severity, lint
    from posttui.core.terminal import json_text

    if (file := loaded(options, name)) is None:
        return 2
    lang = language(options, file.plan)
    findings = lint(file.plan, options.today, lang)
    # What the file does not hold at all (no [strategy] table, say) belongs at its end.
    end = file.text.count("\n") or 1
    lines = [file.line_of(finding.path) or end for finding in findings]
    ordered = sorted(zip(lines, findings, strict=True), key=lambda pair: pair[0])
    if options.format == "json":
        report = {
            "file": name,
            "findings": [finding.to_json() | {"line": line} for line, finding in ordered],
        }
        print(json_text(report))
    else:
        _print_text(name, ordered, lang)
    threshold = Severity(options.fail_on).rank
    return 1 if any(finding.severity.rank >= threshold for finding in findings) else 0


def _print_text(name: str, ordered: list[tuple[int, Finding]], lang: str) -> None:
    from posttui.cli.output import Painter
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
        print(f"{shown}: {paint(WORDS('no-findings', lang), 'ok')}")
        return
    summary = ", ".join(
        WORDS(s, lang, count=counts[s]) for s in ("error", "warning", "info") if s in counts
    )
    print(paint(f"{shown}: {summary}", "bold"))
