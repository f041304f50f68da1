"""The learner a browser is: an id in its session, no account and no personal data."""

import uuid

from .models import Learner

SESSION_KEY = "knm_learner"


def current_learner(request, create: bool = False) -> Learner | None:
    """The learner this browser is, from its session; made on the first answer."""
    learner = None
    value = request.session.get(SESSION_KEY)
    if value:
        try:
            learner = Learner.objects.filter(pk=uuid.UUID(str(value))).first()
        except ValueError:
            learner = None
    if learner is None and create:
        learner = Learner.objects.create()
        request.session[SESSION_KEY] = str(learner.pk)
    return learner
