"""The resolve stage of veribib."""
