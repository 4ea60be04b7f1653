"""gapcheck: legal-gap analysis of national law against international child-protection standards."""

__version__ = "0.1.0"
