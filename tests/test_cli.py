"""Behaviour of the `champions` demo executable (SPEC 5).

Usage: test_cli.py CHAMPIONS_EXE [BUNDLED_EXPORT]

Standard library only. The tiny hand-made export below is small enough to
work out by hand what each option must change. CHAMPIONS_CLI_WRAPPER, if set,
is a command put in front of every run (for example
"valgrind -q --leak-check=full --error-exitcode=99").
"""

import csv
import io
import gzip
import hashlib
import hmac
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unittest

EXE = None
BUNDLED = None

T0 = 1772357400  # 2026-03-01T09:30:00Z
DAY = 86400
LONG_ID = "ünïcödé-identifier-of-a-rather-long-name"
LONG_TEAM = "Forschung und Entwicklung International"

TINY = {
    "people": [
        {"id": "ann", "team": "Sales", "group": "staff"},
        {"id": "bob", "team": "Sales"},
        {"id": "cat", "team": "IT", "group": "staff"},
        {"id": "dan", "team": "HR", "group": "partner"},
        {"id": "eve", "team": None, "group": "citizen"},
        {"id": "fay", "team": "IT", "group": "citizen"},
        {"id": "gus", "team": "Ops"},
        {"id": LONG_ID, "team": LONG_TEAM},
    ],
    "interactions": [
        {"from": "ann", "to": "bob", "time": T0, "type": "reply"},
        {"from": "bob", "to": "ann", "time": T0 + 60, "type": "reply"},
        {"from": "ann", "to": "cat", "time": T0 + 120},
        {"from": "cat", "to": "ann", "time": T0 + 180, "type": "reaction"},
        {"from": "ann", "to": "dan", "time": T0 + 240, "type": "mention"},
        {"from": "ann", "to": "eve", "time": T0 + 300, "type": "reply"},
        {"from": "ann", "to": "fay", "time": "2026-03-01T09:36:00Z", "type": "reply"},
        {"from": "cat", "to": "gus", "time": T0 + 10 * DAY},
        {"from": "dan", "to": "cat", "time": T0 + 10 * DAY},
        {"from": "bob", "to": "cat", "time": T0 + 10 * DAY, "type": "reaction",
         "weight": 2},
        {"from": LONG_ID, "to": "ann", "time": T0},
        {"from": "eve", "to": "cat", "time": T0},
        {"from": "ann", "to": "ann", "time": T0},
        {"from": "bob", "to": "gus"},
    ],
}
TINY_KEPT = 13  # every interaction but the self one

PERSON_KEYS = ["id", "team", "group", "listed", "eligible", "rank", "score",
               "activity", "reciprocity", "reach", "bridging", "influence",
               "received", "ties", "mutual", "cross_share", "percentiles", "flags",
               "explanation"]
SUMMARY_KEYS = ["people", "listed", "eligible", "interactions", "dropped_self",
                "dropped_window", "ties", "mutual_ties", "reciprocity", "teams",
                "cross_team_share", "warnings"]
CRITERIA = ["reciprocity", "reach", "bridging", "influence", "activity"]
DEFAULT_WEIGHTS = {"reciprocity": 0.30, "reach": 0.25, "bridging": 0.15,
                   "influence": 0.15, "activity": 0.15}


def fit(text, width=24):
    """Text as the table shows it: at most `width` code points."""
    return text if len(text) <= width else text[:width - 1] + "…"


def table_rows(out):
    """The rows of the table under its "rank id ..." header line."""
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("rank"))
    rows = lines[header + 1:]
    return rows[:rows.index("")] if "" in rows else rows


def run(*args, stdin=b"", stdout=subprocess.PIPE, progress="never"):
    wrapper = shlex.split(os.environ.get("CHAMPIONS_CLI_WRAPPER", ""))
    env = {**os.environ, "CHAMPIONS_PROGRESS": progress}
    proc = subprocess.run(wrapper + [EXE, *args], input=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=600, env=env)
    out = proc.stdout.decode("utf-8") if proc.stdout is not None else ""
    return proc.returncode, out, proc.stderr.decode("utf-8")


FEW_ELIGIBLE = re.compile(r"[^\r\n]*: warning: only \d+ (people are|person is) eligible "
                          r"\(fewer than 30\)[^\n]*\n")


# the bundled export records each pair's e-mail once: every run on it says so
NO_TIE_DEPTH = re.compile(r"[^\r\n]*: warning: no tie holds more than one interaction each "
                          r"way, so the data cannot tell a single exchange from a working "
                          r"relationship[^\n]*\n")


def without_few_eligible(err):
    """stderr without the warnings about the data that the tests' exports
    have by design: few_eligible (the tiny ones), no_tie_depth (the
    bundled one; TestBundledExport checks it)."""
    return NO_TIE_DEPTH.sub("", FEW_ELIGIBLE.sub("", err))


class CliTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.tiny = self.write("tiny.json", json.dumps(TINY))

    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def ok(self, *args, stdin=b""):
        """stdout of a run that succeeds with no warning but few_eligible,
        which every tiny export of these tests has (checked on its own in
        TestWarnings)."""
        code, out, err = run(*args, stdin=stdin)
        self.assertEqual(code, 0, err)
        self.assertEqual(without_few_eligible(err), "")
        return out

    def rank_json(self, *options, path=None, one_direction=False):
        """The JSON output; with one_direction, of a run that must warn (only)
        that the interactions kept go one way."""
        args = ("rank", "--format", "json", *options, path or self.tiny)
        if one_direction:
            code, out, err = run(*args)
            self.assertEqual(code, 0, err)
            self.assertRegex(without_few_eligible(err),
                             r"^[^\n]*: warning: only 0\.0% of the ties go both ways[^\n]*\n$")
        else:
            out = self.ok(*args)
        self.assertTrue(out.endswith("\n"))
        return json.loads(out)

    def people(self, *options):
        return {p["id"]: p for p in self.rank_json(*options)["people"]}

    def assert_usage_error(self, *args):
        code, out, err = run(*args)
        self.assertEqual(code, 2, (args, err))
        self.assertEqual(out, "")
        lines = err.splitlines()
        self.assertEqual(len(lines), 2, (args, err))
        self.assertTrue(lines[0].startswith("champions: "), (args, err))
        self.assertEqual(lines[1], "Try 'champions --help'.")

    def assert_input_error(self, path, *patterns, args=None, stdin=b""):
        code, out, err = run(*(args or ["rank", path]), stdin=stdin)
        self.assertEqual(code, 1, err)
        self.assertEqual(out, "")
        self.assertEqual(len(err.splitlines()), 1, err)
        self.assertTrue(err.startswith(path + ":"), err)
        for pattern in patterns:
            self.assertRegex(err, pattern)


class TestInfo(CliTestCase):
    def test_help(self):
        for args in (["--help"], ["-h"]):
            out = self.ok(*args)
            self.assertIn("Usage: champions COMMAND [OPTIONS] FILE", out)
            for command in ("rank ", "track ", "scenarios "):
                self.assertIn(command, out)
        for args in (["rank", "--help"], ["rank", "-h"], ["rank", "--top", "3", "--help"]):
            out = self.ok(*args)
            self.assertIn("Usage: champions rank [OPTIONS] FILE", out)
            for option in ("--weights", "--since", "--until", "--type-weight",
                           "--min-activity", "--champion-groups", "--audience",
                           "--reciprocity-prior", "--samples", "--seed", "--format",
                           "--top", "--input", "-h, --help"):
                self.assertIn(option, out)

    def test_help_shows_the_librarys_defaults(self):
        out = self.ok("rank", "--help")
        for criterion, weight in DEFAULT_WEIGHTS.items():
            self.assertIn(f"{criterion}={weight:g}", out)
        self.assertIn("(default staff)", out)
        self.assertIn("table (default), json, csv, gexf or graphml", out)
        self.assertIn("detect, json, jsonl, csv, viva-p2p,", out)
        self.assertIn("(default Organization)", out)

    def test_version(self):
        out = self.ok("--version")
        self.assertRegex(out, r"^champions \d+\.\d+\.\d+\n$")
        self.assertEqual(out.split()[1], self.rank_json()["version"])


