import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.editors import ensure_editors_group


class Command(BaseCommand):
    help = (
        "Create an editor: a staff account in the Editors group, which can change content "
        "records and nothing else. Asks for the password; there are no default passwords."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", help="Asked for when left out.")
        parser.add_argument("--email", default=None, help="Asked for when left out.")

    def handle(self, *args, username=None, email=None, **options):
        User = get_user_model()
        username = username or input("Username: ").strip()
        if not username:
            raise CommandError("A username is required.")
        if User.objects.filter(username=username).exists():
            raise CommandError(f"There is already a user called '{username}'.")
        if email is None:
            email = input("Email address (optional): ").strip()
        user = User(username=username, email=email, is_staff=True)
        for _ in range(3):
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The passwords do not match. Try again.")
                continue
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.stderr.write(" ".join(error.messages))
                continue
            break
        else:
            raise CommandError("No valid password was given; no editor was created.")
        user.set_password(password)
        user.save()
        user.groups.add(ensure_editors_group())
        self.stdout.write(self.style.SUCCESS(f"Editor '{username}' created. Log in at /admin/."))
