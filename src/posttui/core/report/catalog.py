"""What the report says around the plan's own text, in every language.

The method's terms (POST steps, SMART, linkages, Groundswell kinds, Brandtzæg's
types) come from `posttui.core.vocabulary`; the findings from `posttui.core.catalog`.
"""

from __future__ import annotations

from posttui.core.i18n import Catalog

REPORT = Catalog(
    "report",
    en={
        "kind": "Social-media strategy",
        "as-of": "Status as of {date}",
        "made-with": "Made with posttui {version}. Rule ids are the same in every language.",
        "figure.segments": "Segments",
        "figure.objectives": "Objectives",
        "figure.smart": "Fully SMART",
        "figure.initiatives": "Initiatives",
        "figure.platforms": "Platforms",
        "figure.findings": "Findings",
        "severity.error": "error",
        "severity.warning": "warning",
        "severity.info": "info",
        "count.error": (
            "errors: {count}",
            "errors: {count}",
        ),
        "count.warning": (
            "warnings: {count}",
            "warnings: {count}",
        ),
        "count.info": (
            "info: {count}",
            "info: {count}",
        ),
        "unset": "not set",
        "people.segment": "Segment",
        "people.linkage": "Linkage",
        "people.size": "Size",
        "people.platforms": "Platforms",
        "people.none": "No segments yet.",
        "involvement.title": "Involvement (Brandtzæg's user types)",
        "involvement.average": "Norwegian average",
        "involvement.none": "no shares given",
        "involvement.sum": "the shares sum to {total} %",
        "objective.kind": "Kind",
        "objective.segments": "For",
        "objective.targets": "Targets",
        "objective.deadline": "Deadline",
        "objective.start": "start {date}",
        "objective.period-end": "{date}, the end of the plan's period",
        "objective.primary": "leads the plan",
        "objective.owner": "Owner",
        "objective.why": "Why",
        "objective.none": "No objectives yet.",
        "target.from-to": "{metric} on {platform}: from {baseline} to {target}",
        "target.to": "{metric} on {platform}: {target} (no baseline)",
        "target.hold": "{metric} on {platform}: at least {target} (no baseline)",
        "target.hold-from": "{metric} on {platform}: at least {target}, now {baseline}",
        "smart.passed": "passed",
        "smart.failed": "failed",
        "smart.all-met": "all met",
        "smart.fails": "fails: {letters}",
        "smart.also": "Also in the findings: {groups}",
        "strategy.relationship": "How the relationship should change",
        "strategy.no-relationship": "No relationship statement yet.",
        "strategy.initiatives": "Initiatives",
        "strategy.serves": "Serves",
        "strategy.platforms": "Platforms",
        "strategy.content": "Content",
        "strategy.cadence": "Cadence",
        "strategy.none": "No initiatives yet.",
        "technology.mix": "Platform mix",
        "technology.platform": "Platform",
        "technology.role": "Role",
        "technology.none": "No platforms in the mix yet.",
        "matrix.title": "Segments \u00d7 platforms",
        "matrix.segment": "Segment",
        "matrix.none": "Add segments and platforms to see the matrix.",
        "matrix.outside": "in italics: not in the platform mix",
        "findings.title": "Findings",
        "findings.none": (
            "No findings: every objective is SMART and every target is where its audience is."
        ),
        "findings.severity": "Severity",
        "findings.rule": "Rule",
        "findings.subject": "About",
        "findings.message": "What to do",
        "progress.title": "Progress",
        "progress.question": "Are we on track to reach the targets?",
        "progress.method": (
            "Forecast: linear, on the straight line from the baseline at the start through "
            "the latest result, extended to the deadline; paces are per 30 days. "
            "Objectives most at risk first."
        ),
        "progress.target": "Target",
        "progress.trend": "Results",
        "progress.baseline": "Baseline",
        "progress.latest": "Latest",
        "progress.goal": "Target value",
        "progress.percent": "Of the way",
        "progress.needed": "Pace needed per 30 days",
        "progress.actual": "Pace so far per 30 days",
        "progress.forecast": "Forecast at the deadline",
        "progress.status": "Status",
        "progress.on-track": "on track",
        "progress.behind": "behind pace",
        "progress.unknown": "cannot tell yet",
        "progress.reached": "reached on {date}",
        "progress.no-results": "No results yet.",
        "progress.chart": (
            (
                "{target}: baseline {baseline} at {start}; results: {count}, the "
                "latest {latest} on {date}; target {goal} by {deadline}; forecast "
                "{forecast} at the deadline (dashed); {status}."
            ),
            (
                "{target}: baseline {baseline} at {start}; results: {count}, the "
                "latest {latest} on {date}; target {goal} by {deadline}; forecast "
                "{forecast} at the deadline (dashed); {status}."
            ),
        ),
        "progress.chart-short": (
            "{target}: results: {count}, the latest {latest} on {date}; {status}.",
            "{target}: results: {count}, the latest {latest} on {date}; {status}.",
        ),
        "progress.chart.baseline": "baseline",
        "progress.chart.target": "target",
        "progress.chart.today": "today",
    },
)
