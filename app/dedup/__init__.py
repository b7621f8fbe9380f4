"""Deduplication: normalize, block, score, decide; merge and undo.

Works on plain records (`CompanyRecord`) so the benchmark runs without a store or GUI; the store
side (`service`, `store_index`, `merge`) feeds it from the database.
"""
