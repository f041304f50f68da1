"""How much a question bank gives away to a learner who knows nothing.

Run: `python -m knm.bank_stats [content/knm]`. The test in tests/knm/test_bank_cues.py
holds the bank to the limits below; editors run this before committing new questions.

- longest right: the share of questions whose right answer is the longest option (Dutch
  text). Chance is one in three; a bank where the right answer is often the longest
  teaches learners to pick the longest.
- absolute words ("altijd", "nooit" …) that sit almost only in wrong options teach
  learners to strike those options out.
- zero knowledge: the score of a learner who strikes out every option with an absolute
  word (unless that strikes out all of them) and then picks the longest of the rest.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ABSOLUTE_WORDS = (
    "altijd",
    "nooit",
    "niets",
    "niemand",
    "alleen",
    "iedereen",
    "alles",
    "nergens",
    "overal",
    "elke",
    "geen enkele",
    "uitsluitend",
    "helemaal",
)
MAX_LONGEST_RIGHT = 0.40
MAX_ZERO_KNOWLEDGE = 0.42
WORD_RE = {w: re.compile(rf"\b{w}\b", re.IGNORECASE) for w in ABSOLUTE_WORDS}


@dataclass
class BankStats:
    questions: int = 0
    longest_right: int = 0
    zero_knowledge: float = 0.0  # expected number right
    per_theme: Counter = field(default_factory=Counter)
    documents: Counter = field(default_factory=Counter)
    words_right: Counter = field(default_factory=Counter)
    words_wrong: Counter = field(default_factory=Counter)

    @property
    def longest_right_share(self) -> float:
        return self.longest_right / self.questions if self.questions else 0.0

    @property
    def zero_knowledge_score(self) -> float:
        return self.zero_knowledge / self.questions if self.questions else 0.0


def absolute_words(text: str) -> list[str]:
    return [w for w, pattern in WORD_RE.items() if pattern.search(text)]


def question_figures(options: list[dict]) -> tuple[bool, float]:
    """(right answer is the strictly longest option, expected score of the strategy)."""
    lengths = [len(o["nl"]) for o in options]
    right = next(i for i, o in enumerate(options) if o.get("correct"))
    longest = max(lengths)
    strictly_longest = lengths[right] == longest and lengths.count(longest) == 1
    kept = [i for i, o in enumerate(options) if not absolute_words(o["nl"])] or list(
        range(len(options))
    )
    best = max(lengths[i] for i in kept)
    picks = [i for i in kept if lengths[i] == best]
    return strictly_longest, (1 / len(picks) if right in picks else 0.0)


def bank_stats(folder: Path) -> BankStats:
    stats = BankStats()
    for path in sorted(Path(folder).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---\n")) or {}
        for question in meta.get("questions") or []:
            options = question.get("options") or []
            if not any(o.get("correct") for o in options):
                continue
            stats.questions += 1
            stats.per_theme[path.stem] += 1
            if question.get("document"):
                stats.documents[path.stem] += 1
            longest, expected = question_figures(options)
            stats.longest_right += longest
            stats.zero_knowledge += expected
            for option in options:
                target = stats.words_right if option.get("correct") else stats.words_wrong
                target.update(absolute_words(option["nl"]))
    return stats


def main(argv: list[str]) -> int:
    stats = bank_stats(Path(argv[1] if len(argv) > 1 else "content/knm"))
    print(f"questions: {stats.questions}")
    for theme, n in sorted(stats.per_theme.items()):
        print(f"  {theme}: {n} ({stats.documents[theme]} with a document)")
    print(
        f"right answer is the longest: {stats.longest_right_share:.1%} "
        f"(limit {MAX_LONGEST_RIGHT:.0%})"
    )
    print(
        f"zero-knowledge strategy scores: {stats.zero_knowledge_score:.1%} "
        f"(limit {MAX_ZERO_KNOWLEDGE:.0%})"
    )
    print("absolute words (in right options / in wrong options):")
    for word in ABSOLUTE_WORDS:
        right, wrong = stats.words_right[word], stats.words_wrong[word]
        if right or wrong:
            print(f"  {word}: {right} / {wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
