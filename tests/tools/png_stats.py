#!/usr/bin/env python3
"""Prints the size of a PNG and how much its pixels vary, decoding it with
zlib only (8-bit greyscale, RGB or RGBA, not interlaced):

    png_stats.py FILE [RRGGBB...]
    width=1200 height=900 colours=345 dark_fraction=0.0312 B2182B=1530

`colours` counts distinct pixel values (a blank page has 1); `dark_fraction`
is the share of pixels whose mean channel is below 128; each RRGGBB given
is followed by the number of pixels of exactly that colour."""
import struct
import sys
import zlib


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(
                ">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    if depth != 8 or interlace != 0:
        raise ValueError("unsupported PNG layout")
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                line[x] = (line[x] + paeth(a, b, c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main(path, wanted):
    with open(path, "rb") as f:
        width, height, channels, rows = decode(f.read())
    colours, dark = {}, 0
    used = min(channels, 3)
    for row in rows:
        for x in range(0, len(row), channels):
            pixel = row[x:x + used]
            colours[pixel] = colours.get(pixel, 0) + 1
            if sum(pixel) / used < 128:
                dark += 1
    counts = " ".join(
        f"{w}={colours.get(bytes.fromhex(w), 0)}" for w in wanted)
    print(f"width={width} height={height} colours={len(colours)} "
          f"dark_fraction={dark / (width * height):.4f} {counts}".rstrip())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
