"""What a careless client, a broken bot or an attacker may send: query strings and form data.

Values mix ordinary Vietnamese words with what breaks parsers: control characters and NUL,
very long text, huge and negative numbers, impossible dates, markup, SQL and template payloads,
broken percent-escapes; keys repeat.
"""

from urllib.parse import quote

from hypothesis import strategies as st

PAYLOADS = [
    "",
    " ",
    "0",
    "-1",
    "-99999999999999999999",
    "99999999999999999999999999999999",
    "1e309",
    "NaN",
    "inf",
    "0x1F",
    "1.5",
    "２",  # a full-width digit: int() takes it, a database may not
    "٣",
    "²",  # a digit to str.isdigit(), not to int()
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "99999-01-01",
    "2026-1-1",
    "1970-01-01T00:00:00Z",
    "2026-10-01T25:61:00+99:00",
    "-0001-01-01",
    "' OR '1'='1' --",
    "1; DROP TABLE wagtailcore_page; --",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "{% debug %}",
    "${jndi:ldap://x/a}",
    "%s%s%n",
    "../../../../etc/passwd",
    "\x00",
    "a\x00b",
    "\r\nSet-Cookie: x=1",
    "\u202e\u200b\ufeff",
    "học tập suốt đời",
    "hoc tap suot doi",
    "ho\u0323c ta\u0323\u0302p",  # decomposed Vietnamese
    "Kỹ năng số",
    "𝕳𝖔𝖈 🎓🙂",
    "ky-nang-so",
    "csv",
    "xlsx",
    "upcoming",
    "past",
    "2026-10",
    "2026",
    "on",
    "true",
    "*",
    "-title",
    "title,-id",
    "resources.LearningResourcePage",
    "wagtailcore.Page",
    "auth.User",
    "nope.Nope",
]

# Any Unicode except surrogates (they cannot be encoded into a request), control characters included.
any_text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=80)
long_text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=300, max_size=3000)
numbers = st.integers(min_value=-(10**30), max_value=10**30).map(str)


def values():
    return st.one_of(
        st.sampled_from(PAYLOADS),
        any_text,
        numbers,
        st.lists(st.sampled_from(PAYLOADS), min_size=2, max_size=4).map("".join),
        long_text,
    )


def keys(known: list[str]):
    return st.one_of(st.sampled_from(known), st.sampled_from(known), any_text.filter(bool))


def pairs(known: list[str], max_size: int = 8):
    """(key, value) pairs: keys may repeat, as ``?type=a&type=b`` does."""
    return st.lists(st.tuples(keys(known), values()), max_size=max_size)


def encode(items) -> str:
    return "&".join(f"{quote(key, safe='')}={quote(value, safe='')}" for key, value in items)


# Bytes that are not valid escapes or not UTF-8 once unescaped, spliced into an encoded query.
BROKEN = ["%", "%Z", "%ZZ", "%ff%fe", "%c3%28", "%e0%80%af", "%00", "&&", "==", ";", "+", "%2", "?", "#"]


def query_strings(known: list[str]):
    """An encoded query string, sometimes with broken escapes spliced in."""
    encoded = pairs(known).map(encode)
    broken = st.tuples(encoded, st.lists(st.sampled_from(BROKEN), min_size=1, max_size=4)).map(
        lambda parts: parts[0] + "".join(parts[1])
    )
    return st.one_of(encoded, encoded, broken)
