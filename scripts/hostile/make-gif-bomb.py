#!/usr/bin/env python3
"""A GIF of 12,000 × 12,000 white 1-bit pixels (about 98 KB of LZW data), written by Leptonica
through ctypes:  make-gif-bomb.py OUT.gif"""
import ctypes, ctypes.util, sys
lib = None
for name in ("liblept.so.5", "libleptonica.so.6", "libleptonica.so", ctypes.util.find_library("lept")):
    try:
        lib = ctypes.CDLL(name); break
    except (OSError, TypeError):
        continue
if lib is None:
    sys.exit("no Leptonica library")
lib.pixCreate.restype = ctypes.c_void_p
lib.pixCreate.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
lib.pixWrite.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int]
IFF_GIF = 13
pix = lib.pixCreate(12000, 12000, 1)
sys.exit(lib.pixWrite(sys.argv[1].encode(), pix, IFF_GIF))
