"""A burst of simultaneous requests against a running Tandem (127.0.0.1 only): every thread waits at a barrier,
then all send their request at once. Returns the status codes counted."""
import http.client
import threading
from collections import Counter
from urllib.parse import urlsplit


def local_only(base_url: str) -> None:
    if urlsplit(base_url).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("De belastingtest stuurt alleen verkeer naar 127.0.0.1.")


def burst(base_url: str, requests_: list[tuple[dict, str]], count: int = 200, timeout: float = 120) -> Counter:
    """`count` GET requests at the same moment: thread i sends `requests_[i % n]` (cookies, path)."""
    local_only(base_url)
    address = urlsplit(base_url)
    barrier, statuses, lock = threading.Barrier(count), Counter(), threading.Lock()

    def one(i: int) -> None:
        cookies, path = requests_[i % len(requests_)]
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=timeout)
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())} if cookies else {}
        barrier.wait()
        try:
            connection.request("GET", path, headers=headers)
            status = connection.getresponse().status
        except (OSError, http.client.HTTPException) as error:
            status = type(error).__name__
        finally:
            connection.close()
        with lock:
            statuses[status] += 1

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout + 30)
    return statuses


def signed_in_burst(base_url: str, manifest: dict, count: int, consultants: int = 5) -> dict:
    """Sign a few of the load test's consultants in, then `count` simultaneous requests over their families'
    pages, their site's monitor and the sign-in page. Counts the statuses; `errors_500` must be 0."""
    import datetime as dt
    import time

    import requests
    from signin import sign_in

    today = dt.date.today()
    quarter = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
    pairs = [({}, "/inloggen/")]
    for name in list(manifest["consultants"])[:consultants]:
        session = requests.Session()
        if not sign_in(session, base_url, name):
            raise SystemExit(f"Aanmelden mislukt voor {name}.")
        cookies = session.cookies.get_dict()
        pairs += [(cookies, f"/gezinnen/{family['household']}/") for family in manifest["consultants"][name]]
        pairs.append((cookies, f"/monitor/regio/{manifest['region']}/{quarter}/"))
    started = time.perf_counter()
    statuses = burst(base_url, pairs, count)
    return {"requests": count, "statuses": {str(k): v for k, v in statuses.items()},
            "errors_500": sum(v for k, v in statuses.items() if not isinstance(k, int) or k >= 500),
            "seconds": round(time.perf_counter() - started, 1)}


if __name__ == "__main__":  # python burst.py BASE_URL MANIFEST COUNT (scripts/loadtest)
    import json
    import sys

    print(json.dumps(signed_in_burst(sys.argv[1], json.loads(open(sys.argv[2]).read()), int(sys.argv[3]))))
