"""What the editor says, in English: its sentences (`WORDS`) and what its keys do
(`KEYS`, by action name); the other languages are in `posttui/locale`.

The app has one language (`PostApp.lang`); widgets read it when they compose or
draw, never at import, so apps in different languages can run in one process.
"""

from __future__ import annotations

from typing import Any

from textual.dom import DOMNode

from posttui.core.i18n import Catalog

WORDS = Catalog(
    "editor",
    en={
        # The app
        "app.opening": "Opening {name} …",
        "app.unsaved": "● unsaved",
        "config.problem": "Settings: {problem}. The default is used.",
        "config.no-theme": "no theme is called {theme}",
        "config.not-saved": "The theme could not be kept in the settings file: {problem}",
        "app.invalid": (
            "✗ invalid text: {count}",
            "✗ invalid text: {count}",
        ),
        "app.renamed": (
            "The new id is carried to references: {count} (ctrl+z undoes both)",
            "The new id is carried to references: {count} (ctrl+z undoes both)",
        ),
        "invalid.ask": (
            "Fields hold text that is not valid, and the plan keeps their last valid values: "
            "{fields}."
        ),
        "invalid.go-back": "Go to the field",
        "invalid.save-anyway": "Save the last valid values",
        "invalid.quit-anyway": "Quit without that text",
        "app.comments": (
            "This plan has comments (lines {lines}). Saving rewrites it without them: "
            "keep remarks in the notes fields."
        ),
        "app.nothing-to-undo": "Nothing to undo.",
        "app.nothing-to-redo": "Nothing to redo.",
        "app.help-quit": "Press {shortcut} to quit.",
        "app.search-commands": "Search for commands…",
        "app.search-themes": "Search for themes…",
        "answer.cancel": "Cancel",
        "disk.save-over": (
            "{name} changed on disk since it was opened (git checkout, pull or another "
            "editor). Saving now would overwrite that."
        ),
        "disk.overwrite": "Overwrite with mine",
        "disk.reload-drop": "Reload it, drop my edits",
        "disk.save-elsewhere": "Save mine elsewhere",
        "disk.edits-kept": (
            "{name} changed on disk. Your edits are kept; saving will ask what to do."
        ),
        "disk.reload-ask": (
            "{name} changed on disk (git checkout, pull or another editor). Reload it?"
        ),
        "disk.reload": "Reload",
        "disk.keep": "Keep what is shown",
        "reload.failed": "Could not reload:\n{problems}",
        "reload.done": "Reloaded {name}",
        "save.exists": "{path} exists already: choose another name.",
        "save.comments": (
            "{name} has comments (lines {lines}). Saving rewrites it without them; keep "
            "remarks in the notes fields. Save?"
        ),
        "save.without-comments": "Save without the comments",
        "save.elsewhere": "Save elsewhere",
        "save.not-now": "Not now",
        "save.done": "Saved {name}",
        "quit.unsaved": "{name} has unsaved changes.",
        "quit.save": "Save and quit",
        "quit.discard": "Quit without saving",
        # The step bar
        "steps.details": "Plan details",
        "steps.progress": "Progress",
        # Every POST screen
        "intro.people": "People: who is your audience, and how do they take part?",
        "intro.objectives": "Objectives: what do you want to achieve? Make each one SMART.",
        "intro.strategy": "Strategy: how should the relationship change, and what will you do?",
        "intro.technology": "Technology: only platforms where your audience is.",
        "intro.progress": "Progress: where each objective stands against its targets.",
        "empty.people": "No segments yet. Press n in the list to add one.",
        "empty.objectives": "No objectives yet. Press n in the list to add one.",
        "empty.strategy": "No initiatives yet. Press n in the list to add one.",
        "empty.technology": "No platforms in the mix yet. Press n in the list to add one.",
        "deleted.segment": "Deleted the segment. ctrl+z brings it back.",
        "deleted.objective": "Deleted the objective. ctrl+z brings it back.",
        "deleted.initiative": "Deleted the initiative. ctrl+z brings it back.",
        "deleted.platform": "Deleted the platform. ctrl+z brings it back.",
        "deleted.references": (
            "Lists that named it no longer do: {count}.",
            "Lists that named it no longer do: {count}.",
        ),
        "field.not-set": "(not set)",
        "field.too-long": (
            (
                "Too long to edit here ({count:,} character): it is kept as it is; "
                "edit it in a text editor."
            ),
            (
                "Too long to edit here ({count:,} characters): it is kept as it is; "
                "edit it in a text editor."
            ),
        ),
        "field.name": "Name",
        "field.id": "Id",
        "field.description": "Description",
        "field.notes": "Notes",
        "field.platforms": "Platforms",
        "field.date": "YYYY-MM-DD",
        # People
        "people.new": "New segment",
        "people.no-platforms": "no platforms",
        "people.linkage": "Linkage",
        "people.size": "Size",
        "people.size-hint": "estimated head-count",
        "people.platforms-hint": "instagram, tiktok",
        "people.involvement": "Involvement, % of the segment",
        "people.averages": "Norwegian averages",
        "people.map": "Stakeholder map",
        "people.no-linkage": "No linkage set",
        "people.map-more": (
            "  … and {count:,} more",
            "  … and {count:,} more",
        ),
        "bars.none": "No involvement shares yet.\nNorwegian averages: 34/29/23/9/5.",
        "bars.sum": "Sum",
        # Short names for the bars, where the full ones do not fit beside them.
        "bars.socializers": "Socializers",
        "bars.lurkers": "Lurkers",
        "bars.sporadics": "Sporadics",
        "bars.debaters": "Debaters",
        "bars.advanced": "Advanced",
        # Objectives
        "objectives.new": "New objective",
        "objectives.statement": "Statement",
        "objectives.kind": "Kind",
        "objectives.segments": "For segments",
        "objectives.segments-hint": "segment ids, e.g. students, locals",
        "objectives.owner": "Owner",
        "objectives.owner-hint": "who answers for it",
        "objectives.why": "Why",
        "objectives.why-hint": "what makes it worth doing",
        "objectives.start": "Start",
        "objectives.deadline": "Deadline",
        "objectives.targets": "Targets",
        "objectives.platform": "Platform",
        "objectives.metric": "Metric",
        "objectives.baseline": "Baseline",
        "objectives.target": "Target",
        "objectives.source": "Measured in",
        "objectives.direction": "Direction",
        "objectives.primary": "Leads",
        "objectives.primary-hint": "the one objective chosen to lead the plan",
        "direction.increase": "increase",
        "direction.decrease": "decrease",
        "direction.maintain": "hold at least",
        "objectives.add-target": "Add target (ctrl+n)",
        "objectives.remove-target": "Remove this target",
        "objectives.removed-target": "Removed the target. ctrl+z brings it back.",
        # A target's results (ctrl+t in its row)
        "results.title": "Results: {target}",
        "results.of": "Objective: {objective}",
        "results.date": "Date",
        "results.value": "Value",
        "results.source": "Source",
        "results.note": "Note",
        "results.none": "No results yet. ctrl+n adds one dated today.",
        "results.add": "Add result (ctrl+n)",
        "results.keys": (
            "Shown in date order. ctrl+n adds a result dated today, ctrl+r deletes the one "
            "in focus, ctrl+z undoes, esc closes."
        ),
        "results.deleted": "Deleted the result of {date}. ctrl+z brings it back.",
        "results.today-taken": "Today has a result already: its value is in focus.",
        "results.close": "Close (esc)",
        # Progress (f9): the follow-up
        "progress.method": (
            "Forecast: linear, the straight line from the baseline at the start through "
            "the latest result, extended to the deadline. Paces per 30 days. Today: {today}. "
            "Most at risk first; enter goes to the objective."
        ),
        "progress.empty": "No objectives yet: add them under Objectives (f3).",
        "progress.no-targets": "no targets yet",
        "progress.no-results": "no results yet (ctrl+t in the target's row adds them)",
        "progress.behind": "✗ behind pace",
        "progress.on-track": "✓ on track",
        "progress.unknown": "? cannot tell yet",
        "progress.reached": "reached on {date}",
        "progress.values": "{baseline} → {latest} of {target}",
        "progress.way": "{percent}% of the way",
        "progress.latest": "latest {date}",
        "progress.pace": "pace needed {needed}, so far {actual}",
        "progress.forecast": "forecast {forecast} on {deadline}",
        "progress.unset": "—",
        "smart.fails": "fails: {names}",
        "smart.met": "all met",
        # Strategy
        "strategy.serves": "serves {objectives}",
        "strategy.no-objective": "no objective",
        "strategy.relationship": "Relationship",
        "strategy.relationship-hint": (
            "How should the relationship with the audience change: from what, to what?"
        ),
        "strategy.initiative": "Initiative",
        "strategy.objectives": "Serves",
        "strategy.objectives-hint": "objective ids",
        "strategy.content": "Content",
        "strategy.cadence": "Cadence",
        "strategy.cadence-hint": "1/week",
        "strategy.unserved": "Objectives no initiative serves",
        "strategy.all-served": "none: every objective is served",
        # Technology
        "technology.role": "Role",
        "technology.role-hint": "what it is for in this plan",
        "matrix.empty": "Add segments under People and platforms here to see the matrix.",
        "matrix.segment": "Segment",
        "matrix.not-in-mix": "grey: not in the platform mix",
        # The findings panel
        "findings.title": (
            "Findings ({count})",
            "Findings ({count})",
        ),
        "findings.many": (
            "{count} finding (enter lists it)",
            "{count} findings (enter lists them)",
        ),
        "findings.none": (
            "No findings: every objective is SMART and every target is where its audience is."
        ),
        # Dialogs
        "details.title": "Plan",
        "details.plan-title": "Title",
        "details.organization": "Organization",
        "details.language": "Language of the plan's text",
        "details.language-en": "Checks look for English vague words.",
        "details.language-nb": "Checks look for Norwegian vague words (øke, bedre, flere, ...).",
        "details.language-nn": "Checks look for Norwegian vague words; the editor speaks Nynorsk.",
        "details.period-start": "Period from",
        "details.period-end": "Period to",
        "details.period-note": "objectives without a deadline are due at the period's end",
        "details.as-of": "As of",
        "details.as-of-hint": "YYYY-MM-DD (empty: today)",
        "details.as-of-note": "the 'today' deadlines are checked against",
        "details.growth": "Highest realistic monthly growth",
        "details.growth-hint": "0.15 (15 % a month)",
        "details.close": "Close (esc)",
        "save-as.title": "Save as",
        "save-as.note": "Enter saves there; Escape cancels.",
        "load-failed.title": "Could not open {path}",
        "load-failed.help": (
            "The file has not been changed. Fix it in your editor, then open it again. "
            "Press q to quit."
        ),
        "changes.title": (
            "Changes since the last commit ({count})",
            "Changes since the last commit ({count})",
        ),
        "changes.none": "No changes",
        "changes.note": "Enter goes to the change; Escape closes.",
        # The command palette
        "command.open": "{step}: open",
        "command.open-help": "Go to the {step} screen",
        "command.save": "Plan: save",
        "command.save-help": "Write the plan to its file (ctrl+s)",
        "command.details": "Plan: edit details",
        "command.details-help": "Title, language, as-of date (f6)",
        "command.undo": "Plan: undo",
        "command.undo-help": "Undo the last edit (ctrl+z)",
        "command.redo": "Plan: redo",
        "command.redo-help": "Redo (ctrl+y)",
        "command.changes": "Plan: changes since the last commit",
        "command.changes-help": "What differs (f7)",
        "command.objective": "Objective: {name}",
        "command.objective-help": "Go to this objective",
        "command.segment": "Segment: {name}",
        "command.segment-help": "Go to this segment",
        "command.finding": "Finding: {rule} {subject}",
        "command.finding-help": "Go to what this finding is about",
        "system.theme": "Theme",
        "system.theme-help": "Change the colours",
        "system.quit": "Quit",
        "system.quit-help": "Quit posttui (asks first when there are unsaved changes)",
        "system.keys": "Keys",
        "system.keys-help": "Show or hide the keys that work where the focus is (f1)",
        "system.minimize": "Minimize",
        "system.minimize-help": "Give the maximized part back its place",
        "system.maximize": "Maximize",
        "system.maximize-help": "Show the focused part on the whole screen",
        "system.screenshot": "Screenshot",
        "system.screenshot-help": "Save an SVG picture of the screen",
        "help.input": "Text field",
    },
)

