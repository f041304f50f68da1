"""Continue on another device: a one-time code that expires in 15 minutes, works once, and
is rate-limited; the history moves without an account or personal data."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from knm import transfer
from knm.models import Card, Learner, TransferCode

pytestmark = pytest.mark.django_db

URL = "/knm/continue/"


def practise(client, answers=2):
    """Answer a few questions in a practice round, as a learner without JS."""
    client.post("/knm/start/", {"mode": "practice", "theme": "housing"})
    from knm.models import Attempt

    attempt = Attempt.objects.order_by("-started").first()
    for position in range(1, answers + 1):
        item = attempt.items.select_related("question").get(position=position)
        option = item.question.options.get(is_correct=True)
        client.post(f"/knm/rounds/{attempt.pk}/{position}/", {"option": option.pk})
    return Learner.objects.get(pk=client.session["knm_learner"])


def make_code(client):
    response = client.post(URL, {"action": "make"})
    assert response.status_code == 200, response.content
    html = response.content.decode()
    code = re.search(r'class="transfer-code"><strong>([A-Z0-9]{4}-[A-Z0-9]{4})<', html).group(1)
    return code, html


def use_code(client, code, **extra):
    return client.post(URL, {"action": "use", "code": code}, **extra)


def test_a_code_and_a_qr_code_move_the_history_to_another_browser(
    loaded, client, django_assert_max_num_queries
):
    learner = practise(client)
    code, html = make_code(client)
    assert "<svg" in html and 'role="img"' in html and "QR code: a link to this page" in html
    assert "The code works once, until" in html
    # The QR code is the link to this page with the code filled in, drawn here.
    import segno

    link = f"http://testserver{URL}?code={code.replace('-', '')}"
    expected = segno.make(link, error="m").svg_inline(scale=5, border=4, lineclass=None)
    assert re.search(r' d="([^"]+)"', expected).group(1) in html
    stored = TransferCode.objects.get()
    assert code.replace("-", "") not in " ".join(str(v) for v in stored.__dict__.values())
    assert stored.expires - stored.created == dt.timedelta(minutes=15)

    phone = Client()
    with django_assert_max_num_queries(8):
        page = phone.get(f"{URL}?code={code.replace('-', '')}")
    assert f'value="{code.replace("-", "")}"' in page.content.decode()  # filled in from the QR
    response = use_code(phone, code.lower().replace("-", " "))  # typed loosely
    assert response.status_code == 302 and response["Location"] == "/knm/progress/"
    progress = phone.get("/knm/progress/").content.decode()
    assert "Your practice history is now on this browser too." in progress
    assert "You have given 2 answers." in progress
    assert phone.session["knm_learner"] == str(learner.pk)
    assert Learner.objects.count() == 1


def test_a_code_works_once(loaded, client):
    practise(client)
    code, _ = make_code(client)
    assert use_code(Client(), code).status_code == 302
    again = use_code(Client(), code)
    assert again.status_code == 410
    assert "This code has already been used. Make a new one." in again.content.decode()


def test_a_code_expires_after_15_minutes(loaded, client):
    learner = practise(client)
    now = timezone.now()
    code, _ = transfer.transfer_code_make(learner, now)
    with pytest.raises(transfer.TransferRefused) as refused:
        transfer.transfer_code_redeem(code, "visitor", now + dt.timedelta(minutes=15), None)
    assert refused.value.status == 410
    assert refused.value.message == (
        "This code has expired: codes work for 15 minutes. Make a new one."
    )
    fresh, _ = transfer.transfer_code_make(learner, now)
    moved = transfer.transfer_code_redeem(
        fresh, "visitor", now + dt.timedelta(minutes=14, seconds=59), None
    )
    assert moved == learner


def test_an_expired_code_is_refused_on_the_page(loaded, client):
    practise(client)
    code, _ = make_code(client)
    TransferCode.objects.update(expires=timezone.now() - dt.timedelta(seconds=1))
    response = use_code(Client(), code)
    assert response.status_code == 410
    assert "This code has expired" in response.content.decode()


def test_a_new_code_stops_the_previous_one(loaded, client):
    practise(client)
    old, _ = make_code(client)
    new, _ = make_code(client)
    assert use_code(Client(), old).status_code == 410
    assert use_code(Client(), new).status_code == 302


def test_wrong_codes_are_rate_limited_per_visitor(loaded, client):
    practise(client)
    code, _ = make_code(client)
    guesser = Client(REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT="guesser")
    for _ in range(transfer.MAX_FAILED_TRIES):
        wrong = use_code(guesser, "ZZZZ-ZZZZ")
        assert wrong.status_code == 400
        assert "That code is not right." in wrong.content.decode()
    blocked = use_code(guesser, code)  # even the right code waits now
    assert blocked.status_code == 429
    assert "Too many wrong codes. Wait 15 minutes" in blocked.content.decode()
    assert TransferCode.objects.get().used is None
    # Another visitor is not held up by the guesser.
    assert use_code(Client(REMOTE_ADDR="192.0.2.1"), code).status_code == 302


def test_the_limit_lifts_after_15_minutes(loaded, client):
    learner = practise(client)
    now = timezone.now()
    for _ in range(transfer.MAX_FAILED_TRIES):
        with pytest.raises(transfer.TransferRefused):
            transfer.transfer_code_redeem("WRONG123", "v", now, None)
    later = now + dt.timedelta(minutes=16)
    code, _ = transfer.transfer_code_make(learner, later)
    assert transfer.transfer_code_redeem(code, "v", later, None) == learner


def test_making_codes_is_limited_too(loaded, client):
    practise(client)
    for _ in range(transfer.MAX_CODES):
        make_code(client)
    response = client.post(URL, {"action": "make"})
    assert response.status_code == 429
    assert "You have made many codes in a short time." in response.content.decode()


def test_without_history_there_is_nothing_to_move(loaded, client):
    html = client.get(URL).content.decode()
    assert "This browser has no practice history yet." in html
    assert 'value="make"' not in html
    response = client.post(URL, {"action": "make"})
    assert response.status_code == 400
    assert "There is no practice history on this browser yet" in response.content.decode()
    assert not TransferCode.objects.exists()


def test_answers_on_the_new_browser_are_kept_when_the_history_arrives(loaded, client):
    learner = practise(client, answers=2)
    code, _ = make_code(client)
    laptop = Client()
    own = practise(laptop, answers=3)  # may share questions with the phone: counts add up
    expected = sum(c.times_right + c.times_wrong for c in Card.objects.all())
    assert use_code(laptop, code).status_code == 302
    assert not Learner.objects.filter(pk=own.pk).exists()
    cards = Card.objects.filter(learner=learner)
    assert sum(c.times_right + c.times_wrong for c in cards) == expected == 5
    assert cards.values("question").distinct().count() == cards.count()


def test_code_forms_need_the_csrf_token(loaded, client):
    practise(client)
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, {"action": "use", "code": "ABCD2345"}).status_code == 403


def test_an_unknown_action_gets_a_message(loaded, client):
    response = client.post(URL, {"action": "steal"})
    assert response.status_code == 400
    assert "Choose to make a code or to use one." in response.content.decode()


def test_behind_a_proxy_the_limit_counts_each_visitors_own_address(loaded, client, settings):
    settings.TRUSTED_PROXIES = 1
    practise(client)
    code, _ = make_code(client)
    proxy = {"REMOTE_ADDR": "10.0.0.2", "HTTP_USER_AGENT": "same phone"}
    guesser = Client(**proxy, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7")
    for _ in range(transfer.MAX_FAILED_TRIES):
        use_code(guesser, "ZZZZ-ZZZZ")
    assert use_code(guesser, code).status_code == 429
    # The guesser's invented left-most address changes nothing: the proxy's entry counts.
    spoofed = Client(**proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    assert use_code(spoofed, code).status_code == 429
    # Someone else behind the same proxy, with the same browser, is not held up.
    other = Client(**proxy, HTTP_X_FORWARDED_FOR="192.0.2.44")
    assert use_code(other, code).status_code == 302
