#!/usr/bin/env python3
"""Summarises a chaintrace SVG plot for svg_plot_test: parses it with
Python's XML parser (so the file must be well-formed XML) and prints one
fact per line: title, axis labels, each polyline's label and vertex count,
and the number of markers and error bars."""
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"


def main(path):
    root = ET.parse(path).getroot()
    if root.tag != NS + "svg":
        print("error=root is " + root.tag)
        return 1
    for text in root.iter(NS + "text"):
        cls = text.get("class")
        if cls in ("title", "x-label", "y-label"):
            print(f"{cls}={text.text}")
    for line in root.iter(NS + "polyline"):
        points = line.get("points", "").split()
        for p in points:
            x, y = (float(v) for v in p.split(","))
        print(f"series={line.get('data-label')} {len(points)}")
    print(f"circles={sum(1 for _ in root.iter(NS + 'circle'))}")
    bars = [l for l in root.iter(NS + "line") if l.get("class") == "error-bar"]
    print(f"error-bars={len(bars)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
