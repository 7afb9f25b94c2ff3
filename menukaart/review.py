"""Entries the editors should check again: an old review date, a fact still to check, or a
status (such as the stage of a bill) that was last checked too long ago.

Ages are counted from the edition's date in edition.yaml, never from today, so the
same content always builds the same site.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from .catalogue import Catalogue
from .fields import has_field
from .kinds import KINDS


@dataclass(frozen=True)
class StaleEntry:
    kind: str  # "measure" or "barrier" (for h.link)
    id: str
    title: str
    reviewed: str  # YYYY-MM-DD, as in the content
    months: int  # whole calendar months from `reviewed` to the edition date


@dataclass(frozen=True)
class CheckEntry:
    """A measure with status te-controleren: a fact could not be verified yet."""
    id: str
    title: str
    reviewed: str
    status_note: str | None


@dataclass(frozen=True)
class StatusCheckEntry:
    """A measure whose status was last checked too long ago, or (in preparation) never."""
    id: str
    title: str
    status: str  # in-werking, in-voorbereiding or te-controleren
    status_checked: str | None  # YYYY-MM-DD, or None when the date is missing
    months: int | None  # whole calendar months from `status_checked` to the edition date


# A status that depends on a bill or other legislation moves faster than the rest of an entry:
# it is listed once its last check is more than this many months older than the edition.
STATUS_CHECK_MONTHS = 3


@dataclass(frozen=True)
class ReviewReport:
    """Everything the page "Redactie: te controleren" shows (template context `stale`)."""
    edition_date: str  # YYYY-MM-DD
    interval_months: int
    limit: str  # YYYY-MM-DD: reviewed before this date → stale; on it → not stale
    stale: tuple[StaleEntry, ...]  # measures and barriers, oldest first
    to_check: tuple[CheckEntry, ...]  # by title
    status_months: int = STATUS_CHECK_MONTHS
    status_limit: str = ""  # YYYY-MM-DD: status checked before this date → listed
    status_checks: tuple[StatusCheckEntry, ...] = ()  # missing dates first, then oldest first

    @property
    def measures(self) -> tuple[StaleEntry, ...]:
        return tuple(e for e in self.stale if e.kind == "measure")

    @property
    def barriers(self) -> tuple[StaleEntry, ...]:
        return tuple(e for e in self.stale if e.kind == "barrier")


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier; past a month's end, its last day (31 March - 1 = 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months: the largest n with months_before(later, n) >= earlier (0 if later is earlier)."""
    if later <= earlier:
        return 0
    n = (later.year - earlier.year) * 12 + later.month - earlier.month
    return n - 1 if months_before(later, n) < earlier else n


def review_limit(cat: Catalogue) -> date:
    release = _release(cat)
    return months_before(date.fromisoformat(release["date"]), release["review_interval_months"])


def stale_entries(cat: Catalogue) -> list[StaleEntry]:
    """Entries reviewed before the limit (every kind with a review date), oldest first, then in
    the order of the kinds and by title."""
    edition_date = date.fromisoformat(_release(cat)["date"])
    limit = review_limit(cat)
    reviewed_kinds = [kind.name for kind in KINDS if has_field(kind.name, "reviewed")]
    found = []
    for kind in reviewed_kinds:
        for entry in cat.entries(kind):
            reviewed = date.fromisoformat(entry.record["reviewed"])
            if reviewed < limit:
                found.append(StaleEntry(kind, entry.id, entry.title, entry.record["reviewed"],
                                        months_between(reviewed, edition_date)))
    return sorted(found, key=lambda e: (e.reviewed, reviewed_kinds.index(e.kind), e.title.casefold(), e.id))


def to_check(cat: Catalogue) -> list[CheckEntry]:
    """Measures whose status is te-controleren, by title."""
    found = [CheckEntry(mid, m["title"], m["reviewed"], m.get("status_note"))
             for mid, m in cat.measures.items() if m["status"] == "te-controleren"]
    return sorted(found, key=lambda e: (e.title.casefold(), e.id))


def status_limit(cat: Catalogue) -> date:
    return months_before(date.fromisoformat(_release(cat)["date"]), STATUS_CHECK_MONTHS)


def status_checks(cat: Catalogue) -> list[StatusCheckEntry]:
    """Measures whose status_checked lies more than STATUS_CHECK_MONTHS before the edition date.

    Counted from the edition date, never from today. A measure in preparation without a
    status_checked (which the schema refuses) is listed first, so that it cannot go unseen.
    """
    edition_date = date.fromisoformat(_release(cat)["date"])
    limit = status_limit(cat)
    found = []
    for mid, m in cat.measures.items():
        checked = m.get("status_checked")
        if checked is None:
            if m["status"] == "in-voorbereiding":
                found.append(StatusCheckEntry(mid, m["title"], m["status"], None, None))
        elif date.fromisoformat(checked) < limit:
            found.append(StatusCheckEntry(mid, m["title"], m["status"], checked,
                                          months_between(date.fromisoformat(checked), edition_date)))
    return sorted(found, key=lambda e: (e.status_checked is not None, e.status_checked or "",
                                        e.title.casefold(), e.id))


def review_report(cat: Catalogue) -> ReviewReport:
    release = _release(cat)
    return ReviewReport(edition_date=release["date"], interval_months=release["review_interval_months"],
                        limit=review_limit(cat).isoformat(), stale=tuple(stale_entries(cat)),
                        to_check=tuple(to_check(cat)), status_limit=status_limit(cat).isoformat(),
                        status_checks=tuple(status_checks(cat)))


def _release(cat: Catalogue) -> dict:
    if not cat.release:
        raise ValueError("de catalogus heeft geen uitgave (edition.yaml ontbreekt)")
    return cat.release
