"""Word knowledge every stage shares: names and their forms (:mod:`.names`), dates in text
(:mod:`.dates`), places and their demonyms (:mod:`.gazetteer`).
"""
