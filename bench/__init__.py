"""Mend's benchmark: ``python -m bench [--smoke|--quick|--full]``.

Generates its own data (real SQLite through bot.storage, the shipped prompt library, the real
TextCipher), measures every figure of issue 4, prints a table and writes bench/results.json.
"""
