"""The loader: opens libchampions, declares every prototype, turns statuses
into exceptions. Nothing here knows about pandas or plots."""

import ctypes
import os

# The library versions this binding was written against: same major, a minor
# at least this one (functions are only ever added within a SONAME).
SONAME = "libchampions.so.0"
REQUIRED = (0, 2)
ENV_VAR = "CHAMPIONS_LIBRARY"

_c = ctypes
_size = _c.c_size_t
_double = _c.c_double
_int = _c.c_int
_str = _c.c_char_p
_ptr = _c.c_void_p  # arrays are passed as addresses (numpy .ctypes.data)
_status = _c.c_int
_handle_out = _c.POINTER(_c.c_void_p)
# champ_progress_fn: int (*)(void *user, const char *phase, double done)
PROGRESS = _c.CFUNCTYPE(_c.c_int, _c.c_void_p, _c.c_char_p, _c.c_double)
# champ_write_fn: int (*)(void *user, const char *data, size_t len); data as
# an address, so that ctypes does not stop at a NUL or copy it as bytes
WRITE = _c.CFUNCTYPE(_c.c_int, _c.c_void_p, _c.c_void_p, _c.c_size_t)
_uint64 = _c.c_uint64
_sizep = _c.POINTER(_size)

# name: (restype, argtypes); every function of include/champions.h. The
# python suite parses the header and checks each type (test_prototypes.py).
PROTOTYPES = {
    "champ_version": (_str, []),
    "champ_status_name": (_str, [_int]),
    "champ_criterion_name": (_str, [_int]),
    "champ_diagnostic_name": (_str, [_int]),
    "champ_summary_item_name": (_str, [_int]),
    "champ_format_name": (_str, [_int]),
    "champ_input_name": (_str, [_int]),
    "champ_warning_name": (_str, [_int]),
    "champ_scenario_name": (_str, [_int]),
    "champ_period_name": (_str, [_int]),
    "champ_estimate_name": (_str, [_int]),
    "champ_kpi_name": (_str, [_int]),
    "champ_flag_name": (_str, [_int]),
    "champ_language_name": (_str, [_int]),
    "champ_team_item_name": (_str, [_int]),
    "champ_flag_description": (_str, [_int]),
    "champ_scenario_description": (_str, [_int]),
    "champ_last_error": (_str, []),
    "champ_parse_time": (_status, [_c.POINTER(_double), _str]),
    "champ_parse_times": (_status, [_ptr, _size, _ptr]),
    "champ_network_new": (_status, [_handle_out]),
    "champ_read_options_new": (_status, [_handle_out]),
    "champ_read_options_set_input": (_status, [_ptr, _int]),
    "champ_read_options_set_people": (_status, [_ptr, _str]),
    "champ_read_options_set_column": (_status, [_ptr, _str, _str]),
    "champ_read_options_set_weight_column": (_status, [_ptr, _str]),
    "champ_read_options_set_hrvar": (_status, [_ptr, _str]),
    "champ_read_options_get_hrvar": (_str, [_ptr]),
    "champ_read_options_set_progress": (_status, [_ptr, PROGRESS, _ptr]),
    "champ_read_options_free": (None, [_ptr]),
    "champ_network_read": (_status, [_str, _ptr, _handle_out]),
    "champ_network_read_fd": (_status, [_int, _str, _ptr, _handle_out]),
    "champ_network_read_memory": (_status, [_ptr, _size, _str, _ptr, _handle_out]),
    "champ_network_read_file": (_status, [_str, _handle_out]),
    "champ_network_read_file_progress": (_status, [_str, PROGRESS, _ptr, _handle_out]),
    "champ_network_read_json": (_status, [_str, _size, _handle_out]),
    "champ_network_read_jsonl": (_status, [_str, _size, _handle_out]),
    "champ_network_add_person": (_status, [_ptr, _str, _str, _str]),
    "champ_network_add_interaction": (_status, [_ptr, _str, _str, _double, _str, _double]),
    "champ_network_add_people": (_status, [_ptr, _size, _ptr, _ptr, _ptr]),
    "champ_network_add_interactions": (_status, [_ptr, _size, _ptr, _ptr, _ptr, _ptr, _ptr]),
    "champ_network_pseudonymize": (_status, [_ptr, _ptr, _size, _int]),
    "champ_pseudonym": (_status, [_ptr, _size, _int, _str, _ptr]),
    "champ_network_person_count": (_size, [_ptr]),
    "champ_network_interaction_count": (_size, [_ptr]),
    "champ_network_write": (_status, [_ptr, _int, _ptr]),
    "champ_network_write_to": (_status, [_ptr, _int, WRITE, _ptr]),
    "champ_network_free": (None, [_ptr]),
    "champ_options_new": (_status, [_handle_out]),
    "champ_options_set_weight": (_status, [_ptr, _int, _double]),
    "champ_options_set_window": (_status, [_ptr, _double, _double]),
    "champ_options_set_type_weight": (_status, [_ptr, _str, _double]),
    "champ_options_set_min_activity": (_status, [_ptr, _double]),
    "champ_options_set_champion_groups": (_status, [_ptr, _ptr, _size]),
    "champ_options_set_audience_groups": (_status, [_ptr, _ptr, _size]),
    "champ_options_set_reciprocity_prior": (_status, [_ptr, _double]),
    "champ_options_set_bridging_samples": (_status, [_ptr, _size]),
    "champ_options_set_seed": (_status, [_ptr, _c.c_uint64]),
    "champ_options_set_scenario": (_status, [_ptr, _int]),
    "champ_options_set_top": (_status, [_ptr, _size]),
    "champ_options_set_period": (_status, [_ptr, _int]),
    "champ_options_set_bridging_estimate": (_status, [_ptr, _int]),
    "champ_options_set_min_tie_weight": (_status, [_ptr, _double]),
    "champ_options_set_confidence": (_status, [_ptr, _size]),
    "champ_options_set_min_group_size": (_status, [_ptr, _size]),
    "champ_options_allow_small_groups": (_status, [_ptr, _int]),
    "champ_options_set_progress": (_status, [_ptr, PROGRESS, _ptr]),
    "champ_options_get_weight": (_double, [_ptr, _int]),
    "champ_options_get_min_activity": (_double, [_ptr]),
    "champ_options_get_reciprocity_prior": (_double, [_ptr]),
    "champ_options_get_bridging_samples": (_size, [_ptr]),
    "champ_options_get_seed": (_uint64, [_ptr]),
    "champ_options_champion_group_count": (_size, [_ptr]),
    "champ_options_champion_group": (_str, [_ptr, _size]),
    "champ_options_audience_group_count": (_size, [_ptr]),
    "champ_options_audience_group": (_str, [_ptr, _size]),
    "champ_options_get_scenario": (_int, [_ptr]),
    "champ_options_get_top": (_size, [_ptr]),
    "champ_options_get_period": (_int, [_ptr]),
    "champ_options_get_bridging_estimate": (_int, [_ptr]),
    "champ_options_get_min_tie_weight": (_double, [_ptr]),
    "champ_options_get_confidence": (_size, [_ptr]),
    "champ_options_get_min_group_size": (_size, [_ptr]),
    "champ_options_get_allow_small_groups": (_int, [_ptr]),
    "champ_options_free": (None, [_ptr]),
    "champ_rank": (_status, [_ptr, _ptr, _handle_out]),
    "champ_ranking_count": (_size, [_ptr]),
    "champ_ranking_id": (_str, [_ptr, _size]),
    "champ_ranking_team": (_str, [_ptr, _size]),
    "champ_ranking_group": (_str, [_ptr, _size]),
    "champ_ranking_listed": (_int, [_ptr, _size]),
    "champ_ranking_eligible": (_int, [_ptr, _size]),
    "champ_ranking_rank": (_size, [_ptr, _size]),
    "champ_ranking_score": (_double, [_ptr, _size]),
    "champ_ranking_value": (_double, [_ptr, _size, _int]),
    "champ_ranking_percentile": (_double, [_ptr, _size, _int]),
    "champ_ranking_diagnostic": (_double, [_ptr, _size, _int]),
    "champ_ranking_ranks": (_status, [_ptr, _ptr]),
    "champ_ranking_scores": (_status, [_ptr, _ptr]),
    "champ_ranking_values": (_status, [_ptr, _int, _ptr]),
    "champ_ranking_percentiles": (_status, [_ptr, _int, _ptr]),
    "champ_ranking_diagnostics": (_status, [_ptr, _int, _ptr]),
    "champ_ranking_texts": (_status, [_ptr, _int, _ptr, _size, _sizep]),
    "champ_ranking_weight": (_double, [_ptr, _int]),
    "champ_ranking_find": (_status, [_ptr, _str, _sizep]),
    "champ_ranking_summary": (_double, [_ptr, _int]),
    "champ_ranking_warning_count": (_size, [_ptr]),
    "champ_ranking_warning": (_str, [_ptr, _size, _c.POINTER(_int)]),
    "champ_ranking_audience_group_count": (_size, [_ptr]),
    "champ_ranking_audience_group": (_str, [_ptr, _size]),
    "champ_ranking_tie_count": (_size, [_ptr]),
    "champ_ranking_ties": (_status, [_ptr, _ptr, _ptr, _ptr]),
    "champ_ranking_bridging_exact": (_int, [_ptr]),
    "champ_ranking_bridging_sources": (_size, [_ptr]),
    "champ_ranking_bridging_estimate": (_int, [_ptr]),
    "champ_ranking_top": (_size, [_ptr]),
    "champ_ranking_flags": (_c.c_uint, [_ptr, _size]),
    "champ_ranking_flag_sets": (_status, [_ptr, _ptr]),
    "champ_ranking_shadow_of": (_str, [_ptr, _size, _c.POINTER(_double)]),
    "champ_ranking_resamples": (_size, [_ptr]),
    "champ_ranking_interval": (_int, [_ptr, _size, _sizep, _sizep, _c.POINTER(_double)]),
    "champ_ranking_tier": (_size, [_ptr, _size]),
    "champ_ranking_intervals": (_status, [_ptr, _ptr, _ptr, _ptr, _ptr]),
    "champ_ranking_explain": (_status, [_ptr, _size, _int, _ptr, _size, _sizep]),
    "champ_ranking_explain_criterion": (_status, [_ptr, _size, _int, _int, _ptr, _size,
                                                  _sizep]),
    "champ_ranking_figure": (_status, [_ptr, _size, _int, _int, _ptr, _size, _sizep]),
    "champ_ranking_explanations": (_status, [_ptr, _int, _ptr, _size, _sizep]),
    "champ_ranking_min_group_size": (_size, [_ptr]),
    "champ_ranking_team_count": (_size, [_ptr]),
    "champ_ranking_team_name": (_str, [_ptr, _size]),
    "champ_ranking_team_pooled": (_int, [_ptr, _size]),
    "champ_ranking_team_table": (_status, [_ptr, _size, _int, _ptr]),
    "champ_ranking_write_teams": (_status, [_ptr, _int, _size, _ptr]),
    "champ_ranking_write_teams_to": (_status, [_ptr, _int, _size, WRITE, _ptr]),
    "champ_ranking_write": (_status, [_ptr, _int, _size, _ptr]),
    "champ_ranking_write_to": (_status, [_ptr, _int, _size, WRITE, _ptr]),
    "champ_ranking_free": (None, [_ptr]),
    "champ_track": (_status, [_ptr, _ptr, _handle_out]),
    "champ_tracking_count": (_size, [_ptr]),
    "champ_tracking_period": (_int, [_ptr]),
    "champ_tracking_top": (_size, [_ptr]),
    "champ_tracking_scenario": (_int, [_ptr]),
    "champ_tracking_since": (_double, [_ptr, _size]),
    "champ_tracking_until": (_double, [_ptr, _size]),
    "champ_tracking_summary": (_double, [_ptr, _size, _int]),
    "champ_tracking_warning_count": (_size, [_ptr, _size]),
    "champ_tracking_warning": (_str, [_ptr, _size, _size, _c.POINTER(_int)]),
    "champ_tracking_kpi": (_double, [_ptr, _size, _int]),
    "champ_tracking_champion_count": (_size, [_ptr, _size]),
    "champ_tracking_champion": (_str, [_ptr, _size, _size]),
    "champ_tracking_rising_count": (_size, [_ptr, _size]),
    "champ_tracking_rising": (_str, [_ptr, _size, _size, _sizep, _sizep]),
    "champ_tracking_write": (_status, [_ptr, _ptr, _int, _ptr]),
    "champ_tracking_write_to": (_status, [_ptr, _ptr, _int, WRITE, _ptr]),
    "champ_tracking_free": (None, [_ptr]),
    "champ_goal_read": (_status, [_str, _handle_out]),
    "champ_goal_read_memory": (_status, [_ptr, _size, _str, _handle_out]),
    "champ_goal_name": (_str, [_ptr]),
    "champ_goal_kpi": (_str, [_ptr]),
    "champ_goal_target": (_double, [_ptr]),
    "champ_goal_deadline": (_double, [_ptr]),
    "champ_goal_baseline_period": (_size, [_ptr]),
    "champ_goal_scenario": (_int, [_ptr]),
    "champ_goal_what": (_str, [_ptr]),
    "champ_goal_who": (_str, [_ptr]),
    "champ_goal_why": (_str, [_ptr]),
    "champ_goal_status": (_status, [_ptr, _ptr, _c.POINTER(_double), _c.POINTER(_double),
                                    _c.POINTER(_double), _c.POINTER(_int)]),
    "champ_goal_free": (None, [_ptr]),
    "champ_report_write": (_status, [_ptr, _ptr, _ptr, _int, _ptr]),
    "champ_report_write_to": (_status, [_ptr, _ptr, _ptr, _int, WRITE, _ptr]),
}

