#!/usr/bin/python3
"""An independent reading of the contract's importers (SPEC 8), in plain
Python (csv, json, zipfile): each platform export turned into the JSON
export (SPEC 2) it stands for. The C importers must build exactly the
network the library builds from these exports; the tests compare the two.

    importers.py csv FILE [--columns from=Sender,...] [--people PEOPLE.csv]
    importers.py viva-p2p FILE [--weight-column COL] [--hrvar NAME]
    importers.py slack FOLDER_OR_ZIP
    importers.py viva-engage FOLDER_OR_ZIP

prints the JSON export. Standard library only.
"""

import argparse
import csv
import datetime as dt
import io
import json
import os
import re
import sys
import zipfile

FIELDS = ("from", "to", "time", "type", "weight", "id", "team", "group")


# ---- files of a folder or a zip ----------------------------------------------

class Export:
    """The files of an export folder or zip, by their path inside it (a zip
    whose entries all sit in one top folder is read from inside it)."""

    def __init__(self, path):
        self.files = {}
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                rel = os.path.relpath(root, path)
                if rel.count(os.sep) > 0 and rel != ".":
                    continue  # one level of folders
                for name in names:
                    if name.startswith("."):
                        continue
                    key = name if rel == "." else f"{rel}/{name}"
                    with open(os.path.join(root, name), "rb") as f:
                        self.files[key] = f.read()
        else:
            with zipfile.ZipFile(path) as z:
                names = [n for n in z.namelist() if not n.endswith("/")]
                tops = {n.split("/", 1)[0] for n in z.namelist()}
                strip = ""
                if len(tops) == 1 and all("/" in n for n in z.namelist()):
                    strip = tops.pop() + "/"
                for n in names:
                    rel = n[len(strip):]
                    if rel.startswith(".") or rel.startswith("__MACOSX/"):
                        continue
                    self.files[rel] = z.read(n)

    def text(self, name):
        return self.files[name].decode("utf-8-sig")


# ---- times ----------------------------------------------------------------------

def rfc3339(seconds):
    """Unix seconds as an RFC 3339 UTC text, exact to the microsecond."""
    t = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(seconds=seconds)
    return t.strftime("%Y-%m-%dT%H:%M:%S") + (f".{t.microsecond:06d}" if t.microsecond else "") + "Z"


def date_text(year, month, day):
    return f"{year:04d}-{month:02d}-{day:02d}T00:00:00Z"


def csv_time(text):
    """A CSV time cell as an export's time: RFC 3339 stays text, Unix
    seconds become a number, a date becomes its midnight (UTC)."""
    if re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", text):
        return float(text) if re.search(r"[.eE]", text) else int(text)
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return date_text(*map(int, m.groups()))
    return text


# ---- CSV of interactions, and people tables -----------------------------------

def rows(text):
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    return header, [r for r in reader if r]


def column(header, name):
    """The column named `name`, else the one named so in another case."""
    if name in header:
        return header.index(name)
    alike = [i for i, h in enumerate(header) if h.lower() == name.lower()]
    return alike[0] if len(alike) == 1 else None


def people_table(path, columns=None):
    header, body = rows(open(path, encoding="utf-8-sig", newline="").read())
    col = {f: column(header, (columns or {}).get(f, f)) for f in ("id", "team", "group")}
    people = []
    for r in body:
        p = {"id": r[col["id"]]}
        for f in ("team", "group"):
            if col[f] is not None and r[col[f]]:
                p[f] = r[col[f]]
        people.append(p)
    return people


def apply_people(export, people):
    """A people table over an export: its entries win; new people join."""
    listed = {p["id"]: p for p in export.get("people", [])}
    for p in people:
        listed[p["id"]] = p
    export["people"] = list(listed.values())
    return export


def csv_export(path, columns=None):
    header, body = rows(open(path, encoding="utf-8-sig", newline="").read())
    col = {f: column(header, (columns or {}).get(f, f)) for f in FIELDS[:5]}
    interactions = []
    for r in body:
        i = {"from": r[col["from"]], "to": r[col["to"]]}
        if col["time"] is not None and r[col["time"]]:
            i["time"] = csv_time(r[col["time"]])
        if col["type"] is not None and r[col["type"]]:
            i["type"] = r[col["type"]]
        if col["weight"] is not None and r[col["weight"]]:
            i["weight"] = float(r[col["weight"]])
        interactions.append(i)
    return {"interactions": interactions}


# ---- Viva Insights person-to-person query -------------------------------------

def metric_date(text):
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:
        month, day, year = map(int, m.groups())
        return date_text(year, month, day)
    return csv_time(text)


