"""Exchange with the world outside the workspace: the Dutch Algoritmeregister export, and the
import of processing activities from the spreadsheet registers privacy officers keep."""