# Values of the C enums (fixed forever by the header).
(OK, ERR_ARGUMENT, ERR_NOMEM, ERR_IO, ERR_PARSE, ERR_SCHEMA, ERR_INTERNAL, ERR_CANCELLED,
 ERR_NOT_FOUND) = range(9)
TEXT_ID, TEXT_TEAM, TEXT_GROUP = range(3)


class Error(Exception):
    """An error reported by libchampions. `status` is the C status name
    ("CHAMP_ERR_PARSE"), the message is the library's."""

    status = None


class InputError(Error, ValueError):
    """The input is malformed (CHAMP_ERR_PARSE) or has a wrong value
    (CHAMP_ERR_SCHEMA); the message names the place."""


class ArgumentError(Error, ValueError):
    """An option or argument out of range (CHAMP_ERR_ARGUMENT)."""


class FileError(Error, OSError):
    """A file could not be opened or read (CHAMP_ERR_IO)."""


class OutOfMemoryError(Error, MemoryError):
    """The library ran out of memory (CHAMP_ERR_NOMEM); nothing was changed."""


class InternalError(Error, RuntimeError):
    """A failure inside a dependency (CHAMP_ERR_INTERNAL): a bug, please report."""


class CancelledError(Error):
    """The progress callback stopped the call (CHAMP_ERR_CANCELLED)."""


