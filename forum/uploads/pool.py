"""De-identification off the request path's critical resources: a bounded thread pool per worker process.

OCR and decoding run in C and release the GIL, so with gunicorn's threaded workers the other requests of
the process keep being served while images are analysed. At most UPLOAD_WORKERS images are processed at
once per process and at most UPLOAD_QUEUE more wait; a further upload is refused at once with 503 and
Retry-After (the composer says "busy, try again in a moment" and keeps the file), so a burst cannot pile
up memory or hold every web thread. A job that outlives UPLOAD_TIMEOUT_SECONDS is abandoned by the request
(answered 503) and its result discarded."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor, TimeoutError

_lock = threading.Lock()
_state: dict = {}


class Busy(Exception):
    pass


def _pool(workers: int, queue: int):
    with _lock:
        key = (workers, queue)
        if _state.get("key") != key:
            _state["key"] = key
            _state["executor"] = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="upload")
            _state["slots"] = threading.BoundedSemaphore(max(1, workers) + max(0, queue))
        return _state["executor"], _state["slots"]


def run(function, *args, workers: int = 2, queue: int = 4, timeout: float = 25.0):
    executor, slots = _pool(workers, queue)
    if not slots.acquire(blocking=False):
        raise Busy()

    def job():
        try:
            return function(*args)
        finally:
            slots.release()

    try:
        future = executor.submit(job)
    except BaseException:
        slots.release()
        raise
    try:
        return future.result(timeout=timeout)
    except TimeoutError as error:
        raise Busy() from error
