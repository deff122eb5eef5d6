"""The reference stage of veribib."""