class TestUsageErrors(CliTestCase):
    def test_command_line_shape(self):
        self.assert_usage_error()
        self.assert_usage_error("frobnicate")
        self.assert_usage_error("--frobnicate")
        self.assert_usage_error("--version", "extra")
        self.assert_usage_error("rank")
        self.assert_usage_error("rank", self.tiny, "extra")
        self.assert_usage_error("rank", "--bogus", self.tiny)
        self.assert_usage_error("rank", "-x", self.tiny)
        self.assert_usage_error("rank", self.tiny, "--top")
        self.assert_usage_error("rank", "--help=yes", self.tiny)

    def test_bad_values(self):
        bad = [
            "--top=-1", "--top=1.5", "--top= 3", "--top=", "--top=3x",
            "--top=99999999999999999999999999",
            "--samples=x", "--samples=-2", "--seed=-1", "--seed=18446744073709551616",
            "--weights=foo=1", "--weights=reach", "--weights==1", "--weights=reach=-1",
            "--weights=reach=nan", "--weights=reach=inf", "--weights=reach=1e999",
            "--weights=reach=1x", "--weights=reach=", "--weights=reach=1,,activity=2",
            "--weights=reach=1,", "--since=yesterday", "--until=2026-13-01T00:00:00Z",
            "--since=", "--format=xml", "--format=", "--min-activity=abc",
            "--min-activity=nan", "--reciprocity-prior=-1", "--reciprocity-prior=",
            "--type-weight=reaction", "--type-weight=reaction=-2",
            "--type-weight=reaction=0.5,", "--champion-groups=", "--audience=a,,b",
        ]
        for option in bad:
            with self.subTest(option=option):
                self.assert_usage_error("rank", option, self.tiny)

    def test_value_as_next_argument_is_checked_too(self):
        self.assert_usage_error("rank", "--top", "x", self.tiny)
        self.assert_usage_error("rank", "--weights", "reach=-1", self.tiny)

    def test_options_the_ranking_refuses(self):
        zero = "reciprocity=0,reach=0,bridging=0,influence=0,activity=0"
        self.assert_usage_error("rank", "--weights", zero, self.tiny)
        self.assert_usage_error("rank", "--since", str(T0 + 10), "--until", str(T0),
                                self.tiny)
        self.assert_usage_error("rank", "--since", str(T0), "--until", str(T0), self.tiny)


class TestInputErrors(CliTestCase):
    def test_missing_file(self):
        path = os.path.join(self.tmp.name, "missing.json")
        self.assert_input_error(path)

    def test_malformed_json_names_line_and_column(self):
        path = self.write("broken.json", '{"people": [\n  {"id": "a",,}\n]}\n')
        self.assert_input_error(path, r"(?i)line 2", r"(?i)column \d+")

    def test_bad_weight_names_the_json_path(self):
        data = {"interactions": [{"from": "a", "to": "b", "weight": -1}]}
        path = self.write("weight.json", json.dumps(data))
        self.assert_input_error(path, re.escape("interactions[0].weight"))

    def test_weights_adding_up_past_the_largest_number(self):
        data = {"interactions": [{"from": "a", "to": "b", "weight": 1e308},
                                 {"from": "a", "to": "b", "weight": 1e308}]}
        path = self.write("huge.json", json.dumps(data))
        self.assert_input_error(path, re.escape('"a" add up to more than the largest'))

    def test_bad_standard_input(self):
        self.assert_input_error("<stdin>", r"(?i)line 1", args=["rank", "-"],
                                stdin=b'{"people": [}')

    def test_usage_is_checked_before_the_file(self):
        self.assert_usage_error("rank", "--top", "x",
                                os.path.join(self.tmp.name, "missing.json"))


class TestJsonOutput(CliTestCase):
    def test_keys_and_order(self):
        doc = self.rank_json()
        self.assertEqual(list(doc), ["version", "summary", "people"])
        self.assertEqual(list(doc["summary"]), SUMMARY_KEYS)
        people = doc["people"]
        self.assertEqual(len(people), len(TINY["people"]))
        for person in people:
            self.assertEqual(list(person), PERSON_KEYS)
        eligible = [p for p in people if p["eligible"]]
        others = [p for p in people if not p["eligible"]]
        self.assertEqual(people, eligible + others)
        self.assertEqual([p["rank"] for p in eligible], list(range(1, len(eligible) + 1)))
        scores = [p["score"] for p in eligible]
        self.assertEqual(scores, sorted(scores, reverse=True))
        ids = [p["id"].encode("utf-8") for p in others]
        self.assertEqual(ids, sorted(ids))
        for p in eligible:
            self.assertEqual(list(p["percentiles"]), CRITERIA)
        for p in others:
            self.assertIsNone(p["rank"])
            self.assertIsNone(p["score"])
            self.assertIsNone(p["percentiles"])

    def test_summary_of_the_tiny_export(self):
        summary = self.rank_json()["summary"]
        self.assertEqual(summary["people"], 8)
        self.assertEqual(summary["listed"], 8)
        self.assertEqual(summary["interactions"], TINY_KEPT)
        self.assertEqual(summary["dropped_self"], 1)
        self.assertEqual(summary["dropped_window"], 0)
        self.assertEqual(summary["teams"], 5)

    def test_default_eligibility(self):
        people = self.people()
        eligible = {i for i, p in people.items() if p["eligible"]}
        # gus only receives (activity 0), dan is a partner, eve and fay citizens.
        self.assertEqual(eligible, {"ann", "bob", "cat", LONG_ID})

    def test_top(self):
        doc = self.rank_json("--top", "2")
        self.assertEqual([p["rank"] for p in doc["people"]], [1, 2])
        self.assertEqual(len(self.rank_json("--top=0")["people"]), 8)
        self.assertEqual(len(self.rank_json("--top=100")["people"]), 8)

    def test_double_dash_ends_the_options(self):
        path = self.write("-dash.json", json.dumps(TINY))
        self.addCleanup(os.chdir, os.getcwd())
        os.chdir(self.tmp.name)
        self.assertEqual(self.ok("rank", "--format=json", "--", "-dash.json"),
                         self.ok("rank", "--format=json", path))

    def test_same_seed_same_result(self):
        first = self.rank_json("--samples", "2", "--seed", "7")
        self.assertEqual(first, self.rank_json("--samples=2", "--seed=7"))


class TestOtherFormats(CliTestCase):
    def test_csv(self):
        out = self.ok("rank", "--format", "csv", self.tiny)
        rows = list(csv.reader(io.StringIO(out, newline="")))
        self.assertIn("id", rows[0])
        self.assertIn("rank", rows[0])
        self.assertIn("score", rows[0])
        self.assertEqual(len(rows), 1 + len(TINY["people"]))
        ids = [row[rows[0].index("id")] for row in rows[1:]]
        self.assertEqual(ids, [p["id"] for p in self.rank_json()["people"]])
        top = list(csv.reader(io.StringIO(self.ok("rank", "--format=csv", "--top=1",
                                                  self.tiny), newline="")))
        self.assertEqual(len(top), 2)

    def test_table(self):
        out = self.ok("rank", self.tiny)
        lines = out.splitlines()
        self.assertRegex(lines[0], r"^8 people, 4 eligible, 5 teams, \d+ ties")
        header = next(i for i, line in enumerate(lines) if line.startswith("rank"))
        self.assertEqual(lines[header].split(),
                         ["rank", "id", "team", "score", "reciprocity", "reach", "bridging",
                          "influence", "activity", "flags"])
        rows = table_rows(out)
        ranked = [p["id"] for p in self.rank_json()["people"] if p["eligible"]]
        self.assertEqual([row.split()[:2] for row in rows],
                         [[str(rank), fit(i)] for rank, i in enumerate(ranked, 1)])
        # Columns line up in code points (the last, flags, left-aligned and not
        # padded), long UTF-8 text is cut to 24 with an ellipsis.
        flags_at = lines[header].index("flags")
        for row in rows:
            self.assertEqual(row[flags_at - 2:flags_at], "  ", row)
            self.assertNotEqual(row[flags_at], " ", row)
            self.assertEqual(row, row.rstrip())
        self.assertIn(LONG_ID[:23] + "…", out)
        self.assertIn(LONG_TEAM[:23] + "…", out)
        self.assertNotIn(LONG_ID, out)

    def test_table_top(self):
        out = self.ok("rank", "--top", "2", self.tiny)
        self.assertEqual(len(table_rows(out)), 2)
        self.assertIn("2 of 4 eligible shown", out)
        self.assertEqual(len(table_rows(self.ok("rank", "--top=0", self.tiny))), 4)

    def test_table_unknown_team(self):
        # fay has no activity: eve, without a team, is the only citizen eligible.
        out = self.ok("rank", "--champion-groups", "citizen", self.tiny)
        self.assertEqual([row.split()[:3] for row in table_rows(out)], [["1", "eve", "-"]])
        self.assertNotIn("shown", out)

    def test_table_when_nobody_is_eligible(self):
        code, out, err = run("rank", "--champion-groups", "nobody", self.tiny)
        self.assertEqual(code, 0, err)
        self.assertIn("No one is eligible", out)
        self.assertNotIn("rank", out.split("No one")[1])
        self.assertIn(f"{self.tiny}: warning: no one is eligible: no listed person is in the "
                      "champion groups\n", err)

    def test_table_mentions_sampled_bridging(self):
        self.assertIn("bridging exact", self.ok("rank", self.tiny))
        self.assertIn("sampled", self.ok("rank", "--samples", "2", self.tiny))

    def test_standard_input(self):
        data = json.dumps(TINY).encode("utf-8")
        from_file = self.ok("rank", "--format=json", self.tiny)
        self.assertEqual(self.ok("rank", "--format=json", "-", stdin=data), from_file)
        lines = [json.dumps(p) for p in TINY["people"]]
        lines += [json.dumps(i) for i in TINY["interactions"]]
        jsonl = ("\n".join(lines) + "\n").encode("utf-8")
        self.assertEqual(self.ok("rank", "--format=json", "-", stdin=jsonl), from_file)

    def test_write_failure_exits_1(self):
        for args in (["rank", self.tiny], ["rank", "--format=json", self.tiny],
                     ["rank", "--format=csv", self.tiny], ["--help"], ["--version"]):
            with self.subTest(args=args), open("/dev/full", "wb") as full:
                code, _, err = run(*args, stdout=full)
                self.assertEqual(code, 1, err)
                err = without_few_eligible(err)
                self.assertEqual(len(err.splitlines()), 1, err)
                self.assertEqual(err, "champions: cannot write the output: "
                                      "No space left on device\n")


