import shutil
from pathlib import Path

import pytest

CHECK_FIXTURE = Path(__file__).parent.parent / "fixtures" / "check"


def add_check(content_dir: Path) -> Path:
    """The tiny content tree plus a small route check (3 questions, 4 results)."""
    for folder in CHECK_FIXTURE.iterdir():
        shutil.copytree(folder, content_dir / folder.name)
    return content_dir


@pytest.fixture
def check_dir(content_dir):
    return add_check(content_dir)


@pytest.fixture
def check_site(db, check_dir, load):
    load()