class NotFoundError(Error, KeyError):
    """What was looked up is not there (CHAMP_ERR_NOT_FOUND)."""

    def __str__(self):  # KeyError would show the message quoted
        return str(self.args[0]) if self.args else ""


class DataWarning(UserWarning):
    """The data or the options may not support a ranking as meant: the
    library's warning, e.g. no one in the audience group asked for."""


_EXCEPTIONS = {
    ERR_ARGUMENT: ArgumentError,
    ERR_NOMEM: OutOfMemoryError,
    ERR_IO: FileError,
    ERR_PARSE: InputError,
    ERR_SCHEMA: InputError,
    ERR_INTERNAL: InternalError,
    ERR_CANCELLED: CancelledError,
    ERR_NOT_FOUND: NotFoundError,
}


def _candidates():
    override = os.environ.get(ENV_VAR)
    if override:
        return [override]
    here = os.path.dirname(os.path.abspath(__file__))
    return [os.path.join(here, SONAME), SONAME]


def _open():
    tried = []
    for path in _candidates():
        try:
            return _c.CDLL(path), path
        except OSError as e:
            tried.append(f"{path}: {e}")
    raise ImportError("champions: cannot load libchampions; tried\n  " + "\n  ".join(tried)
                      + f"\nSet {ENV_VAR} to the library's path, or install libchampions.")


