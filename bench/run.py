"""Load-test the site as it runs in production and compare every page with the framework's
own floor (a view that only returns a short text, through the same middleware).

    .venv/bin/python bench/run.py [--seconds 10] [--connections 16] [--workers 3]

Starts gunicorn on 127.0.0.1 with a fresh SQLite database loaded from content/, runs wrk
(Debian's package) against each page, and prints requests/s, p50 and p99 latency, errors and
each page's throughput as a fraction of the floor. Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"

PAGES = [
    ("floor (minimal Django view)", "/bench/floor"),
    ("home", "/"),
    ("guide", "/guides/what-is-the-pip/"),
    ("source", "/sources/ind/"),
    ("search", "/search/?q=MVV"),
    ("KNM answer (POST)", None),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk(
    url: str,
    seconds: int,
    connections: int,
    script: Path | None = None,
    headers: list[str] | None = None,
) -> dict:
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    for header in headers or []:
        cmd += ["-H", header]
    if script:
        cmd += ["-s", str(script)]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def pct(p):
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad.group(1)) if bad else 0) + (sum(map(int, sock.groups())) if sock else 0)
    return {"rps": rps, "p50": pct(50), "p99": pct(99), "errors": errors}


def knm_script(prep: dict, folder: Path) -> Path:
    attempts = ",".join(f'"{a}"' for a in prep["attempts"])
    options = ",".join(str(o) for o in prep["options"])
    lua = f"""
local attempts = {{{attempts}}}
local options = {{{options}}}
local per_round = {prep["per_round"]}
local threads = 0
function setup(thread)
  thread:set("offset", threads * math.floor(#attempts / 2) * per_round)
  threads = threads + 1
end
local counter = 0
request = function()
  local k = offset + counter
  counter = counter + 1
  local round = math.floor(k / per_round) + 1
  local position = (k % per_round) + 1
  local option = options[((round - 1) * per_round + position) % #options + 1]
  return wrk.format("POST", "/knm/rounds/" .. attempts[round] .. "/" .. position .. "/",
    {{["Cookie"] = "sessionid={prep["session"]}; csrftoken={prep["csrf"]}",
      ["X-CSRFToken"] = "{prep["csrf"]}",
      ["Content-Type"] = "application/x-www-form-urlencoded"}},
    "option=" .. option)
end
"""
    path = folder / "knm.lua"
    path.write_text(lua)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument(
        "--gzip", action="store_true", help="send Accept-Encoding: gzip, as browsers do"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")

    work = Path(tempfile.mkdtemp(prefix="wegwijs-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}",
        "WEGWIJS_BENCH_FLOOR": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)

    def run(*args):
        subprocess.run(
            [str(PYTHON), "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )

    print(f"Preparing a fresh database in {work} …", flush=True)
    run("migrate", "--noinput")
    run("load_content")
    run("collectstatic", "--noinput", "--verbosity", "0")
    prep = json.loads(
        subprocess.run(
            [str(PYTHON), "bench/prepare_knm.py"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(GUNICORN),
            "wegwijs.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        # Request logs stay on, as in production; they go to a file, not the terminal.
        stdout=open(work / "gunicorn.log", "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        headers = ["Accept-Encoding: gzip"] if args.gzip else []
        # Warm every worker's page cache and connections.
        for _, path in PAGES:
            if path:
                subprocess.run(
                    [
                        "wrk",
                        "-t1",
                        "-c8",
                        "-d1s",
                        *sum((["-H", h] for h in headers), []),
                        base + path,
                    ],
                    capture_output=True,
                    check=True,
                )
        rows = []
        for label, path in PAGES:
            if path is None:
                result = wrk(
                    base + "/", args.seconds, args.connections, script=knm_script(prep, work)
                )
            else:
                result = wrk(base + path, args.seconds, args.connections, headers=headers)
            rows.append((label, result))
            print(f"  measured {label}: {result['rps']:.0f} req/s", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)

    floor = rows[0][1]["rps"]
    print()
    print(
        f"gunicorn, {args.workers} sync workers; wrk, 2 threads, {args.connections} connections, "
        f"{args.seconds}s per page{', gzip' if args.gzip else ''}; {os.cpu_count()} CPU cores"
    )
    print(f"{'page':30} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'of floor':>9}")
    for label, r in rows:
        share = r["rps"] / floor
        print(
            f"{label:30} {r['rps']:8.0f} {r['p50']:8.2f} {r['p99']:8.2f} "
            f"{r['errors']:7d} {share:9.2f}"
        )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
