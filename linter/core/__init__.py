"""The ground layer: the document model, findings and fixes, the rule base class and the pack loader.

Nothing here imports from the rest of texthygiene.
"""
