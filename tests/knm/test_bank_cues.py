"""The real bank in content/knm/ gives nothing away to a learner who knows nothing, covers
every theme in depth, and sends learners to pages that teach (knm/bank_stats.py)."""

from pathlib import Path
from urllib.parse import urlsplit

import yaml
from django.conf import settings

from knm.bank_stats import MAX_LONGEST_RIGHT, MAX_ZERO_KNOWLEDGE, bank_stats, question_figures

BANK = Path(settings.CONTENT_DIR) / "knm"


def questions():
    for path in sorted(BANK.glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("\n---", 1)[0][4:])
        yield from meta["questions"]


def test_the_strategy_figures_behave_as_described():
    def opts(*texts, right=0):
        return [{"nl": t, "correct": i == right} for i, t in enumerate(texts)]

    # The longest is right and no option has an absolute word: the strategy wins.
    assert question_figures(opts("Een lang en precies antwoord.", "Kort.", "Ook kort.")) == (
        True,
        1.0,
    )
    # The longest has "altijd": struck out, the strategy picks the longest of the rest.
    assert question_figures(
        opts("Dat mag altijd, ook zonder vergunning.", "Bij de gemeente.", "Nee.", right=1)
    ) == (False, 1.0)
    # Every option has an absolute word: none is struck out.
    assert question_figures(opts("Nooit.", "Altijd meteen.", "Alleen soms.", right=2)) == (
        False,
        0.0,
    )


def test_a_learner_who_knows_nothing_cannot_pass_on_cues():
    stats = bank_stats(BANK)
    assert stats.longest_right_share <= MAX_LONGEST_RIGHT, stats.longest_right_share
    assert stats.zero_knowledge_score <= MAX_ZERO_KNOWLEDGE, stats.zero_knowledge_score


def test_absolute_words_are_not_a_sign_of_a_wrong_answer():
    stats = bank_stats(BANK)
    for word in set(stats.words_right) | set(stats.words_wrong):
        right, wrong = stats.words_right[word], stats.words_wrong[word]
        if right + wrong >= 6:
            # One option in three is right: a word spread evenly is right about a third of
            # the time. Far below that, it marks wrong answers.
            assert right / (right + wrong) >= 0.2, (word, right, wrong)


def test_every_theme_has_forty_questions_and_six_about_a_document():
    stats = bank_stats(BANK)
    assert len(stats.per_theme) == 8
    for theme, count in stats.per_theme.items():
        assert count >= 40, theme
        assert stats.documents[theme] >= 6, theme


def test_at_most_five_percent_of_read_links_are_home_pages():
    links = [urlsplit(q["read"]) for q in questions()]
    bare = [u for u in links if u.scheme and u.path in ("", "/")]
    assert len(bare) <= 0.05 * len(links)
    # The manners questions used to send learners to the study-tips guide.
    study_tips = [q["id"] for q in questions() if "how-to-study-for-knm" in q["read"]]
    assert study_tips == []