class TestProgress(CliTestCase):
    def test_progress_goes_to_stderr_and_is_wiped(self):
        quiet = self.ok("rank", "--format=json", self.tiny)
        code, out, err = run("rank", "--format=json", self.tiny, progress="always")
        self.assertEqual((code, out), (0, quiet))
        phases = re.findall(r"\r(\w+) +(\d+)%", err)
        self.assertEqual([p for i, (p, _) in enumerate(phases) if i == 0 or phases[i - 1][0] != p],
                         ["read", "graph", "ties", "influence", "bridging", "ranking"])
        self.assertEqual(phases[-1], ("ranking", "100"))
        self.assertTrue(without_few_eligible(err).endswith("\r" + " " * 16 + "\r"), repr(err))

    def test_an_error_starts_on_a_clean_line(self):
        bad = self.write("bad.json", '{"interactions": [}')
        code, _, err = run("rank", bad, progress="always")
        self.assertEqual(code, 1)
        self.assertTrue(err.split("\r")[-1].startswith(bad + ": line 1, column 19: "), repr(err))

    def test_small_files_and_pipes_show_none(self):
        # not a terminal here, and small: the automatic choice is no progress
        code, _, err = run("rank", self.tiny, progress="auto")
        self.assertEqual((code, without_few_eligible(err)), (0, ""))


class TestOptionsChangeResults(CliTestCase):
    def test_audience_counts_ties_to_the_audience(self):
        default, audience = self.people(), self.people("--audience", "citizen")
        # ann's ties: bob (Sales), cat (IT), dan (HR), eve (no team, citizen),
        # fay (IT, citizen), LONG_ID (another team).
        self.assertEqual(default["ann"]["reach"], 3)
        self.assertEqual(audience["ann"]["reach"], 2)
        self.assertEqual(audience["cat"]["reach"], 1)
        self.assertEqual(audience["bob"]["reach"], 0)

    def test_champion_groups(self):
        self.assertFalse(self.people()["dan"]["eligible"])
        people = self.people("--champion-groups=staff,partner")
        self.assertTrue(people["dan"]["eligible"])
        self.assertTrue(people["ann"]["eligible"])
        people = self.people("--champion-groups", "partner")
        self.assertEqual({i for i, p in people.items() if p["eligible"]}, {"dan"})
        self.assertEqual(people["dan"]["score"], 1)

    def test_window(self):
        later = T0 + 3600
        since = self.rank_json("--since", str(later), one_direction=True)["summary"]
        self.assertEqual(since["interactions"], 3)
        self.assertEqual(since["dropped_self"], 1)
        self.assertEqual(since["dropped_window"], TINY_KEPT - 3)
        self.assertEqual(self.rank_json("--since=2026-03-01T10:30:00Z",
                                        one_direction=True)["summary"], since)
        self.assertEqual(self.rank_json("--since=2026-03-01T11:30:00+01:00",
                                        one_direction=True)["summary"], since)
        until = self.rank_json("--until", str(later))["summary"]
        self.assertEqual(until["interactions"], 9)
        self.assertEqual(until["dropped_window"], 4)
        both = self.rank_json("--since", str(T0 + 60), "--until", str(T0 + 181))["summary"]
        self.assertEqual(both["interactions"], 3)
        # A value may start with '-'; only the interaction without a time is left out.
        negative = self.rank_json("--since", "-1.5")["summary"]
        self.assertEqual(negative["interactions"], TINY_KEPT - 1)
        self.assertEqual(negative["dropped_window"], 1)

    def test_type_weight(self):
        default = self.people()
        half = self.people("--type-weight", "reaction=0.5")
        self.assertEqual(default["bob"]["activity"], 4)
        self.assertEqual(half["bob"]["activity"], 3)
        self.assertEqual(half["cat"]["activity"], 1.5)
        both = self.people("--type-weight", "reaction=0.5,reply=2", "--type-weight=mention=0")
        self.assertEqual(both["ann"]["activity"], 1 + 2 * 3)
        self.assertEqual(both["bob"]["activity"], 4)
        # A weight of 0 removes the tie: ann's only interaction with dan is a mention.
        self.assertEqual(both["ann"]["ties"], default["ann"]["ties"] - 1)

    def test_min_activity(self):
        people = self.people("--min-activity", "4")
        self.assertEqual({i for i, p in people.items() if p["eligible"]}, {"ann", "bob"})

    def test_reciprocity_prior(self):
        for person in self.people("--reciprocity-prior", "0").values():
            if person["ties"]:
                self.assertAlmostEqual(person["reciprocity"],
                                       person["mutual"] / person["ties"])

    def test_weights_rank_by_activity_alone(self):
        weights = "reciprocity=0,reach=0,bridging=0,influence=0,activity=1"
        eligible = [p for p in self.rank_json("--weights", weights)["people"]
                    if p["eligible"]]
        expected = sorted(eligible, key=lambda p: (-p["activity"], p["id"].encode()))
        self.assertEqual([p["id"] for p in eligible], [p["id"] for p in expected])

    def test_partial_weights_keep_the_other_defaults(self):
        for options, changed in (([], {}),
                                 (["--weights", "activity=0.6"], {"activity": 0.6}),
                                 (["--weights=reach=0,bridging=1", "--weights=influence=0.5"],
                                  {"reach": 0, "bridging": 1, "influence": 0.5})):
            weights = dict(DEFAULT_WEIGHTS, **changed)
            for person in self.rank_json(*options)["people"]:
                if not person["eligible"]:
                    continue
                pct = person["percentiles"]
                expected = (sum(weights[c] * pct[c] for c in CRITERIA)
                            / sum(weights.values()))
                self.assertAlmostEqual(person["score"], expected, msg=(options, person))


