"""The facts a knowledge base holds beside its entities: quotes and their speakers
(:mod:`.quotes`), roles (:mod:`.roles`), events (:mod:`.events`, from :mod:`.happenings`,
:mod:`.headlines` and :mod:`.clauses`), aid packages (:mod:`.aid`), relations
(:mod:`.relations`) and topics (:mod:`.topics`).
"""
