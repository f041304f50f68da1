"""Make a learner with a session and one very long practice round, so a load test can post
a fresh answer with every request. Prints the values bench/run.py needs, as JSON."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wegwijs.settings")

import django  # noqa: E402

django.setup()

from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402

from knm.models import Attempt, AttemptItem, Learner, Option, Question  # noqa: E402

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
PER_ROUND = 40  # a practice exam's length

learner = Learner.objects.create()
session = SessionStore()
session["knm_learner"] = str(learner.pk)
session.create()
now = timezone.now()
questions = list(Question.objects.values_list("pk", flat=True))
attempts = Attempt.objects.bulk_create(
    Attempt(learner=learner, mode="practice", started=now) for _ in range(ROUNDS)
)
AttemptItem.objects.bulk_create(
    (
        AttemptItem(
            attempt=attempt, position=n, question_id=questions[(i * PER_ROUND + n) % len(questions)]
        )
        for i, attempt in enumerate(attempts)
        for n in range(1, PER_ROUND + 1)
    ),
    batch_size=5000,
)
first_option = dict(Option.objects.filter(position=1).values_list("question_id", "pk"))
print(
    json.dumps(
        {
            "session": session.session_key,
            "csrf": get_random_string(32),
            "attempts": [str(a.pk) for a in attempts],
            "per_round": PER_ROUND,
            # The option to post for (round i, position n) is options[(i * PER_ROUND + n) % len].
            "options": [first_option[q] for q in questions],
        }
    )
)
