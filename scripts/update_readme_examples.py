#!/usr/bin/env python3
"""Regenerate the README's example outputs from the current binary (run after a model or scenario change):
the `run` example, the `compare` excerpt, the Chinese excerpt and the hindcast summary, and the full hindcast
table and chart in docs/data.md. Each block is replaced between fixed
anchor lines; the excerpts keep the indicators the README shows.

usage: scripts/update_readme_examples.py [--carbonsim .build/debug/carbonsim]"""
import argparse
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]


def carbonsim(binary, *args):
    done = subprocess.run([binary, *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"carbonsim {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def demoted(lines, levels=2):
    """Headings `levels` down: the document's sections are the output's parents."""
    return ["#" * levels + l if l.startswith("#") else l for l in lines]


def excerpt(table, keep):
    """The rows of a markdown table whose first cell is in `keep`, with their continuation rows (empty first cell)."""
    out, taking = [], False
    for line in table:
        if not line.startswith("|"):
            out.append(line)
            continue
        first = line.split("|")[1].strip()
        if first.startswith(":") or first.startswith("-") or first in ("Indicator", "指标"):
            out.append(line)
            taking = False
            continue
        if first:
            taking = first in keep
        if taking:
            out.append(line)
    return out


def markdown_table(lines, header):
    """The markdown table whose header row starts with `header`: its lines up to the first that is not a row."""
    start = next(i for i, l in enumerate(lines) if l.startswith(header))
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("|")), len(lines))
    return lines[start:end]


def replace(text, start, end, block, keep_start=True):
    """Replace the lines from the line starting with `start` (kept when `keep_start`) up to (not including) the
    line starting with `end`."""
    lines = text.split("\n")
    i = next(k for k, l in enumerate(lines) if l.startswith(start))
    j = next(k for k in range(i + 1, len(lines)) if lines[k].startswith(end))
    return "\n".join(lines[:i + 1 if keep_start else i] + block + lines[j:])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--carbonsim", default=".build/debug/carbonsim")
    a = p.parse_args()
    readme = ROOT / "README.md"
    text = readme.read_text()

    run = demoted(carbonsim(a.carbonsim, "run", "scenarios/announced.yaml", "--format", "markdown").rstrip("\n").split("\n"))
    text = replace(text, "## Example: `carbonsim run scenarios/announced.yaml --format markdown`", "The table leads with",
                   [""] + run + [""])

    compare = carbonsim(a.carbonsim, "compare", "scenarios/announced.yaml", "scenarios/accelerated.yaml", "--until", "2030",
                        "--format", "markdown").rstrip("\n").split("\n")
    compare = demoted(compare)
    shown = {"CO2 gross", "Energy (dual-control basis)", "Non-fossil share", "CO2 intensity", "Wind capacity"}
    k = next(i for i, l in enumerate(compare) if l.startswith("##### Targets"))
    block = excerpt(compare[:k], shown) + compare[k:]
    text = replace(text, "#### Comparison of scenarios", "`--format csv` gives the same in long form", block + [""],
                   keep_start=False)

    zh = carbonsim(a.carbonsim, "run", "scenarios/announced.yaml", "--lang", "zh", "--format", "markdown").split("\n")
    block = excerpt(markdown_table(zh, "| 指标"), {"非化石能源消费比重", "风电装机"}) + [""] + markdown_table(zh, "| 目标")
    text = replace(text, "For example, `carbonsim run scenarios/announced.yaml --lang zh --format markdown` (excerpt):",
                   "What stays in Latin letters in Chinese output", [""] + block + [""])

    hindcast = demoted(carbonsim(a.carbonsim, "hindcast", "--format", "markdown").rstrip("\n").split("\n"), levels=1)
    carbonsim(a.carbonsim, "hindcast", "--chart", "docs/hindcast-inner-mongolia.svg")
    body = hindcast[next(i for i, l in enumerate(hindcast) if l.startswith("- **Mode**")):]
    data = ROOT / "docs" / "data.md"
    lines = data.read_text().split("\n")
    m = next(k for k, l in enumerate(lines) if l.startswith("- **Mode**: "))
    data.write_text("\n".join(lines[:m] + body) + "\n")
    s = next(i for i, l in enumerate(hindcast) if l.lstrip("#").strip() == "Summary")
    summary = [l for l in hindcast[s + 2:] if l.startswith("|")]
    rows = [l for l in summary[2:] if "| in-sample |" in l and l.split("|")[3].strip() != "0"]
    bounds = next(l for l in hindcast[s:] if l.startswith("In-sample bounds"))
    block = ["", "Today's in-sample summary (`carbonsim hindcast --format markdown`, the quantities compared as annual values;",
             "the full table, with the lower bounds and the held-out check, is in docs/data.md):", ""] + summary[:2] + rows + ["", bounds, ""]
    text = replace(text, "has the format, how to add next year's bulletin, and today's table.", "```sh", block)
    readme.write_text(text)


if __name__ == "__main__":
    main()
