"""Hit counters and figures."""
