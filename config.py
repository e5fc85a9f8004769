"""Kept so that `from config import ...` goes on working; the configuration lives in forum/config.py."""
from forum.config import *  # noqa: F401,F403
from forum.config import (  # noqa: F401  (names the star import leaves out)
    _bool,
    _development_secret_key,
    _int,
    _list,
)
