"""Verifies a webhook delivery of the platform (docs/integration.md, "Verifying a delivery").

X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the secret's UTF-8 bytes>.
Usage: python3 verify_signature.py SECRET 'X-SIGNATURE VALUE' [NOW_SECONDS] < raw_body
"""
import hashlib
import hmac
import sys
import time
from typing import Optional


def verify_signature(header: str, raw_body: bytes, secret: str, tolerance_seconds: int = 300, now: Optional[float] = None) -> bool:
    fields = [part.strip().split("=", 1) for part in (header or "").split(",") if "=" in part]
    t = next((value for key, value in fields if key == "t"), "")
    signatures = [value for key, value in fields if key == "v1"]
    if not t.isdigit() or not signatures:
        return False
    if abs((time.time() if now is None else now) - int(t)) > tolerance_seconds:
        return False  # too old or too new: a replayed delivery
    expected = hmac.new(secret.encode("utf-8"), t.encode("ascii") + b"." + raw_body, hashlib.sha256).hexdigest()
    return any(hmac.compare_digest(expected, signature) for signature in signatures)


if __name__ == "__main__":
    now = float(sys.argv[3]) if len(sys.argv) > 3 else None
    valid = verify_signature(sys.argv[2], sys.stdin.buffer.read(), sys.argv[1], now=now)
    print("valid" if valid else "invalid")
    sys.exit(0 if valid else 1)