class TestWarnings(CliTestCase):
    """Options that change nothing, and data that cannot carry the ranking,
    are said on stderr (and in the JSON summary); the run still succeeds."""

    def warnings(self, *args, path=None):
        code, out, err = run("rank", "--format", "json", *args, path or self.tiny)
        self.assertEqual(code, 0, err)
        summary = json.loads(out)["summary"]
        name = path or self.tiny
        lines = [line for line in err.splitlines()]
        self.assertEqual(lines, [f"{name}: warning: {w}" for w in summary["warnings"]])
        # the tiny export's few eligible people are checked on their own
        return [w for w in summary["warnings"] if not FEW_ELIGIBLE.match(f": warning: {w}\n")]

    def test_none_on_a_sound_ranking(self):
        self.assertEqual(self.warnings(), [])

    def test_audience_nobody_is_in(self):
        self.assertEqual(self.warnings("--audience", "visitor"),
                         ['no one is in the audience group "visitor": reach is 0 for everyone'])
        self.assertEqual(self.warnings("--audience", "visitor,citizen"),
                         ['no one is in the audience group "visitor"'])

    def test_type_weight_of_no_interaction(self):
        self.assertEqual(self.warnings("--type-weight", "like=0.5,reply=2"),
                         ['no interaction has the type "like": its type weight changes nothing'])

    def test_champion_group_nobody_is_in(self):
        self.assertEqual(self.warnings("--champion-groups", "staff,volunteer"),
                         ['no listed person is in the champion group "volunteer"'])

    def test_window_without_times(self):
        path = self.write("untimed.json", json.dumps(
            {"interactions": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]}))
        self.assertEqual(self.warnings("--since", "2026-01-01", path=path), [
            "no one has a team, so reach across teams is 0 for everyone (the input has no "
            "people list)",
            "the window kept no interactions: none of the 2 has a time"])

    def test_window_outside_the_data(self):
        self.assertEqual(self.warnings("--since", "2027-01-01", "--until", "2027-02-01"), [
            "the window kept no interactions: their times run from 2026-03-01T09:30:00Z to "
            "2026-03-11T09:30:00Z"])

    def test_most_interactions_untimed(self):
        data = {"people": TINY["people"],
                "interactions": TINY["interactions"] + [{"from": "gus", "to": "ann"}] * 20}
        path = self.write("mostly-untimed.json", json.dumps(data))
        self.assertEqual(self.warnings("--until", "2027-01-01", path=path),
                         ["21 of the 33 interactions have no time, so the window left them out"])

    def test_teams_under_another_name(self):
        data = {"people": [{"id": p["id"], "department": p["team"]} for p in TINY["people"]],
                "interactions": TINY["interactions"]}
        path = self.write("department.json", json.dumps(data))
        self.assertEqual(self.warnings(path=path), [
            'no one has a team, so reach across teams is 0 for everyone; the people have '
            '"department", which is not read (a team is "team")'])

    def test_document_members_not_read(self):
        data = dict(TINY, persons=[], meta={"exported": "today"})
        path = self.write("extra.json", json.dumps(data))
        self.assertEqual(self.warnings(path=path), [
            'the document\'s members "persons", "meta" are not read (an export has "people" '
            'and "interactions")'])


class TestInputForms(CliTestCase):
    """One rule for files and standard input: the content decides the form."""

    def jsonl(self):
        lines = [json.dumps(p) for p in TINY["people"]]
        lines += [json.dumps(i) for i in TINY["interactions"]]
        return "\n".join(lines) + "\n"

    def test_json_lines_named_json(self):
        want = self.ok("rank", "--format=json", self.tiny)
        path = self.write("lines.json", self.jsonl())
        self.assertEqual(self.ok("rank", "--format=json", path), want)
        self.assertEqual(self.ok("rank", "--format=json", "-", stdin=self.jsonl().encode()),
                         want)
        self.assertEqual(self.ok("rank", "--format=json", "--input", "jsonl", path), want)

    def test_forced_form(self):
        self.assert_input_error(self.tiny, "line 1: expected a person", args=["rank", "--input=jsonl",
                                                                 self.tiny])
        self.assert_usage_error("rank", "--input=xml", self.tiny)

    def test_no_interactions(self):
        path = self.write("typo.json", json.dumps({"interaction": TINY["interactions"]}))
        self.assert_input_error(path, re.escape(
            'no interactions: the document has no "interactions" member ("interaction" is '
            'not read)'))
        self.assert_input_error(self.write("empty.jsonl", ""),
                                re.escape("no interactions: the input is empty"))

    def test_not_an_export(self):
        # CSV is read as CSV whatever the name
        csv_path = self.write("sent.json", "from,to,time\nann,bob,1\nbob,ann,2\n")
        code, out, err = run("rank", "--format", "json", csv_path)
        self.assertEqual((code, json.loads(out)["summary"]["interactions"]), (0, 2), err)
        gz = os.path.join(self.tmp.name, "export.json.gz")
        with open(gz, "wb") as f:
            f.write(b"\x1f\x8b\x08\x00" + bytes(20))
        self.assert_input_error(gz, re.escape("the gzip data is damaged: "))
        # a gzip file is read as what it holds, from a path or standard input
        with open(self.tiny, "rb") as f:
            plain = f.read()
        with open(gz, "wb") as f:
            f.write(gzip.compress(plain))
        self.assertEqual(self.rank_json(path=gz), self.rank_json())
        self.assertEqual(json.loads(self.ok("rank", "--format", "json", "-",
                                            stdin=gzip.compress(plain))), self.rank_json())

    def test_plain_dates_and_missing_zones(self):
        by_date = self.rank_json("--until", "2026-03-02")["summary"]
        self.assertEqual(by_date, self.rank_json("--until", "2026-03-02T00:00:00Z")["summary"])
        code, _, err = run("rank", "--since", "2026-03-01T09:30:00", self.tiny)
        self.assertEqual(code, 2)
        self.assertIn("no time zone: add Z for UTC or an offset such as +01:00", err)


FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "import")


class TestPlatformExports(CliTestCase):
    """Each form of SPEC 8 from the command line, detected by its content."""

    def fixture(self, name):
        return os.path.join(FIXTURES, name)

    def same(self, args, expected):
        got = json.loads(self.ok("rank", "--format", "json", *args))
        want = json.loads(self.ok("rank", "--format", "json", self.fixture(expected)))
        got["summary"].pop("dropped_zero", None)
        self.assertNotIn("dropped_zero", want["summary"])
        self.assertEqual(got, want)

    def test_each_form_ranks_as_its_json(self):
        code, _, err = run("rank", "--format", "json", self.fixture("slack"))
        self.assertEqual(code, 0, err)
        self.assertIn("slack: warning: no one has a team", err)
        for args, expected in (
                (["--columns", "from=Sender,to=Recipient,time=SentAt,type=Channel,weight=Weight",
                  "--people", self.fixture("csv/people.csv"), self.fixture("csv/sent.csv")],
                 "csv/expected.json"),
                ([self.fixture("viva-p2p/query.csv")], "viva-p2p/expected.json"),
                (["--weight-column=Strong_tie_score", self.fixture("viva-p2p/query.csv")],
                 "viva-p2p/expected-strong-ties.json"),
                (["--input", "viva-engage", self.fixture("viva-engage.zip")],
                 "viva-engage/expected.json")):
            with self.subTest(args=args):
                self.same(args, expected)
        # a zip through standard input
        with open(self.fixture("viva-engage.zip"), "rb") as f:
            out = self.ok("rank", "--format", "json", "-", stdin=f.read())
        self.assertEqual(json.loads(out)["summary"]["people"], 6)

    def test_the_table_counts_rows_of_weight_zero(self):
        out = self.ok("rank", "--weight-column", "Strong_tie_score",
                      self.fixture("viva-p2p/query.csv"))
        self.assertIn("(dropped: 1 self, 0 outside the window, 2 of weight 0)", out)
        # the JSON summary has the count for a P2P query, even when 0, and
        # never for another form (its keys stay those of a JSON export)
        for args, zero in ((["--weight-column", "Strong_tie_score",
                             self.fixture("viva-p2p/query.csv")], 2),
                           ([self.fixture("viva-p2p/query.csv")], 0),
                           ([self.fixture("slack.zip")], None)):
            code, out, err = run("rank", "--format", "json", *args)
            self.assertEqual(code, 0, err)
            self.assertEqual(json.loads(out)["summary"].get("dropped_zero"), zero)

    def test_errors_name_file_line_and_column(self):
        path = self.write("sent.csv", "from,to,time\na,b,2026-01-01T10:00:00Z\nb,a,yesterday\n")
        self.assert_input_error(path, re.escape('line 3, column "time": expected an RFC 3339 '
                                                'date-time, a date or Unix seconds, got '
                                                '"yesterday"'))
        self.assert_input_error(self.fixture("csv/sent.csv"), re.escape(
            'line 1: no column "from" for "from" (the header has "Sender", "Recipient"'))
        self.assert_input_error(self.fixture("viva-p2p/query.csv"), re.escape(
            'no column "PrimaryCollaborator_Region"'),
            args=["rank", "--hrvar", "Region", self.fixture("viva-p2p/query.csv")])
        self.assert_usage_error("rank", "--columns", "sender=Sender", self.fixture("csv/sent.csv"))
        self.assert_usage_error("rank", "--input", "teams", self.fixture("slack"))

    def test_graph_formats(self):
        for fmt, root in (("gexf", "<gexf "), ("graphml", "<graphml ")):
            out = self.ok("rank", "--format", fmt, "--top", "3", self.fixture("viva-engage"))
            self.assertTrue(out.startswith('<?xml version="1.0" encoding="UTF-8"?>'))
            self.assertIn(root, out)
            self.assertEqual(out.count("<node "), 3)


