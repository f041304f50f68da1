"""How often search puts the right page first: the relevance set in
tests/search/relevance.yaml, on the database DATABASE_URL names (SQLite by default).

    .venv/bin/python bench/search_relevance.py                       # a fresh SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1/wegwijs_bench .venv/bin/python bench/search_relevance.py

It migrates that database, loads content/, runs every question and prints the share with
the expected page first and in the top three, and every miss.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/relevance.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wegwijs.settings")

python = str(ROOT / ".venv" / "bin" / "python")
subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], check=True)
subprocess.run([python, "manage.py", "load_content", "--force", "-v0"], check=True)

import django  # noqa: E402

django.setup()

import yaml  # noqa: E402
from django.db import connection  # noqa: E402

from hub.search import search  # noqa: E402

cases = yaml.safe_load((ROOT / "tests/search/relevance.yaml").read_text(encoding="utf-8"))
first = top3 = 0
for case in cases:
    results = [r.url for r in search(case["query"]).results]
    rank = results.index(case["first"]) + 1 if case["first"] in results else None
    first += rank == 1
    top3 += bool(rank and rank <= 3)
    if rank != 1:
        print(f"  miss: “{case['query']}” → {case['first']} at {rank or 'not found'}")
print(
    f"{connection.vendor}: {len(cases)} questions, right page first {first / len(cases):.0%} "
    f"({first}), in the top three {top3 / len(cases):.0%} ({top3})"
)
