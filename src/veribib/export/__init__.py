"""The export stage of veribib."""
