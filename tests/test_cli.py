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


def without_few_eligible(err):
    return FEW_ELIGIBLE.sub("", err)


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


def main():
    global EXE, BUNDLED
    if len(sys.argv) < 2:
        sys.exit("usage: test_cli.py CHAMPIONS_EXE [BUNDLED_EXPORT]")
    EXE = os.path.abspath(sys.argv[1])
    BUNDLED = sys.argv[2] if len(sys.argv) > 2 else None
    unittest.main(argv=[sys.argv[0], "-v"])


if __name__ == "__main__":
    main()
