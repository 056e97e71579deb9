"""The tiny harness the client scripts share: one line per check, a closing count, exit code 1 on any failure.

    from checks import check, finish
    @check("what the user expects")
    def _(): ...
    finish()
"""
import sys
import traceback

results = []


def check(name):
    """Runs the decorated function at once and records whether it raised."""
    def wrap(fn):
        try:
            fn()
            results.append((name, True))
            print(f"ok   {name}", flush=True)
        except Exception:
            results.append((name, False))
            print(f"FAIL {name}", flush=True)
            traceback.print_exc()
        return fn
    return wrap


def finish():
    """Prints 'N passed, N failed' and exits 1 when any check failed."""
    passed = sum(1 for _, ok in results if ok)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
