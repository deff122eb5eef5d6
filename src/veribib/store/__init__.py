"""The store stage of veribib."""
