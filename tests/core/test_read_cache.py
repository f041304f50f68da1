"""A reload parses only the files that changed, and never trusts a cache it should not."""

import pytest
from django.core.management import CommandError, call_command

from core.loader import files, readcache
from guides.models import Guide

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_dir(tmp_path, settings):
    settings.CONTENT_READ_CACHE_DIR = str(tmp_path / "cache")
    return tmp_path / "cache"


@pytest.fixture
def parsed(monkeypatch):
    """The files the loader parses (their paths as shown), load by load."""
    seen: list[str] = []
    real = files.read_content_file

    def counting(path, display, kind, data=None):
        seen.append(display)
        return real(path, display, kind, data)

    monkeypatch.setattr("core.loader.read.read_content_file", counting)
    return seen


def load(content_dir):
    call_command("load_content", "--content-dir", str(content_dir), verbosity=0)


def test_a_reload_parses_only_the_changed_file(content_dir, cache_dir, parsed):
    load(content_dir)
    first = len(parsed)
    assert first > 10 and list(cache_dir.glob("content-read-*.pickle"))
    parsed.clear()
    load(content_dir)
    assert parsed == []  # nothing changed: every result came from the cache
    path = content_dir / "guides/get-digid.md"
    path.write_text(path.read_text().replace("Go to the DigiD website.", "Open the DigiD site."))
    load(content_dir)
    assert [p.rsplit("/", 1)[-1] for p in parsed] == ["get-digid.md"]
    assert "Open the DigiD site." in Guide.objects.get(slug="get-digid").sections.first().body


def test_a_cached_problem_is_still_reported(content_dir, cache_dir, parsed, capsys):
    path = content_dir / "guides/get-digid.md"
    path.write_text(path.read_text().replace("title:", "title:\ntitle:", 1))
    for _ in range(2):
        with pytest.raises(CommandError, match="nothing was written"):
            load(content_dir)
        assert "get-digid.md:3: the field 'title' appears twice" in capsys.readouterr().err
    assert sum(p.endswith("get-digid.md") for p in parsed) == 1  # the second time: cached


def test_other_code_reads_everything_again(content_dir, cache_dir, parsed, monkeypatch):
    load(content_dir)
    first = len(parsed)
    parsed.clear()
    monkeypatch.setattr(readcache, "code_fingerprint", lambda: "another version")
    load(content_dir)
    assert len(parsed) == first


def test_a_damaged_cache_is_ignored(content_dir, cache_dir, parsed, caplog):
    load(content_dir)
    (cache_file,) = cache_dir.glob("content-read-*.pickle")
    cache_file.write_bytes(b"not a pickle")
    first = len(parsed)
    parsed.clear()
    load(content_dir)
    assert len(parsed) == first and "not used" in caplog.text


def test_no_cache_folder_no_cache(content_dir, settings, parsed, tmp_path):
    settings.CONTENT_READ_CACHE_DIR = None
    load(content_dir)
    first = len(parsed)
    load(content_dir)
    assert len(parsed) == 2 * first


def test_the_collector_is_paused_during_a_load_and_on_after(content_dir, monkeypatch):
    import gc

    states = []
    real = files.read_content_file

    def noting(*args, **kwargs):
        states.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr("core.loader.read.read_content_file", noting)
    assert gc.isenabled()
    load(content_dir)
    assert states and not any(states)  # paused while files were read
    assert gc.isenabled()


def test_many_files_are_parsed_in_worker_processes_as_one_by_one(content_dir, monkeypatch):
    from core.loader import read

    (content_dir / "guides/broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n")
    serial, serial_problems = read.read_content(content_dir)
    monkeypatch.setattr(read, "PARALLEL_FROM", 2)
    parallel, parallel_problems = read.read_content(content_dir)
    assert parallel_problems == serial_problems
    assert any(p.path.endswith("broken.md") for p in parallel_problems)
    assert "broken" in parallel.unreadable["guides"]
    for kind, records in serial.records.items():
        assert list(parallel.of(kind)) == list(records)
        for slug, record in records.items():
            assert parallel.of(kind)[slug] == record
