"""Queries and writes on one open session; each module one kind of record.

Functions take a ``Session`` that the caller opened with ``Database.write()`` or ``read()`` (one
transaction per user action) and return the plain records of ``db.records``.
"""
