"""OSCAL (NIST's Open Security Controls Assessment Language) JSON exports: a System Security Plan
and a component definition from the workspace's Statements of Applicability and controls."""
