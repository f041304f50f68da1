"""Plan steps as content: `content/steps/<slug>.md`, one numbered step and its guides."""

from django.db.models import Prefetch

from core.loader.columns import dump_columns, replace_rows, set_columns
from core.loader.schema import PUBLISHED, Field
from core.loader.translating import translate_record
from core.registry import ContentKind
from routecheck.acts import APPLIES_TO, drop_empty_applies_to

from .models import Step, StepGuide

SPEC = {
    "title": Field("text", required=True),
    "order": Field("int", required=True, default=100),
    "summary": Field("text", required=True),
    "guides": Field("refs", required=True, ref="guides", min_items=1),
    "applies_to": APPLIES_TO,
    "published": PUBLISHED,
}
# Step numbers are unique: while steps are renumbered, a written step parks at its number
# plus this, and takes its real number once every step is written.
PARKED = 100000


def queryset():
    return Step.objects.prefetch_related(
        Prefetch("step_guides", StepGuide.objects.select_related("guide").order_by("order"))
    )


def dump(obj: Step) -> dict:
    return drop_empty_applies_to(
        {
            **dump_columns(obj, SPEC),
            "guides": [link.guide.slug for link in obj.step_guides.all()],
        }
    )


def write(obj: Step, data: dict, slugs) -> None:
    set_columns(obj, data, SPEC)
    obj.order = data["order"] + PARKED
    obj.save()
    replace_rows(
        list(obj.step_guides.order_by("order")),
        [
            {"guide_id": slugs["guides"][g].pk, "order": n}
            for n, g in enumerate(data["guides"], start=1)
        ],
        compare=("guide_id",),
        delete=obj.step_guides.all().delete,
        create=lambda wanted: StepGuide.objects.bulk_create(
            StepGuide(step=obj, **w) for w in wanted
        ),
    )


def unpark(written, slugs) -> None:
    for step in Step.objects.filter(order__gte=PARKED):
        Step.objects.filter(pk=step.pk).update(order=step.order - PARKED)


KIND = ContentKind(
    name="steps",
    label="plan step",
    model=Step,
    spec=SPEC,
    translate=translate_record(SPEC),
    queryset=queryset,
    dump=dump,
    write=write,
    after_write=unpark,
    normalise=drop_empty_applies_to,
    unique=(("order", "step number"),),
    index_view="hub:steps",
    editor_models=(StepGuide,),
)
