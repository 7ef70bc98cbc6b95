"""Demo registrations: one upcoming event nearly full, one full with a waiting list, a few elsewhere.

The people are made up (common Vietnamese names, phone numbers of the 0900 000 xxx series that
nobody answers). Pages are found through every model that mixes in ``RegistrablePageMixin``, so
this app never imports the apps that define them. A page that already has registrations is left
as it is, so loading the demo again adds nothing.
"""

from itertools import cycle

from portal.registrations import seats
from portal.registrations.forms import communes
from portal.registrations.models import Registration
from portal.registrations.pages import registrable_models

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Hà", "Đặng", "Vũ", "Ma", "Nông", "Dương", "Lương")
MIDDLE = ("Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Hữu", "Thanh", "Quang", "Kim")
GIVEN = (
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hoa",
    "Hùng",
    "Lan",
    "Linh",
    "Mai",
    "Nam",
    "Nga",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Việt",
    "Yến",
    "Khánh",
    "Hiền",
)
LARGEST_DEMO_PAGE = 150  # seats: bigger events are not filled with made-up names


def person(number: int) -> dict:
    name = f"{FAMILY[number % len(FAMILY)]} {MIDDLE[(number * 3) % len(MIDDLE)]} {GIVEN[(number * 7) % len(GIVEN)]}"
    contact = {"phone": f"0900{number:06d}"}
    if number % 4 == 0:
        contact["email"] = f"hocvien{number}@example.com"
    return {"name": name, **contact}


def open_pages() -> list:
    pages = []
    for model in registrable_models():
        for page in model.objects.live():
            capacity = page.registration_capacity()
            if capacity and capacity <= LARGEST_DEMO_PAGE and page.registration_is_open():
                pages.append(page)
    return sorted(pages, key=lambda page: (page.registration_capacity(), page.pk))


def _fill(page, count: int, numbers, places) -> int:
    made = 0
    for _ in range(count):
        try:
            seats.register(page, commune=next(places), **person(next(numbers)))
        except seats.RegistrationRefused:
            break
        made += 1
    return made


def load_registrations_demo(log) -> None:
    pages = open_pages()
    if not pages:
        log("  registrations: no upcoming page with seats")
        return
    numbers = cycle(range(1, 100_000))
    places = cycle(list(communes()) or [None])
    plans = []  # (page, how many): the smallest full with three waiting, the next nearly full
    for index, page in enumerate(pages):
        capacity = page.registration_capacity()
        plans.append((page, capacity + 3 if index == 0 else capacity - 2 if index == 1 else min(3, capacity)))
    added = 0
    for page, count in plans:
        if Registration.objects.filter(page_id=page.pk).exists():
            continue
        added += 1
        made = _fill(page, count, numbers, places)
        state = seats.seats(page)
        log(
            f"  registrations: {made} for “{page.title}” ({state.confirmed}/{state.capacity}, {state.waiting} waiting)"
        )
    if not added:
        log("  registrations: every upcoming page with seats already has some")
