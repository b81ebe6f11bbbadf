#!/usr/bin/python3
"""Writes slack.zip and viva-engage.zip from the folders beside this script,
as the platforms hand them out: Slack's archive holds one top folder, Viva
Engage's holds its files at the top. Deterministic (fixed dates), so that
running it again changes nothing:  /usr/bin/python3 make_zips.py"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def write(zip_name, folder, top):
    src = os.path.join(HERE, folder)
    with zipfile.ZipFile(os.path.join(HERE, zip_name), "w", zipfile.ZIP_DEFLATED) as z:
        for root, dirs, files in os.walk(src):
            dirs.sort()
            for name in sorted(files):
                if name.startswith("expected"):
                    continue
                path = os.path.join(root, name)
                rel = os.path.relpath(path, src).replace(os.sep, "/")
                info = zipfile.ZipInfo(top + rel, date_time=(2026, 3, 6, 12, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(path, "rb") as f:
                    z.writestr(info, f.read())


write("slack.zip", "slack", "Acme Slack export Mar 2 2026 - Mar 3 2026/")
write("viva-engage.zip", "viva-engage", "")