class TestBundledExport(CliTestCase):
    def test_it_says_its_ties_have_no_depth(self):
        code, out, err = run("rank", BUNDLED)
        self.assertEqual(code, 0, err)
        self.assertRegex(err, "^" + NO_TIE_DEPTH.pattern + "$")
        self.assertTrue(err.startswith(BUNDLED + ": warning: "))
        doc = json.loads(run("rank", "--format", "json", BUNDLED)[1])
        self.assertEqual(len(doc["summary"]["warnings"]), 1)
        self.assertEqual(f"{BUNDLED}: warning: {doc['summary']['warnings'][0]}\n", err)

    def test_table_and_json(self):
        rows = table_rows(self.ok("rank", BUNDLED))
        doc = self.rank_json("--top", "20", path=BUNDLED)
        self.assertEqual(len(doc["people"]), 20)
        self.assertEqual([row.split()[:2] for row in rows],
                         [[str(p["rank"]), fit(p["id"])] for p in doc["people"]])


class TestProgramme(CliTestCase):
    """SPEC 9 from the command line: scenarios, track, goals."""

    def output(self, *args):
        """stdout of a run that succeeds, warnings or not."""
        code, out, err = run(*args)
        self.assertEqual(code, 0, err)
        return out

    def goal(self, **members):
        doc = {"name": "More ties", "kpi": "active_people", "target": 9,
               "deadline": "2026-06-30"}
        doc.update(members)
        return self.write("goal.json", json.dumps(doc))

    def test_scenarios_are_listed_and_applied(self):
        out = self.ok("scenarios")
        names = [line.split()[0] for line in out.splitlines()]
        self.assertEqual(names, ["colleagues", "recruitment", "citizens", "visitors"])
        self.assertIn('(audience group "citizen")', out)
        self.assertEqual(self.rank_json("--scenario", "citizens"),
                         self.rank_json("--audience", "citizen"))
        self.assertEqual(self.rank_json("--scenario", "colleagues"), self.rank_json())
        # an explicit option wins, before or after the scenario
        for args in (["--scenario", "citizens", "--audience", "partner"],
                     ["--audience", "partner", "--scenario", "citizens"]):
            self.assertEqual(self.rank_json(*args), self.rank_json("--audience", "partner"))
        code, _, err = run("rank", "--scenario", "citizen", self.tiny)
        self.assertEqual(code, 2)
        self.assertIn("--scenario: expected colleagues, recruitment, citizens or visitors, "
                      "got 'citizen'", err)
        self.assertIn("--scenario NAME", self.ok("rank", "--help"))

    def test_every_period_is_rank_with_its_window(self):
        doc = json.loads(self.output("track", "--period", "week", "--format", "json",
                                     self.tiny))
        self.assertEqual((doc["scenario"], doc["period"], doc["top"]), (None, "week", 10))
        # Sunday March 1, then nothing, then the week of March 9
        self.assertEqual([p["since"] for p in doc["periods"]],
                         ["2026-02-23T00:00:00Z", "2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z"])
        for p in doc["periods"]:
            ranked = json.loads(self.output("rank", "--format", "json", "--since", p["since"],
                                            "--until", p["until"], self.tiny))
            self.assertEqual(p["summary"], ranked["summary"])
            champions = [q["id"] for q in ranked["people"] if q["eligible"]][:10]
            self.assertEqual(p["kpis"]["champions"], champions)
        empty = doc["periods"][1]
        self.assertEqual((empty["kpis"]["champions"], empty["kpis"]["active_people"],
                          empty["kpis"]["champion_reciprocity"]), ([], 0, None))
        self.assertEqual(empty["kpis"]["retained"], 0)
        self.assertIsNone(doc["periods"][2]["kpis"]["retained"])  # after none
        self.assertEqual(list(doc["periods"][0]["kpis"]),
                         ["active_people", "champions", "champion_reciprocity",
                          "champion_reach", "audience_reached", "retained"])

    def test_table_csv_and_warnings(self):
        code, out, err = run("track", "--period", "week", "--top", "2", self.tiny)
        self.assertEqual(code, 0, err)
        self.assertIn("3 weeks from 2026-02-23 to 2026-03-09; the top 2 are the champions", out)
        rows = [line for line in out.splitlines() if line.startswith("2026-")]
        self.assertEqual(len(rows), 3)
        self.assertIn("warning: 2026-03-02: the window kept no interactions", err)
        csv_out = self.output("track", "--format", "csv", "--scenario", "citizens", self.tiny)
        header, *lines = csv_out.splitlines()
        self.assertTrue(header.startswith("since,until,people,"))
        self.assertTrue(header.endswith(",retained,rising"))
        self.assertEqual(len(lines), 1)  # one month
        self.assertEqual(list(csv.reader(io.StringIO(csv_out)))[1][0], "2026-03-01T00:00:00Z")

    def test_goal(self):
        goal = self.goal(scenario="citizens", kpi="audience_reached", target=3)
        doc = json.loads(self.output("track", "--period", "week", "--format", "json",
                                     "--goal", goal, self.tiny))
        self.assertEqual(doc["scenario"], "citizens")  # the goal's
        self.assertEqual(list(doc["goal"]), ["name", "kpi", "target", "deadline", "baseline",
                                             "latest", "progress", "on_track"])
        self.assertEqual(doc["goal"]["baseline"],
                         doc["periods"][0]["kpis"]["audience_reached"])
        out = self.output("track", "--period", "week", "--goal", goal, self.tiny)
        self.assertIn('Goal "More ties": audience_reached from', out)
        self.assertRegex(out, r"of the way; (on track|behind)")
        # a goal that does not fit the data is bad input, named by its file
        bad = self.goal(target=5, deadline="2020-01-01")
        code, _, err = run("track", "--goal", bad, self.tiny)
        self.assertEqual(code, 1)
        self.assertIn("goal.json: deadline: 2020-01-01T00:00:00Z is before the first period",
                      err)
        wrong = self.goal(kpi="champions")
        code, _, err = run("track", "--goal", wrong, self.tiny)
        self.assertEqual(code, 1)
        self.assertIn("goal.json: kpi: a list of ids is no number to aim at", err)
        code, _, err = run("track", "--goal", "/nonexistent/goal.json", self.tiny)
        self.assertEqual(code, 1)
        self.assertIn("/nonexistent/goal.json: cannot open", err)

    def test_errors(self):
        untimed = self.write("untimed.json", json.dumps(
            {"interactions": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]}))
        code, _, err = run("track", untimed)
        self.assertEqual(code, 1)
        self.assertEqual(err, f"{untimed}: nothing to track: no interaction has a time\n")
        for args, message in ((["--period", "day"], "--period: expected week, month or "
                                                    "quarter, got 'day'"),
                              (["--format", "gexf"], "--format: expected table, json or csv"),
                              (["--top", "0"], "--top: top: expected at least 1 champion")):
            code, _, err = run("track", *args, self.tiny)
            self.assertEqual(code, 2, err)
            self.assertIn(message, err)
        self.assertIn("--period PERIOD", self.ok("track", "--help"))
        self.assertIn("(default month)", self.ok("track", "--help"))

    def test_the_bundled_stream_gzipped(self):
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        stream = os.path.join(root, "examples", "email-eu-2004.csv.gz")
        people = os.path.join(root, "examples", "email-eu-people.csv")
        doc = json.loads(self.ok("track", "--people", people, "--format", "json", stream))
        self.assertEqual([p["since"][:7] for p in doc["periods"]],
                         ["2004-01", "2004-02", "2004-03", "2004-04"])
        self.assertEqual(sum(p["summary"]["interactions"] for p in doc["periods"]), 175851)