def p2p_export(path, weight_column=None, hrvar="Organization"):
    header, body = rows(open(path, encoding="utf-8-sig", newline="").read())
    c = {name: column(header, name) for name in header}
    primary, secondary = c["PrimaryCollaborator_PersonId"], c["SecondaryCollaborator_PersonId"]
    date = c.get("MetricDate")
    weight = c[weight_column] if weight_column else None
    teams = (c.get(f"PrimaryCollaborator_{hrvar}"), c.get(f"SecondaryCollaborator_{hrvar}"))
    interactions, team_of, order = [], {}, []
    dropped_zero = 0
    for r in body:
        when = metric_date(r[date]) if date is not None and r[date] else None
        for who, tcol in ((r[primary], teams[0]), (r[secondary], teams[1])):
            team = r[tcol] if tcol is not None and r[tcol] else None
            key = when or ""  # a row without a date is older than any
            if who not in team_of:
                order.append(who)
                team_of[who] = (key, team)
            elif key >= team_of[who][0]:  # the latest row's team (RFC 3339 dates sort)
                team_of[who] = (key, team)
        w = float(r[weight]) if weight is not None and r[weight] else 1.0
        if w == 0:
            dropped_zero += 1
            continue
        i = {"from": r[primary], "to": r[secondary]}
        if when:
            i["time"] = when
        if weight is not None:
            i["weight"] = w
        interactions.append(i)
    people = []
    for who in order:
        p = {"id": who}
        if team_of[who][1]:
            p["team"] = team_of[who][1]
        people.append(p)
    return {"people": people, "interactions": interactions}, dropped_zero


# ---- Slack ------------------------------------------------------------------------

CHANNEL_LISTS = (("channels.json", "name"), ("groups.json", "name"), ("mpims.json", "name"),
                 ("dms.json", "id"))
MENTION = re.compile(r"<@([A-Z0-9]+)[>|]")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}\.json")


def slack_export(path):
    ex = Export(path)
    people = []
    for u in json.loads(ex.text("users.json")):
        p = {"id": u["id"]}
        if u.get("is_bot") is True or u["id"] == "USLACKBOT":
            p["group"] = "bot"
        people.append(p)
    folders = []
    for name, member in CHANNEL_LISTS:
        if name in ex.files:
            for ch in json.loads(ex.text(name)):
                if ch.get(member) and ch[member] not in folders:
                    folders.append(ch[member])
    interactions, parents = [], {}
    for folder in folders:
        days = sorted(n for n in ex.files if n.startswith(folder + "/")
                      and DAY.fullmatch(n[len(folder) + 1:]))
        for day in days:
            for m in json.loads(ex.text(day)):
                user = m.get("user")
                if user is None or m.get("subtype", "thread_broadcast") != "thread_broadcast":
                    continue
                ts = m["ts"]
                time = float(ts)
                thread = m.get("thread_ts")
                if thread is not None and thread == ts:
                    parents.setdefault((folder, ts), user)
                elif thread is not None:
                    parent = m.get("parent_user_id") or parents.get((folder, thread))
                    if parent:
                        interactions.append({"from": user, "to": parent, "time": time,
                                             "type": "reply"})
                for mentioned in MENTION.findall(m.get("text", "")):
                    interactions.append({"from": user, "to": mentioned, "time": time,
                                         "type": "mention"})
                for reaction in m.get("reactions", []):
                    for reactor in reaction.get("users", []):
                        interactions.append({"from": reactor, "to": user, "time": time,
                                             "type": "reaction"})
    return {"people": people, "interactions": interactions}


# ---- Viva Engage -------------------------------------------------------------------

def engage_time(text):
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC", text)
    return f"{m.group(1)}T{m.group(2)}Z" if m else text


def engage_export(path):
    ex = Export(path)
    uh, users = rows(ex.text("Users.csv"))
    ui, ud = column(uh, "id"), column(uh, "department")
    people = []
    for r in users:
        p = {"id": r[ui]}
        if ud is not None and r[ud]:
            p["team"] = r[ud]
        people.append(p)
    mh, messages = rows(ex.text("Messages.csv"))
    c = {n: column(mh, n) for n in ("id", "replied_to_id", "sender_id", "created_at",
                                     "deleted_at")}
    sender = {}
    for r in messages:
        if r[c["id"]] and r[c["sender_id"]]:
            sender.setdefault(r[c["id"]], r[c["sender_id"]])
    interactions = []
    for r in messages:
        replied = r[c["replied_to_id"]]
        deleted = r[c["deleted_at"]] if c["deleted_at"] is not None else ""
        if not replied or deleted or replied not in sender:
            continue
        i = {"from": r[c["sender_id"]], "to": sender[replied], "type": "reply"}
        if r[c["created_at"]]:
            i["time"] = engage_time(r[c["created_at"]])
        interactions.append(i)
    return {"people": people, "interactions": interactions}


# ---- command line --------------------------------------------------------------------

def pairs(text):
    return dict(item.split("=", 1) for item in text.split(",")) if text else {}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("form", choices=["csv", "viva-p2p", "slack", "viva-engage"])
    ap.add_argument("path")
    ap.add_argument("--columns", default="")
    ap.add_argument("--people")
    ap.add_argument("--weight-column")
    ap.add_argument("--hrvar", default="Organization")
    a = ap.parse_args()
    if a.form == "csv":
        export = csv_export(a.path, pairs(a.columns))
    elif a.form == "viva-p2p":
        export, _ = p2p_export(a.path, a.weight_column, a.hrvar)
    elif a.form == "slack":
        export = slack_export(a.path)
    else:
        export = engage_export(a.path)
    if a.people:
        export = apply_people(export, people_table(a.people, pairs(a.columns)))
    json.dump(export, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
