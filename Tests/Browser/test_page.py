"""The what-if page in a real browser (Chromium, headless, driven by Selenium): it loads, a lever moves,
the table follows, the downloaded YAML run by `carbonsim run` gives the number the page shows, the language
switches, and a screenshot goes to plots/ for the README."""
import json
import shutil
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPOSITORY, carbonsim

CO2_2030 = '#plan-table tr[data-series="co2_gross"] td[data-col="1"]'  # the 15th plan leads (2025, then 2026-30)
WIND_2030 = '#plan-table tr[data-series="capacity_wind"] td[data-col="1"]'
WIND_INPUT = '.control[data-path="sector_plans.power.wind"] input[type="number"]'


@pytest.fixture(scope="module")
def browser(server):
    downloads = server.scratch / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1300", "--lang=zh-CN"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False})
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        options.binary_location = chromium
    driver_path = shutil.which("chromedriver")
    service = webdriver.ChromeService(executable_path=driver_path) if driver_path else webdriver.ChromeService()
    driver = webdriver.Chrome(options=options, service=service)
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


def wait(driver, condition, seconds=30):
    return WebDriverWait(driver, seconds, poll_frequency=0.05).until(lambda d: condition(d))


def cell(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector)


def read(driver, selector, what="dataset.value"):
    """An attribute of an element, read in the page in one step (each evaluation rebuilds the table)."""
    return driver.execute_script(f"const e = document.querySelector(arguments[0]); return e ? e.{what} : null;", selector)


def test_the_page_follows_a_lever_and_agrees_with_run(server, browser):
    open_page(server, browser)
    assert "碳" in browser.find_element(By.TAG_NAME, "body").text  # opens in Chinese (--lang zh)
    before = read(browser, CO2_2030)

    # Move the wind lever to 330 GW by 2030: type into its box (the slider follows) and leave the box.
    type_into(browser, WIND_INPUT, "330")
    started = time.time()
    # The keystrokes are moves too: 3 and 33 GW are raised to the observed 2025 capacity (history mode) and shown
    # on the way, so wait for the table to show 330, not merely for it to change.
    wait(browser, lambda d: abs(float(read(d, WIND_2030)) - 330) < 1e-6)
    assert time.time() - started < 1.0, "the table took more than a second to follow the lever"
    assert read(browser, CO2_2030) != before
    shown = float(read(browser, CO2_2030))
    assert shown < float(before)
    # The Chinese page shows the statistics' units (万吨, as `run --lang zh`, its headline and charts); the numbers
    # scripts read (data-value, the API's values) stay in the model's (Mt).
    assert abs(float(read(browser, CO2_2030, "firstChild.textContent")) - 100 * shown) <= 1

    # The downloaded YAML, run by `carbonsim run`, gives the number the page shows.
    browser.find_element(By.ID, "download-yaml").click()
    files = wait(browser, lambda d: [p for p in d.downloads.glob("*.yaml")], seconds=20)
    time.sleep(0.2)
    done = carbonsim("run", files[0], "--format", "json")
    assert done.returncode == 0, done.stderr
    run = json.loads(done.stdout)["scenarios"][0]
    expected = next(p for p in run["periods"] if p["period"] == "15th")["values"]["co2_gross"]["end"]
    assert shown == expected

    # With --db: the sweep's target probabilities, sensitivity ranking and fan chart.
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#sweep-targets tr")) > 1)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#sweep-sensitivity tr")) == 3  # header + wind + solar
    assert wait(browser, lambda d: d.execute_script("return document.getElementById('sweep-fan').naturalWidth > 0"))

    # Pin it, and the comparison tray shows it.
    browser.find_element(By.ID, "pin").click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#tray-chart svg"))
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#chart-wedges svg"), seconds=30)
    (REPOSITORY / "plots").mkdir(exist_ok=True)
    browser.save_screenshot(str(REPOSITORY / "plots/serve-page-zh.png"))

    # Switch the language: labels in English, the same numbers.
    browser.find_element(By.ID, "lang-toggle").click()
    wait(browser, lambda d: read(d, "#plan-table th", "textContent") == "Indicator")
    wait(browser, lambda d: read(d, "#plan-table tr[data-series=co2_gross] td", "textContent") == "CO2 gross")
    assert float(read(browser, CO2_2030)) == shown
    assert "Wind capacity" in browser.find_element(By.ID, "controls").text
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#chart-wedges svg"), seconds=30)
    browser.save_screenshot(str(REPOSITORY / "plots/serve-page.png"))


def open_page(server, browser):
    browser.get(server.url + "/")
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, CO2_2030))


def type_into(browser, selector, text):
    """Type into a number box and leave it, as a user does."""
    box = cell(browser, selector)
    box.clear()
    box.send_keys(text, Keys.TAB)


def test_a_bad_value_shows_the_located_message(server, browser):
    """The message names the control's key and what is accepted, not the line of the document the page wrote."""
    open_page(server, browser)
    type_into(browser, WIND_INPUT, "5000")
    wait(browser, lambda d: d.find_element(By.ID, "errors").is_displayed())
    text = browser.find_element(By.ID, "errors").text
    assert "sector_plans.power.wind.target" in text and ("accepted:" in text or "可接受" in text) and "request:" not in text, text


def test_text_that_is_no_number_is_told_and_not_run(server, browser):
    """'abc' in a lever's box reads as an empty number: told, never sent as 0 (which would drop the lever to zero)."""
    open_page(server, browser)
    before = read(browser, CO2_2030)
    type_into(browser, WIND_INPUT, "abc")
    wait(browser, lambda d: d.find_element(By.ID, "errors").is_displayed())
    assert "不是数字" in browser.find_element(By.ID, "errors").text
    time.sleep(0.5)
    assert read(browser, CO2_2030) == before, "nothing was run"


def test_warnings_and_what_cannot_be_honoured_are_shown(server, browser):
    """Wind beyond what can be used, and wind below the observed capacity: the page says so, as `run` prints it."""
    open_page(server, browser)
    type_into(browser, WIND_INPUT, "600")
    wait(browser, lambda d: abs(float(read(d, WIND_2030)) - 600) < 1e-6)
    wait(browser, lambda d: d.find_element(By.ID, "notices").is_displayed())
    notices = browser.find_element(By.ID, "notices").text
    assert "无法按设定实现之处" in notices and "弃电率" in notices
    # Below the capacity observed at the end of 2025: raised to it, and the warning says so.
    type_into(browser, WIND_INPUT, "100")
    wait(browser, lambda d: "提高到该值" in d.find_element(By.ID, "notices").text)
