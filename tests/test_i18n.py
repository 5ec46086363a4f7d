"""Every catalog says everything in every language, with the same placeholders."""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import pkgutil
import re
import string
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog as PoFile
from babel.messages.catalog import Message
from babel.messages.pofile import read_po

import posttui as package
from posttui import cli
from posttui.cli.parsing import ARGPARSE, _names, argv_language, translated
from posttui.core import loader
from posttui.core.catalog import PROBLEMS, Number
from posttui.core.diff import Change, describe, step_title
from posttui.core.i18n import LANGUAGES, LOCALE, Catalog, choose
from posttui.core.loader import LoadError, load, parse
from posttui.core.model import INVOLVEMENT_TYPES, KINDS, LINKAGES
from posttui.core.rules import Finding, lint
from posttui.core.vocabulary import (
    STEPS,
    involvement_name,
    kind_choice,
    kind_explanation,
    linkage_choice,
    linkage_explanation,
    smart_name,
    step_name,
    step_question,
)
from support.built import TODAY, everything_wrong
from support.cli import environment, posttui, write
from support.plans import CLEAN, TIKTOK


def _catalogs() -> list[Catalog]:
    for module in pkgutil.walk_packages(package.__path__, "posttui."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    return Catalog.ALL


def _read(path: Path) -> PoFile:
    with path.open("rb") as file:
        return read_po(file)


TEMPLATE = LOCALE / "posttui.pot"
TRANSLATIONS = sorted(LOCALE.glob("*/LC_MESSAGES/posttui.po"))
Entry = tuple[str | None, str | tuple[str, ...]]


def _entries(po: PoFile) -> set[Entry]:
    """(msgctxt, msgid) of each message, a plural's msgid its two English forms."""
    return {(message.context, message.id) for message in po if message.id}


def _fields(text: str) -> set[tuple[str, str | None]]:
    """The placeholders of a template: their names and format specs."""
    return {(name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name}


def test_the_template_holds_what_the_code_says_in_english() -> None:
    in_code = {(c.context(key), english) for c in _catalogs() for key, english in c.en.items()}
    assert _entries(_read(TEMPLATE)) == in_code
    assert ("en", *(po.parent.parent.name for po in TRANSLATIONS)) == LANGUAGES
    assert {"nb", "nn"} <= set(LANGUAGES)


def _forms(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


@pytest.mark.parametrize("path", TRANSLATIONS, ids=lambda path: path.parent.parent.name)
def test_a_language_translates_every_message_with_the_same_placeholders(path: Path) -> None:
    po = _read(path)
    assert _entries(po) == _entries(_read(TEMPLATE)), "run pybabel update (docs/languages.md)"
    assert not po.obsolete
    assert po.plural_forms == "nplurals=2; plural=(n != 1);"
    for message in po:
        if not message.id:
            continue
        english = list(message.id) if message.pluralizable else [message.id]
        forms = _forms(message)
        assert not message.fuzzy, message.context
        assert len(forms) == (po.num_plurals if message.pluralizable else 1), message.context
        assert all(forms), f"{message.context} is not translated"
        for text in [*english, *forms]:
            assert _fields(text) == _fields(english[-1]), (message.context, text)


def test_a_count_chooses_the_singular_or_the_plural() -> None:
    from posttui.cli.fmt import WORDS as FMT
    from posttui.core.limits import LIMITS

    said = {lang: [FMT("file", lang, count=n) for n in (1, 2)] for lang in ("en", "nb")}
    assert said == {"en": ["1 file", "2 files"], "nb": ["1 fil", "2 filer"]}
    more = LIMITS("more-problems", "nb", count=Number(1200, "nb"), shown=3)
    assert more == "… og 1\u00a0200 problemer til (de første 3 står over)"


@pytest.mark.parametrize(
    ("explicit", "plan", "environ", "expected"),
    [
        ("en", "nb", {"LANG": "nb_NO.UTF-8"}, "en"),
        (None, "nb", {"LANG": "en_GB.UTF-8"}, "nb"),
        (None, None, {"LANG": "nb_NO.UTF-8"}, "nb"),
        (None, None, {"LANG": "no_NO"}, "nb"),
        (None, None, {"LANG": "nn_NO.UTF-8"}, "nn"),
        (None, "nn", {"LANG": "nb_NO.UTF-8"}, "nn"),
        (None, "no", {}, "nb"),
        (None, None, {"LC_ALL": "en_US.UTF-8", "LANG": "nb_NO.UTF-8"}, "en"),
        (None, None, {"LC_ALL": "nb_NO.UTF-8", "LANG": "C"}, "nb"),
        (None, None, {"LANG": "C.UTF-8"}, "en"),
        (None, None, {}, "en"),
    ],
)
def test_the_language_is_the_option_else_the_plans_else_the_locales(
    explicit: str | None, plan: str | None, environ: dict[str, str], expected: str
) -> None:
    assert choose(explicit, plan, environ) == expected


# ---- the method's words ----


def test_the_method_is_named_in_the_fields_norwegian_words() -> None:
    assert [involvement_name(t, "nb") for t in INVOLVEMENT_TYPES] == [
        "Sosialiseringsbrukere",
        "Lurkere",
        "Sporadiske brukere",
        "Diskusjonsbrukere",
        "Avanserte brukere",
    ]
    assert [smart_name(letter, "nb") for letter in "SMART"] == [
        "Spesifikt",
        "Målbart",
        "Attraktivt",
        "Realistisk",
        "Tidsbestemt",
    ]
    assert smart_name("time-bound", "nb") == "Tidsbestemt"  # by group, as rule ids name it
    assert [linkage_choice(value, "nb") for value in LINKAGES] == [
        "Tilretteleggende",
        "Funksjonell input",
        "Funksjonell output",
        "Normativ",
        "Diffus",
    ]
    assert [kind_choice(value, "nb") for value in KINDS] == [
        "Lytte (markedsanalyse)",
        "Snakke (markedsføring)",
        "Engasjere (salg)",
        "Støtte (kundeservice)",
        "Omfavne (produktutvikling)",
    ]
    # The POST steps keep their names: the acronym is the method.
    assert [step_name(step, "nb") for step in STEPS] == [
        "People",
        "Objectives",
        "Strategy",
        "Technology",
    ]
    assert step_question("people", "nb") == "Hvem er din målgruppe, og hvor aktive er de?"
    assert linkage_explanation("enabling", "nb").startswith("Tilretteleggende: de som ")
    assert kind_explanation("listening", "nb") == (
        "Lytte svarer til markedsanalyse: finn ut hva målgruppen mener og trenger."
    )


def test_callers_without_a_language_get_english() -> None:
    assert linkage_choice("functional-output") == "Functional output"
    assert linkage_explanation("diffuse").startswith("Diffuse: those who have no formal tie")
    assert kind_choice("supporting") == "Supporting (support)"
    assert kind_explanation("embracing").startswith("Embracing mirrors development: ")
    assert involvement_name("lurkers") == "Lurkers"
    assert smart_name("A") == "Attractive"
    assert step_name("technology") == "Technology"


# ---- findings ----


def test_findings_differ_between_languages_only_in_their_words() -> None:
    english = lint(everything_wrong(), TODAY, lang="en")
    norwegian = lint(everything_wrong(), TODAY, lang="nb")
    where = [(f.rule, f.severity, f.subject, f.path) for f in english]
    assert where == [(f.rule, f.severity, f.subject, f.path) for f in norwegian]
    for en, nb in zip(english, norwegian, strict=True):
        assert en.message != nb.message, en.message


def message(findings: list[Finding], rule: str) -> str:
    return next(f.message for f in findings if f.rule == rule)


def test_numbers_are_written_as_the_reader_writes_them() -> None:
    english = lint(everything_wrong(), TODAY, lang="en")
    norwegian = lint(everything_wrong(), TODAY, lang="nb")
    # Growth from 1 to 1,000,000 over 5.9 months, above a limit of 10 %.
    assert "to 1,000,000 in 5.9 months" in message(english, "realistic/growth")
    assert "above 10%" in message(english, "realistic/growth")
    growth = message(norwegian, "realistic/growth")
    assert "til 1\u00a0000\u00a0000 på 5,9 måneder" in growth
    assert "grensen på 10\u00a0%" in growth
    assert "sum to 98.5 %" in message(english, "people/involvement-sum")
    assert "til sammen 98,5 %" in message(norwegian, "people/involvement-sum")
    # Dates stay ISO in every language.
    assert "Fristen 2026-01-01 er passert (i dag er det 2027-01-01)" in message(
        norwegian, "time-bound/passed"
    )


def test_a_groundswell_kind_is_named_in_the_readers_language() -> None:
    assert "kind Embracing (development)" in message(
        lint(everything_wrong(), TODAY, lang="en"), "objectives/audience-fit"
    )
    assert "av typen Omfavne (produktutvikling)" in message(
        lint(everything_wrong(), TODAY, lang="nb"), "objectives/audience-fit"
    )


def test_the_number_format_follows_the_template() -> None:
    assert f"{Number(1200, 'nb'):,}" == "1\u00a0200"
    assert f"{Number(0.155, 'nb'):.1%}" == "15,5\u00a0%"
    assert f"{Number(2.25, 'nb'):.1f}" == "2,2"
    assert f"{Number(1200.5, 'en'):,}" == "1,200.5"
    assert f"{Number(3, 'nb')}" == "3"


# ---- why a plan cannot be loaded ----


def problems(text: str, lang: str) -> list[str]:
    with pytest.raises(LoadError) as caught:
        parse(text, "plan.post.toml")
    return caught.value.render(lang).splitlines()


BROKEN = """\
format = 1
[plan]
titel = "Kafé"
language = "de"
[[objectives]]
id = "Grow More"
statement = 5
deadline = "2027-06-30"
"""


def test_load_problems_in_norwegian() -> None:
    assert problems(BROKEN, "nb") == [
        "plan.post.toml:2: plan.title: påkrevd nøkkel `title` mangler",
        "plan.post.toml:3: plan.titel: ukjent nøkkel `titel` (mente du `title`?)",
        "plan.post.toml:4: plan.language: 'de' er ikke tillatt; bruk en av 'en', 'nb' eller 'nn'",
        "plan.post.toml:6: objectives[0].id: 'Grow More' er ikke en gyldig id: "
        "bruk små bokstaver, sifre og bindestrek",
        "plan.post.toml:7: objectives[0].statement: forventet tekst i anførselstegn, fikk tallet 5",
        "plan.post.toml:8: objectives[0].deadline: forventet en dato som 2027-06-30 "
        '(uten anførselstegn og klokkeslett), fikk teksten "2027-06-30"',
    ]


def test_load_problems_in_english_by_default() -> None:
    with pytest.raises(LoadError) as caught:
        parse(BROKEN, "plan.post.toml")
    assert caught.value.render() == "\n".join(problems(BROKEN, "en"))
    assert "'de' is not allowed; use one of 'en', 'nb' or 'nn'" in caught.value.render()
    assert caught.value.problems[1].message == "unknown key `titel` (did you mean `title`?)"


@pytest.mark.parametrize(
    ("text", "norwegian"),
    [
        ('format = 1\n[plan]\ntitle = "x\n', "ikke gyldig TOML: linjen slutter inne i en tekst"),
        ("format = 3\n", "format 3 er nyere enn denne posttui forstår (2)"),
        ("title = 'x'\n", "`format = 1` mangler øverst: er dette en posttui-plan?"),
        ("format = '1'\n", 'format må være 1 eller 2, ikke teksten "1"'),
        (
            "<<<<<<< HEAD\nformat = 1\n",
            "konfliktmarkør fra git merge <<<<<<<: løs konflikten først",
        ),
        ("format = 1\n[plan]\ntitle = ' '\n", "plan.title: kan ikke være tom"),
    ],
)
def test_each_kind_of_load_problem_is_said_in_norwegian(text: str, norwegian: str) -> None:
    assert norwegian in "\n".join(problems(text, "nb"))


TOML_MISTAKES = {
    'title = "a\\q"': "en enslig omvendt skråstrek i en tekst",
    'title = "\\uZZZZ"': "en kode \\u eller \\U som ikke er et tegn",
    'title = """T': "en tekst blir aldri avsluttet",
    "title = Kafe": "ikke en verdi: tekst skrives i anførselstegn",
    'title = "T" "U"': "linjen fortsetter etter verdien",
    "as_of = 2027-13-45": "linjen fortsetter etter verdien",
    "x = [1, 2": "en liste [ … ] er ikke lukket",
    "x = {a = 1": "en innebygd tabell { … } er ikke lukket",
    "x = {a = 1}\nx.b = 2": "en innebygd tabell eller liste kan ikke utvides",
    "x = 1\nx = 2": "en nøkkel er satt to ganger",
    "title": "en nøkkel uten = og en verdi",
    "= 3": "ikke en linje med `nøkkel = verdi`",
    "[objectives": "en tabelloverskrift [ … ] er ikke lukket med ]",
    "[[objectives]": "en tabelloverskrift [[ … ]] er ikke lukket med ]]",
}


@pytest.mark.parametrize(("mistake", "norwegian"), TOML_MISTAKES.items())
def test_toml_mistakes_are_said_in_plain_norwegian(mistake: str, norwegian: str) -> None:
    said = "\n".join(problems(f"format = 1\n[plan]\n{mistake}\n", "nb"))
    assert f"ikke gyldig TOML: {norwegian}" in said
    english = "\n".join(problems(f"format = 1\n[plan]\n{mistake}\n", "en"))
    assert "ikke" not in english and english != said


def test_a_file_that_cannot_be_read_is_told_in_norwegian(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load(tmp_path / "nowhere.post.toml")
    assert caught.value.render("nb").endswith("nowhere.post.toml: filen finnes ikke")
    (tmp_path / "binary.post.toml").write_bytes(b"\x00\x01")
    with pytest.raises(LoadError) as caught:
        load(tmp_path / "binary.post.toml")
    assert caught.value.render("nb").endswith(": er en binærfil, ikke en TOML-plan")


def _phrase_keys(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """The catalog keys the loader names as literals: Phrase("key", ...) and fail("key")."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) in ("Phrase", "fail")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            yield node.lineno, node.args[0].value


def test_every_problem_the_loader_names_is_in_the_catalog() -> None:
    tree = ast.parse(Path(loader.__file__).read_text(encoding="utf-8"))
    keys = list(_phrase_keys(tree))
    assert len(keys) > 20
    for line, key in keys:
        assert key in PROBLEMS.en, f"loader.py:{line}: {key!r}"


# ---- what changed ----


def test_changes_are_described_in_the_readers_language() -> None:
    added = Change("added", "objectives", "grow")
    moved = Change("moved", "people.segments", "students", old=0, new=2)
    unset = Change("changed", "objectives", "grow", "deadline", None, date(2027, 6, 30))
    assert describe(added, "nb") == "mål grow lagt til"
    assert describe(moved, "nb") == "segment students flyttet fra plass 1 til 3"
    assert describe(unset, "nb") == 'mål grow: deadline (ikke satt) → "2027-06-30"'
    assert describe(unset) == 'objective grow: deadline (unset) → "2027-06-30"'
    assert step_title("strategy.initiatives", "nb") == "Strategy"
    assert step_title("settings", "nb") == "Plan"


# ---- the command line ----

KAFE = Path(__file__).parent.parent / "sample_plans" / "kafe-solsiden.post.toml"
NORDLYS = KAFE.with_name("nordlys-analytics.post.toml")
NORWEGIAN = {"LANG": "nb_NO.UTF-8"}


def run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return posttui(*args, cwd=tmp_path, env=environment(**env))


def test_a_norwegian_plan_is_checked_in_norwegian(tmp_path: Path) -> None:
    result = run(tmp_path, "check", str(KAFE), "--today", "2028-01-01")
    assert result.returncode == 1, result.stderr
    assert "time-bound/passed Fristen 2027-09-30 er passert" in result.stdout
    assert result.stdout.endswith(": 6 advarsler\n")
    english = run(tmp_path, "check", str(KAFE), "--today", "2028-01-01", "--lang", "en")
    assert "time-bound/passed The deadline 2027-09-30 has passed" in english.stdout
    assert english.stdout.endswith(": 6 warnings\n")


def test_the_plans_language_comes_before_the_locale(tmp_path: Path) -> None:
    write(tmp_path, CLEAN)  # language = "en"
    assert run(tmp_path, "check", "plan.post.toml", **NORWEGIAN).stdout.endswith(": no findings\n")
    write(tmp_path, CLEAN.replace('language = "en"\n', ""))
    assert run(tmp_path, "check", "plan.post.toml", **NORWEGIAN).stdout.endswith(": ingen funn\n")
    assert run(tmp_path, "check", "plan.post.toml").stdout.endswith(": no findings\n")
    nb_over_c = run(tmp_path, "check", "plan.post.toml", LC_ALL="nb_NO.UTF-8", LANG="C")
    assert nb_over_c.stdout.endswith(": ingen funn\n")


def test_nynorsk_by_option_or_locale(tmp_path: Path) -> None:
    result = run(tmp_path, "check", str(KAFE), "--today", "2028-01-01", "--lang", "nn")
    assert "time-bound/passed Fristen 2027-09-30 er passert" in result.stdout
    assert result.stdout.endswith(": 6 åtvaringar\n")
    write(tmp_path, TIKTOK)  # no `language`: the locale decides
    result = run(tmp_path, "check", "plan.post.toml", LANG="nn_NO.UTF-8")
    assert result.stdout.splitlines()[-1] == "plan.post.toml: 8 åtvaringar, 5 merknader"


def test_a_nynorsk_plan_gets_the_norwegian_vague_words(tmp_path: Path) -> None:
    nynorsk = CLEAN.replace("format = 1", "format = 2")  # nn is new in format 2
    nynorsk = nynorsk.replace('language = "en"', 'language = "nn"')
    statement = re.search(r'statement = "(.*)"', nynorsk)
    assert statement
    write(tmp_path, nynorsk.replace(statement[1], "Vi vil auke talet på følgjarar blant studentar"))
    result = run(tmp_path, "check", "plan.post.toml")
    assert "specific/vague «auke» utan eit tal er vagt" in result.stdout, result.stdout


def test_json_is_the_same_in_both_languages_but_for_its_messages(tmp_path: Path) -> None:
    write(tmp_path, TIKTOK)  # no `language`: the option decides
    reports = [
        json.loads(
            run(tmp_path, "check", "plan.post.toml", "--format", "json", "--lang", lang).stdout
        )
        for lang in ("en", "nb")
    ]
    english, norwegian = (report["findings"] for report in reports)
    assert len(english) >= 5
    drop = {"message"}
    assert [{k: v for k, v in f.items() if k not in drop} for f in english] == [
        {k: v for k, v in f.items() if k not in drop} for f in norwegian
    ]
    absent = next(f for f in norwegian if f["rule"] == "technology/audience-absent")
    assert absent["message"].startswith("Målverdien gjelder tiktok, men ingen av målets segmenter")


@pytest.mark.parametrize("where", ["before", "after", "equals"])
def test_lang_goes_before_the_command_or_after_it(tmp_path: Path, where: str) -> None:
    plan = str(NORDLYS)
    args = {
        "before": ["--lang", "nb", "check", plan],
        "after": ["check", plan, "--lang", "nb"],
        "equals": ["--lang=nb", "check", plan],
    }[where]
    result = run(tmp_path, *args)
    assert result.returncode == 1, result.stderr
    assert result.stdout.endswith(" advarsler, 4 merknader\n")


def test_counts_are_said_in_norwegian(tmp_path: Path) -> None:
    write(tmp_path, TIKTOK)
    result = run(tmp_path, "check", "plan.post.toml", "--lang", "nb")
    assert result.stdout.splitlines()[-1] == "plan.post.toml: 8 advarsler, 5 merknader"


def test_a_plan_that_cannot_be_loaded_is_told_in_the_locales_language(tmp_path: Path) -> None:
    result = run(tmp_path, "check", "nowhere.post.toml", **NORWEGIAN)
    assert result.returncode == 2
    assert result.stderr == "nowhere.post.toml: filen finnes ikke\n"
    result = run(tmp_path, "show", "nowhere.post.toml", "--lang", "en", **NORWEGIAN)
    assert result.stderr == "nowhere.post.toml: no such file\n"


def test_check_help_is_norwegian_by_locale_or_option(tmp_path: Path) -> None:
    for result in (
        run(tmp_path, "check", "--help", **NORWEGIAN),
        run(tmp_path, "check", "--help", "--lang", "nb"),
        run(tmp_path, "check", "--lang=nb", "--help"),
    ):
        assert result.returncode == 0
        assert result.stdout.startswith("bruk: posttui check [-h]")
        for words in ("valg:", "vis denne hjelpeteksten og avslutt", "datoen fristene sjekkes mot"):
            assert words in result.stdout
    english = run(tmp_path, "check", "--help", "--lang", "en", **NORWEGIAN)
    assert english.stdout.startswith("usage: posttui check")
    assert "the date deadlines are checked against" in english.stdout


def test_usage_errors_are_norwegian(tmp_path: Path) -> None:
    result = run(tmp_path, "check", **NORWEGIAN)
    assert result.returncode == 2
    assert result.stderr.startswith("bruk: posttui check")
    assert result.stderr.endswith("posttui check: feil: disse argumentene mangler: PLAN\n")
    result = run(tmp_path, "check", "plan.post.toml", "--today", "30.06.2027", "--lang", "nb")
    assert result.stderr.endswith(
        "feil: argumentet --today: ikke en dato (ÅÅÅÅ-MM-DD): '30.06.2027'\n"
    )
    result = run(tmp_path, "check", "x", "--fail-on", "never", **NORWEGIAN)
    assert "argumentet --fail-on: ugyldig valg: 'never' (velg blant" in result.stderr


def test_diff_speaks_the_new_plans_language(tmp_path: Path) -> None:
    norwegian = CLEAN.replace('language = "en"', 'language = "nb"')
    write(tmp_path, norwegian, "old.post.toml")
    write(
        tmp_path,
        norwegian.replace("owner = ", 'cadence = ""\nowner = ', 0) + "\n",
        "same.post.toml",
    )
    write(tmp_path, norwegian.replace('id = "weekly-reels"', 'id = "reels"'), "new.post.toml")
    result = run(tmp_path, "diff", "old.post.toml", "new.post.toml")
    assert result.returncode == 1
    assert result.stdout == (
        "Strategy\n  - tiltak weekly-reels fjernet\n  + tiltak reels lagt til\n"
    )
    write(tmp_path, CLEAN.replace('id = "weekly-reels"', 'id = "reels"'), "new.post.toml")
    result = run(tmp_path, "diff", "old.post.toml", "new.post.toml")
    assert "  + initiative reels added\n" in result.stdout
    same = run(tmp_path, "diff", "old.post.toml", "same.post.toml")
    assert same.stdout == "ingen endringer\n"


def test_what_was_typed_is_quoted_as_typed_in_a_norwegian_usage_error(tmp_path: Path) -> None:
    result = run(tmp_path, "schema", "--lang", "nb", "no changes")  # English catalog text
    assert result.returncode == 2
    assert result.stderr.endswith("posttui: feil: ukjente argumenter: no changes\n")


def test_new_fmt_and_merge_speak_norwegian(tmp_path: Path) -> None:
    created = run(tmp_path, "new", "plan.post.toml", "--lang", "nb")
    assert created.stdout == "opprettet plan.post.toml: åpne den med `posttui plan.post.toml`\n"
    assert load(tmp_path / "plan.post.toml").plan.plan.language == "nb"  # so the plan speaks it
    again = run(tmp_path, "new", "plan.post.toml", "--lang", "nb")
    assert again.stderr == "plan.post.toml finnes allerede: posttui new overskriver aldri\n"
    write(tmp_path, CLEAN.replace('language = "en"', 'language = "nb"') + "\n\n")
    formatted = run(tmp_path, "fmt", "plan.post.toml")
    assert formatted.stdout == "formaterte plan.post.toml\n"
    assert formatted.stderr == "1 fil formatert, 0 uendret\n"
    base = CLEAN.replace('language = "en"', 'language = "nb"')
    write(tmp_path, base, "base.post.toml")
    write(tmp_path, base.replace('owner = "Kari Nordmann"', 'owner = "Ola"'), "ours.post.toml")
    write(tmp_path, base.replace('owner = "Kari Nordmann"', 'owner = "Per"'), "theirs.post.toml")
    merged = run(tmp_path, "merge", "base.post.toml", "ours.post.toml", "theirs.post.toml")
    assert merged.returncode == 1
    assert merged.stderr.startswith("KONFLIKT (posttui): objectives[reach-students].owner")
    assert merged.stderr.rstrip().endswith("er endret på begge sider")


def test_git_setup_outside_a_repository_is_told_in_norwegian(tmp_path: Path) -> None:
    result = run(tmp_path, "git-setup", GIT_CEILING_DIRECTORIES=str(tmp_path.parent), **NORWEGIAN)
    assert result.returncode == 2
    assert result.stderr == "posttui git-setup: ikke i et git-repo\n"


# ---- nothing bypasses the catalogs ----


def test_argv_language_reads_the_option_before_the_locale() -> None:
    assert argv_language(["check", "x", "--lang", "nb"], {}) == "nb"
    assert argv_language(["--lang=nb", "check"], {"LANG": "en_US.UTF-8"}) == "nb"
    assert argv_language(["check", "--lang", "en"], NORWEGIAN) == "en"
    assert argv_language(["check", "--lang", "de"], NORWEGIAN) == "nb"  # argparse refuses it
    assert argv_language(["new", "--", "--lang", "nb"], {}) == "en"  # a file name after --


def _help_texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every text the parser and its subcommands show in --help."""
    yield from filter(None, (parser.description, parser.epilog))
    for action in parser._actions:
        if action.help:
            yield action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield choice.help or ""
            for subparser in action.choices.values():
                yield from _help_texts(subparser)


def test_every_help_text_is_in_a_catalog() -> None:
    texts = list(_help_texts(cli.parser()))
    assert len(texts) > 40
    for text in texts:
        assert translated(text), text
    assert "%" not in "".join(texts).replace("%%", "")  # argparse formats help with %


def test_argparse_words_keep_their_parameters() -> None:
    for key, english in ARGPARSE.en.items():
        assert isinstance(english, str)
        for lang in LANGUAGES:
            assert sorted(_names(english)) == sorted(_names(ARGPARSE(key, lang))), (lang, key)


# Where text reaches a user: printed, written, or shown as help.
_SINK_CALLS = {"print", "write", "ArgumentTypeError"}
_SINK_KEYWORDS = {"help", "description", "epilog"}
_PROSE = re.compile(r"[^\W\d_]{2,}")


def _sunk(tree: ast.AST) -> Iterator[ast.expr]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in _SINK_CALLS:
                yield from node.args
            yield from (k.value for k in node.keywords if k.arg in _SINK_KEYWORDS)
        elif isinstance(node, ast.Assign) and any(
            getattr(target, "id", None) == "HELP" for target in node.targets
        ):
            yield node.value


def _literal_words(expr: ast.expr) -> Iterator[str]:
    """The literal text of a string or f-string (not what its fields fill in)."""
    parts = expr.values if isinstance(expr, ast.JoinedStr) else [expr]
    for part in parts:
        text = part.value if isinstance(part, ast.Constant) else None
        if isinstance(text, str) and _PROSE.search(text) and not translated(text):
            yield text


@pytest.mark.parametrize("module", sorted(Path(cli.__file__).parent.glob("*.py")), ids=str)
def test_the_command_line_prints_no_words_of_its_own(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found = [(expr.lineno, words) for expr in _sunk(tree) for words in _literal_words(expr)]
    assert not found, f"{module.name}: text outside the catalogs: {found}"
