"""specific/vague against a labelled corpus: statements from public guides to SMART goals,
each with its source's own verdict (tests/data/smart_statements.toml).

The rule is run as `posttui check` runs it, on a plan in the statement's language; the
figures are printed (`pytest -s`) and held to at least 95 % recall at 90 % precision.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from posttui.core.model import Objective, Plan, PlanInfo
from posttui.core.rules import lint

CORPUS = Path(__file__).parent / "data" / "smart_statements.toml"
MIN_RECALL, MIN_PRECISION = 0.95, 0.90


def corpus() -> list[dict[str, str]]:
    return list(tomllib.loads(CORPUS.read_text(encoding="utf-8"))["statement"])


def flagged(statement: str, language: str) -> bool:
    plan = Plan(
        format=1,
        plan=PlanInfo(title="Corpus", language=language),  # type: ignore[arg-type]
        objectives=[Objective(id="goal", statement=statement)],
    )
    return any(f.rule == "specific/vague" for f in lint(plan))


def test_the_corpus_is_large_sourced_and_labelled() -> None:
    entries = corpus()
    assert len(entries) >= 60
    assert {e["lang"] for e in entries} == {"en", "nb"}
    assert {e["verdict"] for e in entries} == {"vague", "specific"}
    for entry in entries:
        assert entry["source"].startswith(("http://", "https://")), entry
        assert entry["text"].strip(), entry
    texts = [e["text"] for e in entries]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("lang", ["en", "nb", "all"])
def test_vague_finds_the_vague_statements(lang: str) -> None:
    entries = [e for e in corpus() if lang in ("all", e["lang"])]
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    misses = []
    for entry in entries:
        said = flagged(entry["text"], entry["lang"])
        vague = entry["verdict"] == "vague"
        key = ("t" if said == vague else "f") + ("p" if said else "n")
        counts[key] += 1
        if said != vague:
            misses.append(f"{entry['verdict']}: {entry['text']}")
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    print(
        f"\nspecific/vague on {len(entries)} statements ({lang}): "
        f"precision {precision:.1%}, recall {recall:.1%} {counts}",
        *misses,
        sep="\n  ",
    )
    assert recall >= MIN_RECALL, misses
    assert precision >= MIN_PRECISION, misses
