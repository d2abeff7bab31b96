#!/usr/bin/python3
"""Reads a chaintrace export with independent readers and prints a summary.

Used by io_cli_test.cc, which compares the summary with what the ledger
holds. Readers: Python's csv module (csv), json (json), xml.etree and
networkx (graphml). Every amount's decimal text is checked against its
base units (amount * 10**d == base units for one d in 0..18).

    read_export.py csv|json|graphml PATH
"""
import csv
import json
import os
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal


def check_amount(text, base):
    if text in ("", None):
        return
    value = Decimal(text)
    base = int(base)
    if not any(value * (10 ** d) == base for d in range(19)):
        raise SystemExit(f"amount {text} does not match base units {base}")


def read_csv(path):
    counts = {}
    sums = {"output": 0, "stolen": 0}
    for name in ("transactions", "inputs", "outputs", "transfers",
                 "addresses", "thefts"):
        with open(os.path.join(path, name + ".csv"), newline="") as f:
            rows = list(csv.DictReader(f))
        counts[name] = len(rows)
        for row in rows:
            if "amount" in row:
                check_amount(row["amount"], row["amount_base_units"])
            if name in ("outputs", "transfers"):
                sums["output"] += int(row["amount_base_units"])
                if row["stolen_base_units"]:
                    check_amount(row["stolen"], row["stolen_base_units"])
                    sums["stolen"] += int(row["stolen_base_units"])
    print(" ".join(f"{k}={v}" for k, v in counts.items()),
          f"output_sum={sums['output']} stolen_sum={sums['stolen']}")


def read_json(path):
    with open(path) as f:
        doc = json.load(f)
    assert doc["format"] == "chaintrace.export", doc["format"]
    out_sum = stolen = inputs = outputs = 0
    for tx in doc["transactions"]:
        for i in tx["inputs"]:
            inputs += 1
            check_amount(i["amount"], i["amount_base_units"])
        for o in tx["outputs"]:
            outputs += 1
            check_amount(o["amount"], o["amount_base_units"])
            out_sum += o["amount_base_units"]
            stolen += o["stolen_base_units"] or 0
    print(f"transactions={len(doc['transactions'])} inputs={inputs} "
          f"outputs={outputs} addresses={len(doc['addresses'])} "
          f"output_sum={out_sum} stolen_sum={stolen}")


def read_graphml(path):
    # The XML itself, namespace-aware.
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    xml_nodes = len(root.findall("g:graph/g:node", ns))
    xml_edges = len(root.findall("g:graph/g:edge", ns))
    # And networkx's reader, as an analyst would load it.
    import networkx as nx
    g = nx.read_graphml(path)
    assert g.number_of_nodes() == xml_nodes
    assert g.number_of_edges() == xml_edges
    out_sum = stolen = 0
    for _, _, data in g.edges(data=True):
        check_amount(data["amount"], data["amount_base_units"])
        if data["flow"] == "output":
            out_sum += data["amount_base_units"]
            stolen += data.get("stolen_base_units", 0)
    roles = {}
    for _, data in g.nodes(data=True):
        roles[data["role"]] = roles.get(data["role"], 0) + 1
    print(f"nodes={g.number_of_nodes()} edges={g.number_of_edges()} "
          f"addresses={roles.get('address', 0)} "
          f"transactions={roles.get('transaction', 0)} "
          f"output_sum={out_sum} stolen_sum={stolen}")


if __name__ == "__main__":
    {"csv": read_csv, "json": read_json, "graphml": read_graphml}[
        sys.argv[1]](sys.argv[2])
