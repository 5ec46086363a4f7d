"""Every finding message, by language, in one catalog.

A key is a rule id, plus a variant suffix where one rule says different things.
Parameters are filled with str.format; the templates format numbers and dates.
"""

from __future__ import annotations

from posttui.core.i18n import Catalog

FINDINGS = Catalog(
    "findings",
    en={
        "specific/vague.short": (
            "The statement is too short ({words} of at least 4 words): "
            "say who, what and how much, e.g. 'Grow Instagram followers among "
            "students from 1,200 to 2,000 by 30 June'."
        ),
        "specific/vague.word": (
            "'{word}' without a number is vague: say from what to what, "
            "e.g. 'from 1,200 to 2,000 followers'."
        ),
        "specific/no-audience": "No segment named: say which segments this objective is for.",
        "measurable/no-target": "No target: add a platform, a metric and a number to reach.",
        "measurable/no-baseline": (
            "Target {n} has no baseline: note where you stand today, so progress can be measured."
        ),
        "measurable/no-metric": (
            "Target {n} has no metric: name what is counted (followers, reach, leads, ...)."
        ),
        "attractive/no-owner": "No owner: name the person who answers for this objective.",
        "attractive/no-why": "No 'why': say what makes this objective worth the effort.",
        "realistic/no-change": (
            "The target equals the baseline ({value:,}): set the level you want to reach."
        ),
        "realistic/growth": (
            "From {baseline:,} to {target:,} in {months:.1f} months needs {monthly:.0%} "
            "growth a month, above {limit:.0%}: lower the target or allow more time."
        ),
        "realistic/exceeds-audience": (
            "A target of {target:,} {metric} exceeds the {audience:,} people in this objective's "
            "segments: lower the target or widen the audience."
        ),
        "time-bound/no-deadline": "No deadline: set the date by which the target is reached.",
        "time-bound/passed": (
            "The deadline {deadline} has passed (today is {today}): move it or close the objective."
        ),
        "time-bound/start-after-deadline": (
            "The start {start} is after the deadline {deadline}: swap or correct the dates."
        ),
        "people/no-platforms": (
            "No platforms: find out where this segment is before choosing technology."
        ),
        "people/involvement-sum": (
            "Involvement shares sum to {total:g} %, not 100: adjust them (Norwegian averages: "
            "34/29/23/9/5)."
        ),
        "objectives/no-strategy": (
            "No initiative serves this objective: add one in Strategy, or drop the objective."
        ),
        "objectives/audience-fit": (
            "A {kind} objective needs people who take part, but at most {share:g} % of its "
            "segments are debaters or advanced users: pick another kind or another audience."
        ),
        "strategy/no-relationship": (
            "No relationship statement: say how the relationship with the audience should change."
        ),
        "technology/audience-absent": (
            "Target on {platform}, but none of this objective's segments ({segments}) is on "
            "{platform}: choose a platform where they are."
        ),
        "technology/audience-absent.any": (
            "Target on {platform}, but no segment of the plan is on {platform}: "
            "choose a platform where the audience is."
        ),
        "technology/not-in-mix": (
            "Target on {platform}, which is not in the platform mix: add it under Technology."
        ),
        "technology/no-platform": "Target {n} names no platform: say where it is measured.",
        "technology/unused-platform": (
            "No segment is on {platform}: drop it from the mix, or add the segment that is there."
        ),
        "plan/duplicate-id": (
            "The id '{id}' is used already by item {first} of {section}: ids must be unique."
        ),
        "plan/unknown-ref.segment": "Unknown segment '{ref}': add it under People or fix the id.",
        "plan/unknown-ref.objective": (
            "Unknown objective '{ref}': add it under Objectives or fix the id."
        ),
    },
)
