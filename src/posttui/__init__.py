"""posttui: write a social-media strategy with the POST method, in the terminal."""

__version__ = "0.1.0"
