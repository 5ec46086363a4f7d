"""Format 2 in the editor: the plan period, the objective that leads, a target's source
and direction, a target without a value yet."""

from __future__ import annotations

from datetime import date

from posttui.core.loader import load
from support.editing import burst


async def test_the_plan_period_in_the_plans_details(plan_copy, editor) -> None:
    path = plan_copy("kafe-solsiden")
    async with editor(path) as (app, pilot):
        await pilot.press("f6")
        await pilot.pause()
        fields = {f.key: f for f in app.screen.query("BoundField")}
        fields["period_start"].focus_editor()
        await burst(pilot, *"2027-01-01", "tab", *"2027-12-31")
        await pilot.pause()
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    plan = load(path).plan.plan
    assert (plan.period_start, plan.period_end) == (date(2027, 1, 1), date(2027, 12, 31))
    assert path.read_text().startswith("format = 2\n")


async def test_the_objective_that_leads_is_toggled_and_marked(plan_copy, editor) -> None:
    path = plan_copy("nordlys-analytics")
    async with editor(path) as (app, pilot):
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("down", "enter")
        field = next(f for f in app.screen.query("BoundField") if f.key == "primary")
        field.focus_editor()
        await pilot.press("space")
        await pilot.pause()
        assert app.plan.objectives[1].primary
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not app.plan.objectives[1].primary
        await pilot.press("ctrl+y", "ctrl+s")
        await pilot.pause()
    assert [o.primary for o in load(path).plan.objectives].count(True) == 1
    assert load(path).plan.objectives[1].primary


async def test_a_targets_source_direction_and_no_value_yet(plan_copy, editor) -> None:
    path = plan_copy("nordlys-analytics")
    async with editor(path) as (app, pilot):
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("down", "enter", "ctrl+n")
        await pilot.pause()
        cells = {f.key: f for f in app.screen.query("BoundField") if "targets[1]" in f.key}
        cells["targets[1].source"].focus_editor()
        await burst(pilot, *"survey")
        cells["targets[1].direction"].focus_editor()
        await pilot.press("enter", "down", "enter")  # the list: -, increase, decrease, ...
        await pilot.pause()
        cells["targets[1].target"].focus_editor()
        await pilot.press("ctrl+u")  # a metric tracked before a target is set
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    target = load(path).plan.objectives[1].targets[1]
    assert (target.source, target.direction, target.target) == ("survey", "increase", None)
