"""The evaluation corpus (tests/privacy/corpus/, invented texts) and the figures the pseudonymiser must keep:
PII recall ≥ 0.99 at a domain-word keep rate ≥ 0.98 (issue "Tandem 11"). docs/pseudonymisation.md has the command
and the recorded figures."""
from pathlib import Path

import pytest

from tandem.privacy import evaluation

CORPUS = Path(__file__).parent / "corpus"
ITEMS = evaluation.load_corpus(CORPUS)


def test_the_corpus_is_large_enough_and_every_expected_string_is_in_its_text():
    assert len(ITEMS) >= 60
    assert len({item.id for item in ITEMS}) == len(ITEMS)
    assert sum(len(item.pii) for item in ITEMS) >= 300
    for item in ITEMS:
        for needle in item.pii + item.keep:
            assert evaluation.present(needle, item.text), (item.id, needle)


@pytest.mark.parametrize("subset", ["alle", "achtergehouden"])
def test_recall_and_keep_rate_stay_at_target(subset):
    items = ITEMS if subset == "alle" else [item for item in ITEMS if item.heldout]
    score = evaluation.score("tandem", items, evaluation.tandem_runner())
    assert score.recall >= 0.99, score.missed
    assert score.keep_rate >= 0.98, score.lost


def test_the_score_counts_a_string_that_is_still_there():
    item = evaluation.Item("x", "Jan belde Veilig Thuis.", ("Jan",), ("Veilig Thuis",), False)
    assert evaluation.score("identity", [item], lambda text: text).recall == 0.0
    assert evaluation.score("wipe", [item], lambda text: "").keep_rate == 0.0
    perfect = evaluation.score("perfect", [item], lambda text: "[persoon 1] belde Veilig Thuis.")
    assert (perfect.recall, perfect.keep_rate) == (1.0, 1.0)
