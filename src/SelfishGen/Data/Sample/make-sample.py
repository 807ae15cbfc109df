#!/usr/bin/env python3
"""Makes the bundled Fashion-MNIST sample: the first PER_CLASS images of each class of the test set, in their original
order (with 1,000 per class: the whole test set of 10,000 images).

Run from the repository root (needs the Debian package dataset-fashion-mnist, Python's standard library only):

    python3 src/SelfishGen/Data/Sample/make-sample.py /usr/share/datasets/fashion-mnist

The output is byte-for-byte reproducible (gzip headers carry no name or time).
"""
import gzip
import struct
import sys
from pathlib import Path

PER_CLASS = 1000
CLASSES = 10
OUT = Path(__file__).resolve().parent
PREFIX = "fashion-mnist-sample"


def read_idx(path, magic):
    data = gzip.open(path).read()
    found, count = struct.unpack(">II", data[:8])
    if found != magic:
        sys.exit(f"{path}: magic {found:#010x}, expected {magic:#010x}")
    return count, data


def write_gz(path, payload):
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
        out.write(payload)


def main(source):
    source = Path(source)
    count, images = read_idx(source / "t10k-images-idx3-ubyte.gz", 0x803)
    _, labels = read_idx(source / "t10k-labels-idx1-ubyte.gz", 0x801)
    rows, cols = struct.unpack(">II", images[8:16])
    size = rows * cols
    taken = [0] * CLASSES
    chosen = []
    for i in range(count):
        label = labels[8 + i]
        if taken[label] < PER_CLASS:
            taken[label] += 1
            chosen.append(i)
    if taken != [PER_CLASS] * CLASSES:
        sys.exit(f"not enough images per class: {taken}")
    pixels = b"".join(images[16 + i * size:16 + (i + 1) * size] for i in chosen)
    write_gz(OUT / f"{PREFIX}-images-idx3-ubyte.gz", struct.pack(">IIII", 0x803, len(chosen), rows, cols) + pixels)
    write_gz(OUT / f"{PREFIX}-labels-idx1-ubyte.gz",
             struct.pack(">II", 0x801, len(chosen)) + bytes(labels[8 + i] for i in chosen))
    print(f"{len(chosen)} images of {rows}x{cols} written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist")
