"""What the editor says, in every language, and how its screens say it.

The app has one language (`PostApp.lang`); widgets read it when they compose or
draw, never at import, so apps in different languages can run in one process.
Key descriptions (footer, F1 help) are translated when they are shown, by action
name, so Textual's own keys (in text fields, menus) speak the language too.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode
from textual.screen import Screen, ScreenResultType

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
        "app.invalid": "✗ invalid text: {count}",
        "app.renamed": "The new id is carried to references: {count} (ctrl+z undoes both)",
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
        "deleted.references": "Lists that named it no longer do: {count}.",
        "field.not-set": "(not set)",
        "field.too-long": (
            "Too long to edit here ({count:,} characters): it is kept as it is; "
            "edit it in a text editor."
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
        "people.map-more": "  … and {count:,} more",
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
        "findings.title": "Findings ({count})",
        "findings.many": "{count} findings (enter lists them)",
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
        "details.language-nn": "Checks look for Norwegian vague words; the editor speaks Bokmål.",
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
        "changes.title": "Changes since the last commit ({count})",
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
    nb={
        # The app
        "app.opening": "Åpner {name} …",
        "app.unsaved": "● ikke lagret",
        "config.problem": "Innstillinger: {problem}. Standardverdien brukes.",
        "config.no-theme": "det finnes ikke noe tema som heter {theme}",
        "config.not-saved": "Temaet kunne ikke lagres i innstillingsfilen: {problem}",
        "app.invalid": "✗ ugyldig tekst: {count}",
        "app.renamed": "Den nye id-en er ført videre til referanser: {count} (ctrl+z angrer begge)",
        "invalid.ask": (
            "Felt har tekst som ikke er gyldig, og planen beholder de siste gyldige verdiene: "
            "{fields}."
        ),
        "invalid.go-back": "Gå til feltet",
        "invalid.save-anyway": "Lagre de siste gyldige verdiene",
        "invalid.quit-anyway": "Avslutt uten den teksten",
        "app.comments": (
            "Denne planen har kommentarer (linje {lines}). Når du lagrer, skrives den uten "
            "dem: skriv merknader i notatfeltene."
        ),
        "app.nothing-to-undo": "Ingenting å angre.",
        "app.nothing-to-redo": "Ingenting å gjøre om.",
        "app.help-quit": "Trykk {shortcut} for å avslutte.",
        "app.search-commands": "Søk etter kommandoer …",
        "app.search-themes": "Søk etter fargetema …",
        "answer.cancel": "Avbryt",
        "disk.save-over": (
            "{name} er endret på disken siden den ble åpnet (git checkout, pull eller et "
            "annet redigeringsprogram). Lagrer du nå, overskriver du den endringen."
        ),
        "disk.overwrite": "Overskriv med mine",
        "disk.reload-drop": "Last inn på nytt, forkast mine",
        "disk.save-elsewhere": "Lagre mine et annet sted",
        "disk.edits-kept": (
            "{name} er endret på disken. Endringene dine beholdes; når du lagrer, blir du "
            "spurt hva som skal skje."
        ),
        "disk.reload-ask": (
            "{name} er endret på disken (git checkout, pull eller et annet "
            "redigeringsprogram). Vil du laste den inn på nytt?"
        ),
        "disk.reload": "Last inn på nytt",
        "disk.keep": "Behold det som vises",
        "reload.failed": "Kunne ikke laste inn på nytt:\n{problems}",
        "reload.done": "Lastet inn {name} på nytt",
        "save.exists": "{path} finnes allerede: velg et annet navn.",
        "save.comments": (
            "{name} har kommentarer (linje {lines}). Når du lagrer, skrives den uten dem; "
            "skriv merknader i notatfeltene. Vil du lagre?"
        ),
        "save.without-comments": "Lagre uten kommentarene",
        "save.elsewhere": "Lagre et annet sted",
        "save.not-now": "Ikke nå",
        "save.done": "Lagret {name}",
        "quit.unsaved": "{name} har endringer som ikke er lagret.",
        "quit.save": "Lagre og avslutt",
        "quit.discard": "Avslutt uten å lagre",
        # The step bar
        "steps.details": "Om planen",
        "steps.progress": "Fremdrift",
        # Every POST screen
        "intro.people": "People: hvem er målgruppen, og hvor aktive er de?",
        "intro.objectives": "Objectives: hva vil du oppnå? Gjør hvert mål SMART.",
        "intro.strategy": (
            "Strategy: hvordan skal forholdet til målgruppen endre seg, og hva skal du gjøre?"
        ),
        "intro.technology": "Technology: bare plattformer der målgruppen er.",
        "intro.progress": "Fremdrift: hvor hvert mål står mot målverdiene sine.",
        "empty.people": "Ingen segmenter ennå. Trykk n i listen for å legge til et.",
        "empty.objectives": "Ingen mål ennå. Trykk n i listen for å legge til et.",
        "empty.strategy": "Ingen tiltak ennå. Trykk n i listen for å legge til et.",
        "empty.technology": (
            "Ingen plattformer i miksen ennå. Trykk n i listen for å legge til en."
        ),
        "deleted.segment": "Slettet segmentet. ctrl+z henter det tilbake.",
        "deleted.objective": "Slettet målet. ctrl+z henter det tilbake.",
        "deleted.initiative": "Slettet tiltaket. ctrl+z henter det tilbake.",
        "deleted.platform": "Slettet plattformen. ctrl+z henter den tilbake.",
        "deleted.references": "Lister som nevnte den, gjør det ikke lenger: {count}.",
        "field.not-set": "(ikke valgt)",
        "field.too-long": (
            "For langt til å redigeres her ({count:,} tegn): teksten beholdes som den er; "
            "rediger den i en teksteditor."
        ),
        "field.name": "Navn",
        "field.id": "Id",
        "field.description": "Beskrivelse",
        "field.notes": "Notater",
        "field.platforms": "Plattformer",
        "field.date": "ÅÅÅÅ-MM-DD",
        # People
        "people.new": "Nytt segment",
        "people.no-platforms": "ingen plattformer",
        "people.linkage": "Tilknytning",
        "people.size": "Størrelse",
        "people.size-hint": "anslått antall personer",
        "people.platforms-hint": "instagram, tiktok",
        "people.involvement": "Involvering, % av segmentet",
        "people.averages": "Norske gjennomsnitt",
        "people.map": "Interessentkart",
        "people.no-linkage": "Uten tilknytning",
        "people.map-more": "  … og {count:,} til",
        "bars.none": "Ingen involveringsandeler ennå.\nNorske gjennomsnitt: 34/29/23/9/5.",
        "bars.sum": "Sum",
        # Short names for the bars, where the full ones do not fit beside them.
        "bars.socializers": "Sosialisering",
        "bars.lurkers": "Lurkere",
        "bars.sporadics": "Sporadiske",
        "bars.debaters": "Diskusjon",
        "bars.advanced": "Avanserte",
        # Objectives
        "objectives.new": "Nytt mål",
        "objectives.statement": "Målet",
        "objectives.kind": "Type",
        "objectives.segments": "For segmenter",
        "objectives.segments-hint": "segment-id-er, f.eks. studenter, naboer",
        "objectives.owner": "Ansvarlig",
        "objectives.owner-hint": "hvem som svarer for målet",
        "objectives.why": "Hvorfor",
        "objectives.why-hint": "hva som gjør det verdt innsatsen",
        "objectives.start": "Start",
        "objectives.deadline": "Frist",
        "objectives.targets": "Målverdier",
        "objectives.platform": "Plattform",
        "objectives.metric": "Måling",
        "objectives.baseline": "Fra",
        "objectives.target": "Til",
        "objectives.source": "Måles i",
        "objectives.direction": "Retning",
        "objectives.primary": "Leder",
        "objectives.primary-hint": "det ene målet som er valgt til å lede planen",
        "direction.increase": "øke",
        "direction.decrease": "redusere",
        "direction.maintain": "holde minst",
        "objectives.add-target": "Legg til målverdi (ctrl+n)",
        "objectives.remove-target": "Fjern denne målverdien",
        "objectives.removed-target": "Fjernet målverdien. ctrl+z henter den tilbake.",
        # A target's results (ctrl+t in its row)
        "results.title": "Resultater: {target}",
        "results.of": "Mål: {objective}",
        "results.date": "Dato",
        "results.value": "Verdi",
        "results.source": "Kilde",
        "results.note": "Merknad",
        "results.none": "Ingen resultater ennå. ctrl+n legger til ett datert i dag.",
        "results.add": "Legg til resultat (ctrl+n)",
        "results.keys": (
            "Vist i datorekkefølge. ctrl+n legger til et resultat datert i dag, ctrl+r "
            "sletter det som har fokus, ctrl+z angrer, esc lukker."
        ),
        "results.deleted": "Slettet resultatet fra {date}. ctrl+z henter det tilbake.",
        "results.today-taken": "I dag har et resultat allerede: verdien har fokus.",
        "results.close": "Lukk (esc)",
        # Progress (f9): the follow-up
        "progress.method": (
            "Prognose: lineær, den rette linjen fra utgangsverdien ved start gjennom siste "
            "resultat, forlenget til fristen. Tempo per 30 dager. I dag: {today}. "
            "De mest utsatte først; enter går til målet."
        ),
        "progress.empty": "Ingen mål ennå: legg dem til under Objectives (f3).",
        "progress.no-targets": "ingen målverdier ennå",
        "progress.no-results": "ingen resultater ennå (ctrl+t i målverdiens rad legger dem til)",
        "progress.behind": "✗ henger etter",
        "progress.on-track": "✓ i rute",
        "progress.unknown": "? kan ikke sies ennå",
        "progress.reached": "nådd {date}",
        "progress.values": "{baseline} → {latest} av {target}",
        "progress.way": "{percent}\u00a0% av veien",
        "progress.latest": "siste {date}",
        "progress.pace": "tempo som trengs {needed}, så langt {actual}",
        "progress.forecast": "prognose {forecast} den {deadline}",
        "progress.unset": "—",
        "smart.fails": "ikke oppfylt: {names}",
        "smart.met": "alt oppfylt",
        # Strategy
        "strategy.serves": "for {objectives}",
        "strategy.no-objective": "ikke knyttet til noe mål",
        "strategy.relationship": "Relasjon",
        "strategy.relationship-hint": (
            "Hvordan skal forholdet til målgruppen endre seg: fra hva, til hva?"
        ),
        "strategy.initiative": "Tiltak",
        "strategy.objectives": "For mål",
        "strategy.objectives-hint": "mål-id-er",
        "strategy.content": "Innhold",
        "strategy.cadence": "Hyppighet",
        "strategy.cadence-hint": "1/uke",
        "strategy.unserved": "Mål uten tiltak",
        "strategy.all-served": "ingen: alle mål har tiltak",
        # Technology
        "technology.role": "Rolle",
        "technology.role-hint": "hva den skal brukes til i planen",
        "matrix.empty": ("Legg til segmenter under People og plattformer her for å se matrisen."),
        "matrix.segment": "Segment",
        "matrix.not-in-mix": "grå: ikke i plattformmiksen",
        # The findings panel
        "findings.title": "Funn ({count})",
        "findings.many": "{count} funn (enter viser dem)",
        "findings.none": (
            "Ingen funn: alle mål er SMART, og alle målverdier er satt der målgruppen er."
        ),
        # Dialogs
        "details.title": "Om planen",
        "details.plan-title": "Tittel",
        "details.organization": "Organisasjon",
        "details.language": "Planens språk",
        "details.language-en": "Sjekkene ser etter vage engelske ord.",
        "details.language-nb": "Sjekkene ser etter vage norske ord (øke, bedre, flere, ...).",
        "details.language-nn": "Sjekkene ser etter vage norske ord; programmet snakker bokmål.",
        "details.period-start": "Perioden fra",
        "details.period-end": "Perioden til",
        "details.period-note": "mål uten egen frist skal være nådd når perioden slutter",
        "details.as-of": "Per dato",
        "details.as-of-hint": "ÅÅÅÅ-MM-DD (tomt: i dag)",
        "details.as-of-note": "dagen fristene sjekkes mot («i dag»)",
        "details.growth": "Høyeste vekst per måned",
        "details.growth-hint": "0.15 (15 % i måneden)",
        "details.close": "Lukk (esc)",
        "save-as.title": "Lagre som",
        "save-as.note": "Enter lagrer der; Escape avbryter.",
        "load-failed.title": "Kunne ikke åpne {path}",
        "load-failed.help": (
            "Filen er ikke endret. Rett den i et redigeringsprogram og åpne den igjen. "
            "Trykk q for å avslutte."
        ),
        "changes.title": "Endringer siden siste commit ({count})",
        "changes.none": "Ingen endringer",
        "changes.note": "Enter går til endringen; Escape lukker.",
        # The command palette
        "command.open": "{step}: åpne",
        "command.open-help": "Gå til {step}",
        "command.save": "Plan: lagre",
        "command.save-help": "Skriv planen til filen (ctrl+s)",
        "command.details": "Plan: rediger detaljene",
        "command.details-help": "Tittel, språk, per dato (f6)",
        "command.undo": "Plan: angre",
        "command.undo-help": "Angre siste endring (ctrl+z)",
        "command.redo": "Plan: gjør om",
        "command.redo-help": "Gjør om (ctrl+y)",
        "command.changes": "Plan: endringer siden siste commit",
        "command.changes-help": "Det som er annerledes (f7)",
        "command.objective": "Mål: {name}",
        "command.objective-help": "Gå til dette målet",
        "command.segment": "Segment: {name}",
        "command.segment-help": "Gå til dette segmentet",
        "command.finding": "Funn: {rule} {subject}",
        "command.finding-help": "Gå dit funnet gjelder",
        "system.theme": "Fargetema",
        "system.theme-help": "Bytt farger",
        "system.quit": "Avslutt",
        "system.quit-help": "Avslutt posttui (spør først hvis noe ikke er lagret)",
        "system.keys": "Taster",
        "system.keys-help": "Vis eller skjul tastene som virker der markøren er (f1)",
        "system.minimize": "Forminsk",
        "system.minimize-help": "Gi den maksimerte delen plassen sin tilbake",
        "system.maximize": "Maksimer",
        "system.maximize-help": "Vis delen som har fokus, over hele skjermen",
        "system.screenshot": "Skjermbilde",
        "system.screenshot-help": "Lagre et SVG-bilde av skjermen",
        "help.input": "Tekstfelt",
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
    nb={
        "quit": "Avslutt",
        "app.quit": "Avslutt",
        "save": "Lagre",
        "undo": "Angre",
        "redo": "Gjør om",
        "help": "Taster",
        "command_palette": "kommandoer",
        "switch_mode('people')": "People",
        "switch_mode('objectives')": "Objectives",
        "switch_mode('strategy')": "Strategy",
        "switch_mode('technology')": "Technology",
        "switch_mode('progress')": "Fremdrift",
        "plan_details": "Planen",
        "changes": "Endringer",
        "guide": "Veiledet start",
        "focus_list": "Tilbake til listen",
        "toggle_list": "Listen",
        "toggle_findings": "Funn",
        "add_target": "Ny målverdi",
        "remove": "Fjern målverdien",
        "results": "Resultater",
        "add_result": "Nytt resultat",
        "remove_result": "Slett resultatet",
        "go": "Gå til målet",
        "pick": "Velg fra planen",
        "add": "Ny",
        "delete": "Slett",
        "reorder(-1)": "Flytt opp",
        "reorder(1)": "Flytt ned",
        "move(-1)": "Opp",
        "move(1)": "Ned",
        "page(-1)": "Side opp",
        "page(1)": "Side ned",
        "edge(-1)": "Første",
        "edge(1)": "Siste",
        "select": "Velg",
        "dismiss": "Lukk",
        "dismiss(None)": "Lukk",
        "cancel": "Avbryt",
        "press": "Trykk på knappen",
        "show_overlay": "Vis valgene",
        "first": "Første",
        "last": "Siste",
        "app.focus_next": "Neste felt",
        "app.focus_previous": "Forrige felt",
        "screen.copy_text": "Kopier markert tekst",
        "scroll_up": "Rull opp",
        "scroll_down": "Rull ned",
        "scroll_left": "Rull til venstre",
        "scroll_right": "Rull til høyre",
        "scroll_home": "Rull til starten",
        "scroll_end": "Rull til slutten",
        "page_up": "Side opp",
        "page_down": "Side ned",
        "page_left": "Side til venstre",
        "page_right": "Side til høyre",
        "cursor_up": "Markøren opp",
        "cursor_down": "Markøren ned",
        "cursor_left": "Markøren til venstre",
        "cursor_right": "Markøren til høyre, eller godta forslaget",
        "cursor_up(True)": "Marker oppover",
        "cursor_down(True)": "Marker nedover",
        "cursor_left(True)": "Marker til venstre",
        "cursor_right(True)": "Marker til høyre",
        "cursor_left_word": "Ett ord til venstre",
        "cursor_right_word": "Ett ord til høyre",
        "cursor_left_word(True)": "Marker ett ord til venstre",
        "cursor_right_word(True)": "Marker ett ord til høyre",
        "cursor_word_left": "Ett ord til venstre",
        "cursor_word_right": "Ett ord til høyre",
        "cursor_word_left(True)": "Marker ett ord til venstre",
        "cursor_word_right(True)": "Marker ett ord til høyre",
        "cursor_line_start": "Til starten av linjen",
        "cursor_line_end": "Til slutten av linjen",
        "cursor_line_start(True)": "Marker til starten av linjen",
        "cursor_line_end(True)": "Marker til slutten av linjen",
        "cursor_page_up": "Side opp",
        "cursor_page_down": "Side ned",
        "home": "Til starten",
        "end": "Til slutten",
        "home(True)": "Marker til starten",
        "end(True)": "Marker til slutten",
        "select_all": "Marker alt",
        "select_line": "Marker linjen",
        "submit": "Neste felt",
        "delete_left": "Slett tegnet til venstre",
        "delete_right": "Slett tegnet til høyre",
        "delete_left_word": "Slett til starten av ordet",
        "delete_word_left": "Slett til starten av ordet",
        "delete_right_word": "Slett ordet til høyre",
        "delete_word_right": "Slett ordet til høyre",
        "delete_left_all": "Slett alt til venstre",
        "delete_right_all": "Slett alt til høyre",
        "delete_to_start_of_line": "Slett til starten av linjen",
        "delete_to_end_of_line_or_delete_line": "Slett til slutten av linjen",
        "delete_line": "Slett linjen",
        "cut": "Klipp ut",
        "copy": "Kopier",
        "paste": "Lim inn",
    },
)


def language(node: DOMNode) -> str:
    """The language of the app `node` is in (read when composing or drawing)."""
    lang: str = getattr(node.app, "lang", "en")
    return lang


def say(node: DOMNode, key: str, **params: Any) -> str:
    """What the editor says for `key`, in the language of the app `node` is in."""
    return WORDS(key, language(node), **params)


@cache
def in_language(binding: Binding, lang: str) -> Binding:
    """`binding` with its description in `lang` (as it is where the catalog has none)."""
    if binding.action not in KEYS.by_language["en"]:
        return binding
    return replace(binding, description=KEYS(binding.action, lang), tooltip="")


class Speaking(Screen[ScreenResultType]):
    """A screen whose keys (footer, F1 help) are described in the app's language.

    Mixed in before `ModalScreen` by dialogs; the bindings stay what the classes
    declare, only what is shown of them is translated, when it is shown.
    """

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        lang = language(self)
        return {
            key: active._replace(binding=in_language(active.binding, lang), tooltip="")
            for key, active in super().active_bindings.items()
        }
