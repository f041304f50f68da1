"""How easy the content is to read: sentence length and LIX, per kind and language.

    .venv/bin/python tools/reading_level.py            # English and Dutch, every kind
    .venv/bin/python tools/reading_level.py --long nl  # also list Dutch sentences over 20 words

LIX (Björnsson's readability index: words per sentence + the share of words over six
letters, as a percentage) is used for Dutch as well as English; for plain texts at about B1
it stays under about 40 (Dutch long compounds push it up a little). The figures measure the
texts people read: titles, summaries, bodies, notes and KNM explanations, with Markdown,
links and reference marks taken out.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
TEXT_KEYS = {"title", "question", "summary", "note", "reason", "intro", "explanation", "text"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9'\"(‘“])")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


def plain(text: str) -> str:
    text = re.sub(r"\[(\d+)\]", "", text)  # reference marks
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)  # links: keep the words
    text = re.sub(r"https?://\S+", "", text)
    text = re.sub(r"^\s*(#+|[-*]|\d+\.)\s+", "", text, flags=re.M)  # headings, list marks
    text = re.sub(r"^\s*\|.*\|\s*$", "", text, flags=re.M)  # tables
    return text.replace("**", "").replace("*", "").replace("`", "")


def texts_of(path: Path) -> list[str]:
    raw = path.read_text(encoding="utf-8")
    _, front, body = raw.split("---", 2)
    meta = yaml.safe_load(front) or {}
    found: list[str] = []

    def walk(value, key=""):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key in TEXT_KEYS:
            found.append(value)

    walk(meta)
    found.extend(block for block in body.split("\n\n") if block.strip())
    return found


def sentences(text: str) -> list[list[str]]:
    out = []
    for paragraph in plain(text).split("\n"):
        for sentence in SENTENCE_END.split(paragraph.strip()):
            words = WORD.findall(sentence)
            if words:
                out.append(words)
    return out


def measure(files: list[Path]) -> dict:
    all_sentences = [s for f in files for t in texts_of(f) for s in sentences(t)]
    words = [w for s in all_sentences for w in s]
    if not words:
        return {}
    per_sentence = len(words) / len(all_sentences)
    long_words = sum(len(w) > 6 for w in words) / len(words)
    return {
        "files": len(files),
        "sentences": len(all_sentences),
        "words per sentence": round(per_sentence, 1),
        "median": statistics.median(len(s) for s in all_sentences),
        "over 20 words": f"{sum(len(s) > 20 for s in all_sentences) / len(all_sentences):.1%}",
        "LIX": round(per_sentence + 100 * long_words),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", metavar="LANGUAGE", help="list sentences over 20 words")
    args = parser.parse_args()
    kinds = sorted(p.name for p in CONTENT.iterdir() if p.is_dir() and p.name != "nl")
    headings = ["files", "sentences", "words per sentence", "median", "over 20 words", "LIX"]
    print(f"{'kind':16} {'lang':4} " + " ".join(f"{h:>18}" for h in headings))
    for kind in kinds:
        for language, folder in (("en", CONTENT / kind), ("nl", CONTENT / "nl" / kind)):
            files = sorted(folder.glob("*.md")) if folder.is_dir() else []
            figures = measure(files)
            if figures:
                print(f"{kind:16} {language:4} " + " ".join(f"{v!s:>18}" for v in figures.values()))
    if args.long:
        base = CONTENT / args.long if args.long != "en" else CONTENT
        for path in sorted(base.rglob("*.md")):
            if args.long == "en" and "nl" in path.relative_to(CONTENT).parts[:1]:
                continue
            for text in texts_of(path):
                for sentence in sentences(text):
                    if len(sentence) > 20:
                        print(f"{path.relative_to(ROOT)}: {len(sentence)}: {' '.join(sentence)}")


if __name__ == "__main__":
    sys.exit(main())
