"""Runnable demos, datasets and plots: `python -m demos` lists them."""