# -- Trust (SPEC 10): explain, teams, pseudonymize, confidence ---------------------

def by_id(doc):
    return {p["id"]: p for p in doc["people"]}


class TestExplain(CliTestCase):
    """`champions explain FILE ID`: the sentence of the JSON's "explanation",
    then each criterion's weight, percentile, points and figure."""

    def explain(self, *args):
        code, out, err = run("explain", *args)
        self.assertEqual(code, 0, err)
        return out

    def test_a_known_id_prints_its_sentence_and_breakdown(self):
        doc = self.rank_json(path=BUNDLED)
        record, eligible = by_id(doc)["e0062"], doc["summary"]["eligible"]
        out = self.explain(BUNDLED, "e0062")
        lines = out.splitlines()
        self.assertEqual(lines[0], f"e0062 (team {record['team']}, group staff)")
        self.assertEqual(lines[1], record["explanation"])
        self.assertTrue(lines[1].startswith(f"Ranks {record['rank']} of {eligible}: "))
        header = lines.index("criterion     weight  percentile  points  what it counts")
        rows = {line.split()[0]: line for line in lines[header + 1:header + 7]}
        self.assertEqual(list(rows), CRITERIA + ["score"])
        for c in CRITERIA:
            weight, pct, points = rows[c].split()[1:4]
            self.assertEqual(weight, f"{100 * DEFAULT_WEIGHTS[c]:.0f}%")
            self.assertEqual(pct, f"{record['percentiles'][c]:.3f}")
            self.assertEqual(points, f"{DEFAULT_WEIGHTS[c] * record['percentiles'][c]:.3f}")
        # the figures of the records, in words
        self.assertIn(f"{record['mutual']} of their {record['ties']} contacts answer both ways",
                      rows["reciprocity"])
        self.assertIn(f"in touch with {record['reach']} of the 41 other teams", rows["reach"])
        self.assertIn(f"sent {record['activity']} interactions", rows["activity"])
        self.assertRegex(rows["score"], rf"^score +{record['score']:.3f}  the score: rank "
                                        rf"{record['rank']} of {eligible}$")
        self.assertEqual(lines[-1], "Flags: none.")

    def test_flags_and_confidence_are_shown(self):
        people = [{"id": "hub", "team": "T0"}, {"id": "hub-copy", "team": "T0"}]
        people += [{"id": f"c{k}", "team": f"T{k % 4}"} for k in range(8)]
        interactions = [{"from": f"c{k}", "to": f"c{(k + 1) % 8}"} for k in range(8)]
        for k in range(8):
            for who in ("hub", "hub-copy"):  # the copy gets and sends all the hub does
                interactions += [{"from": who, "to": f"c{k}"}, {"from": f"c{k}", "to": who}]
        path = self.write("shadow.json", json.dumps({"people": people,
                                                     "interactions": interactions}))
        out = self.explain(path, "hub-copy")
        self.assertIn('flagged: shadow of "hub" (rank 1, 100% of their ties alike)', out)
        self.assertIn("\nFlags:\n  shadow: ", out)
        self.assertIn("(here hub, 100% alike).", out)
        self.assertEqual(by_id(self.rank_json(path=path, one_direction=False))["hub-copy"]
                         ["flags"], ["shadow"])
        self.assertTrue(self.explain(path, "hub").endswith("\nFlags: none.\n"))
        # with --confidence, the interval of the JSON, in the sentence and below
        doc = self.rank_json("--confidence", "40", "--seed", "3")
        ann = by_id(doc)["ann"]["confidence"]
        out = self.explain("--confidence", "40", "--seed", "3", self.tiny, "ann")
        self.assertIn(f"Ranks 1 of 4 ({ann['rank_low']} to {ann['rank_high']} in 90% of 40 "
                      "resamples): ", out)
        self.assertIn(f"\nConfidence: ranks {ann['rank_low']} to {ann['rank_high']} in 90% of "
                      f"40 resamples, in the top 10 in {100 * ann['top_share']:.0f}% of them; "
                      "tier ", out)

    def test_someone_not_eligible_is_told_why(self):
        out = self.explain(self.tiny, "dan")
        lines = out.splitlines()
        self.assertEqual(lines[0], "dan (team HR, group partner)")
        self.assertEqual(lines[1], 'Not eligible: their group "partner" is not a champion group')
        for c in CRITERIA:
            row = next(line for line in lines if line.startswith(c + " "))
            self.assertEqual(row.split()[2:4], ["-", "-"])  # no percentile, no points
        self.assertFalse(any(line.startswith("score ") for line in lines))
        unlisted = self.write("unlisted.json", json.dumps(
            {"people": [{"id": "a"}], "interactions": [{"from": "a", "to": "b"},
                                                        {"from": "b", "to": "a"}]}))
        lines = self.explain(unlisted, "b").splitlines()
        self.assertEqual(lines[0], "b (team unknown, group none: not listed)")
        self.assertTrue(lines[1].startswith("Not eligible: the people list does not list them"))

    def test_an_unknown_id_is_an_error_naming_it(self):
        for pid in ("nobody", "Ann", "ann "):
            code, out, err = run("explain", self.tiny, pid)
            self.assertEqual(code, 1, err)
            self.assertEqual(out, "")
            self.assertEqual(without_few_eligible(err), f'{self.tiny}: no person with id "{pid}"\n')

    def test_usage(self):
        self.assert_usage_error("explain", self.tiny)
        self.assert_usage_error("explain", self.tiny, "ann", "bob")
        self.assert_usage_error("explain", "--format", "json", self.tiny, "ann")
        self.assertIn("Usage: champions explain [OPTIONS] FILE ID", self.ok("explain", "--help"))


# Teams of 6, 5, 3, 2 and 1 listed people, everyone eligible (a ring both ways).
TEAM_SIZES = {"Big": 6, "Mid": 5, "Small": 3, "Tiny": 2, "Solo": 1}


def teams_export():
    people = [{"id": f"{team.lower()}{k}", "team": team}
              for team, n in TEAM_SIZES.items() for k in range(n)]
    ids = [p["id"] for p in people]
    ring = [{"from": a, "to": b} for a, b in zip(ids, ids[1:] + ids[:1])]
    ring += [{"from": b, "to": a} for a, b in zip(ids, ids[1:] + ids[:1])]
    # a few more messages so that the ranks are not all tied
    ring += [{"from": "big0", "to": f"mid{k}"} for k in range(5)]
    return {"people": people, "interactions": ring}


