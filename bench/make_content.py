"""Generate a large content tree for scale measurements: the real topics and sources, and
N generated guides (four sections, three citations, two related guides, one quick answer).

    .venv/bin/python bench/make_content.py 5000 /tmp/wegwijs-5000
"""

import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "municipality registration permit integration exam language route course plan letter "
    "deadline insurance allowance housing contract appointment document residence family "
    "work study school teacher lesson practice question answer official source guide"
).split()
# Body text also has apostrophes, quotes and dashes, as real text does: Markdown's pass for
# curly quotes costs more on them, so a set without them would render faster than real.
BODY_WORDS = WORDS + "you're DUO's it's \"free\" -- 'B1'".split()


def sentence(rng, n=14, vocabulary=WORDS):
    words = [rng.choice(vocabulary) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng, vocabulary=BODY_WORDS) for _ in range(sentences))


def main(count: int, target: Path):
    rng = random.Random(count)
    if target.exists():
        shutil.rmtree(target)
    for kind in ("topics", "sources"):
        shutil.copytree(ROOT / "content" / kind, target / kind)
    topics = sorted(p.stem for p in (target / "topics").glob("*.md"))
    sources = sorted(p.stem for p in (target / "sources").glob("*.md"))
    (target / "guides").mkdir()
    (target / "faq").mkdir()
    for i in range(count):
        slug = f"generated-guide-{i:05d}"
        related = [f"generated-guide-{(i + k) % count:05d}" for k in (1, 2)]
        citations = "".join(
            f"  - source: {s}\n    note: {sentence(rng, 8)}\n    checked: 2026-11-23\n"
            for s in rng.sample(sources, 3)
        )
        sections = "\n\n".join(
            f"## {sentence(rng, 4)[:-1]}\n\n{paragraph(rng)}\n\n- {sentence(rng, 6, BODY_WORDS)}\n- {sentence(rng, 6, BODY_WORDS)}"
            for _ in range(4)
        )
        (target / "guides" / f"{slug}.md").write_text(
            f'---\ntitle: "Generated guide {i} about {sentence(rng, 5)[:-1].lower()}?"\nsummary: {sentence(rng)}\n'
            f"topic: {topics[i % len(topics)]}\nreviewed: 2026-11-23\ntags: [{rng.choice(WORDS)}]\n"
            f"citations:\n{citations}related:\n"
            + "".join(f"  - guide: {r}\n    reason: {sentence(rng, 6)}\n" for r in related)
            + f"---\n{paragraph(rng, 2)}\n\n{sections}\n"
        )
        (target / "faq" / f"{slug}-question.md").write_text(
            f"---\nquestion: Generated question {i}?\nguides: [{slug}]\ntopics: [{topics[i % len(topics)]}]\n"
            f"citations:\n  - source: {rng.choice(sources)}\n    note: {sentence(rng, 8)}\n    checked: 2026-11-23\n---\n"
            f"{paragraph(rng, 2)}\n"
        )
    print(f"{count} guides written to {target}")


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]))
