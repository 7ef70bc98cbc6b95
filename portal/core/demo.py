"""Demo content of the core app: home page, the plan's page, site settings and accounts.

Every figure and goal quoted here comes from plan 104/KH-UBND of Thái Nguyên (04/7/2022).
Each loader creates what is missing and leaves what exists, so ``load_demo`` can run again.
"""

import io
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from portal.core.models import HomePage, PortalSettings, StandardPage
from portal.core.reference_data import load_admin_units, load_vocabularies

PLAN_GOAL = (
    "Bảo đảm đến năm 2030 mọi người dân đều có cơ hội bình đẳng trong việc tiếp cận hệ thống "
    "giáo dục mở, đa dạng, linh hoạt, liên thông, hiện đại với nhiều mô hình, phương thức và "
    "trình độ đào tạo."
)
TARGETS_2025 = [
    ("60%", "người trong độ tuổi lao động được trang bị năng lực thông tin"),
    ("60%", "người trong độ tuổi lao động được trang bị kỹ năng sống"),
    ("50%", "dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật"),
    ("75%", "trường đại học triển khai đại học số và xây dựng học liệu số"),
    ("70%", "trung tâm học tập cộng đồng ứng dụng công nghệ thông tin"),
    ("40%", "công dân đạt danh hiệu công dân học tập"),
]
TARGETS_2030 = [
    ("70%", "người trong độ tuổi lao động được trang bị năng lực thông tin"),
    ("70%", "người trong độ tuổi lao động được trang bị kỹ năng sống"),
    ("60%", "dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật"),
    ("100%", "trường đại học triển khai đại học số và xây dựng học liệu số"),
    ("90%", "trung tâm học tập cộng đồng ứng dụng công nghệ thông tin"),
    ("60%", "công dân đạt danh hiệu công dân học tập"),
]
PLAN_BODY = [
    ("heading", {"text": "Mục tiêu chung", "size": "h2"}),
    (
        "paragraph",
        f"<p>Tiếp tục tạo chuyển biến cơ bản trong xây dựng xã hội học tập, {PLAN_GOAL[0].lower()}{PLAN_GOAL[1:]}</p>",
    ),
    ("heading", {"text": "Đẩy mạnh chuyển đổi số trong học tập suốt đời", "size": "h2"}),
    (
        "paragraph",
        "<p>Xây dựng kho học liệu mở phục vụ việc tự học và học tập suốt đời; tổ chức các chương "
        "trình giáo dục trên kênh phát thanh, truyền hình, báo điện tử của Đài Phát thanh – Truyền "
        "hình tỉnh; các trường đại học tăng cường xây dựng, khai thác, chia sẻ nguồn tài nguyên giáo "
        "dục mở, học liệu mở.</p>",
    ),
    ("heading", {"text": "Phong trào thúc đẩy học tập suốt đời", "size": "h2"}),
    (
        "paragraph",
        "<p>Hằng năm tổ chức hiệu quả “Tuần lễ hưởng ứng học tập suốt đời”, “Ngày Sách và Văn hóa "
        "đọc Việt Nam” và các hoạt động phát triển văn hóa đọc trên tất cả các địa phương; đẩy mạnh "
        "hoạt động của các trung tâm học tập cộng đồng.</p>",
    ),
    (
        "quote",
        {
            "text": PLAN_GOAL,
            "source": "Kế hoạch số 104/KH-UBND ngày 04/7/2022 của UBND tỉnh Thái Nguyên",
        },
    ),
]


def key_figures(heading: str, targets, note: str) -> tuple[str, dict]:
    figures = [{"value": value, "label": label, "note": note} for value, label in targets]
    return ("key_figures", {"heading": heading, "figures": figures})


