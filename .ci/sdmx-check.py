"""Reads BaoCao's SDMX export back with pysdmx: the structure (SDMX-ML 3.0) and the data (SDMX-CSV 2.0) against it,
and checks every figure of BaoCao's own JSON export is one row with its value, period and status.

usage: sdmx-check.py DATA.csv STRUCTURE.xml EXPORT.json
"""
import json
import sys
from decimal import Decimal

from pysdmx.io import get_datasets, read_sdmx

data_path, structure_path, export_path = sys.argv[1:4]
structures = read_sdmx(structure_path).structures
kinds = sorted(type(s).__name__ for s in structures)
assert "DataStructureDefinition" in kinds and "Dataflow" in kinds, kinds
datasets = get_datasets(data_path, structure_path)
assert len(datasets) == 1, datasets
dataset = datasets[0]
assert dataset.short_urn == "Dataflow=BAOCAO:DF_KTXH(1.0)", dataset.short_urn
frame = dataset.data
ids = [c.id for c in dataset.structure.components]
for column in ["FREQ", "INDICATOR", "REF_AREA", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS"]:
    assert column in ids and column in frame.columns, (column, ids, list(frame.columns))


def sdmx_time(code):
    """BaoCao's period code as SDMX's TIME_PERIOD, written here independently of the server's mapping."""
    if "-" not in code:
        return code
    year, rest = code.split("-")
    if rest.startswith("M"):
        return f"{year}-M{int(rest[1:]):02d}"
    if rest.startswith("Q"):
        return f"{year}-{rest}"
    if rest in ("H1", "6M"):
        return f"{year}-S1"
    if rest.endswith("M"):
        return f"{year}-01-01/P{int(rest[:-1])}M"
    raise ValueError(code)


rows = {}
for record in frame.to_dict("records"):
    key = (record["INDICATOR"], record["REF_AREA"], record["TIME_PERIOD"])
    assert key not in rows, f"twice: {key}"
    rows[key] = record
values = json.load(open(export_path, encoding="utf-8"))["values"]
assert len(values) == len(rows), (len(values), len(rows))
periods = set()
for value in values:
    key = (value["indicator"], value["unit"], sdmx_time(value["period"]))
    row = rows.get(key)
    assert row is not None, f"missing in SDMX: {key}"
    expected = Decimal(str(value["value"]).replace(".", "").replace(",", ".")) if isinstance(value["value"], str) \
        else Decimal(str(value["value"]))
    assert Decimal(str(row["OBS_VALUE"])) == expected, (key, row["OBS_VALUE"], value["value"])
    status = "E" if value.get("status") == "uoc" else "A"
    assert row["OBS_STATUS"] == status, (key, row["OBS_STATUS"], value.get("status"))
    periods.add(row["TIME_PERIOD"])
print(f"ok pysdmx: {len(rows)} observations, {len(periods)} periods ({', '.join(sorted(periods)[:6])}, ...) match the export")
