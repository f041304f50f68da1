"""The step-by-step plan: numbered steps, each with the guides that explain it."""

from django.db import models
from django.urls import reverse

from core.models import ContentQuerySet, ContentRecord, published_q


class StepQuerySet(ContentQuerySet):
    def with_guides(self):
        """Steps with their published guides, in order (`step.step_guides.all()`)."""
        return self.prefetch_related(
            models.Prefetch(
                "step_guides",
                StepGuide.objects.filter(published_q("guide"))
                .select_related("guide")
                .order_by("order"),
            )
        )


class Step(ContentRecord):
    """One step of the integration journey shown at /steps/."""

    order = models.PositiveIntegerField(unique=True, help_text="1 comes first.")
    guides = models.ManyToManyField("guides.Guide", through="StepGuide", related_name="steps")
    applies_to = models.CharField(
        max_length=20,
        blank=True,
        help_text="The integration acts this is about, one per line: 2013, 2021. Empty: both "
        "acts, or not about an act.",
    )

    objects = StepQuerySet.as_manager()

    class Meta:
        db_table = "hub_step"  # made by the hub app's first migrations
        ordering = ["order"]

    def get_absolute_url(self):
        return reverse("hub:steps") + f"#{self.slug}"


class StepGuide(models.Model):
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="step_guides")
    guide = models.ForeignKey("guides.Guide", on_delete=models.CASCADE, related_name="step_links")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "hub_stepguide"
        ordering = ["step", "order"]
        constraints = [
            models.UniqueConstraint(fields=["step", "guide"], name="unique_step_guide"),
        ]

    def __str__(self):
        return f"{self.step} → {self.guide}"


def plan_position(guide) -> dict | None:
    """Where a guide sits in the published plan: its first step, and the steps around it."""
    link = (
        StepGuide.objects.filter(published_q("step"), guide=guide)
        .select_related("step")
        .order_by("step__order")
        .first()
    )
    if link is None:
        return None
    steps = list(Step.objects.published().only("slug", "title", "order"))
    index = next(i for i, s in enumerate(steps) if s.pk == link.step_id)
    return {
        "step": link.step,
        "total": len(steps),
        "previous": steps[index - 1] if index > 0 else None,
        "next": steps[index + 1] if index + 1 < len(steps) else None,
    }
