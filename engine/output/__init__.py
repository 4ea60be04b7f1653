"""Everything gapcheck writes for people and programs: one module per format, one to write a set of files."""
