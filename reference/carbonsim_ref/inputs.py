"""Reading the dataset and scenario files (YAML), independently of the Swift reader."""
import os
import yaml

FUELS = ["coal", "coke", "oil", "gas"]
GROUPS = ["power", "ferrous", "nonferrous", "nonmetal", "petro_coking", "chemicals", "transport", "other"]
PRODUCTS = ["steel", "aluminium", "alumina", "clinker", "coke", "ferroalloy", "carbide", "coal_chemicals"]


def leaf(node):
    """A sourced value: a number, a series (years, values) or CO2 by fuel."""
    if isinstance(node, dict):
        if "value" in node:
            return float(node["value"])
        if "years" in node:
            return ([float(y) for y in node["years"]], [float(v) for v in node["values"]])
        if "coal" in node and not isinstance(node["coal"], dict):
            return [float(node[f]) for f in FUELS]
    return node


def load_dataset(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def get(data, path):
    node = data
    for part in path.split("."):
        node = node[part]
    return node


def apply_assumption(data, path, value):
    """A number replaces a scalar and scales a series or a CO2-by-fuel row: a demand index after the base year,
    and in history mode a series history follows or fitted from its year `scale_from` on (after the last observed
    year)."""
    node = get(data, path)
    if "value" in node:
        node["value"] = value
    elif "values" in node:
        # A demand index is 1 in the base year by definition: its later knots scale.
        start = int(data["base_year"]) + 1 if path.endswith(".demand_index") else float("-inf")
        start = node.get("scale_from", start)
        node["values"] = [v * value if float(y) >= start else v for y, v in zip(node["years"], node["values"])]
    else:
        for f in FUELS:
            node[f] = node[f] * value


def load_scenario(path):
    """The scenario with `extends` resolved: later files override levers, targets and settings."""
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f) or {}
    base = {"levers": {}, "targets": {}, "assumptions": {}, "accounting": {}, "enforce": False}
    if "extends" in doc:
        target = os.path.join(os.path.dirname(path), doc["extends"])
        # As carbonsim: `announced.yaml` or `baseline` with no such file beside it is the shipped (embedded) scenario.
        name = doc["extends"][:-5] if doc["extends"].endswith(".yaml") else doc["extends"]
        if not os.path.exists(target) and "/" not in doc["extends"] and name in ("announced", "baseline"):
            target = os.path.join(os.path.dirname(__file__), "..", "..", "scenarios", name + ".yaml")
        base = load_scenario(target)
    base["name"] = doc.get("name", os.path.splitext(os.path.basename(path))[0])
    # In a file that extends another, `none` drops a target of that file, or one year or period of it.
    for key, value in (doc.get("targets") or {}).items():
        if value == "none" and "extends" in doc:
            base["targets"].pop(key, None)
        elif isinstance(value, dict) and isinstance(base["targets"].get(key), dict):
            merged = {**base["targets"][key], **value}
            base["targets"][key] = {k: v for k, v in merged.items() if v != "none"}
        else:
            base["targets"][key] = {k: v for k, v in value.items() if v != "none"} if isinstance(value, dict) else value

    def walk(node, prefix):
        for key, value in node.items():
            path = f"{prefix}.{key}"
            if path == "measures.dual_control":
                base["enforce"] = bool(value.get("enforce", False))
            elif not isinstance(value, dict):
                base["levers"][path] = {"target": value}
            elif any(k in value for k in ("target", "path", "delta")):
                setting = dict(value)
                if "delta" in setting:
                    # A delta adds to the setting of the scenario it extends (none: the baseline).
                    setting["over"] = base["levers"].get(path)
                base["levers"][path] = setting
            else:
                walk(value, path)

    for section in ("sector_plans", "measures"):
        if doc.get(section):
            walk(doc[section], section)
    base["assumptions"].update(doc.get("assumptions") or {})
    base["accounting"].update(doc.get("accounting") or {})
    return base
