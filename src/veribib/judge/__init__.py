"""The judge stage of veribib."""