# Key descriptions by action, for posttui's keys and the Textual widgets it uses.
KEYS = Catalog(
    "editor keys",
    en={
        "quit": "Quit",
        "app.quit": "Quit",
        "save": "Save",
        "undo": "Undo",
        "redo": "Redo",
        "help": "Keys",
        "command_palette": "palette",
        "switch_mode('people')": "People",
        "switch_mode('objectives')": "Objectives",
        "switch_mode('strategy')": "Strategy",
        "switch_mode('technology')": "Technology",
        "switch_mode('progress')": "Progress",
        "plan_details": "Plan",
        "changes": "Changes",
        "guide": "Guided start",
        "focus_list": "Back to list",
        "toggle_list": "List",
        "toggle_findings": "Findings",
        "add_target": "Add target",
        "remove": "Remove target",
        "results": "Results",
        "add_result": "Add result",
        "remove_result": "Delete result",
        "go": "Go to the objective",
        "pick": "Pick from the plan",
        "add": "New",
        "delete": "Delete",
        "reorder(-1)": "Move up",
        "reorder(1)": "Move down",
        "move(-1)": "Up",
        "move(1)": "Down",
        "page(-1)": "Page up",
        "page(1)": "Page down",
        "edge(-1)": "First",
        "edge(1)": "Last",
        "select": "Select",
        "dismiss": "Close",
        "dismiss(None)": "Close",
        "cancel": "Cancel",
        "press": "Press button",
        "show_overlay": "Show the choices",
        "first": "First",
        "last": "Last",
        "app.focus_next": "Next field",
        "app.focus_previous": "Previous field",
        "screen.copy_text": "Copy selected text",
        "scroll_up": "Scroll up",
        "scroll_down": "Scroll down",
        "scroll_left": "Scroll left",
        "scroll_right": "Scroll right",
        "scroll_home": "Scroll to the start",
        "scroll_end": "Scroll to the end",
        "page_up": "Page up",
        "page_down": "Page down",
        "page_left": "Page left",
        "page_right": "Page right",
        "cursor_up": "Cursor up",
        "cursor_down": "Cursor down",
        "cursor_left": "Cursor left",
        "cursor_right": "Cursor right, or accept the suggestion",
        "cursor_up(True)": "Select up",
        "cursor_down(True)": "Select down",
        "cursor_left(True)": "Select left",
        "cursor_right(True)": "Select right",
        "cursor_left_word": "A word left",
        "cursor_right_word": "A word right",
        "cursor_left_word(True)": "Select a word left",
        "cursor_right_word(True)": "Select a word right",
        "cursor_word_left": "A word left",
        "cursor_word_right": "A word right",
        "cursor_word_left(True)": "Select a word left",
        "cursor_word_right(True)": "Select a word right",
        "cursor_line_start": "Line start",
        "cursor_line_end": "Line end",
        "cursor_line_start(True)": "Select to line start",
        "cursor_line_end(True)": "Select to line end",
        "cursor_page_up": "Page up",
        "cursor_page_down": "Page down",
        "home": "Go to start",
        "end": "Go to end",
        "home(True)": "Select to start",
        "end(True)": "Select to end",
        "select_all": "Select all",
        "select_line": "Select line",
        "submit": "Next field",
        "delete_left": "Delete character left",
        "delete_right": "Delete character right",
        "delete_left_word": "Delete to start of word",
        "delete_word_left": "Delete to start of word",
        "delete_right_word": "Delete word right",
        "delete_word_right": "Delete word right",
        "delete_left_all": "Delete all to the left",
        "delete_right_all": "Delete all to the right",
        "delete_to_start_of_line": "Delete to line start",
        "delete_to_end_of_line_or_delete_line": "Delete to line end",
        "delete_line": "Delete line",
        "cut": "Cut",
        "copy": "Copy",
        "paste": "Paste",
    },
)


def language(node: DOMNode) -> str:
    """The language of the app `node` is in (read when composing or drawing)."""
    lang: str = getattr(node.app, "lang", "en")
    return lang


def say(node: DOMNode, key: str, **params: Any) -> str:
    """What the editor says for `key`, in the language of the app `node` is in."""
    return WORDS(key, language(node), **params)
