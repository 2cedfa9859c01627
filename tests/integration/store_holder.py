"""Child process for the store tests: open a store and hold it until stdin closes.

Usage: python store_holder.py STORE_DIR   (passphrase in CASEWORKER_PASSPHRASE)
Prints ``open`` once the store is unlocked, or ``in-use`` / the error class name.
"""

from __future__ import annotations

import os
import sys

from caseworker.store import Store, StoreError, StoreInUse


def main() -> int:
    store = Store(sys.argv[1])
    try:
        opened = store.unlock(os.environ["CASEWORKER_PASSPHRASE"])
    except StoreInUse:
        print("in-use", flush=True)
        return 3
    except StoreError as err:
        print(type(err).__name__, flush=True)
        return 2
    print("open", flush=True)
    sys.stdin.read()  # hold the store until the parent closes our stdin
    opened.close()
    print("closed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
