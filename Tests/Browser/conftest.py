"""Starts `carbonsim serve` for the API and browser tests: a small sweep database, a free port, and the
server killed at the end. CARBONSIM names the binary (default .build/debug/carbonsim)."""
import json
import os
import re
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("CARBONSIM", REPOSITORY / ".build/debug/carbonsim")).resolve()

# A small Latin-hypercube sweep (the server only reads its database).
SWEEP_SPEC = """name: serve-test
scenarios: [{scenarios}/announced.yaml]
design: lhs
n: 40
seed: 3
factors:
  sector_plans.power.wind.target: {{range: [131, 350], start: 2021, full: 2030}}
  sector_plans.power.solar.target: {{range: [70, 200], start: 2021, full: 2030}}
keep: [co2_gross, energy_total]
"""


class Server:
    def __init__(self, url, scratch):
        self.url = url
        self.scratch = scratch

    def request(self, method, path, body=None, raw=False):
        """(status, headers, body); body parsed as JSON when it is JSON."""
        data = body if isinstance(body, (bytes, type(None))) else (body if isinstance(body, str) else json.dumps(body)).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                status, headers, payload = r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            status, headers, payload = e.code, e.headers, e.read()
        if not raw and "json" in (headers.get("Content-Type") or ""):
            return status, headers, json.loads(payload)
        return status, headers, payload.decode("utf-8", "replace")


def carbonsim(*args, cwd=REPOSITORY):
    return subprocess.run([str(BINARY), *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def server():
    scratch = Path(tempfile.mkdtemp(prefix="carbonsim-serve-test-"))
    spec = scratch / "sweep.yaml"
    spec.write_text(SWEEP_SPEC.format(scenarios=REPOSITORY / "scenarios"))
    db = scratch / "sweep.sqlite"
    made = carbonsim("sweep", spec, "--db", db, "--jobs", "2")
    assert made.returncode == 0, made.stderr
    process = subprocess.Popen([str(BINARY), "serve", "--port", "0", "--lang", "zh", "--db", str(db), "--scenarios", "scenarios"],
                               cwd=REPOSITORY, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = None
        deadline = time.time() + 120
        while time.time() < deadline and url is None:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                break
            m = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
            if m:
                url = m.group(1)
        assert url, "carbonsim serve did not say where it listens"
        yield Server(url, scratch)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