class TestTeams(CliTestCase):
    """`champions teams FILE`: the champions per team, no team of fewer than
    the minimum group size (default 5) shown on its own."""

    def setUp(self):
        super().setUp()
        self.teams = self.write("teams.json", json.dumps(teams_export()))

    def table(self, *args, path=None):
        return json.loads(self.ok("teams", "--format", "json", *args, path or self.teams))

    def champions_per_row(self, rows, top, pooled_teams):
        """Champions per row, worked out from the ranking."""
        ranked = [p for p in self.rank_json(path=self.teams)["people"] if p["eligible"]]
        counts = {}
        for p in ranked[:top] if top else ranked:
            row = "(small teams)" if p["team"] in pooled_teams else p["team"]
            counts[row] = counts.get(row, 0) + 1
        return [counts.get(r, 0) for r in rows]

    def test_json(self):
        doc = self.table()
        self.assertEqual(list(doc), ["version", "min_group_size", "top", "teams"])
        self.assertEqual((doc["min_group_size"], doc["top"]), (5, 10))
        rows = doc["teams"]
        self.assertEqual([r["team"] for r in rows], ["Big", "Mid", "(small teams)"])
        self.assertEqual([list(r) for r in rows],
                         [["team", "pooled", "listed", "eligible", "champions", "teams"]] * 3)
        self.assertEqual([r["pooled"] for r in rows], [False, False, True])
        self.assertEqual([r["listed"] for r in rows], [6, 5, 6])
        self.assertEqual([r["eligible"] for r in rows], [6, 5, 6])
        self.assertEqual([r["teams"] for r in rows], [1, 1, 3])
        self.assertEqual([r["champions"] for r in rows],
                         self.champions_per_row(["Big", "Mid", "(small teams)"], 10,
                                                {"Small", "Tiny", "Solo"}))
        self.assertEqual(sum(r["champions"] for r in rows), 10)
        out = json.dumps(doc)
        for small in ("Small", "Tiny", "Solo"):
            self.assertNotIn(f'"{small}"', out)
        every = self.table("--top", "0")
        self.assertEqual(every["top"], 0)
        self.assertEqual([r["champions"] for r in every["teams"]], [6, 5, 6])

    def test_table_and_csv_hold_the_same_rows(self):
        doc = self.table("--top", "4")
        out = self.ok("teams", "--top", "4", self.teams)
        lines = out.splitlines()
        self.assertEqual(lines[0].split(), ["team", "listed", "eligible", "in", "top", "4"])
        self.assertEqual(len(doc["teams"]), 3)
        for row, line in zip(doc["teams"], lines[1:4]):
            m = re.fullmatch(r"(.+?) +(\d+) +(\d+) +(\d+)(?:  \((\d+) teams\))?", line)
            self.assertIsNotNone(m, line)
            self.assertEqual(m.groups(), (row["team"], str(row["listed"]), str(row["eligible"]),
                                          str(row["champions"]),
                                          str(row["teams"]) if row["pooled"] else None))
        self.assertEqual(lines[4], "")
        self.assertIn("Teams of fewer than 5 listed people are pooled", out)
        for small in ("Small", "Tiny", "Solo"):
            self.assertNotIn(small, out)
        csv_out = self.ok("teams", "--top", "4", "--format", "csv", self.teams)
        self.assertTrue(csv_out.endswith("\r\n"))
        rows = list(csv.reader(io.StringIO(csv_out, newline="")))
        self.assertEqual(rows[0], ["team", "pooled", "listed", "eligible", "champions", "teams"])
        self.assertEqual(rows[1:], [[r["team"], "true" if r["pooled"] else "false",
                                     *(str(r[k]) for k in ("listed", "eligible", "champions",
                                                           "teams"))]
                                    for r in doc["teams"]])

    def test_a_smaller_minimum_must_be_allowed(self):
        for args in (["--min-group-size", "3"], ["--min-group-size=1"]):
            code, out, err = run("teams", *args, self.teams)
            self.assertEqual(code, 2, err)
            self.assertEqual(out, "")
            self.assertIn("--min-group-size: ", err)
            self.assertIn("--allow-small-groups", err)
            code, _, err = run("rank", *args, self.teams)  # the same for every command
            self.assertEqual(code, 2, err)
        doc = self.table("--min-group-size", "3", "--allow-small-groups")
        self.assertEqual(doc["min_group_size"], 3)
        self.assertEqual([(r["team"], r["listed"], r["teams"]) for r in doc["teams"]],
                         [("Big", 6, 1), ("Mid", 5, 1), ("Small", 3, 1), ("(small teams)", 3, 2)])
        # a pool smaller than the minimum takes the smallest team shown
        doc = self.table("--min-group-size", "2", "--allow-small-groups")
        self.assertEqual([(r["team"], r["listed"], r["teams"]) for r in doc["teams"]],
                         [("Big", 6, 1), ("Mid", 5, 1), ("Small", 3, 1), ("(small teams)", 3, 2)])
        # a larger minimum needs no permission
        doc = self.table("--min-group-size", "6")
        self.assertEqual([(r["team"], r["listed"]) for r in doc["teams"]],
                         [("Big", 6), ("(small teams)", 11)])

    def test_a_pool_too_small_to_show_is_withheld(self):
        doc = self.table(path=self.tiny)  # 8 people, no team of 5: one pool that shows
        self.assertEqual([{k: v for k, v in r.items() if k != "teams"} for r in doc["teams"]],
                         [{"team": "(small teams)", "pooled": True, "listed": 8, "eligible": 4,
                           "champions": 4}])
        few = self.write("few.json", json.dumps(
            {"people": [{"id": "a", "team": "A"}, {"id": "b", "team": "B"}],
             "interactions": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]}))
        doc = self.table(path=few)
        self.assertEqual(doc["teams"], [{"team": "(small teams)", "pooled": True, "listed": None,
                                         "eligible": None, "champions": None, "teams": 2}])
        out = self.ok("teams", few)
        self.assertRegex(out.splitlines()[1], r"^\(small teams\) +- +- +-  \(2 teams\)$")
        rows = list(csv.reader(io.StringIO(self.ok("teams", "--format", "csv", few))))
        self.assertEqual(rows[1], ["(small teams)", "true", "", "", "", "2"])

    def test_usage(self):
        self.assert_usage_error("teams", "--format", "gexf", self.teams)
        self.assert_usage_error("teams", self.teams, "extra")
        self.assert_usage_error("teams", "--min-group-size", "x", self.teams)


KEY = b"champions-test-key: never show!!"  # 32 bytes, easy to spot if echoed
ID_PATTERN = re.compile(r"p-[0-9a-f]{16}")


def pseudonym(name, key=KEY, prefix="p-"):
    """SPEC 10.3: the first 16 hex digits of HMAC-SHA256(key, name)."""
    return prefix + hmac.new(key, name.encode("utf-8"), hashlib.sha256).hexdigest()[:16]


