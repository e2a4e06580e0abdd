"""Board types; each module registers one type."""