def hero_image():
    """A decorative banner drawn here (green fields, an open book), so nothing is downloaded."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title="Học tập suốt đời – ảnh minh họa").first()
    if existing:
        return existing
    canvas = PillowImage.new("RGB", (1200, 400), "#0b6b3a")
    draw = ImageDraw.Draw(canvas)
    for row in range(0, 400, 8):
        shade = 60 + row // 4
        draw.rectangle([0, row, 1200, row + 8], fill=(11, min(255, shade + 47), 58 + row // 10))
    for offset in range(0, 1200, 160):
        draw.ellipse([offset - 80, 300, offset + 180, 520], fill="#2f8f4e")
    draw.polygon([(450, 120), (600, 150), (600, 320), (450, 290)], fill="#fdfaf0")
    draw.polygon([(600, 150), (750, 120), (750, 290), (600, 320)], fill="#f3ecd6")
    draw.ellipse([930, 40, 1030, 140], fill="#ffbf47")
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG", optimize=True)
    return image_model.objects.create(
        title="Học tập suốt đời – ảnh minh họa",
        file=ImageFile(buffer, name="hoc-tap-suot-doi.png"),
    )


@transaction.atomic
def load_home(log) -> HomePage:
    vietnamese = Locale.objects.get(language_code="vi")
    home = HomePage.objects.filter(locale=vietnamese).first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title="Trang chủ",
            slug="trang-chu",
            locale=vietnamese,
            seo_title="Học liệu mở và học tập suốt đời tỉnh Thái Nguyên",
            search_description="Kho học liệu mở, chương trình giáo dục trên sóng phát thanh – truyền hình, "
            "sự kiện và trung tâm học tập cộng đồng của tỉnh Thái Nguyên.",
            hero_title="Học tập suốt đời cho mọi người dân Thái Nguyên",
            hero_text="Tìm, xem trước và tải về học liệu mở miễn phí: kỹ năng số, nông nghiệp, sức khỏe, "
            "pháp luật, ngoại ngữ, văn hóa đọc… bằng tiếng Việt và tiếng các dân tộc.",
            hero_image=hero_image(),
        )
        root.add_child(instance=home)
        plan = home.add_child(
            instance=StandardPage(
                title="Kế hoạch xây dựng xã hội học tập giai đoạn 2022–2030",
                slug="ke-hoach-xa-hoi-hoc-tap",
                locale=vietnamese,
                introduction="Kế hoạch số 104/KH-UBND ngày 04/7/2022 của UBND tỉnh Thái Nguyên thực hiện "
                "Đề án “Xây dựng xã hội học tập giai đoạn 2022–2030”.",
                search_description="Mục tiêu, chỉ tiêu và nhiệm vụ xây dựng xã hội học tập của tỉnh.",
                body=[
                    *PLAN_BODY,
                    key_figures("Chỉ tiêu đến năm 2025", TARGETS_2025, "Mục tiêu năm 2025"),
                    key_figures("Chỉ tiêu đến năm 2030", TARGETS_2030, "Mục tiêu năm 2030"),
                ],
            )
        )
        home.body = [
            (
                "link_cards",
                {
                    "heading": "Tìm hiểu thêm",
                    "cards": [
                        {
                            "title": plan.title,
                            "text": "Mục tiêu, chỉ tiêu 2025 và 2030, nhiệm vụ và giải pháp của tỉnh.",
                            "page": plan,
                            "url": "",
                        }
                    ],
                },
            ),
        ]
        home.save_revision().publish()
        plan.save_revision().publish()
        log(f"  home page and “{plan.title}” created")
    _point_default_site_at(home)
    return home


@transaction.atomic
def load_english_home(home: HomePage, log) -> None:
    """The English translation of the home page, so /en/ reads in English too."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    if home.get_translations().filter(locale=english).exists():
        return
    translation = home.copy_for_translation(english)
    translation.title = "Home"
    translation.seo_title = "Open learning resources and lifelong learning in Thái Nguyên"
    translation.search_description = (
        "Open learning resources, broadcast education programmes, events and community learning "
        "centres of Thái Nguyên province."
    )
    translation.hero_title = "Lifelong learning for everyone in Thái Nguyên"
    translation.hero_text = (
        "Find, preview and download free open learning materials: digital skills, agriculture, health, "
        "law, foreign languages, reading culture… in Vietnamese and in ethnic minority languages."
    )
    translation.body = []
    translation.save_revision().publish()
    log("  English home page created")


