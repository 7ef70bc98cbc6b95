"""Who is asking: the client's address as our own proxies saw it.

Behind ``TRUSTED_PROXY_COUNT`` reverse proxies, each of which appends the address it received the
request from to ``X-Forwarded-For``, the client is the n-th entry from the right; anything further
left was written by the client itself and proves nothing. With no trusted proxy the address is
``REMOTE_ADDR``. Many people share one address (a carrier's NAT, a learning centre's router), so
limits keyed by it are generous.
"""

import ipaddress

from django.conf import settings


def _parsed(value: str):
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


def client_address(request) -> str:
    """The client's IP address as text (``""`` when unknown)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        # Fewer entries than proxies: the request did not come through all of them (a health
        # check on the inside network); the peer is then the best we know.
        if len(forwarded) >= count:
            address = _parsed(forwarded[-count])
            if address is not None:
                return str(address)
    address = _parsed(remote)
    return str(address) if address is not None else ""


def network_address(request) -> str:
    """The address limits and the sign-in lockout count against, as an IP address: an IPv6
    client is its /64 (the block one subscriber, one phone or home router, is given), so changing
    the last bits gains nothing; ``""`` when unknown."""
    text = client_address(request)
    address = _parsed(text) if text else None
    if address is None:
        return ""
    if address.version == 6 and address.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    if address.version == 6:
        return str(address.ipv4_mapped)
    return str(address)


def client_key(request) -> str:
    """The key of the client's network in the limits' counters."""
    address = network_address(request)
    if not address:
        return "unknown"
    return f"{address}/64" if ":" in address else address
