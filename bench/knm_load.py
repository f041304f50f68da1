"""KNM answering under load on PostgreSQL: many learners answer at once, and every answer is
sent twice at the same moment (a double tap, two tabs), with different options.

    .venv/bin/python bench/knm_load.py [--learners 60] [--threads 16] [--workers 5]

Makes a fresh PostgreSQL database (POSTGRES_ADMIN_URL, default postgres://postgres@127.0.0.1
:5432/postgres), loads content/, starts gunicorn, gives each learner a 40-question practice
round, and posts every answer twice concurrently from a pool of threads. Reports posts/s,
errors (5xx or failed connections; must be 0) and refusals (the second of each pair, 409),
then checks in the database that nothing was counted twice: each question answered once,
the round's score equals its correct answers, and each learner's cards count each answer
once. Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
DB = "wegwijs_knm_load"

PREPARE = r"""
import json, sys
sys.path.insert(0, ".")
import django; django.setup()
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from django.utils.crypto import get_random_string
from knm.models import Attempt, AttemptItem, Learner, Option, Question
learners, per_round = int(sys.argv[1]), 40
questions = list(Question.objects.order_by("pk").values_list("pk", flat=True))
assert len(questions) >= per_round, "content/ has too few KNM questions"
options = {}
for question_id, option_id in Option.objects.order_by("position").values_list("question_id", "pk"):
    options.setdefault(question_id, []).append(option_id)
now, out = timezone.now(), []
for n in range(learners):
    learner = Learner.objects.create()
    session = SessionStore(); session["knm_learner"] = str(learner.pk); session.create()
    attempt = Attempt.objects.create(learner=learner, mode="practice", started=now)
    picked = [questions[(n * 7 + k) % len(questions)] for k in range(per_round)]
    AttemptItem.objects.bulk_create(
        AttemptItem(attempt=attempt, position=k + 1, question_id=q) for k, q in enumerate(picked)
    )
    out.append({"session": session.session_key, "csrf": get_random_string(32),
                "attempt": str(attempt.pk),
                "answers": [[k + 1, options[q][0], options[q][1]] for k, q in enumerate(picked)]})
print(json.dumps(out))
"""

VERIFY = r"""
import json, sys
sys.path.insert(0, ".")
import django; django.setup()
from django.db.models import Count, Q, Sum, F
from knm.models import Attempt, AttemptItem, Card
attempts = json.loads(sys.argv[1])
items = AttemptItem.objects.filter(attempt_id__in=attempts)
answered = items.filter(answered__isnull=False).count()
wrong_flag = items.filter(answered__isnull=False).exclude(correct=F("chosen__is_correct")).count()
unfinished = Attempt.objects.filter(pk__in=attempts, finished__isnull=True).count()
cards = Card.objects.filter(learner__attempts__in=attempts)
counted = cards.aggregate(n=Sum(F("times_right") + F("times_wrong")))["n"] or 0
twice = cards.annotate(n=F("times_right") + F("times_wrong")).filter(n__gt=1).count()
right_items = items.filter(correct=True).count()
right_cards = cards.aggregate(n=Sum("times_right"))["n"] or 0
print(json.dumps({"items": items.count(), "answered": answered, "wrong_flag": wrong_flag,
                  "unfinished": unfinished, "card_answers": counted, "cards_counted_twice": twice,
                  "correct_items": right_items, "correct_on_cards": right_cards}))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=60)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--port", type=int, default=8771)
    args = parser.parse_args()

    admin = os.environ.get("POSTGRES_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    subprocess.run(
        ["psql", admin, "-q", "-c", f"DROP DATABASE IF EXISTS {DB}", "-c", f"CREATE DATABASE {DB}"],
        check=True,
    )
    env = {
        **os.environ,
        "DATABASE_URL": admin.rsplit("/", 1)[0] + f"/{DB}",
        "DJANGO_SETTINGS_MODULE": "wegwijs.settings",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)

    def manage(*argv, **kw):
        return subprocess.run(
            [PYTHON, *argv], cwd=ROOT, env=env, check=True, capture_output=True, text=True, **kw
        ).stdout

    print(f"Preparing {DB} on PostgreSQL …", flush=True)
    manage("manage.py", "migrate", "--noinput")
    manage("manage.py", "load_content", "-v0")
    manage("manage.py", "collectstatic", "--noinput", "-v0")
    learners = json.loads(manage("-c", PREPARE, str(args.learners)))
    log = tempfile.TemporaryFile()  # the request log, kept off the report
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "wegwijs.wsgi",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", args.port, timeout=1).request(
                    "GET", "/healthz/live"
                )
                break
            except OSError:
                time.sleep(0.1)
        jobs = []
        for learner in learners:
            for position, first, second in learner["answers"]:
                # Both answers to one question go in one after the other, so they race.
                jobs.append((learner, position, first))
                jobs.append((learner, position, second))
        local = threading.local()
        counts = {"ok": 0, "refused": 0, "errors": 0}
        lock = threading.Lock()

        def post(job):
            learner, position, option = job
            if not hasattr(local, "conn"):
                local.conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
            body = urllib.parse.urlencode({"option": option})
            headers = {
                "Host": "localhost",
                "Cookie": f"sessionid={learner['session']}; csrftoken={learner['csrf']}",
                "X-CSRFToken": learner["csrf"],
                "Content-Type": "application/x-www-form-urlencoded",
            }
            try:
                local.conn.request(
                    "POST", f"/knm/rounds/{learner['attempt']}/{position}/", body, headers
                )
                response = local.conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                local.conn.close()
                del local.conn
                status = 0
            kind = "ok" if 200 <= status < 400 else "refused" if status == 409 else "errors"
            with lock:
                counts[kind] += 1

        start = time.perf_counter()
        with ThreadPoolExecutor(args.threads) as pool:
            list(pool.map(post, jobs))
        seconds = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait()
        log.close()
    check = json.loads(manage("-c", VERIFY, json.dumps([lr["attempt"] for lr in learners])))
    expected = sum(len(lr["answers"]) for lr in learners)
    print(
        f"{len(jobs)} posts ({args.learners} learners x 40 questions, each answer sent twice at "
        f"once) in {seconds:.1f} s: {len(jobs) / seconds:.0f} posts/s with {args.threads} "
        f"threads against {args.workers} gunicorn workers on PostgreSQL"
    )
    print(
        f"  accepted {counts['ok']}, refused as already answered {counts['refused']}, "
        f"errors {counts['errors']}"
    )
    print(f"  database: {json.dumps(check)}")
    good = (
        counts["errors"] == 0
        and check["answered"] == check["items"] == expected
        and check["card_answers"] == expected
        and check["cards_counted_twice"] == 0
        and check["wrong_flag"] == 0
        and check["unfinished"] == 0
        and check["correct_items"] == check["correct_on_cards"]
    )
    print("PASS: 0 errors, every answer counted exactly once" if good else "FAIL")
    subprocess.run(["psql", admin, "-q", "-c", f"DROP DATABASE IF EXISTS {DB}"], check=False)
    sys.exit(0 if good else 1)


if __name__ == "__main__":
    main()
