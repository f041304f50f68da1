from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core.loader import export_content
from core.loader.progress import TerminalProgress


class Command(BaseCommand):
    help = (
        "Write the database's content back to content/ in the loader's format. Only records "
        "that differ from their file are rewritten; files of deleted records are removed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--content-dir",
            type=Path,
            default=None,
            help="The folder to write (default: settings.CONTENT_DIR).",
        )

    def handle(self, *args, content_dir=None, **options):
        progress = TerminalProgress(self.stdout, options.get("verbosity", 1))
        result = export_content(content_dir or settings.CONTENT_DIR, progress)
        progress.close()
        for kind, c in result.counts.items():
            self.stdout.write(
                f"{kind:8} created {c['created']:>4}  updated {c['updated']:>4}  "
                f"unchanged {c['unchanged']:>4}  removed {c['removed']:>4}"
            )
        for path in result.written:
            self.stdout.write(f"  wrote {path}")
        self.stdout.write(self.style.SUCCESS("Export finished. Review the changes with git diff."))
