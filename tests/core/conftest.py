import pytest
from django.contrib.auth.models import User

from core.editors import ensure_editors_group


@pytest.fixture
def editor(db):
    user = User.objects.create_user("eva", password="x-correct-horse-42", is_staff=True)
    user.groups.add(ensure_editors_group())
    return user


@pytest.fixture
def editor_client(loaded, editor, client):
    client.force_login(editor)
    return client
