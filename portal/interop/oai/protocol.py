"""The OAI-PMH 2.0 request grammar: verbs, their arguments, dates and resumption tokens.

Every way a request can be wrong maps to the protocol's own error code, so a harvester always
gets an answer it understands (never an HTML error page).
"""

import datetime
from dataclasses import dataclass

from django.core import signing

from portal.interop.oai import records

METADATA_PREFIX = "oai_dc"
ALLOWED = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), set()),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}),
}
RESUMABLE = {"ListIdentifiers", "ListRecords", "ListSets"}
TOKEN_SALT = "portal.interop.oai.resumption"


class OAIError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message

    @property
    def request_is_bad(self) -> bool:
        """The response then echoes no request attributes (OAI-PMH 2.0, section 3.2)."""
        return self.code in {"badVerb", "badArgument"}


@dataclass
class Request:
    verb: str
    arguments: dict[str, str]
    selection: records.Selection | None = None
    part: str = "live"
    after: int = 0
    cursor: int = 0


def parse_datestamp(value: str, *, end_of_day: bool) -> tuple[datetime.datetime, str]:
    """A ``from``/``until`` value at day or seconds granularity (UTC), and its granularity."""
    try:
        if len(value) == 10:
            day = datetime.date.fromisoformat(value)
            moment = datetime.datetime.combine(day, datetime.time.max if end_of_day else datetime.time.min)
            return moment.replace(tzinfo=datetime.UTC), "day"
        if len(value) == 20 and value.endswith("Z") and value[10] == "T":
            moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
            if end_of_day:  # "until" includes the whole second it names
                moment = moment.replace(microsecond=999_999)
            return moment.replace(tzinfo=datetime.UTC), "seconds"
    except ValueError:
        pass
    raise OAIError("badArgument", f"'{value}' is not a UTC date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)")


def _single_values(query) -> dict[str, str]:
    values = {}
    for key in query:
        items = query.getlist(key)
        if len(items) > 1:
            code = "badVerb" if key == "verb" else "badArgument"
            raise OAIError(code, f"the argument '{key}' is repeated")
        values[key] = items[0]
    return values


def parse(query) -> Request:
    """The request in ``query`` (a QueryDict from GET or POST), or the OAIError it deserves."""
    arguments = _single_values(query)
    verb = arguments.pop("verb", None)
    if verb is None:
        raise OAIError("badVerb", "the verb argument is missing")
    if verb not in ALLOWED:
        raise OAIError("badVerb", f"'{verb}' is not an OAI-PMH verb")
    if "resumptionToken" in arguments:
        if verb not in RESUMABLE:
            raise OAIError("badArgument", f"{verb} takes no resumptionToken")
        if len(arguments) > 1:
            raise OAIError("badArgument", "resumptionToken is an exclusive argument")
        return resume(verb, arguments["resumptionToken"])
    required, optional = ALLOWED[verb]
    missing = sorted(required - set(arguments))
    if missing:
        raise OAIError("badArgument", f"{verb} needs the argument(s) {', '.join(missing)}")
    unknown = sorted(set(arguments) - required - optional)
    if unknown:
        raise OAIError("badArgument", f"{verb} does not take the argument(s) {', '.join(unknown)}")
    if "metadataPrefix" in arguments and arguments["metadataPrefix"] != METADATA_PREFIX:
        raise OAIError(
            "cannotDisseminateFormat", f"'{arguments['metadataPrefix']}' is not offered; use oai_dc"
        )
    request = Request(verb, arguments)
    if verb in {"ListIdentifiers", "ListRecords"}:
        request.selection = selection(arguments)
    return request


def selection(arguments: dict[str, str]) -> records.Selection:
    since = until = None
    granularities = set()
    if "from" in arguments:
        since, granularity = parse_datestamp(arguments["from"], end_of_day=False)
        granularities.add(granularity)
    if "until" in arguments:
        until, granularity = parse_datestamp(arguments["until"], end_of_day=True)
        granularities.add(granularity)
    if len(granularities) > 1:
        raise OAIError("badArgument", "from and until must have the same granularity")
    if since and until and since > until:
        raise OAIError("badArgument", "from is later than until")
    set_spec = arguments.get("set")
    if set_spec is not None and not records.is_known_set(set_spec):
        raise OAIError("noRecordsMatch", f"there is no set '{set_spec}'")
    return records.Selection(since, until, set_spec)


def token_for(request: Request, part: str, after: int, cursor: int) -> str:
    state = {"v": request.verb, "a": request.arguments, "p": part, "k": after, "c": cursor}
    return signing.dumps(state, salt=TOKEN_SALT, compress=True)


def resume(verb: str, token: str) -> Request:
    try:
        state = signing.loads(token, salt=TOKEN_SALT)
        if state["v"] != verb or state["p"] not in {"live", "deleted"}:
            raise ValueError(state["v"])
        request = Request(
            verb, dict(state["a"]), part=state["p"], after=int(state["k"]), cursor=int(state["c"])
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise OAIError(
            "badResumptionToken", "the resumption token is invalid or belongs to another list"
        ) from None
    request.selection = selection(request.arguments)
    return request