class TestPseudonymize(CliTestCase):
    """`champions pseudonymize --key-file KEY IN OUT` for every input form:
    ids become "p-" + 16 hex digits of HMAC-SHA256 (SPEC 10.3)."""

    def setUp(self):
        super().setUp()
        self.key = os.path.join(self.tmp.name, "key")
        with open(self.key, "wb") as f:
            f.write(KEY)

    def pseudonymize(self, *args, key=None):
        out = os.path.join(self.tmp.name, "out.json")
        code, stdout, err = run("pseudonymize", "--key-file", key or self.key, *args, out)
        self.assertEqual((code, stdout), (0, ""), err)
        self.assertNotIn(KEY.decode(), err)
        with open(out, encoding="utf-8") as f:
            return f.read()

    def assert_pseudonymized(self, text, input_args, teams=False):
        """text is the input of input_args with every id (and team) replaced
        by its pseudonym, ranking as the original."""
        original = json.loads(self.ok_or_warn("rank", "--format", "json", *input_args))
        doc = json.loads(text)
        ids = {p["id"] for p in original["people"]}
        listed = {p["id"] for p in original["people"] if p["listed"]}
        ends = {i[k] for i in doc["interactions"] for k in ("from", "to")}
        if "people" in doc:
            self.assertEqual({p["id"] for p in doc["people"]}, {pseudonym(i) for i in listed})
            self.assertTrue(ends <= {pseudonym(i) for i in ids})
        else:  # no people list in, none out: everyone is listed
            self.assertEqual(ends, {pseudonym(i) for i in ids})
        for value in ends | {p["id"] for p in doc.get("people", [])}:
            self.assertRegex(value, ID_PATTERN)
        for i in ids:
            self.assertNotIn(json.dumps(i, ensure_ascii=False), text)
            self.assertNotIn(json.dumps(i), text)
        if teams:
            for p in doc.get("people", []):
                if "team" in p:
                    self.assertRegex(p["team"], r"^t-[0-9a-f]{16}$")
            for p in original["people"]:
                if p["team"]:
                    self.assertNotIn(json.dumps(p["team"], ensure_ascii=False), text)
        # ranked, the pseudonyms carry the original figures
        path = self.write("pseudonymized.json", text)
        got = by_id(json.loads(self.ok_or_warn("rank", "--format", "json", path)))
        self.assertEqual(len(got), len(original["people"]))
        for p in original["people"]:
            q = got[pseudonym(p["id"])]
            for k in ("listed", "eligible", "score", "activity", "received", "ties", "mutual",
                      "reach", "flags"):
                self.assertEqual(q[k], p[k], (p["id"], k))
            self.assertEqual(q["team"], pseudonym(p["team"], prefix="t-")
                             if teams and p["team"] else p["team"])
        return doc

    def ok_or_warn(self, *args):
        code, out, err = run(*args)
        self.assertEqual(code, 0, err)
        return out

    def test_every_input_form(self):
        forms = [
            [self.tiny],
            [self.write("tiny.jsonl", "".join(json.dumps(x) + "\n" for x in
                                              TINY["people"] + TINY["interactions"]))],
            [self.write("sent.csv", "from,to,time,type\nann,bob,1,reply\nbob,ann,2,\n"
                                    "bob,cat,3,\n")],
            ["--columns", "from=Sender,to=Recipient,time=SentAt,type=Channel,weight=Weight",
             "--people", os.path.join(FIXTURES, "csv", "people.csv"),
             os.path.join(FIXTURES, "csv", "sent.csv")],
            [os.path.join(FIXTURES, "viva-p2p", "query.csv")],
            ["--weight-column", "Strong_tie_score", os.path.join(FIXTURES, "viva-p2p",
                                                                 "query.csv")],
            [os.path.join(FIXTURES, "slack")],
            [os.path.join(FIXTURES, "slack.zip")],
            [os.path.join(FIXTURES, "viva-engage")],
            [os.path.join(FIXTURES, "viva-engage.zip")],
        ]
        gz = os.path.join(self.tmp.name, "tiny.json.gz")
        with open(gz, "wb") as f:
            f.write(gzip.compress(json.dumps(TINY).encode()))
        forms.append([gz])
        for args in forms:
            with self.subTest(args=args):
                self.assert_pseudonymized(self.pseudonymize(*args), args)
        # names, e-mail addresses and message text never make it through
        for args in forms[3:]:
            text = self.pseudonymize(*args)
            for secret in ("Jansen", "Vries", "Yılmaz", "Müller", "example.org", "budget",
                           "Budget", "Tabel", "U01ANN", "1500000001"):
                self.assertNotIn(secret, text, args)

    def test_teams_and_json_lines(self):
        text = self.pseudonymize("--teams", self.tiny)
        self.assert_pseudonymized(text, [self.tiny], teams=True)
        for team in ("Sales", "Ops", LONG_TEAM):
            self.assertNotIn(team, text)
        lines = self.pseudonymize("--format", "jsonl", self.tiny)
        rows = [json.loads(line) for line in lines.splitlines()]
        self.assertEqual(len(rows), len(TINY["people"]) + TINY_KEPT)
        self.assertEqual({r["id"] for r in rows if "id" in r},
                         {pseudonym(p["id"]) for p in TINY["people"]})
        self.assertEqual(self.ok_or_warn("rank", "--format", "json",
                                         self.write("p.jsonl", lines)),
                         self.ok_or_warn("rank", "--format", "json",
                                         self.write("p.json", self.pseudonymize(self.tiny))))

    def test_standard_input_and_output(self):
        with open(self.tiny, "rb") as f:
            code, out, err = run("pseudonymize", "--key-file", self.key, "-", "-",
                                 stdin=f.read())
        self.assertEqual(code, 0, err)
        self.assertEqual(out, self.pseudonymize(self.tiny))

    def test_the_same_key_gives_the_same_pseudonyms_in_every_file(self):
        march = self.pseudonymize(self.tiny)
        april = self.write("april.json", json.dumps(
            {"people": [{"id": "ann", "team": "Sales"}, {"id": "zoe", "team": "HR"}],
             "interactions": [{"from": "zoe", "to": "ann", "time": T0 + 31 * DAY},
                              {"from": "ann", "to": LONG_ID, "time": T0 + 32 * DAY}]}))
        april = json.loads(self.pseudonymize(april))
        march = json.loads(march)
        for pid in ("ann", LONG_ID):
            self.assertIn(pseudonym(pid), {p["id"] for p in march["people"]})
            self.assertIn(pseudonym(pid), {i["to"] for i in april["interactions"]}
                          | {p["id"] for p in april["people"]})
        other = os.path.join(self.tmp.name, "other-key")
        with open(other, "wb") as f:
            f.write(KEY[::-1])
        elsewhere = json.loads(self.pseudonymize(self.tiny, key=other))
        self.assertFalse({p["id"] for p in elsewhere["people"]} &
                         {p["id"] for p in march["people"]})

    def test_key_file_errors_never_show_the_key(self):
        out = os.path.join(self.tmp.name, "out.json")
        short = self.write("short-key", "SECRET-SHORT")
        huge = self.write("huge-key", "SECRET-HUGE-" * 6000)
        missing = os.path.join(self.tmp.name, "missing-key")
        bad = self.write("bad.json", '{"people": [\n  {"id": "a",,}\n]}\n')
        for key, path, pattern in (
                (missing, self.tiny, r"^champions: --key-file: cannot open .*missing-key: "),
                (short, self.tiny, r"^champions: --key-file: .*short-key holds 12 bytes; a "
                                   r"key needs at least 16"),
                (huge, self.tiny, r"^champions: --key-file: .*huge-key holds more than "),
                (self.tmp.name, self.tiny, r"^champions: --key-file: cannot read "),
                (self.key, bad, r"^" + re.escape(bad) + r": line 2")):
            with self.subTest(key=key):
                code, stdout, err = run("pseudonymize", "--key-file", key, path, out)
                self.assertEqual((code, stdout), (1, ""), err)
                self.assertRegex(err, pattern)
                self.assertEqual(len(err.splitlines()), 1, err)
                for secret in ("SECRET", KEY.decode()):
                    self.assertNotIn(secret, err)
                self.assertFalse(os.path.exists(out))  # nothing half-written
                self.assertEqual(os.listdir(self.tmp.name).count("out.json"), 0)
                self.assertFalse(any(n.startswith("out.json.") for n in os.listdir(self.tmp.name)))

    def test_usage(self):
        out = os.path.join(self.tmp.name, "out.json")
        self.assert_usage_error("pseudonymize", self.tiny, out)  # no key
        self.assert_usage_error("pseudonymize", "--key-file", self.key, self.tiny)
        self.assert_usage_error("pseudonymize", "--key-file", self.key, "--format", "csv",
                                self.tiny, out)
        self.assertFalse(os.path.exists(out))


class TestConfidence(CliTestCase):
    """`rank --confidence B`: each eligible person's likely ranks (10.1)."""

    def test_json_has_the_confidence_of_each_eligible_person(self):
        doc = self.rank_json("--confidence", "50")
        for p in doc["people"]:
            self.assertEqual(list(p), PERSON_KEYS + ["confidence"])
            if not p["eligible"]:
                self.assertIsNone(p["confidence"])
                continue
            c = p["confidence"]
            self.assertEqual(list(c), ["rank_low", "rank_high", "top_share"])
            self.assertTrue(1 <= c["rank_low"] <= p["rank"] <= c["rank_high"] <= 5, c)
            self.assertTrue(0 <= c["top_share"] <= 1)
            self.assertIn(f"({c['rank_low']} to {c['rank_high']} in 90% of 50 resamples)",
                          p["explanation"])
        # the same resamples every run; another seed draws others
        self.assertEqual(self.rank_json("--confidence", "50"), doc)
        bundled = ["--confidence", "10", "--top", "10", "--samples", "64", BUNDLED]
        code, first, err = run("rank", "--format", "json", *bundled)
        self.assertEqual(code, 0, err)
        self.assertEqual(run("rank", "--format", "json", *bundled)[1], first)
        other = run("rank", "--format", "json", "--seed", "2", *bundled)[1]
        self.assertNotEqual([p["confidence"] for p in json.loads(other)["people"]],
                            [p["confidence"] for p in json.loads(first)["people"]])
        # without it, no key
        self.assertEqual(list(self.rank_json()["people"][0]), PERSON_KEYS)

    def test_csv_and_table(self):
        doc = self.rank_json("--confidence", "20")
        rows = list(csv.DictReader(io.StringIO(self.ok("rank", "--format", "csv",
                                                       "--confidence", "20", self.tiny),
                                               newline="")))
        for p, row in zip(doc["people"], rows):
            c = p["confidence"] or {"rank_low": "", "rank_high": "", "top_share": ""}
            self.assertEqual([row["rank_low"], row["rank_high"], row["top_share"]],
                             [str(c[k]) for k in ("rank_low", "rank_high", "top_share")])
        out = self.ok("rank", "--confidence", "20", self.tiny)
        self.assertIn("likely: the 5th to 95th percentile of the rank over 20 resamples", out)

    def test_bad_values(self):
        for value in ("-1", "x", "10001", ""):
            self.assert_usage_error("rank", "--confidence", value, self.tiny)


def main():
    global EXE, BUNDLED
    if len(sys.argv) < 2:
        sys.exit("usage: test_cli.py CHAMPIONS_EXE [BUNDLED_EXPORT]")
    EXE = os.path.abspath(sys.argv[1])
    BUNDLED = sys.argv[2] if len(sys.argv) > 2 else None
    unittest.main(argv=[sys.argv[0], "-v"])


if __name__ == "__main__":
    main()
