"""Readers that turn inputs (text, HTML, JSON Lines, folders, stdin) into ``Article``s."""

from .readers import InputError, read_inputs
from .slug import slugify
from .text import read_text_article

__all__ = ["InputError", "read_inputs", "read_text_article", "slugify"]
