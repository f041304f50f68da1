from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.cache import bump_version, content_updated_reports
from core.loader import collector, read_content, sync_content
from core.loader.progress import TerminalProgress
from core.loader.sync import check_conflicts


class Command(BaseCommand):
    help = (
        "Load the Markdown content in content/ into the database. The whole set is checked "
        "first; if any file has a problem, every problem is listed and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only check: the files, and records edited in admin that a load would refuse "
            "to overwrite. Writes nothing.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite records that were edited in admin since the last load.",
        )
        parser.add_argument(
            "--keep-admin-edits",
            action="store_true",
            help="If records were edited in admin since the last load, write nothing, name "
            "them and end without an error (`make run` uses this, so the site still starts).",
        )
        parser.add_argument(
            "--content-dir",
            type=Path,
            default=None,
            help="The folder to read (default: settings.CONTENT_DIR).",
        )

    def handle(self, *args, **options):
        with collector.paused():  # many objects, all kept to the end (core/loader/collector.py)
            self.load(**options)

    def load(
        self, *args, check=False, force=False, keep_admin_edits=False, content_dir=None, **options
    ):
        content_dir = content_dir or settings.CONTENT_DIR
        progress = TerminalProgress(self.stdout, options.get("verbosity", 1))
        content, problems = read_content(content_dir, progress)
        progress.close()
        for warning in content.warnings:
            self.stderr.write(self.style.WARNING(str(warning)))
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            noun = "problem" if len(problems) == 1 else "problems"
            raise CommandError(f"{len(problems)} {noun} found; nothing was written.")
        if check:
            conflicts = [] if force else check_conflicts(content)
            if conflicts:
                self.explain(conflicts)
                raise CommandError(
                    f"The files are valid ({content.count()} records), but a load would refuse: "
                    f"{self.summary(conflicts)}"
                )
            self.stdout.write(self.style.SUCCESS(f"Content is valid: {content.count()} records."))
            return

        result = sync_content(content, force=force, progress=progress)
        progress.close()
        if result.conflicts and not result.written:
            self.explain(result.conflicts)
            if keep_admin_edits:
                self.stderr.write(
                    self.style.WARNING(f"content/ was not loaded: {self.summary(result.conflicts)}")
                )
                return
            raise CommandError(f"Nothing was written: {self.summary(result.conflicts)}")
        for conflict in result.conflicts:
            self.stdout.write(self.style.WARNING(f"overwritten (--force): {conflict}"))
        for kind, c in result.counts.items():
            line = (
                f"{kind:8} created {c['created']:>4}  updated {c['updated']:>4}  "
                f"unchanged {c['unchanged']:>4}  removed {c['removed']:>4}"
            )
            if result.kept[kind]:
                line += f"  (kept {len(result.kept[kind])} made in admin)"
            self.stdout.write(line)
        if result.translations["written"]:
            behind = result.translations["behind"]
            self.stdout.write(
                f"translations written {result.translations['written']:>4}"
                + (f"  ({behind} behind the English: see admin, Translations)" if behind else "")
            )
        if result.changed:
            for line in content_updated_reports():
                self.stdout.write(line)
            bump_version()
        self.stdout.write(
            self.style.SUCCESS("Content loaded." if result.changed else "Nothing changed.")
        )

    def explain(self, conflicts) -> None:
        for conflict in conflicts:
            self.stderr.write(str(conflict))

    @staticmethod
    def summary(conflicts) -> str:
        n = len(conflicts)
        return (
            f"{n} record{'s were' if n != 1 else ' was'} edited in admin since the last load "
            "(listed above). To keep the edits, write them to content/ with "
            "`manage.py export_content` (then review `git diff content/` and commit); to "
            "discard them, run `manage.py load_content --force`."
        )
