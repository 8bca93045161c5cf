"""The HTTP API of `carbonsim serve`: numbers equal `carbonsim run`'s, errors are the loader's located
messages, bodies are size-limited, and nothing outside the served folders is read."""
import http.client
import json
import re
import subprocess
import time
import urllib.parse
import urllib.request

from conftest import BINARY, REPOSITORY, carbonsim

WIND_300 = {"name": "wind-300", "extends": "announced.yaml",
            "sector_plans": {"power": {"wind": {"target": 300, "start": 2026, "full": 2030, "shape": "linear"}}}}


def run_json(path):
    done = carbonsim("run", path, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["scenarios"][0]


def period_value(run, series, period):
    return next(p for p in run["periods"] if p["period"] == period)["values"][series]["end"]


def test_levers_are_every_registry_lever_grouped_1_n_x(server):
    status, _, catalog = server.request("GET", "/api/levers?lang=en")
    assert status == 200
    assert [g["key"] for g in catalog["groups"]] == ["1", "N", "X"]
    levers = [c["path"] for g in catalog["groups"] for c in g["controls"] if c["kind"] == "lever"]
    listed = carbonsim("levers").stdout
    assert len(levers) >= 15 and all(path in listed for path in levers)
    assert all(p.startswith("sector_plans.") for p in [c["path"] for c in catalog["groups"][1]["controls"]])


def test_scenarios_are_the_served_files_only(server):
    status, _, names = server.request("GET", "/api/scenarios")
    assert status == 200
    names = [s["name"] for s in names]
    assert "announced.yaml" in names and "levers/renewables.yaml" in names
    assert not any(n.startswith(("sweeps/", "optimize/")) for n in names)


def test_an_unchanged_document_gives_the_numbers_of_run(server):
    status, _, e = server.request("POST", "/api/evaluate?lang=en", {"extends": "announced.yaml"})
    assert status == 200, e
    run = run_json("scenarios/announced.yaml")
    row = next(r for r in e["rows"] if r["series"] == "co2_gross")
    assert row["values"][1] == period_value(run, "co2_gross", "15th")  # the 15th plan leads, after 2025
    assert e["headline"]["peakYear"] == run["indicators"]["peak_year"]
    assert e["headline"]["cumulativeCO2"] == run["indicators"]["cumulative_co2"]


def test_the_yaml_download_reproduces_the_evaluation(server):
    status, _, e = server.request("POST", "/api/evaluate?lang=zh&charts=trajectory", WIND_300)
    assert status == 200, e
    assert "<svg" in e["charts"]["trajectory"] and e["charts"]["trajectory"].rstrip().endswith("</svg>")
    status, headers, yaml = server.request("POST", "/api/scenario.yaml", WIND_300)
    assert status == 200 and "attachment" in headers["Content-Disposition"]
    path = server.scratch / "wind-300.yaml"
    path.write_text(yaml)
    run = run_json(path)
    for k, period in enumerate(["15th", "16th", "17th"]):
        for series in ("co2_gross", "capacity_wind", "energy_total"):
            row = next(r for r in e["rows"] if r["series"] == series)
            assert row["values"][k + 1] == period_value(run, series, period), (series, period)


def test_a_bad_value_is_the_located_message_of_validate(server):
    text = '{\n  "extends": "announced.yaml",\n  "sector_plans": {"power": {"wind": {"target": "lots"}}}\n}\n'
    status, _, error = server.request("POST", "/api/evaluate", text)
    assert status == 422
    assert error["error"].startswith("request:3:")
    assert error["errors"][0]["key"] == "sector_plans.power.wind.target"
    # The same text as a file: `carbonsim validate` says the same, but for the file name.
    (server.scratch / "request").write_text(text.replace('"announced.yaml"', f'"{REPOSITORY}/scenarios/announced.yaml"'))
    validated = carbonsim("validate", "request", "--lang", "zh", cwd=server.scratch)  # the server's language
    assert validated.returncode != 0
    assert error["errors"][0]["message"] in validated.stdout + validated.stderr


def test_errors_are_told_in_the_requests_language_else_the_servers(server):
    text = '{\n  "extends": "announced.yaml",\n  "sector_plans": {"power": {"wind": {"target": "lots"}}}\n}\n'
    # This server was started with --lang zh.
    for query in ("", "?lang=zh"):
        status, _, error = server.request("POST", "/api/evaluate" + query, text)
        assert status == 422
        assert error["error"].startswith("request:3:49：错误（键 'sector_plans.power.wind.target'）：应为数字，实际为 'lots'"), error
        assert error["errors"][0]["message"] == "应为数字，实际为 'lots'", error
    status, _, error = server.request("POST", "/api/evaluate?lang=zh", {"extends": "announced.yaml", "sector_plans": {"power": {"wnd": {}}}})
    assert status == 422 and error["errors"][0]["message"] == "未知的键 'wnd'" and error["errors"][0]["suggestion"] == "wind", error
    status, _, error = server.request("POST", "/api/evaluate?lang=en", text)
    assert status == 422 and error["errors"][0]["message"] == "expected a number, found 'lots'", error


def test_unknown_keys_get_a_suggestion(server):
    status, _, error = server.request("POST", "/api/evaluate", {"extends": "announced.yaml", "sector_plan": {}})
    assert status == 422 and error["errors"][0]["suggestion"] == "sector_plans"
    status, _, error = server.request("POST", "/api/evaluate?charts=wedge", {"extends": "announced.yaml"})
    assert status == 422 and error["errors"][0]["suggestion"] == "wedges"
    status, _, error = server.request("POST", "/api/evaluate?lang=fr", {})
    assert status == 422 and "zh" in error["errors"][0]["accepted"]


def test_bodies_above_the_limit_are_refused(server):
    big = '{"name": "' + "x" * (70 * 1024) + '"}'
    status, _, error = server.request("POST", "/api/evaluate", big)
    assert status == 413 and ("bytes" in error["error"] or "字节" in error["error"])  # in the server's language
    status, _, _ = server.request("POST", "/api/evaluate", '{"name": "' + "x" * 1000 + '", "extends": "announced.yaml"}')
    assert status == 200


def test_no_path_leads_outside_the_served_folders(server):
    for name in ["../Package.swift", "/etc/passwd", "..%2FPackage.swift", "sweeps/lhs.yaml", "levers/../../README.md"]:
        status, _, error = server.request("GET", "/api/scenario?name=" + urllib.parse.quote(name, safe="%"))
        assert status == 422, name
        assert "not a scenario file this server offers" in error["error"] or "不是本服务器提供的情景文件" in error["error"]
        status, _, error = server.request("POST", "/api/evaluate", {"extends": name})
        assert status == 422 and ("not a scenario file this server offers" in error["error"] or "不是本服务器提供的情景文件" in error["error"]), name
    host, port = server.url.removeprefix("http://").split(":")
    for raw in ["/assets/../../Package.swift", "/assets/..%2F..%2FPackage.swift", "/assets/%2e%2e/Package.swift", "/../Package.swift"]:
        c = http.client.HTTPConnection(host, int(port), timeout=10)
        c.putrequest("GET", raw, skip_accept_encoding=True)
        c.endheaders()
        r = c.getresponse()
        body = r.read().decode("utf-8", "replace")
        assert r.status == 404 and "swift-tools-version" not in body, raw
        c.close()


def test_a_request_without_a_name_or_with_an_unknown_series_names_its_parameter(server):
    for path in ["/api/scenario", "/api/scenario?name="]:
        status, _, error = server.request("GET", path + ("&" if "?" in path else "?") + "lang=en")
        assert status == 422 and error["errors"][0]["file"] == "name", error
        assert "the request names no scenario file" in error["error"] and "announced.yaml" in error["errors"][0]["accepted"], error
    status, _, error = server.request("GET", "/api/sweep/fan.svg?lang=en&series=co2_grosss")
    assert status == 422 and error["errors"][0]["file"] == "series" and "--series" not in error["error"], error


def test_nothing_writes(server):
    for method, path in [("PUT", "/api/scenario.yaml"), ("DELETE", "/api/scenario?name=announced.yaml"), ("POST", "/api/sweep")]:
        status, _, _ = server.request(method, path, b"{}")
        assert status in (404, 405), (method, path)


def test_the_settings_of_a_file(server):
    status, _, s = server.request("GET", "/api/scenario?name=announced.yaml")
    assert status == 200
    assert s["file"] == "announced.yaml" and s["levers"]["sector_plans.power.wind"]["level"] > 0


def test_the_comparison_tray_draws_up_to_five(server):
    status, headers, svg = server.request("POST", "/api/compare?lang=en", {"scenarios": [{"extends": "announced.yaml"}, WIND_300]})
    assert status == 200 and headers["Content-Type"].startswith("image/svg+xml") and "wind-300" in svg
    status, _, error = server.request("POST", "/api/compare", {"scenarios": [WIND_300] * 6})
    assert status == 422 and "1 至 5" in error["error"]


def test_the_sweep_summaries(server):
    status, _, s = server.request("GET", "/api/sweep")
    assert status == 200 and s["name"] == "serve-test" and s["scenarios"][0]["runs"] == 40
    # The sweep did not keep co2_net: the page's fan chart (no series asked) draws the first series it kept.
    status, headers, svg = server.request("GET", "/api/sweep/fan.svg?lang=zh")
    assert status == 200 and svg.lstrip().startswith(("<?xml", "<svg")) and "</svg>" in svg, svg
    assert "CO2排放总量的分布" in svg and "40次运行" in svg
    # In history mode every run peaks in the observed 2023 at the same value: no sensitivity, told; the default is the
    # first output that varies.
    status, _, error = server.request("GET", "/api/sweep/tornado.svg?output=peak_value&lang=en")
    assert status == 422 and "does not vary" in error["error"], error
    for path in ["/api/sweep/tornado.svg?output=cumulative_co2&lang=en", "/api/sweep/tornado.svg?lang=zh"]:
        status, _, svg = server.request("GET", path)
        assert status == 200 and svg.lstrip().startswith(("<?xml", "<svg")) and "</svg>" in svg, path
    status, _, error = server.request("GET", "/api/sweep/tornado.svg?output=peak_valu")
    assert status == 422 and error["errors"][0]["suggestion"] == "peak_value"


def test_the_page_and_its_files_are_served(server):
    status, headers, html = server.request("GET", "/")
    assert status == 200 and "/assets/app.js" in html and "default-src 'self'" in headers["Content-Security-Policy"]
    for name in ["app.js", "style.css"]:
        status, _, _ = server.request("GET", "/assets/" + name)
        assert status == 200


def test_a_loopback_server_answers_only_requests_addressed_to_it(server):
    """DNS rebinding: a page elsewhere naming 127.0.0.1 by a name of its own is refused."""
    host, port = server.url.removeprefix("http://").split(":")
    for name, status in [("evil.example:" + port, 403), ("localhost:" + port, 200), ("127.0.0.1:" + port, 200)]:
        c = http.client.HTTPConnection(host, int(port), timeout=10)
        c.putrequest("GET", "/api/scenarios", skip_host=True)
        c.putheader("Host", name)
        c.endheaders()
        r = c.getresponse()
        r.read()
        assert r.status == status, name
        c.close()


def test_the_workbook_download_is_the_baseline_and_the_document(server):
    """The page's workbook button: an xlsx that openpyxl reads, with the document's annual sheet in it."""
    import io
    import urllib.request

    import openpyxl

    status, _, config = server.request("GET", "/api/config")
    assert status == 200 and config["workbook"] is True
    req = urllib.request.Request(server.url + "/api/workbook.xlsx?lang=en", data=json.dumps(WIND_300).encode(), method="POST")
    with urllib.request.urlopen(req, timeout=120) as r:
        assert r.status == 200 and "attachment" in r.headers["Content-Disposition"]
        assert r.headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        book = openpyxl.load_workbook(io.BytesIO(r.read()))
    assert book.sheetnames == ["Plan periods", "Targets", "Notices", "Headline", "Costs", "Annual baseline", "Annual wind-300", "Metadata"]
    annual = book["Annual wind-300"]
    header = [c.value for c in next(annual.iter_rows(min_row=3, max_row=3))]
    wind = header.index("capacity_wind")
    row2030 = next(r for r in annual.iter_rows(values_only=True) if r[0] == 2030)
    assert abs(row2030[wind] - 300) < 1e-9, "the document's 300 GW of wind by 2030"


def test_the_scenario_list_in_chinese(server):
    status, _, listed = server.request("GET", "/api/scenarios?lang=zh")
    announced = next(s for s in listed if s["name"] == "announced.yaml")
    assert status == 200 and announced["title"] == "已公布政策情景" and "按公开文件设定" in announced["description"], announced
    status, _, listed = server.request("GET", "/api/scenarios?lang=en")
    announced = next(s for s in listed if s["name"] == "announced.yaml")
    assert announced["title"] == "announced" and "按公开文件" not in announced["description"], announced


def test_warnings_come_with_the_errors(server):
    """A document with an error tells its warnings too (0.3 for 30 %), as `carbonsim validate` does."""
    doc = {"extends": "announced.yaml", "sector_plans": {"industry": {"capacity_cut": {"steel": {"target": 0.3, "start": 2026, "full": 2028}}},
                                                         "power": {"wnd": {}}}}
    status, _, error = server.request("POST", "/api/evaluate?lang=en", doc)
    assert status == 422 and error["errors"][0]["suggestion"] == "wind", error
    assert any("sector_plans.industry.capacity_cut.steel.target" in w and "looks like a fraction" in w for w in error["warnings"]), error


def test_without_a_scenarios_folder_the_embedded_scenarios_are_served(tmp_path):
    """From a folder with no scenarios/ (the binary on PATH), the page offers the embedded baseline and announced."""
    process = subprocess.Popen([str(BINARY), "serve", "--port", "0", "--lang", "en"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        said, url = [], None
        deadline = time.time() + 120
        while time.time() < deadline and url is None:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                break
            said.append(line)
            m = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
            url = m.group(1) if m else None
        assert url, "".join(said)
        assert any("no scenarios folder here: the page offers the embedded baseline and announced" in s for s in said), said
        with urllib.request.urlopen(url + "/api/scenarios", timeout=60) as r:
            names = [s["name"] for s in json.loads(r.read())]
        assert names == ["announced.yaml", "baseline.yaml"], names
    finally:
        process.terminate()
        process.wait(timeout=10)
