"""Ownership of a C handle: close(), a context manager, and a __del__ that is
safe at interpreter shutdown (it touches nothing but its own attributes)."""


class Handle:
    _free = None  # the champ_*_free function, set by subclasses

    def __init__(self, pointer):
        self._ptr = pointer

    @property
    def closed(self):
        return not self._ptr

    def close(self):
        """Free the C object now. Safe to call twice; the object is unusable after."""
        ptr, self._ptr = getattr(self, "_ptr", None), None
        if ptr:
            type(self)._free(ptr)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        # At shutdown module globals may already be None; the free function
        # is reached through the class, which outlives its instances.
        self.close()

    def _handle(self):
        if not self._ptr:
            raise ValueError(f"this {type(self).__name__} is closed")
        return self._ptr
