"""Does cost grow with content? Loads generated content sets of growing size into fresh
SQLite databases, and reports load time, no-op reload time, queries per page and render
time per page (uncached: the page cache is bypassed), and how much the topic and source
pages' render time grows from the smallest set to the largest (goal: at most 1.20).

    .venv/bin/python bench/scale.py [50 1000 5000]

Also reports the guide page's weight (HTML + CSS + JS, gzipped) for the real content.
"""

import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")

MEASURE = r"""
import os, sys, time, json
sys.path.insert(0, ".")
import django; django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from guides.models import Guide
client = Client(HTTP_HOST="localhost")
client.cookies["sessionid"] = "bench"  # a session cookie bypasses the page cache: measure rendering
guide = Guide.objects.order_by("slug")[len(Guide.objects.all()) // 2]
pages = {"home": "/", "topic": "/topics/integration-routes/", "guide": guide.get_absolute_url(),
         "source": "/sources/ind/", "search": "/search/?q=municipality+permit"}
out = {}
for name, url in pages.items():
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    queries = len(ctx.captured_queries)  # read now: the next request resets Django's query log
    times = []
    for _ in range(30):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    out[name] = (queries, min(times) * 1000)  # the quickest: what other processes add is noise
print(json.dumps(out))
"""


def run(args, env):
    done = subprocess.run([PYTHON, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:  # say what failed, not just that it did
        sys.exit(f"{' '.join(args)[:80]} failed:\n{done.stderr[-3000:]}")
    return done


def measure(count: int, work: Path) -> dict:

    content = work / f"content-{count}"
    run(["bench/make_content.py", str(count), str(content)], os.environ.copy())
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work / f'scale-{count}.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "wegwijs.settings",
        "WEGWIJS_CONTENT_DIR": str(content),
    }
    run(["manage.py", "migrate", "--noinput"], env)
    start = time.perf_counter()
    run(["manage.py", "load_content", "-v0"], env)
    load = time.perf_counter() - start
    start = time.perf_counter()
    out = run(["manage.py", "load_content"], env).stdout
    reload = time.perf_counter() - start
    assert "Nothing changed." in out
    return {"load": load, "reload": reload, "env": env}


ROUNDS = 3


def measure_pages(results: dict) -> None:
    """Page costs for every size, in ROUNDS rounds taking turns, keeping each page's
    quickest: on a shared machine one process can run 20% slower than the next, which
    would be read as growth."""
    import json

    for _ in range(ROUNDS):
        for r in results.values():
            pages = json.loads(run(["-c", MEASURE], r["env"]).stdout)
            best = r.setdefault("pages", pages)
            for name, (queries, ms) in pages.items():
                best[name] = (queries, min(ms, best[name][1]))


def page_weight(work: Path):
    """Bytes of the guide page and its CSS and JS, gzipped, for the real content."""
    css = (ROOT / "static/css/site.css").read_bytes()
    js = (ROOT / "static/js/knm.js").read_bytes()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wegwijs.settings",
        "DATABASE_URL": f"sqlite:///{work / 'real-content.sqlite3'}",
    }
    env.pop("WEGWIJS_CONTENT_DIR", None)
    run(["manage.py", "migrate", "--noinput"], env)
    run(["manage.py", "load_content", "-v0"], env)
    html = subprocess.run(
        [
            PYTHON,
            "-c",
            "import sys; sys.path.insert(0, '.'); import django; django.setup();"
            "from django.test import Client;"
            "sys.stdout.buffer.write(Client(HTTP_HOST='localhost').get('/guides/what-is-the-pip/').content)",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    ).stdout
    sizes = {
        name: len(gzip.compress(data, 6))
        for name, data in (("html", html), ("css", css), ("js", js))
    }
    return sizes, sum(sizes.values())


def main():
    counts = [int(a) for a in sys.argv[1:]] or [50, 1000, 5000]
    work = Path(tempfile.mkdtemp(prefix="wegwijs-scale-"))
    run(
        ["manage.py", "collectstatic", "--noinput", "-v0"], os.environ.copy()
    )  # pages need the manifest
    results = {}
    for count in counts:
        print(f"measuring {count} guides …", flush=True)
        results[count] = measure(count, work)
    print(f"measuring pages, {ROUNDS} rounds …", flush=True)
    measure_pages(results)
    names = list(next(iter(results.values()))["pages"])
    print()
    print(
        f"{'guides':>7} {'load s':>8} {'s/1000':>7} {'reload s':>9}  "
        + "  ".join(f"{n + ' q/ms':>14}" for n in names)
    )
    for count, r in results.items():
        per = r["load"] / count * 1000
        cells = "  ".join(f"{r['pages'][n][0]:>5} / {r['pages'][n][1]:6.1f}" for n in names)
        print(f"{count:>7} {r['load']:8.1f} {per:7.1f} {r['reload']:9.1f}  {cells}")
    small, large = results[min(results)], results[max(results)]
    for name in ("topic", "source"):
        growth = large["pages"][name][1] / small["pages"][name][1]
        print(
            f"{name} page render, {max(results)} against {min(results)} guides: "
            f"{large['pages'][name][1]:.1f} ms / {small['pages'][name][1]:.1f} ms = {growth:.2f} "
            "(goal: at most 1.20)"
        )
    print(
        f"load of {max(results)} guides: {large['load']:.1f} s (goal: under 40 s); "
        f"no-op reload {large['reload']:.1f} s (goal: under 5 s)"
    )
    sizes, total = page_weight(work)
    print(
        f"\nguide page, gzipped: html {sizes['html']} B + css {sizes['css']} B + js {sizes['js']} B "
        f"= {total / 1024:.1f} KB (target < 40 KB)"
    )


if __name__ == "__main__":
    main()
