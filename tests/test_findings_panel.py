"""The findings panel: three or more findings of one rule make one row that opens."""

from __future__ import annotations

from posttui.core.rules.registry import RuleGroup
from posttui.ui.widgets.findings import FindingList


async def test_many_findings_of_one_rule_are_one_row_that_opens(plan_copy, editor) -> None:
    path = plan_copy("kristiansand-kommune")
    async with editor(path, size=(160, 50)) as (app, pilot):
        listing = app.screen.query_one(FindingList)
        vague = [f for f in app.findings if f.rule == "specific/vague"]
        assert len(vague) >= 3
        rows = [r for r in listing.rows if not isinstance(r, str)]
        assert [r.rule for r in rows].count("specific/vague") == 1  # one row for them all
        at = next(i for i, r in enumerate(listing.rows) if isinstance(r, RuleGroup))
        lines = " ".join(line.plain for line in listing.row_lines(at))
        assert f"{len(vague)} findings (enter lists them)" in lines
        assert vague[0].subject in lines

        listing.focus()
        listing.highlighted = at
        await pilot.press("enter")  # opens it: each finding follows on a row of its own
        await pilot.pause()
        following = listing.rows[at + 1 : at + 1 + len(vague)]
        assert following == vague
        await pilot.press("down", "enter")  # the first of them: to its objective's field
        await pilot.pause()
        assert app.current_mode == "objectives"
        where = vague[0].path.partition("]")[0] + "]"  # objectives[N]
        assert f"objectives[{app.screen.items.highlighted}]" == where
