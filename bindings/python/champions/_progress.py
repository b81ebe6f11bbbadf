"""Progress of long calls: the library's champ_progress_fn, forwarded to a
Python callable, a tqdm bar, or a line on stderr."""

import sys

from . import _lib


class Listener:
    """Wraps `progress` for one C call: None (silent), True (a tqdm bar when
    tqdm is installed, else a line on stderr) or a callable(phase, done)
    that returns False to stop the call or raises to stop it with that
    exception. `pointer` is what the C call takes (NULL when silent)."""

    def __init__(self, progress):
        self.error = None
        self.pointer = _lib.PROGRESS()  # NULL: silent
        self._close = None
        if progress is None or progress is False:
            return
        self._show = _display() if progress is True else progress
        if progress is True:
            self._close = self._show.close
        if not callable(self._show):
            raise TypeError("progress: expected None, True or a callable(phase, done)")
        self.pointer = _lib.PROGRESS(self._call)

    def _call(self, user, phase, done):
        try:
            return 1 if self._show(phase.decode(), done) is False else 0
        except BaseException as e:  # Ctrl-C included: stop the C call, raise after it
            self.error = e
            return 1

    def check(self, status):
        """Raise for the call's status: the callback's own exception first."""
        if self._close:
            self._close()
        if status == _lib.ERR_CANCELLED and self.error is not None:
            raise self.error
        _lib.check(status)


def _display():
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return _Line()
    return _Bars(tqdm)


class _Bars:
    """One tqdm bar per phase, in percent."""

    def __init__(self, tqdm):
        self._tqdm, self._bar, self._phase = tqdm, None, None

    def __call__(self, phase, done):
        if phase != self._phase:
            self.close()
            self._bar = self._tqdm(total=100, desc=phase, unit="%", leave=False)
            self._phase = phase
        self._bar.n = round(done * 100)
        self._bar.refresh()

    def close(self):
        if self._bar is not None:
            self._bar.close()
        self._bar = self._phase = None


class _Line:
    """A line on stderr, rewritten in place: "bridging  42%"."""

    def __call__(self, phase, done):
        sys.stderr.write(f"\r{phase:<10} {done:4.0%}")
        sys.stderr.flush()

    def close(self):
        sys.stderr.write("\r" + " " * 16 + "\r")
        sys.stderr.flush()
