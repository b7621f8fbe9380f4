"""Services: every read and write of the store goes through these modules (no Qt here)."""