def _point_default_site_at(home: HomePage) -> None:
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", is_default_site=True
    )
    if site.root_page_id != home.pk:
        old_root = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = "Học liệu mở Thái Nguyên"
        site.save()
        if old_root and old_root.depth == 2 and not isinstance(old_root.specific, HomePage):
            old_root.delete()  # Wagtail's "Welcome" placeholder page
    settings_row = PortalSettings.for_site(site)
    if not settings_row.address:
        settings_row.address = "Số 30 đường Quang Trung, phường Phan Đình Phùng, tỉnh Thái Nguyên"
        settings_row.email = "hoclieumo@thainguyen.edu.vn"
        settings_row.phone = "0208 3855 000"
        settings_row.save()


DEMO_DOMAIN = "thainguyen.edu.vn"
DEMO_EDITOR = "bientap"  # a provincial editor: the organisations app gives it the role
DEMO_DATA_ENTRY = "solieu"  # enters the plan's yearly figures: the indicators app gives it the role
# A contributor of the university's library; the organisations app puts it in that group.
DEMO_CONTRIBUTOR = ("dhtn", "thuvien@tnu.edu.vn", "Đại học Thái Nguyên")


def ensure_accounts(log) -> None:
    """An administrator, an editor, a contributor and a data-entry clerk with random passwords; never a fixed one.

    In development the passwords are kept in ``var/demo-accounts.txt`` so a later ``make run``
    can show them again; in production they are printed once and kept nowhere.
    """
    user_model = get_user_model()
    store = settings.VAR_DIR / "demo-accounts.txt"
    saved = (
        dict(line.split(" ", 1) for line in store.read_text().splitlines() if " " in line)
        if store.exists()
        else {}
    )
    accounts = (
        ("quantri", f"quantri@{DEMO_DOMAIN}", True, "administrator"),
        (DEMO_EDITOR, f"{DEMO_EDITOR}@{DEMO_DOMAIN}", False, "editor"),
        (DEMO_CONTRIBUTOR[0], DEMO_CONTRIBUTOR[1], False, f"contributor ({DEMO_CONTRIBUTOR[2]})"),
        (DEMO_DATA_ENTRY, f"{DEMO_DATA_ENTRY}@{DEMO_DOMAIN}", False, "indicator data entry"),
    )
    for username, email, superuser, role in accounts:
        user = user_model.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = user_model.objects.create_user(
                username,
                email,
                password,
                is_superuser=superuser,
                is_staff=superuser,
            )
            saved[username] = password
            if not settings.PRODUCTION:
                store.parent.mkdir(parents=True, exist_ok=True)
                store.write_text("".join(f"{name} {secret}\n" for name, secret in saved.items()))
        if username in saved:
            log(f"  {role} account: {username} / {saved[username]}  (log in at /admin/)")
        else:
            log(f"  {role} account: {username} (password set earlier; `manage.py changepassword {username}`)")


def load_core_demo(log) -> None:
    counts = load_vocabularies()
    log("  vocabularies: " + ", ".join(f"{count} {name}" for name, count in counts.items()))
    log(f"  administrative units: {load_admin_units()}")
    load_english_home(load_home(log), log)
    ensure_accounts(log)


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def child_by_slug(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def mirror_in_other_languages(home: HomePage, sections: list, log) -> None:
    """Alias index pages (library, programmes, events...) under each translated home page.

    /en/hoc-lieu/ then lists the same resources in the English interface; an alias follows its
    source whenever the source is published.
    """
    for translation in HomePage.objects.filter(translation_key=home.translation_key).exclude(pk=home.pk):
        for section in sections:
            if type(section).objects.child_of(translation).exists():
                continue
            with transaction.atomic():
                section.create_alias(
                    parent=translation, update_locale=translation.locale, reset_translation_key=False
                )
            log(f"  “{section.title}” mirrored under /{translation.locale.language_code}/")
