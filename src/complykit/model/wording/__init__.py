"""The model's values as people write them: legal bases, special categories and countries in
English, Dutch, French and German words, read back to the value complykit expects.

The register import uses these to turn a spreadsheet's cells into records; ``validate`` uses
them to answer a value the model refuses (``legal_basis: wettelijke verplichting``, ``country:
Nederland``) with the value that was meant, as a hint it never applies.
"""
