"""The source stage of veribib."""
