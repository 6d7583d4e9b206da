"""Pure-Python core: profile model, pack model and loader, engine, explanations.

Imports neither Qt nor SQLAlchemy (enforced by tests/test_layers.py).
"""
