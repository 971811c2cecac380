"""complykit: compliance as code for GDPR/AVG, the EU AI Act and ISO management systems."""

__version__ = "0.1.0"