def _declare(handle, path):
    for name, (restype, argtypes) in PROTOTYPES.items():
        try:
            fn = getattr(handle, name)
        except AttributeError:
            raise ImportError(f"champions: {path} has no {name}: the library is older "
                              f"than this binding needs ({REQUIRED[0]}.{REQUIRED[1]})") from None
        fn.restype = restype
        fn.argtypes = argtypes


def _check_version(version, path):
    try:
        major, minor = (int(x) for x in version.split(".")[:2])
    except ValueError:
        raise ImportError(f"champions: {path} reports version {version!r}") from None
    if major != REQUIRED[0] or minor < REQUIRED[1]:
        raise ImportError(f"champions: {path} is version {version}; this binding needs "
                          f"{REQUIRED[0]}.{REQUIRED[1]} or a later {REQUIRED[0]}.x")


lib, path = _open()
_declare(lib, path)
version = lib.champ_version().decode()
_check_version(version, path)


def _names(name_of):
    """Every name of a C enum, asked of the library: value 0, 1, ... until NULL."""
    names, value = [], 0
    while (name := name_of(value)) is not None:
        names.append(name.decode())
        value += 1
    return tuple(names)


CRITERIA = _names(lib.champ_criterion_name)
DIAGNOSTICS = _names(lib.champ_diagnostic_name)
SUMMARY_ITEMS = _names(lib.champ_summary_item_name)
FORMATS = _names(lib.champ_format_name)
INPUTS = _names(lib.champ_input_name)
WARNINGS = _names(lib.champ_warning_name)
SCENARIOS = _names(lib.champ_scenario_name)
PERIODS = _names(lib.champ_period_name)
ESTIMATES = _names(lib.champ_estimate_name)
KPIS = _names(lib.champ_kpi_name)
FLAGS = _names(lib.champ_flag_name)
LANGUAGES = _names(lib.champ_language_name)
TEAM_ITEMS = _names(lib.champ_team_item_name)


