"""The guided start: what it says, the questions it asks, and where it is in them."""
