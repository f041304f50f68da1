"""Continue on another device: make a one-time code here, type it (or scan it) there."""

import hashlib

import segno
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.breadcrumbs import crumbs
from core.origin import client_address

from .learners import SESSION_KEY, current_learner
from .transfer import (
    CODE_LENGTH,
    LIFETIME,
    TransferRefused,
    code_display,
    code_normalise,
    transfer_code_make,
    transfer_code_redeem,
)
from .views import KNM_CRUMB


def _visitor(request) -> str:
    raw = f"{client_address(request)}|{request.META.get('HTTP_USER_AGENT', '')}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def _qr_svg(url: str) -> str:
    """The link as a QR code, drawn here as SVG (no outside service sees the code)."""
    svg = segno.make(url, error="m").svg_inline(
        scale=5, border=4, dark="#000", light="#fff", svgclass="qr-code", lineclass=None
    )
    return svg.replace("<svg ", '<svg role="img" aria-labelledby="qr-caption" ', 1)


@require_http_methods(["GET", "HEAD", "POST"])
def continue_device(request):
    learner = current_learner(request)
    context = {
        "learner": learner,
        "code_length": CODE_LENGTH,
        "minutes": int(LIFETIME.total_seconds() // 60),
        "typed": code_normalise(request.GET.get("code", ""))[:CODE_LENGTH],
        "breadcrumbs": crumbs(KNM_CRUMB, (_("Continue on another device"), None)),
    }
    status = 200
    now = timezone.now()
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "make":
        if learner is None:
            context["make_error"] = _(
                "There is no practice history on this browser yet, so there is nothing to move."
            )
            status = 400
        else:
            try:
                code, record = transfer_code_make(learner, now)
            except TransferRefused as refusal:
                context["make_error"], status = refusal.message, refusal.status
            else:
                link = request.build_absolute_uri(f"{reverse('knm:continue')}?code={code}")
                context.update(code=code_display(code), expires=record.expires, qr=_qr_svg(link))
    elif action == "use":
        typed = request.POST.get("code", "")
        try:
            moved = transfer_code_redeem(typed, _visitor(request), now, learner)
        except TransferRefused as refusal:
            context["use_error"], status = refusal.message, refusal.status
            context["typed"] = code_normalise(typed)[:CODE_LENGTH]
        else:
            request.session.cycle_key()
            request.session[SESSION_KEY] = str(moved.pk)
            messages.success(
                request, _("Your practice history is now on this browser too. Welcome back!")
            )
            return redirect("knm:progress")
    elif action is not None:
        context["use_error"], status = _("Choose to make a code or to use one."), 400
    response = render(request, "knm/continue.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response
