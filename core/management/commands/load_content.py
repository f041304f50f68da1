from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.cache import bump_version, content_updated_reports
from core.loader import read_content, sync_content


class Command(BaseCommand):
    help = (
        "Load the Markdown content in content/ into the database. The whole set is checked "
        "first; if any file has a problem, every problem is listed and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Only check the content; write nothing."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite records that were edited in admin since the last load.",
        )
        parser.add_argument(
            "--content-dir",
            type=Path,
            default=None,
            help="The folder to read (default: settings.CONTENT_DIR).",
        )

    def handle(self, *args, check=False, force=False, content_dir=None, **options):
        content_dir = content_dir or settings.CONTENT_DIR
        content, problems = read_content(content_dir)
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            noun = "problem" if len(problems) == 1 else "problems"
            raise CommandError(f"{len(problems)} {noun} found; nothing was written.")
        if check:
            self.stdout.write(self.style.SUCCESS(f"Content is valid: {content.count()} records."))
            return

        result = sync_content(content, force=force)
        if result.conflicts and not result.written:
            for conflict in result.conflicts:
                self.stderr.write(str(conflict))
            raise CommandError(
                f"{len(result.conflicts)} record(s) were edited in admin since the last load; "
                "nothing was written. Copy those edits into content/ first, or run again with "
                "--force to overwrite them."
            )
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
        if result.changed:
            for line in content_updated_reports():
                self.stdout.write(line)
            bump_version()
        self.stdout.write(
            self.style.SUCCESS("Content loaded." if result.changed else "Nothing changed.")
        )
