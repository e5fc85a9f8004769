"""Clinical images attached to posts, de-identified before anyone sees them (forum/uploads/pipeline.py)."""
