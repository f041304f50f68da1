"""Measure offline KNM practice with the real question bank: the size of what a device
downloads to practise offline, and how long a phone waits for its first offline question.

    .venv/bin/python bench/offline.py [--runs 5] [--cpu-slowdown 4]

Starts gunicorn on 127.0.0.1 with a fresh SQLite database loaded from content/, then drives
Debian's Chromium with Playwright at a phone's viewport (390 x 844), the CPU slowed down
(Chromium's own throttling) and, for the first download, a slow mobile connection. Not a
test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, free_port  # noqa: E402

PYTHON = Path(sys.executable)
GUNICORN = PYTHON.parent / "gunicorn"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True}
# Chromium's "Slow 4G" preset: 180 ms round trip, about 9 Mbit/s down, 3 Mbit/s up.
SLOW_4G = {
    "offline": False,
    "latency": 180,
    "downloadThroughput": 1_125_000,
    "uploadThroughput": 375_000,
}


def fetch(url: str, gzipped: bool) -> bytes:
    headers = {"Accept-Encoding": "gzip"} if gzipped else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.read()


def sizes(base: str) -> dict:
    raw = fetch(base + "/knm/offline/bank.json", gzipped=False)
    zipped = fetch(base + "/knm/offline/bank.json", gzipped=True)
    bank = json.loads(raw)
    worker = fetch(base + "/sw.js", gzipped=False).decode()
    config = json.loads(worker.split("const CONFIG = ", 1)[1].split(";\n", 1)[0])
    files = {url: fetch(base + url, gzipped=True) for url in config["precache"]}
    # Whitenoise serves a .gz copy to browsers that accept it; count what goes over the wire.
    files_wire = sum(
        len(b) if b[:2] == b"\x1f\x8b" else len(gzip.compress(b)) for b in files.values()
    )
    return {
        "questions": len(bank["questions"]),
        "documents": sum(1 for q in bank["questions"] if q["document"]),
        "bank_bytes": len(raw),
        "bank_gzip_bytes": len(zipped) if zipped[:2] == b"\x1f\x8b" else len(gzip.compress(raw)),
        "precache_files": len(files),
        "precache_wire_bytes": files_wire,
        "worker_bytes": len(worker.encode()),
    }


def browser_timings(base: str, runs: int, slowdown: float) -> dict:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("Debian's chromium is not installed: apt-get install chromium")
    first, page_ready, first_question = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
        for _ in range(runs):
            context = browser.new_context(**PHONE)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", SLOW_4G)
            start = time.perf_counter()
            page.goto(base + "/knm/offline/")
            page.wait_for_selector("#offline-start:not([hidden])", timeout=60000)
            page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            first.append(time.perf_counter() - start)
            page.reload()
            page.wait_for_function("navigator.serviceWorker.controller !== null")
            context.set_offline(True)
            start = time.perf_counter()
            page.goto(base + "/knm/offline/")
            page.wait_for_selector("#offline-start:not([hidden])")
            page_ready.append(time.perf_counter() - start)
            page.click("text=Start offline practice")
            page.wait_for_selector("#offline-screen h2:text-is('Question 1 of 10')")
            first_question.append(time.perf_counter() - start)
            context.close()
        browser.close()

    def ms(values):
        return {
            "median_ms": round(1000 * statistics.median(values)),
            "max_ms": round(1000 * max(values)),
        }

    return {
        "first_visit_until_saved (slow 4G)": ms(first),
        "offline_page_ready": ms(page_ready),
        "offline_first_question (page opened, Start pressed)": ms(first_question),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cpu-slowdown", type=float, default=4.0)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="wegwijs-offline-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)
    for command in (["migrate", "--noinput"], ["load_content"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [str(PYTHON), "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
        )
    port = free_port()
    server = subprocess.Popen(
        [str(GUNICORN), "wegwijs.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # localhost, not 127.0.0.1: a service worker needs a secure context, and localhost is one.
    base = f"http://localhost:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/healthz", gzipped=False)
                break
            except OSError:
                time.sleep(0.1)
        result = {"sizes": sizes(base), "cpu_slowdown": args.cpu_slowdown, "runs": args.runs}
        result["timings"] = browser_timings(base, args.runs, args.cpu_slowdown)
        print(json.dumps(result, indent=2))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