def error(status):
    """The exception for a failed call, with this thread's message (read at
    once: it lasts only until the thread's next call into the library)."""
    message = lib.champ_last_error().decode("utf-8", "replace")
    exc = _EXCEPTIONS.get(status, InternalError)(message)
    exc.status = lib.champ_status_name(status).decode()
    return exc


def check(status):
    if status != OK:
        raise error(status)


def pick(value, names, name):
    """The index of `value` among a C enum's `names`, or ValueError naming
    the option and every choice."""
    if value not in names:
        raise ValueError(f"{name}: expected one of {', '.join(names)}, got {value!r}")
    return names.index(value)


def check_named(status, name):
    """check(), the message led by the option it is about: "top: ..."."""
    if status != OK:
        exc = error(status)
        if not exc.args[0].startswith(f"{name}: "):  # the library's may name it already
            exc.args = (f"{name}: {exc.args[0]}",)
        raise exc


def written(writer, *args):
    """The text a library writer hands to its write callback: writer(*args,
    callback, None) is the call."""
    pieces = []

    def take(user, data, length):
        pieces.append(_c.string_at(data, length))
        return 0

    check(writer(*args, WRITE(take), None))
    return b"".join(pieces).decode("utf-8")


def write_text(path, text):
    """text (str) to the file `path` (str or os.PathLike), UTF-8, through a
    temporary file beside it renamed into place: a failure leaves no
    partial file."""
    import os
    import tempfile
    path = os.fspath(path)
    fd, temp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)),
                                prefix=os.path.basename(path) + ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def new_handle(constructor, *args, checker=check):
    """Call a constructor that returns a handle through its last argument."""
    out = _c.c_void_p()
    checker(constructor(*args, _c.byref(out)))
    return out.value
