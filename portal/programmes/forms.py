"""The episode's admin form: the reruns panel shows reruns only.

The first airing is the episode's own air time, kept in step on save; listing it among the
reruns would invite editing one time in two places.
"""

from portal.core.forms import PortalPageForm

FIRST_AIRING = "first"


class EpisodePageForm(PortalPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("airings")
        if formset is None:
            return
        self.formsets["airings"] = type(formset)(
            self.data if self.is_bound else None,
            self.files if self.is_bound else None,
            instance=self.instance,
            prefix=formset.prefix,
            queryset=self.instance.airings.exclude(kind=FIRST_AIRING),
            form_kwargs=formset.form_kwargs,
        )
